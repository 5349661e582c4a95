import FluentKit
import Foundation

/// Row of `supervision_sessions`: a session entered by hand. `@unchecked Sendable`: see
/// `AuditTemplateModel`.
final class SupervisionSessionModel: Model, @unchecked Sendable {
    static let schema = "supervision_sessions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "worker") var worker: String
    @Field(key: "session_date") var sessionDate: String
    @OptionalField(key: "kind") var kind: String?
    @OptionalField(key: "reflective") var reflective: Bool?
    @OptionalField(key: "child_id") var childID: String?
    @Field(key: "entered_by") var enteredBy: String
    @Field(key: "entered_at") var enteredAt: Date
    init() {}
}

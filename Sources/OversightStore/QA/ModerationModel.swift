import FluentKit
import Foundation

/// Row of `moderations`: at most one per audit. `@unchecked Sendable`: see `AuditTemplateModel`.
final class ModerationModel: Model, @unchecked Sendable {
    static let schema = "moderations"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "audit_id") var auditID: String
    @Field(key: "moderator") var moderator: String
    @Field(key: "grade") var grade: String
    @Field(key: "agrees") var agrees: Bool
    @OptionalField(key: "rationale") var rationale: String?
    @Field(key: "moderated_at") var moderatedAt: Date
    init() {}
}

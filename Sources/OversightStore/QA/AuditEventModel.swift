import FluentKit
import Foundation

/// Row of `audit_events`: one step of an audit's history, numbered from 0 within the audit.
/// `@unchecked Sendable`: see `AuditTemplateModel`.
final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "audit_id") var auditID: String
    @Field(key: "position") var position: Int
    @Field(key: "step") var step: String
    @Field(key: "by_user") var byUser: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "detail") var detail: String?
    init() {}
}

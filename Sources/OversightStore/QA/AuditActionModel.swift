import FluentKit
import Foundation

/// Row of `audit_actions`. `@unchecked Sendable`: see `AuditTemplateModel`.
final class AuditActionModel: Model, @unchecked Sendable {
    static let schema = "audit_actions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "audit_id") var auditID: String
    @Field(key: "number") var number: Int
    @Field(key: "text") var text: String
    @Field(key: "owner") var owner: String
    @Field(key: "due_date") var dueDate: String
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "done_by") var doneBy: String?
    init() {}
}

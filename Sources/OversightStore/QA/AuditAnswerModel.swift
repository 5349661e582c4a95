import FluentKit

/// Row of `audit_answers`: one question's answer. `@unchecked Sendable`: see `AuditTemplateModel`.
final class AuditAnswerModel: Model, @unchecked Sendable {
    static let schema = "audit_answers"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "audit_id") var auditID: String
    @Field(key: "question_id") var questionID: String
    @OptionalField(key: "value") var value: String?
    @OptionalField(key: "evidence") var evidence: String?
    init() {}
}

import FluentKit
import Foundation

/// Row of `audits`: the audit's own fields; answers, moderation, actions and events are rows of
/// their own tables. Lists are JSON. `@unchecked Sendable`: see `AuditTemplateModel`.
final class AuditModel: Model, @unchecked Sendable {
    static let schema = "audits"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "la_code") var laCode: String
    @OptionalField(key: "round_id") var roundID: String?
    @Field(key: "type") var type: String
    /// `child:ID` or `worker:ID`.
    @Field(key: "subject") var subject: String
    /// The child's id, for "audits of this child".
    @OptionalField(key: "child_id") var childID: String?
    @OptionalField(key: "case_kind") var caseKind: String?
    @OptionalField(key: "team") var team: String?
    @Field(key: "auditor") var auditor: String
    @Field(key: "partner_auditors") var partnerAuditors: String
    @Field(key: "due_date") var dueDate: String
    @Field(key: "template_id") var templateID: String
    @Field(key: "template_version") var templateVersion: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "grade") var grade: String?
    @OptionalField(key: "grade_rationale") var gradeRationale: String?
    @Field(key: "learning_themes") var learningThemes: String
    @Field(key: "strengths") var strengths: String
    @Field(key: "areas_for_development") var areasForDevelopment: String
    @Field(key: "evidenced") var evidenced: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "feedback") var feedback: String?
    @OptionalField(key: "feedback_at") var feedbackAt: Date?
    @OptionalField(key: "re_audit_of") var reAuditOf: String?
    init() {}
}

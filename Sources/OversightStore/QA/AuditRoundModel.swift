import FluentKit
import Foundation

/// Row of `audit_rounds`. `@unchecked Sendable`: see `AuditTemplateModel`.
final class AuditRoundModel: Model, @unchecked Sendable {
    static let schema = "audit_rounds"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "la_code") var laCode: String
    @Field(key: "name") var name: String
    @Field(key: "month_start") var monthStart: String
    @Field(key: "month_end") var monthEnd: String
    @Field(key: "type") var type: String
    @Field(key: "cohort") var cohort: String
    @Field(key: "cohort_day") var cohortDay: String
    @Field(key: "sample_size") var sampleSize: Int
    /// The UInt64 seed in decimal (databases hold signed integers only).
    @Field(key: "seed") var seed: String
    @Field(key: "moderation_rate") var moderationRate: Int
    @Field(key: "due_date") var dueDate: String
    @Field(key: "template_id") var templateID: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

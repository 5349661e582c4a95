import FluentKit
import Foundation

/// Row of `practice_standards`: the supervision interval for a role. `@unchecked Sendable`: see
/// `AuditTemplateModel`.
final class PracticeStandardModel: Model, @unchecked Sendable {
    static let schema = "practice_standards"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "role") var role: String
    @Field(key: "supervision_interval_days") var supervisionIntervalDays: Int
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

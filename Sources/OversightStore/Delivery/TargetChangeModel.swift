import FluentKit
import Foundation

/// Row of `target_changes`: a KPI's target changed from a day on (see `TargetHistory`).
/// `@unchecked Sendable`: see `ImportModel`.
final class TargetChangeModel: Model, @unchecked Sendable {
    static let schema = "target_changes"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "ambition") var ambition: Int
    @Field(key: "measure") var measure: String
    @Field(key: "effective_from") var effectiveFrom: String
    /// The target's plan-file token (`70`, `below_last_year`).
    @Field(key: "target") var target: String
    /// The trajectory as `END=VALUE[=LABEL]` entries joined by `;`.
    @Field(key: "trajectory") var trajectory: String
    @Field(key: "reason") var reason: String
    @Field(key: "user_name") var userName: String
    @Field(key: "changed_at") var changedAt: Date
    init() {}
}

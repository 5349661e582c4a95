import FluentKit
import Foundation

/// Row of `plans`: one version of an improvement plan as YAML text. Several plans (year to year)
/// and several versions of each are kept; one row per authority is current.
/// `@unchecked Sendable`: see `ImportModel`.
final class PlanModel: Model, @unchecked Sendable {
    static let schema = "plans"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    /// The plan's own id (`trafford-2020`).
    @Field(key: "plan_key") var planKey: String
    @Field(key: "title") var title: String
    /// 1 for the first import of a plan id, then 2, 3, ...
    @Field(key: "version") var version: Int
    @Field(key: "yaml") var yaml: String
    @Field(key: "is_current") var isCurrent: Bool
    @Field(key: "user_name") var userName: String
    @Field(key: "imported_at") var importedAt: Date
    init() {}
}

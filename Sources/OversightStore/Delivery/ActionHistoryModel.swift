import FluentKit
import Foundation

/// Row of `action_history`: one change to an action. `@unchecked Sendable`: see `ImportModel`.
final class ActionHistoryModel: Model, @unchecked Sendable {
    static let schema = "action_history"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "action_id") var actionID: Int
    @Field(key: "field") var field: String
    @Field(key: "from_value") var fromValue: String
    @Field(key: "to_value") var toValue: String
    @Field(key: "user_name") var userName: String
    @Field(key: "changed_at") var changedAt: Date
    init() {}
}

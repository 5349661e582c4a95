import FluentKit
import Foundation

/// Row of `plan_actions`: one tracked action of an ambition. `@unchecked Sendable`: see `ImportModel`.
final class ActionModel: Model, @unchecked Sendable {
    static let schema = "plan_actions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "ambition") var ambition: Int
    @Field(key: "text") var text: String
    @Field(key: "owner") var owner: String
    /// ISO date, or nil.
    @OptionalField(key: "due") var due: String?
    @Field(key: "status") var status: String
    /// Its place among its ambition's actions (1 first); nil for one never moved, which comes
    /// after those placed, in the order added.
    @OptionalField(key: "position") var position: Int?
    init() {}
}

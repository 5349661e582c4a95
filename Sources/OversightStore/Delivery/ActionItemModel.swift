import FluentKit
import Foundation

/// Row of `action_items`: a milestone, a risk or a KPI an action serves (`kind`). `@unchecked
/// Sendable`: see `ImportModel`.
final class ActionItemModel: Model, @unchecked Sendable {
    static let schema = "action_items"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "action_id") var actionID: Int
    /// `milestone`, `risk` or `kpi`.
    @Field(key: "kind") var kind: String
    /// The milestone's or risk's words; the KPI's measure id.
    @Field(key: "text") var text: String
    @OptionalField(key: "due") var due: String?
    @OptionalField(key: "rating") var rating: String?
    @OptionalField(key: "mitigation") var mitigation: String?
    /// The day a milestone was done or a risk closed.
    @OptionalField(key: "done_on") var doneOn: String?
    init() {}
}

/// Adds `action_items`.
struct CreateActionItems: AsyncMigration {
    var name: String { "2026-12-10-03-create-action-items" }

    func prepare(on database: any Database) async throws {
        try await database.schema("action_items")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("action_id", .int, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("due", .string)
            .field("rating", .string)
            .field("mitigation", .string)
            .field("done_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("action_items").delete()
    }
}

/// Adds `plan_actions.position`: the order of an ambition's actions, as its owners arrange them.
struct AddActionPosition: AsyncMigration {
    var name: String { "2026-12-10-04-add-action-position" }

    func prepare(on database: any Database) async throws {
        try await database.schema("plan_actions").field("position", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_actions").deleteField("position").update()
    }
}

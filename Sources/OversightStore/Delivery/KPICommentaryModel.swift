import FluentKit
import Foundation

/// Row of `kpi_commentary`: a lead's account of a red KPI for one period (the latest wins;
/// earlier ones are kept). `@unchecked Sendable`: see `ImportModel`.
final class KPICommentaryModel: Model, @unchecked Sendable {
    static let schema = "kpi_commentary"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "measure") var measure: String
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @Field(key: "why") var why: String
    @Field(key: "doing") var doing: String
    @Field(key: "user_name") var userName: String
    @Field(key: "written_at") var writtenAt: Date
    init() {}
}

/// Adds `kpi_commentary`.
struct CreateKPICommentary: AsyncMigration {
    var name: String { "2026-12-10-01-create-kpi-commentary" }

    func prepare(on database: any Database) async throws {
        try await database.schema("kpi_commentary")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("measure", .string, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("why", .string, .required)
            .field("doing", .string, .required)
            .field("user_name", .string, .required)
            .field("written_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kpi_commentary").delete()
    }
}

/// Adds `users.email`: where a user's reminders (overdue actions) are sent.
struct AddUserEmail: AsyncMigration {
    var name: String { "2026-12-10-02-add-user-email" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("email", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("email").update()
    }
}

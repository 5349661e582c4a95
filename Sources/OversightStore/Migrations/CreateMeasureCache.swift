import FluentKit

/// The cache of measure results per authority, data version, period and parameters.
struct CreateMeasureCache: AsyncMigration {
    var name: String { "2026-11-29-03-create-measure-cache" }

    func prepare(on database: any Database) async throws {
        try await database.schema("measure_cache")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("data_version", .string, .required)
            .field("period", .string, .required)
            .field("parameters", .string, .required)
            .field("results", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "la_code", "data_version", "period", "parameters")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("measure_cache").delete()
    }
}

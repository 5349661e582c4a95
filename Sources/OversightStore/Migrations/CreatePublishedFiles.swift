import FluentKit
import SQLKit

/// Published statistics imported by `oversight reference import`: one row a published file and
/// reporting year, holding that year's rows of the file as Oversight keeps them (the columns and
/// rows the comparators read, as CSV). Neighbour models are stored whole, as year 0. The figures
/// are national, so they belong to no one authority.
struct CreatePublishedFiles: AsyncMigration {
    var name: String { "2026-12-07-01-create-published-files" }

    func prepare(on database: any Database) async throws {
        try await database.schema("published_files")
            .field("id", .int, .identifier(auto: true))
            .field("file", .string, .required)
            .field("year", .int, .required)
            .field("content", .string, .required)
            .field("source", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string, .required)
            .unique(on: "file", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("published_files").delete()
    }
}

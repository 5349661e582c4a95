import FluentKit

/// One row per authority holding its revision: a counter that every write of data a measure,
/// KPI or report reads raises by one, in that write's transaction (`AuthorityRevision.bump`).
/// An authority with no row has revision 0.
struct CreateAuthorityRevisions: AsyncMigration {
    var name: String { "2026-12-07-02-create-authority-revisions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuthorityRevision.table)
            .field("la_code", .string, .identifier(auto: false))
            .field("revision", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthorityRevision.table).delete()
    }
}

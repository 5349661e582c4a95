import FluentKit
import SQLKit

/// Indexes for the store's lookups: records and imports by authority.
struct AddLookupIndexes: AsyncMigration {
    var name: String { "2026-11-29-02-add-lookup-indexes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "case_records_la_import").on("case_records").column("la_code").column("import_id").run()
        try await sql.create(index: "imports_la_status").on("imports").column("la_code").column("status").run()
        try await sql.create(index: "findings_la_import").on("findings").column("la_code").column("import_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in ["case_records_la_import", "imports_la_status", "findings_la_import"] {
            try await sql.drop(index: name).run()
        }
    }
}

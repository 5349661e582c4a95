import FluentKit

/// The first schema: imports, their files, findings and case records. Migrations are
/// append-only: change the schema with a new migration, never by editing this one.
struct CreateImportTables: AsyncMigration {
    var name: String { "2026-11-29-01-create-import-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("imports")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("user_name", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("status", .string, .required)
            .field("collection_years", .string, .required)
            .create()
        try await database.schema("import_files")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("import_id", .int, .required, .references("imports", "id"))
            .field("position", .int, .required)
            .field("path", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("format", .string, .required)
            .field("table_name", .string, .required)
            .field("collection_year", .int)
            .field("rows_read", .int, .required)
            .field("rows_stored", .int, .required)
            .field("blank_child_ids", .string, .required)
            .unique(on: "import_id", "position")
            .create()
        try await database.schema("source_files")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("import_id", .int, .required, .references("imports", "id"))
            .field("import_file_id", .int, .required, .references("import_files", "id"))
            .field("position", .int, .required)
            .field("format", .string, .required)
            .field("table_name", .string, .required)
            .field("collection_year", .int)
            .unique(on: "import_file_id", "position")
            .create()
        try await database.schema("findings")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("import_id", .int, .required, .references("imports", "id"))
            .field("rule", .string, .required)
            .field("severity", .string, .required)
            .field("file", .string, .required)
            .field("table_name", .string, .required)
            .field("row_number", .int)
            .field("child", .string)
            .field("fields", .string, .required)
            .field("message", .string, .required)
            .create()
        try await database.schema("case_records")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("import_id", .int, .required, .references("imports", "id"))
            .field("source_file_id", .int, .required, .references("source_files", "id"))
            .field("kind", .string, .required)
            .field("child", .string)
            .field("natural_key", .string, .required)
            .field("collection_year", .int)
            .field("row_number", .int, .required)
            .field("seq", .int, .required)
            .field("has_error", .bool, .required)
            .field("payload", .string, .required)
            .unique(on: "source_file_id", "kind", "natural_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["case_records", "findings", "source_files", "import_files", "imports"] {
            try await database.schema(table).delete()
        }
    }
}

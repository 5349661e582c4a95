import FluentKit
import SQLKit

/// Record blocks: each source file's records of one kind in `BinaryRecordCodec`'s layout, so
/// building case data reads a few blocks rather than a row per record. Imports stored before
/// this migration have no blocks and are read from their records' JSON payloads.
struct CreateRecordBlocks: AsyncMigration {
    var name: String { "2026-11-29-04-create-record-blocks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("record_blocks")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("import_id", .int, .required, .references("imports", "id"))
            .field("source_file_id", .int, .required, .references("source_files", "id"))
            .field("kind", .string, .required)
            .field("records", .int, .required)
            .field("data", .data, .required)
            .unique(on: "source_file_id", "kind")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "record_blocks_la_import").on("record_blocks").column("la_code").column("import_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("record_blocks").delete()
    }
}

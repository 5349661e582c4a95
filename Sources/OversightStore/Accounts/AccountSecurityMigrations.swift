import FluentKit
import SQLKit
import Foundation

/// `sign_in_throttle`: failed sign-ins per name typed, whether or not the name has an account, so
/// the lockout neither reveals which names exist nor can be outrun by parallel guesses (the count
/// is raised in the database before each password is checked). Rows are keyed by the SHA-256 of
/// the name, so a password typed into the username field is not kept; times are seconds since
/// 1970.
struct CreateSignInThrottle: AsyncMigration {
    var name: String { "2026-12-08-01-create-sign-in-throttle" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_throttle")
            .field("name_key", .string, .required)
            .field("failures", .int, .required)
            .field("locked_until", .double)
            .field("last_attempt", .double, .required)
            .unique(on: "name_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_throttle").delete()
    }
}

/// Chains the activity log: each entry gets its place (`seq`, 1, 2, ... per authority) and
/// `entry_hash`, the SHA-256 of the previous entry's hash and its own canonical content (see
/// `ActivityChain`); `activity_chain_heads` keeps each authority's last place and hash, so entries
/// deleted from the end are found too. Entries already in the log are chained here, in the order
/// they were written.
struct ChainActivityLog: AsyncMigration {
    var name: String { "2026-12-08-02-chain-activity-log" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema("activity_log").field("seq", .int).update()
        try await database.schema("activity_log").field("entry_hash", .string).update()
        try await database.schema("activity_chain_heads")
            .field("la_code", .string, .required)
            .field("seq", .int, .required)
            .field("entry_hash", .string, .required)
            .unique(on: "la_code")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX activity_log_la_seq ON activity_log (la_code, seq)").run()
        try await ActivityChain.chainUnchained(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("activity_chain_heads").delete()
        try await database.schema("activity_log").deleteField("seq").update()
        try await database.schema("activity_log").deleteField("entry_hash").update()
    }
}

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

/// Usernames unique per authority rather than across them (so "already taken" says nothing about
/// another authority's users), and `must_change_password` for passwords set by an administrator.
/// PostgreSQL swaps the constraint; SQLite, which cannot drop one, copies the table into a new one
/// with foreign keys off (the procedure SQLite's documentation gives for schema changes).
struct UsersPerAuthority: AsyncMigration {
    var name: String { "2026-12-08-03-users-per-authority" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("must_change_password", .bool, .required, .sql(.default(false))).update()
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else {
            try await database.schema("users").deleteUnique(on: "username").unique(on: "la_code", "username").update()
            return
        }
        try await sql.raw("PRAGMA foreign_keys = OFF").run()
        do {
            try await database.schema("users_rebuilt")
                .field("id", .int, .identifier(auto: true))
                .field("la_code", .string, .required)
                .field("username", .string, .required)
                .field("display_name", .string, .required)
                .field("role", .string, .required)
                .field("agency", .string)
                .field("team", .string)
                .field("password_hash", .string, .required)
                .field("is_disabled", .bool, .required)
                .field("failed_attempts", .int, .required)
                .field("locked_until", .datetime)
                .field("created_at", .datetime, .required)
                .field("must_change_password", .bool, .required, .sql(.default(false)))
                .unique(on: "la_code", "username", name: "uq:users.la_code+users.username")
                .create()
            let columns = "id, la_code, username, display_name, role, agency, team, password_hash, is_disabled, failed_attempts, locked_until, created_at, must_change_password"
            try await sql.raw("INSERT INTO users_rebuilt (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM users").run()
            try await sql.raw("DROP TABLE users").run()
            try await sql.raw("ALTER TABLE users_rebuilt RENAME TO users").run()
        } catch {
            try? await sql.raw("PRAGMA foreign_keys = ON").run()
            throw error
        }
        try await sql.raw("PRAGMA foreign_keys = ON").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("must_change_password").update()
    }
}

/// API tokens expire (`expires_at`; tokens made before get 90 days from now) and may be limited to
/// reading (`is_read_only`).
struct APITokenExpiryAndScope: AsyncMigration {
    var name: String { "2026-12-08-04-api-token-expiry-and-scope" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens").field("expires_at", .datetime).update()
        try await database.schema("api_tokens").field("is_read_only", .bool, .required, .sql(.default(false))).update()
        try await APITokenModel.query(on: database).filter(\.$expiresAt == nil)
            .set(\.$expiresAt, to: Date().addingTimeInterval(AccountRepository.defaultTokenLifetime)).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").deleteField("expires_at").update()
        try await database.schema("api_tokens").deleteField("is_read_only").update()
    }
}

/// Multi-factor sign-in: `second_factors` holds each account's authenticator key (unconfirmed
/// until a first code is typed) and the last step used, so a code works once;
/// `recovery_codes` holds the SHA-256 of each one-use recovery code; a session waiting for its
/// second factor (`sessions.awaiting_second_factor`) opens nothing but the code pages.
struct CreateSecondFactors: AsyncMigration {
    var name: String { "2026-12-09-01-create-second-factors" }

    func prepare(on database: any Database) async throws {
        try await database.schema("second_factors")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("secret", .string, .required)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("last_step", .int64, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema("recovery_codes")
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
        try await database.schema("sessions").field("awaiting_second_factor", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("recovery_codes").delete()
        try await database.schema("second_factors").delete()
        try await database.schema("sessions").deleteField("awaiting_second_factor").update()
    }
}

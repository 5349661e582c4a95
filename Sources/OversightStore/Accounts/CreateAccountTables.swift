import FluentKit

/// Users, sessions, API tokens and the activity log.
struct CreateAccountTables: AsyncMigration {
    var name: String { "2026-11-29-04-create-account-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users")
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
            .unique(on: "username")
            .create()
        try await database.schema("sessions")
            .field("id", .int, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("user_id", .int, .required, .references("users", "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("is_ended", .bool, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("api_tokens")
            .field("id", .int, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("user_id", .int, .required, .references("users", "id"))
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("is_revoked", .bool, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("activity_log")
            .field("id", .int, .identifier(auto: true))
            .field("la_code", .string, .required)
            .field("at", .datetime, .required)
            .field("user_name", .string, .required)
            .field("action", .string, .required)
            .field("target", .string, .required)
            .field("is_child_level", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for t in ["activity_log", "api_tokens", "sessions", "users"] { try await database.schema(t).delete() }
    }
}

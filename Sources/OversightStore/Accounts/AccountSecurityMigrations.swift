import FluentKit
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

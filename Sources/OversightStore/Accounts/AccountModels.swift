import FluentKit
import Foundation

// Fluent models are classes with property wrappers that Fluent mutates; they never leave the
// store (repositories map them to public structs), so `@unchecked Sendable` is safe.

/// Row of `users`.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @OptionalField(key: "agency") var agency: String?
    @OptionalField(key: "team") var team: String?
    /// Where reminders are sent (overdue actions); nil when none is known.
    @OptionalField(key: "email") var email: String?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_disabled") var isDisabled: Bool
    @Field(key: "failed_attempts") var failedAttempts: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "created_at") var createdAt: Date
    /// Set when an administrator set the password: it must be changed before anything else.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    init() {}
}

/// Row of `sessions`: a signed-in browser. Only the SHA-256 of the cookie's token is kept.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: Int
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "is_ended") var isEnded: Bool
    /// Whether the password was right but the second factor is still to come: such a session
    /// opens only the code pages.
    @Field(key: "awaiting_second_factor") var awaitingSecondFactor: Bool
    init() {}
}

/// Row of `api_tokens`: a token for the JSON API. Only its SHA-256 is kept.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: Int
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "is_revoked") var isRevoked: Bool
    /// When the token stops working (nil only for tokens the migration could not date: refused).
    @OptionalField(key: "expires_at") var expiresAt: Date?
    /// Whether the token may only read (GET).
    @Field(key: "is_read_only") var isReadOnly: Bool
    init() {}
}

/// Row of `activity_log`: one view of child-level data or one change.
final class ActivityModel: Model, @unchecked Sendable {
    static let schema = "activity_log"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "la_code") var laCode: String
    @Field(key: "at") var at: Date
    @Field(key: "user_name") var userName: String
    @Field(key: "action") var action: String
    @Field(key: "target") var target: String
    @Field(key: "is_child_level") var isChildLevel: Bool
    /// The entry's place in its authority's chain (see `ActivityChain`).
    @OptionalField(key: "seq") var seq: Int?
    /// SHA-256 of the previous entry's hash and this entry's canonical content.
    @OptionalField(key: "entry_hash") var entryHash: String?
    init() {}
}

/// Row of `second_factors`: an account's authenticator key (base32), confirmed once a code made
/// from it was typed, and the last step whose code was used (a code works once).
final class SecondFactorModel: Model, @unchecked Sendable {
    static let schema = "second_factors"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "secret") var secret: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Field(key: "last_step") var lastStep: Int64
    init() {}
}

/// Row of `recovery_codes`: the SHA-256 of one recovery code, and when it was used.
final class RecoveryCodeModel: Model, @unchecked Sendable {
    static let schema = "recovery_codes"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?
    init() {}
}

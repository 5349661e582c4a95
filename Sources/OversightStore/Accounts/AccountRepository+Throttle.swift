import Foundation
import SQLKit

/// The sign-in lockout, kept per name typed in `sign_in_throttle` (see `CreateSignInThrottle`).
///
/// Each attempt first raises the name's count in one statement (an upsert that returns the new
/// count), then its password is checked, then the lock is decided from the count returned: so
/// attempts made at the same time are each counted, and a name with no account counts and locks
/// as one with an account does. While a name is locked its count stays at zero; when the lock
/// ends counting starts again.
extension AccountRepository {
    /// A name's count after this attempt, and its lock.
    struct ThrottleState: Sendable {
        var failures: Int
        var lockedUntil: Date?
    }

    /// The key of a name (already trimmed and lower-cased).
    static func throttleKey(_ name: String) -> String { sha256("sign-in\u{0}" + name) }

    /// The key of an account's second-factor codes (counted apart from its password).
    static func secondFactorKey(userID: Int) -> String { sha256("second-factor\u{0}\(userID)") }

    /// Counts one attempt for `name` before its password is checked.
    func countAttempt(name: String, now: Date) async throws -> ThrottleState {
        try await countAttempt(key: Self.throttleKey(name), now: now)
    }

    /// Counts one attempt under `key` (a name's or an account's second factor) before it is checked.
    func countAttempt(key: String, now: Date) async throws -> ThrottleState {
        let t = now.timeIntervalSince1970
        let row = try await store.sql.raw(
            """
            INSERT INTO sign_in_throttle (name_key, failures, locked_until, last_attempt) VALUES (\(bind: key), 1, NULL, \(bind: t)) \
            ON CONFLICT (name_key) DO UPDATE SET \
            failures = CASE WHEN sign_in_throttle.locked_until IS NOT NULL AND sign_in_throttle.locked_until > \(bind: t) THEN 0 \
            ELSE sign_in_throttle.failures + 1 END, \
            last_attempt = \(bind: t) \
            RETURNING failures, locked_until
            """
        ).first()
        guard let row else { throw StoreError.unavailable("the sign-in count could not be kept") }
        let until = try row.decode(column: "locked_until", as: Double?.self)
        if Int.random(in: 0..<64) == 0 { try await pruneThrottle(now: now) }
        return ThrottleState(
            failures: try row.decode(column: "failures", as: Int.self),
            lockedUntil: until.map { Date(timeIntervalSince1970: $0) })
    }

    /// Locks `name` until `until` (its count starts again from nothing when the lock ends).
    func lock(name: String, until: Date) async throws {
        try await lock(key: Self.throttleKey(name), until: until)
    }

    /// Locks `key` until `until`.
    func lock(key: String, until: Date) async throws {
        try await store.sql.raw(
            """
            UPDATE sign_in_throttle SET failures = 0, locked_until = \(bind: until.timeIntervalSince1970) WHERE name_key = \(bind: key)
            """
        ).run()
    }

    /// Clears `name`'s count and lock (a successful sign-in, or a password reset).
    func clearThrottle(name: String) async throws {
        try await clearThrottle(key: Self.throttleKey(name))
    }

    /// Clears `key`'s count and lock.
    func clearThrottle(key: String) async throws {
        try await store.sql.raw("DELETE FROM sign_in_throttle WHERE name_key = \(bind: key)").run()
    }

    /// When `name`'s lock ends, when it is locked at `now`.
    func lockedUntil(name: String, now: Date) async throws -> Date? {
        let row = try await store.sql.raw("SELECT locked_until FROM sign_in_throttle WHERE name_key = \(bind: Self.throttleKey(name))").first()
        guard let t = try row?.decode(column: "locked_until", as: Double?.self), t > now.timeIntervalSince1970 else { return nil }
        return Date(timeIntervalSince1970: t)
    }

    /// Forgets names not tried for a day and not locked, so names typed once do not pile up.
    func pruneThrottle(now: Date) async throws {
        let t = now.timeIntervalSince1970
        try await store.sql.raw(
            """
            DELETE FROM sign_in_throttle WHERE last_attempt < \(bind: t - 86_400) AND (locked_until IS NULL OR locked_until < \(bind: t))
            """
        ).run()
    }
}

import FluentKit
import Foundation
import OversightCore

/// What a second-factor code came to.
public enum SecondFactorOutcome: Sendable, Hashable {
    /// The code was right. `recoveryCodesLeft` is set when a recovery code was used.
    case accepted(recoveryCodesLeft: Int?)
    /// The code was wrong, or already used.
    case refused
    /// Too many wrong codes in a row: none is checked until the date.
    case locked(until: Date)
}

/// An account's multi-factor sign-in: an authenticator key (TOTP, RFC 6238) confirmed by a first
/// code, and ten one-use recovery codes. Codes are counted like passwords (`sign_in_throttle`,
/// under a key of the account's own): five wrong in a row lock the second factor for 15 minutes.
extension AccountRepository {
    /// How long a session waits for its second factor before it ends.
    public static let secondFactorWindow: TimeInterval = 10 * 60
    /// How many recovery codes an account gets.
    public static let recoveryCodeCount = 10

    /// Whether the account has a confirmed authenticator.
    public func hasSecondFactor(userID: Int) async throws -> Bool {
        try await SecondFactorModel.query(on: store.database).filter(\.$userID == userID).filter(\.$confirmedAt != nil).count() > 0
    }

    /// The users of an authority who have a confirmed authenticator, by id.
    public func usersWithSecondFactor(authority: String) async throws -> Set<Int> {
        let ids = try await UserModel.query(on: store.database).filter(\.$laCode == authority).all(\.$id).compactMap { $0 }
        guard !ids.isEmpty else { return [] }
        return Set(try await SecondFactorModel.query(on: store.database).filter(\.$userID ~~ ids).filter(\.$confirmedAt != nil).all(\.$userID))
    }

    /// The key being set up for an account (base32), made now when there is none; nil when the
    /// account already has a confirmed one (it is replaced only after an administrator's reset).
    public func authenticatorKeyToSetUp(userID: Int) async throws -> String? {
        if let existing = try await SecondFactorModel.query(on: store.database).filter(\.$userID == userID).first() {
            return existing.confirmedAt == nil ? existing.secret : nil
        }
        let m = SecondFactorModel()
        m.userID = userID; m.secret = Base32.encode(TOTP.newKey()); m.createdAt = clock(); m.lastStep = 0
        try await m.create(on: store.database)
        return m.secret
    }

    /// Confirms the key being set up with a code made from it: returns the new recovery codes
    /// (shown once; only their hashes are kept), or the outcome when the code is not accepted.
    public func confirmAuthenticator(userID: Int, code: String) async throws -> Result<[String], SecondFactorRefusal> {
        guard let m = try await SecondFactorModel.query(on: store.database).filter(\.$userID == userID).first(), m.confirmedAt == nil,
            let key = Base32.decode(m.secret)
        else { return .failure(SecondFactorRefusal(outcome: .refused)) }
        let now = clock()
        let count = try await countAttempt(key: Self.secondFactorKey(userID: userID), now: now)
        if let until = count.lockedUntil, until > now { return .failure(SecondFactorRefusal(outcome: .locked(until: until))) }
        guard let step = TOTP.matchingStep(Self.digits(code), key: key, at: now) else {
            return .failure(SecondFactorRefusal(outcome: try await failed(userID: userID, count: count, now: now)))
        }
        try await clearThrottle(key: Self.secondFactorKey(userID: userID))
        m.confirmedAt = now; m.lastStep = step
        try await m.save(on: store.database)
        return .success(try await newRecoveryCodes(userID: userID))
    }

    /// Checks a code from the account's authenticator, or one of its recovery codes (each works
    /// once). A code is counted before it is checked, so guesses sent together are each counted.
    public func checkSecondFactor(userID: Int, code: String) async throws -> SecondFactorOutcome {
        let now = clock()
        let count = try await countAttempt(key: Self.secondFactorKey(userID: userID), now: now)
        guard let m = try await SecondFactorModel.query(on: store.database).filter(\.$userID == userID).filter(\.$confirmedAt != nil).first(),
            let key = Base32.decode(m.secret)
        else { return .refused }
        if let until = count.lockedUntil, until > now { return .locked(until: until) }
        if count.failures > throttle.maximumFailures { return .locked(until: now.addingTimeInterval(throttle.lockout)) }
        let digits = Self.digits(code)
        if digits.count == TOTP.digits, let step = TOTP.matchingStep(digits, key: key, at: now) {
            // The step must be later than the last one used: a code seen over a shoulder, or
            // sent twice, does not work again. The update is conditional, so two requests
            // carrying the same code cannot both succeed.
            let updated = try await store.sql.raw(
                """
                UPDATE second_factors SET last_step = \(bind: step) WHERE id = \(bind: try m.requireID()) AND last_step < \(bind: step) RETURNING id
                """
            ).all()
            if !updated.isEmpty {
                try await clearThrottle(key: Self.secondFactorKey(userID: userID))
                return .accepted(recoveryCodesLeft: nil)
            }
        } else if let used = try await useRecoveryCode(userID: userID, code: code, now: now) {
            try await clearThrottle(key: Self.secondFactorKey(userID: userID))
            return .accepted(recoveryCodesLeft: used)
        }
        return try await failed(userID: userID, count: count, now: now)
    }

    /// Ends a session that was waiting for its second factor and starts a full one in its place
    /// (a new token: whatever knew the old one knows nothing now).
    public func completeSecondFactor(token: String, user: UserAccount) async throws -> (token: String, csrf: String) {
        try await endSession(token: token)
        return try await startSession(for: user)
    }

    /// An administrator's reset: the account's authenticator and recovery codes are removed and its
    /// sessions and API tokens end; it sets up a new authenticator at its next sign-in.
    public func resetSecondFactor(username: String, authority: String) async throws {
        let m = try await model(username, authority: authority)
        let id = try m.requireID()
        try await SecondFactorModel.query(on: store.database).filter(\.$userID == id).delete()
        try await RecoveryCodeModel.query(on: store.database).filter(\.$userID == id).delete()
        try await clearThrottle(key: Self.secondFactorKey(userID: id))
        try await endAllSessions(userID: id)
    }

    /// How many unused recovery codes an account has.
    public func recoveryCodesLeft(userID: Int) async throws -> Int {
        try await RecoveryCodeModel.query(on: store.database).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
    }

    /// When each of an authority's users last signed in (from the activity log), by username.
    public func lastSignIns(authority: String) async throws -> [String: Date] {
        let rows = try await store.sql.raw(
            """
            SELECT user_name, MAX(at) AS last FROM activity_log WHERE la_code = \(bind: authority) \
            AND (action = 'signed in' OR action LIKE 'signed in with%') GROUP BY user_name
            """
        ).all()
        var out: [String: Date] = [:]
        for r in rows { out[try r.decode(column: "user_name", as: String.self)] = try r.decode(column: "last", as: Date.self) }
        return out
    }

    // MARK: helpers

    /// Records a wrong code and locks the second factor when it was one too many.
    func failed(userID: Int, count: ThrottleState, now: Date) async throws -> SecondFactorOutcome {
        guard count.failures >= throttle.maximumFailures else { return .refused }
        let until = now.addingTimeInterval(throttle.lockout)
        try await lock(key: Self.secondFactorKey(userID: userID), until: until)
        return .locked(until: until)
    }

    /// The digits of a typed code (people type spaces and hyphens).
    static func digits(_ code: String) -> String { code.filter { $0 != " " && $0 != "-" } }

    /// Replaces the account's recovery codes with ten new ones: ten characters each from an
    /// alphabet without look-alikes (about 50 bits), written as two groups of five.
    func newRecoveryCodes(userID: Int) async throws -> [String] {
        try await RecoveryCodeModel.query(on: store.database).filter(\.$userID == userID).delete()
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var g = SystemRandomNumberGenerator()
        var codes: [String] = []
        for _ in 0..<Self.recoveryCodeCount {
            let raw = String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] })
            let r = RecoveryCodeModel()
            r.userID = userID; r.codeHash = Self.sha256("recovery\u{0}" + raw)
            try await r.create(on: store.database)
            codes.append(String(raw.prefix(5)) + "-" + String(raw.suffix(5)))
        }
        return codes
    }

    /// Marks a recovery code used and returns how many are left, or nil when it is not one of the
    /// account's unused codes.
    func useRecoveryCode(userID: Int, code: String, now: Date) async throws -> Int? {
        let raw = Self.digits(code).lowercased()
        guard raw.count == 10 else { return nil }
        let hash = Self.sha256("recovery\u{0}" + raw)
        let updated = try await store.sql.raw(
            """
            UPDATE recovery_codes SET used_at = \(bind: now) WHERE user_id = \(bind: userID) AND code_hash = \(bind: hash) AND used_at IS NULL RETURNING id
            """
        ).all()
        guard !updated.isEmpty else { return nil }
        return try await recoveryCodesLeft(userID: userID)
    }
}

/// Why a code setting up an authenticator was not accepted.
public struct SecondFactorRefusal: Error, Sendable, Hashable {
    public var outcome: SecondFactorOutcome
}

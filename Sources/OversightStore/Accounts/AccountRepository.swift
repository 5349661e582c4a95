import Crypto
import FluentKit
import Foundation
import OversightCore

/// Users, sign-in with throttling, sessions, API tokens and the activity log.
public struct AccountRepository: Sendable {
    let store: Store
    let clock: @Sendable () -> Date
    let hasher: any PasswordHashing
    /// Sessions end after this long without a request.
    public var idleTimeout: TimeInterval = 30 * 60
    /// Sessions end this long after sign-in, however much they are used.
    public var absoluteLifetime: TimeInterval = 12 * 60 * 60
    public var throttle = SignInThrottle()
    public var policy = PasswordPolicy()

    /// Adds a user. Throws `StoreError.badInput` when the username is taken in the authority (names
    /// are unique per authority), the password breaks the policy, or a partner auditor has no
    /// agency. With `mustChangePassword` (a temporary password an administrator chose) the user
    /// must change it at their next sign-in.
    @discardableResult
    public func addUser(authority: String, username: String, displayName: String, role: Role, password: String,
                        agency: String? = nil, team: String? = nil, mustChangePassword: Bool = false) async throws -> UserAccount {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) else {
            throw StoreError.badInput("a username is letters, digits, dots, hyphens and underscores ('\(username)' is not)")
        }
        let problems = policy.problems(password: password, username: name)
        if !problems.isEmpty { throw StoreError.badInput(problems.joined(separator: "; ")) }
        if role == .partnerAuditor, (agency ?? "").isEmpty { throw StoreError.badInput("a partner auditor needs an agency (police, health, education or early help)") }
        if try await UserModel.query(on: store.database).filter(\.$username == name).filter(\.$laCode == authority).first() != nil {
            throw StoreError.badInput("the username \(name) is already taken")
        }
        let m = UserModel()
        m.laCode = authority; m.username = name; m.displayName = displayName; m.role = role.rawValue
        m.agency = agency; m.team = team; m.passwordHash = try await hash(password)
        m.isDisabled = false; m.failedAttempts = 0; m.createdAt = clock(); m.mustChangePassword = mustChangePassword
        try await m.create(on: store.database)
        return try Self.account(m)
    }

    /// The users of one authority, by username.
    public func users(authority: String) async throws -> [UserAccount] {
        var out: [UserAccount] = []
        for m in try await UserModel.query(on: store.database).filter(\.$laCode == authority).sort(\.$username).all() {
            var a = try Self.account(m)
            a.lockedUntil = try await lockedUntil(name: m.username, now: clock())
            out.append(a)
        }
        return out
    }

    /// One user by username, in `authority` when given, else the first made with that name in any
    /// authority; nil when there is none.
    public func user(named username: String, authority: String? = nil) async throws -> UserAccount? {
        var q = UserModel.query(on: store.database).filter(\.$username == username.lowercased())
        if let authority { q = q.filter(\.$laCode == authority) }
        return try await q.sort(\.$id).first().map(Self.account)
    }

    /// The authorities that have users, by code.
    public func authoritiesWithUsers() async throws -> [String] {
        Set(try await UserModel.query(on: store.database).all(\.$laCode)).sorted()
    }

    /// Checks a username and password, counting failures and locking the name after too many.
    public func signIn(username: String, password: String, authority: String? = nil) async throws -> SignInOutcome {
        try await attemptSignIn(username: username, password: password, authority: authority).outcome
    }

    /// Checks a username and password. Every attempt costs the same: the name's count is raised
    /// in the database first (whether or not the name has an account), then exactly one password
    /// check runs on `PasswordHashingPool`, against the account's hash or the hasher's fixed decoy,
    /// and only then are the lock, the account's state and the password looked at. A name
    /// (with or without an account) locks after `throttle.maximumFailures` failures in a row.
    /// `authority` narrows the name to one authority's users; without it the name must belong to
    /// exactly one account.
    public func attemptSignIn(username: String, password: String, authority: String? = nil) async throws -> SignInAttempt {
        let now = clock()
        let name = Self.normalised(username)
        let count = try await countAttempt(name: name, now: now)
        var query = UserModel.query(on: store.database).filter(\.$username == name)
        if let authority, !authority.isEmpty { query = query.filter(\.$laCode == authority) }
        let matches = try await query.limit(2).all()
        let m = matches.count == 1 ? matches[0] : nil
        let stored = m?.passwordHash ?? hasher.decoyHash
        let hasher = self.hasher
        let isRight = try await PasswordHashingPool.run { (try? hasher.verify(password, against: stored)) ?? false }
        let account = try m.map(Self.account)
        if let until = count.lockedUntil, until > now { return SignInAttempt(outcome: .locked(until: until), account: account, lockedNow: false) }
        if count.failures > throttle.maximumFailures {
            // Parallel attempts past the limit: another one is locking the name now.
            return SignInAttempt(outcome: .locked(until: now.addingTimeInterval(throttle.lockout)), account: account, lockedNow: false)
        }
        if let m, let account, isRight, !m.isDisabled {
            try await clearThrottle(name: name)
            return SignInAttempt(outcome: .signedIn(account), account: account, lockedNow: false)
        }
        if count.failures >= throttle.maximumFailures {
            let until = now.addingTimeInterval(throttle.lockout)
            try await lock(name: name, until: until)
            return SignInAttempt(outcome: .locked(until: until), account: account, lockedNow: true)
        }
        if let m, m.isDisabled, isRight { return SignInAttempt(outcome: .disabled, account: account, lockedNow: false) }
        return SignInAttempt(outcome: .refused, account: account, lockedNow: false)
    }

    /// A username as stored: trimmed and lower-cased.
    static func normalised(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Disables (or enables) a user of `authority`; their sessions and tokens end.
    public func setDisabled(_ disabled: Bool, username: String, authority: String) async throws {
        let m = try await model(username, authority: authority)
        m.isDisabled = disabled
        try await m.save(on: store.database)
        if disabled { try await endAllSessions(userID: try m.requireID()) }
    }

    /// Sets a new password (checked against the policy), clears any lock and ends the user's sessions.
    public func resetPassword(username: String, authority: String, newPassword: String) async throws {
        let m = try await model(username, authority: authority)
        let problems = policy.problems(password: newPassword, username: m.username)
        if !problems.isEmpty { throw StoreError.badInput(problems.joined(separator: "; ")) }
        m.passwordHash = try await hash(newPassword); m.failedAttempts = 0; m.lockedUntil = nil
        try await m.save(on: store.database)
        try await clearThrottle(name: m.username)
        try await endAllSessions(userID: try m.requireID())
    }

    // MARK: sessions

    /// Starts a session for `user`: returns the cookie token (only its hash is stored) and the
    /// session's CSRF token.
    public func startSession(for user: UserAccount) async throws -> (token: String, csrf: String) {
        let token = Self.randomToken(), csrf = Self.randomToken()
        let s = SessionModel()
        s.tokenHash = Self.sha256(token); s.userID = user.id; s.csrfToken = csrf
        s.createdAt = clock(); s.lastSeenAt = s.createdAt; s.isEnded = false
        try await s.create(on: store.database)
        return (token, csrf)
    }

    /// The session for a cookie token, when it exists, has not ended, has not been idle longer than
    /// `idleTimeout`, began less than `absoluteLifetime` ago and its user is enabled. Records the request time (at most once a minute).
    public func session(token: String) async throws -> SessionInfo? {
        let now = clock()
        guard let s = try await SessionModel.query(on: store.database).filter(\.$tokenHash == Self.sha256(token)).filter(\.$isEnded == false).first() else { return nil }
        if now.timeIntervalSince(s.lastSeenAt) > idleTimeout || now.timeIntervalSince(s.createdAt) >= absoluteLifetime {
            s.isEnded = true
            try await s.save(on: store.database)
            return nil
        }
        guard let u = try await UserModel.find(s.userID, on: store.database), !u.isDisabled else { return nil }
        if now.timeIntervalSince(s.lastSeenAt) > 60 {
            s.lastSeenAt = now
            try await s.save(on: store.database)
        }
        return SessionInfo(user: try Self.account(u), csrfToken: s.csrfToken, lastSeen: s.lastSeenAt)
    }

    /// Ends the session of a cookie token (sign-out).
    public func endSession(token: String) async throws {
        try await SessionModel.query(on: store.database).filter(\.$tokenHash == Self.sha256(token)).set(\.$isEnded, to: true).update()
    }

    func endAllSessions(userID: Int) async throws {
        try await SessionModel.query(on: store.database).filter(\.$userID == userID).set(\.$isEnded, to: true).update()
        try await APITokenModel.query(on: store.database).filter(\.$userID == userID).set(\.$isRevoked, to: true).update()
    }

    // MARK: API tokens

    /// Creates an API token for a user; the token is shown once and only its hash is kept.
    public func createAPIToken(username: String, authority: String, name: String) async throws -> String {
        let m = try await model(username, authority: authority)
        let token = "ovt_" + Self.randomToken()
        let t = APITokenModel()
        t.tokenHash = Self.sha256(token); t.userID = try m.requireID(); t.name = name; t.createdAt = clock(); t.isRevoked = false
        try await t.create(on: store.database)
        return token
    }

    /// The enabled user an API token belongs to, or nil.
    public func user(apiToken: String) async throws -> UserAccount? {
        guard let t = try await APITokenModel.query(on: store.database).filter(\.$tokenHash == Self.sha256(apiToken)).filter(\.$isRevoked == false).first(),
              let u = try await UserModel.find(t.userID, on: store.database), !u.isDisabled else { return nil }
        return try Self.account(u)
    }

    // MARK: activity log

    /// Records one view of child-level data or one change, at the end of the authority's chain
    /// (see `ActivityChain`).
    public func record(authority: String, user: String, action: String, target: String, isChildLevel: Bool) async throws {
        let a = ActivityModel()
        a.laCode = authority; a.at = ActivityChain.wholeMilliseconds(clock()); a.userName = user; a.action = action; a.target = target
        a.isChildLevel = isChildLevel
        try await ActivityChain.append(a, on: store.database)
    }

    /// The authority's activity log, newest first, optionally only one user's or one action's.
    public func activity(authority: String, user: String? = nil, action: String? = nil, limit: Int = 500, offset: Int = 0) async throws -> [ActivityEntry] {
        var q = ActivityModel.query(on: store.database).filter(\.$laCode == authority)
        if let user, !user.isEmpty { q = q.filter(\.$userName == user) }
        if let action, !action.isEmpty { q = q.filter(\.$action == action) }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending).range(offset..<(offset + limit)).all()
            .map { ActivityEntry(at: $0.at, user: $0.userName, action: $0.action, target: $0.target, isChildLevel: $0.isChildLevel) }
    }

    // MARK: helpers

    func model(_ username: String, authority: String) async throws -> UserModel {
        guard let m = try await UserModel.query(on: store.database).filter(\.$username == username.lowercased()).filter(\.$laCode == authority).first() else {
            throw StoreError.badInput("there is no user \(username) in authority \(authority)")
        }
        return m
    }

    static func account(_ m: UserModel) throws -> UserAccount {
        UserAccount(id: try m.requireID(), authority: m.laCode, username: m.username, displayName: m.displayName,
                    role: Role(rawValue: m.role) ?? .boardMember, agency: m.agency, team: m.team, isDisabled: m.isDisabled,
                    mustChangePassword: m.mustChangePassword)
    }

    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    static func sha256(_ s: String) -> String {
        SHA256.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A new hash of `password`, made on `PasswordHashingPool`.
    func hash(_ password: String) async throws -> String {
        let hasher = self.hasher
        return try await PasswordHashingPool.run { try hasher.hash(password) }
    }
}

extension Store {
    /// Users, sessions, API tokens and the activity log.
    public func accounts(hasher: any PasswordHashing, clock: @escaping @Sendable () -> Date = { Date() }) -> AccountRepository {
        AccountRepository(store: self, clock: clock, hasher: hasher)
    }
}

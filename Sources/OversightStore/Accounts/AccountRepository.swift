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
    public func addUser(
        authority: String, username: String, displayName: String, role: Role, password: String,
        agency: String? = nil, team: String? = nil, email: String? = nil, mustChangePassword: Bool = false
    ) async throws -> UserAccount {
        if let email, !OverdueReminder.isValidAddress(email) { throw StoreError.badInput("'\(email)' is not an e-mail address") }
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
        m.agency = agency; m.team = team; m.email = email; m.passwordHash = try await hash(password)
        m.isDisabled = false; m.failedAttempts = 0; m.createdAt = clock(); m.mustChangePassword = mustChangePassword
        try await m.create(on: store.database)
        return try Self.account(m)
    }

    /// Sets (or, with nil, clears) where a user's reminders are sent. Throws `StoreError.badInput`
    /// for an address that is not one, or a user the authority does not have.
    public func setEmail(username: String, authority: String, email: String?) async throws {
        if let email, !OverdueReminder.isValidAddress(email) { throw StoreError.badInput("'\(email)' is not an e-mail address") }
        let m = try await model(username, authority: authority)
        m.email = email
        try await m.save(on: store.database)
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

    /// Sets a new password (checked against the policy), clears any lock and ends the user's
    /// sessions. With `requireChange` (an administrator's reset) the user must change it at their
    /// next sign-in before anything else.
    public func resetPassword(username: String, authority: String, newPassword: String, requireChange: Bool = false) async throws {
        let m = try await model(username, authority: authority)
        let problems = policy.problems(password: newPassword, username: m.username)
        if !problems.isEmpty { throw StoreError.badInput(problems.joined(separator: "; ")) }
        m.passwordHash = try await hash(newPassword); m.failedAttempts = 0; m.lockedUntil = nil
        m.mustChangePassword = requireChange
        try await m.save(on: store.database)
        try await clearThrottle(name: m.username)
        try await endAllSessions(userID: try m.requireID())
    }

    /// A user changing their own password: the current one is checked as a sign-in is (one
    /// check on `PasswordHashingPool`, counted against the name's lockout first), the new one
    /// against the policy (and must differ). On success the flag to change it is cleared and every
    /// session of the user ends (the caller starts a new one for the browser that changed it).
    public func changePassword(userID: Int, current: String, new: String) async throws -> PasswordChangeOutcome {
        guard let m = try await UserModel.find(userID, on: store.database), !m.isDisabled else {
            throw StoreError.badInput("there is no such user")
        }
        var problems = policy.problems(password: new, username: m.username)
        if !current.isEmpty, new == current { problems.append("Your new password must be different from your current one") }
        if !problems.isEmpty { return .refused(problems) }
        let now = clock()
        let count = try await countAttempt(name: m.username, now: now)
        let stored = m.passwordHash, hasher = self.hasher
        let isRight = try await PasswordHashingPool.run { (try? hasher.verify(current, against: stored)) ?? false }
        if let until = count.lockedUntil, until > now { return .locked(until: until) }
        if count.failures > throttle.maximumFailures { return .locked(until: now.addingTimeInterval(throttle.lockout)) }
        guard isRight else {
            if count.failures >= throttle.maximumFailures {
                let until = now.addingTimeInterval(throttle.lockout)
                try await lock(name: m.username, until: until)
                return .locked(until: until)
            }
            return .wrongPassword
        }
        try await clearThrottle(name: m.username)
        m.passwordHash = try await hash(new)
        m.mustChangePassword = false
        try await m.save(on: store.database)
        try await SessionModel.query(on: store.database).filter(\.$userID == userID).set(\.$isEnded, to: true).update()
        return .changed(try Self.account(m))
    }

    // MARK: sessions

    /// Starts a session for `user`: returns the cookie token (only its hash is stored) and the
    /// session's CSRF token.
    /// With `awaitingSecondFactor` the session opens only the second-factor pages until
    /// `completeSecondFactor` replaces it, and ends `secondFactorWindow` after it began.
    public func startSession(for user: UserAccount, awaitingSecondFactor: Bool = false) async throws -> (token: String, csrf: String) {
        let token = Self.randomToken(), csrf = Self.randomToken()
        let s = SessionModel()
        s.tokenHash = Self.sha256(token); s.userID = user.id; s.csrfToken = csrf
        s.createdAt = clock(); s.lastSeenAt = s.createdAt; s.isEnded = false; s.awaitingSecondFactor = awaitingSecondFactor
        try await s.create(on: store.database)
        return (token, csrf)
    }

    /// The session for a cookie token, when it exists, has not ended, has not been idle longer than
    /// `idleTimeout`, began less than `absoluteLifetime` ago and its user is enabled. Records the request time (at most once a minute).
    public func session(token: String) async throws -> SessionInfo? {
        let now = clock()
        guard let s = try await SessionModel.query(on: store.database).filter(\.$tokenHash == Self.sha256(token)).filter(\.$isEnded == false).first() else { return nil }
        let lifetime = s.awaitingSecondFactor ? Self.secondFactorWindow : absoluteLifetime
        if now.timeIntervalSince(s.lastSeenAt) > idleTimeout || now.timeIntervalSince(s.createdAt) >= lifetime {
            s.isEnded = true
            try await s.save(on: store.database)
            return nil
        }
        guard let u = try await UserModel.find(s.userID, on: store.database), !u.isDisabled else { return nil }
        if now.timeIntervalSince(s.lastSeenAt) > 60 {
            s.lastSeenAt = now
            try await s.save(on: store.database)
        }
        return SessionInfo(user: try Self.account(u), csrfToken: s.csrfToken, lastSeen: s.lastSeenAt, awaitingSecondFactor: s.awaitingSecondFactor)
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

    /// How long an API token lasts unless made for less: 90 days.
    public static let defaultTokenLifetime: TimeInterval = 90 * 86_400

    /// Creates an API token for a user, lasting `lifetime` (90 days unless said), optionally able
    /// only to read; the token is shown once and only its hash is kept.
    public func createAPIToken(
        username: String, authority: String, name: String, lifetime: TimeInterval = AccountRepository.defaultTokenLifetime,
        readOnly: Bool = false
    ) async throws -> String {
        guard lifetime > 0, lifetime <= 366 * 86_400 else { throw StoreError.badInput("a token lasts between one day and a year") }
        let m = try await model(username, authority: authority)
        let token = "ovt_" + Self.randomToken()
        let t = APITokenModel()
        t.tokenHash = Self.sha256(token); t.userID = try m.requireID(); t.name = name; t.createdAt = clock(); t.isRevoked = false
        t.expiresAt = t.createdAt.addingTimeInterval(lifetime); t.isReadOnly = readOnly
        try await t.create(on: store.database)
        return token
    }

    /// The enabled user an API token belongs to, and whether the token may only read; nil for a
    /// token unknown, revoked or expired, or whose user is disabled.
    public func apiToken(_ token: String) async throws -> (user: UserAccount, readOnly: Bool)? {
        guard let t = try await APITokenModel.query(on: store.database).filter(\.$tokenHash == Self.sha256(token)).filter(\.$isRevoked == false).first(),
            let expires = t.expiresAt, clock() < expires,
            let u = try await UserModel.find(t.userID, on: store.database), !u.isDisabled
        else { return nil }
        return (try Self.account(u), t.isReadOnly)
    }

    /// The enabled user an API token belongs to, or nil (see `apiToken`).
    public func user(apiToken: String) async throws -> UserAccount? {
        try await self.apiToken(apiToken)?.user
    }

    /// The API tokens of an authority's users (of one user when `username` is given), oldest first.
    public func apiTokens(authority: String, username: String? = nil) async throws -> [APITokenInfo] {
        let users = try await UserModel.query(on: store.database).filter(\.$laCode == authority).all()
        let names = Dictionary(uniqueKeysWithValues: try users.map { (try $0.requireID(), $0.username) })
        let wanted = username.map { n in Set(names.filter { $0.value == n.lowercased() }.keys) } ?? Set(names.keys)
        guard !wanted.isEmpty else { return [] }
        return try await APITokenModel.query(on: store.database).filter(\.$userID ~~ Array(wanted)).sort(\.$id).all().map { t in
            APITokenInfo(
                id: try t.requireID(), username: names[t.userID] ?? "", name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt,
                isRevoked: t.isRevoked, isReadOnly: t.isReadOnly)
        }
    }

    /// Revokes one API token of an authority's user, by its number (`apiTokens`).
    public func revokeAPIToken(id: Int, authority: String) async throws {
        guard let t = try await APITokenModel.find(id, on: store.database),
            let u = try await UserModel.find(t.userID, on: store.database), u.laCode == authority
        else {
            throw StoreError.badInput("authority \(authority) has no API token \(id)")
        }
        t.isRevoked = true
        try await t.save(on: store.database)
    }

    // MARK: activity log

    /// Records one view of child-level data or one change, at the end of the authority's chain
    /// (see `ActivityChain`).
    public func record(authority: String, user: String, action: String, target: String, isChildLevel: Bool) async throws {
        let a = ActivityModel()
        a.laCode = authority; a.at = ActivityChain.wholeMilliseconds(clock()); a.userName = user; a.action = action; a.target = target
        a.isChildLevel = isChildLevel
        try await store.activityAppender.append(a, on: store.database)
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
        UserAccount(
            id: try m.requireID(), authority: m.laCode, username: m.username, displayName: m.displayName,
            role: Role(rawValue: m.role) ?? .boardMember, agency: m.agency, team: m.team, email: m.email, isDisabled: m.isDisabled,
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

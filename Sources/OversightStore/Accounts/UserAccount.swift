import Foundation
import OversightCore

/// A person who signs in to Oversight. Belongs to one local authority.
public struct UserAccount: Sendable, Hashable, Codable {
    public var id: Int
    /// The local authority code the user belongs to; they never see another's child-level data.
    public var authority: String
    public var username: String
    public var displayName: String
    public var role: Role
    /// For partner auditors: the agency whose sections they complete (police, health, ...).
    public var agency: String?
    /// The team a manager or auditor belongs to, where known.
    public var team: String?
    /// Where reminders are sent (overdue actions); nil when none is known.
    public var email: String?
    public var isDisabled: Bool
    /// When the name's sign-in lock ends, when it is locked (filled in by `users(authority:)`).
    public var lockedUntil: Date?
    /// Whether the password was set by an administrator and must be changed before anything else.
    public var mustChangePassword: Bool

    public init(
        id: Int, authority: String, username: String, displayName: String, role: Role, agency: String? = nil,
        team: String? = nil, email: String? = nil, isDisabled: Bool = false, lockedUntil: Date? = nil, mustChangePassword: Bool = false
    ) {
        self.email = email
        self.id = id; self.authority = authority; self.username = username; self.displayName = displayName
        self.role = role; self.agency = agency; self.team = team; self.isDisabled = isDisabled; self.lockedUntil = lockedUntil
        self.mustChangePassword = mustChangePassword
    }
}

/// Turns passwords into stored hashes and checks them (bcrypt in the web module; injected so the
/// store does not depend on it).
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) throws -> String
    func verify(_ password: String, against hash: String) throws -> Bool
    /// A fixed hash, made once, of a password nobody knows, at the same cost as real ones: a
    /// sign-in with a name that has no account is checked against it, so it costs the same time.
    var decoyHash: String { get }
}

/// What a sign-in attempt came to. Only `signedIn` is told apart from the others to the person
/// signing in: the rest get one message, so nobody learns which names have accounts.
public enum SignInOutcome: Sendable, Hashable {
    case signedIn(UserAccount)
    /// Wrong username or password.
    case refused
    /// Too many failures in a row for this name (whether or not it has an account): locked until the date.
    case locked(until: Date)
    /// The right password for an account an administrator has disabled.
    case disabled
}

/// A sign-in attempt with what the activity log needs to know about it.
public struct SignInAttempt: Sendable, Hashable {
    public var outcome: SignInOutcome
    /// The account the name belongs to, when one does (for the activity log; never shown).
    public var account: UserAccount?
    /// Whether this attempt was the failure that locked the name.
    public var lockedNow: Bool
}

/// A signed-in browser session.
public struct SessionInfo: Sendable, Hashable {
    public var user: UserAccount
    /// The token every form of this session must carry.
    public var csrfToken: String
    public var lastSeen: Date
    /// Whether the password was right and the second factor is still to come.
    public var awaitingSecondFactor: Bool = false
}

/// One line of the activity log.
public struct ActivityEntry: Sendable, Hashable, Codable {
    public var at: Date
    public var user: String
    /// What was done: `viewed child`, `viewed drill-down`, `imported`, `undid import`, `added user`...
    public var action: String
    /// What it was done to: a child id, a measure id and period, an import id, a username.
    public var target: String
    /// Whether this was a look at child-level data.
    public var isChildLevel: Bool
    public init(at: Date, user: String, action: String, target: String, isChildLevel: Bool) {
        self.at = at; self.user = user; self.action = action; self.target = target; self.isChildLevel = isChildLevel
    }
}

/// One API token as listed (never the token itself, which is shown once).
public struct APITokenInfo: Sendable, Hashable {
    /// Its number, for `oversight users tokens revoke`.
    public var id: Int
    public var username: String
    /// What it is for.
    public var name: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var isRevoked: Bool
    /// Whether it may only read.
    public var isReadOnly: Bool

    /// Whether it works at `now`.
    public func isActive(at now: Date) -> Bool { !isRevoked && (expiresAt.map { now < $0 } ?? false) }
}

/// What a user's attempt to change their own password came to.
public enum PasswordChangeOutcome: Sendable, Hashable {
    case changed(UserAccount)
    /// The current password was not right.
    case wrongPassword
    /// Too many wrong passwords: the name is locked until the date.
    case locked(until: Date)
    /// The new password breaks the policy: the reasons, in words.
    case refused([String])
}

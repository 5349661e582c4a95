import FluentKit
import Foundation
import OversightCore
import SQLKit

/// An authority's single sign-on with OpenID Connect: its provider (issuer), the client Oversight
/// is registered as, the ID token claim that names a user (matched against `users.sso_identity`),
/// whether local passwords still work, and whether the provider's own multi-factor sign-in stands
/// in for Oversight's authenticator codes. Roles and authority stay in Oversight.
public struct SingleSignOnSettings: Sendable, Hashable {
    public var authority: String
    /// The provider's issuer URL, exactly as its ID tokens' `iss` gives it.
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// The ID token claim matched against users' single sign-on identities (`email`,
    /// `preferred_username`, `oid`...).
    public var claim: String
    /// Whether the authority's users may still sign in with a local password.
    public var passwordsAllowed: Bool
    /// Whether the provider enforces multi-factor sign-in itself (a council's Microsoft tenant
    /// with conditional access does): then Oversight does not ask for its own code after it.
    public var providerChecksSecondFactor: Bool

    public init(
        authority: String, issuer: String, clientID: String, clientSecret: String, claim: String = "email", passwordsAllowed: Bool = true,
        providerChecksSecondFactor: Bool = false
    ) {
        self.authority = authority; self.issuer = issuer; self.clientID = clientID; self.clientSecret = clientSecret; self.claim = claim
        self.passwordsAllowed = passwordsAllowed; self.providerChecksSecondFactor = providerChecksSecondFactor
    }
}

/// A sign-in sent to the provider and not yet back: what the callback must match.
public struct SingleSignOnRequest: Sendable, Hashable {
    public var authority: String
    /// The PKCE code verifier (RFC 7636) whose S256 challenge went with the request.
    public var codeVerifier: String
    /// The nonce the ID token must carry.
    public var nonce: String
    /// Where to go once signed in.
    public var returnTo: String?
}

/// `sso_settings`, `sso_requests` and `users.sso_identity`.
struct CreateSingleSignOn: AsyncMigration {
    var name: String { "2026-12-09-02-create-single-sign-on" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sso_settings")
            .field("la_code", .string, .required)
            .field("issuer", .string, .required)
            .field("client_id", .string, .required)
            .field("client_secret", .string, .required)
            .field("claim", .string, .required)
            .field("passwords_allowed", .bool, .required)
            .field("provider_checks_second_factor", .bool, .required)
            .unique(on: "la_code")
            .create()
        try await database.schema("sso_requests")
            .field("state_hash", .string, .required)
            .field("browser_hash", .string, .required)
            .field("la_code", .string, .required)
            .field("code_verifier", .string, .required)
            .field("nonce", .string, .required)
            .field("return_to", .string)
            .field("created_at", .double, .required)
            .unique(on: "state_hash")
            .create()
        try await database.schema("users").field("sso_identity", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sso_requests").delete()
        try await database.schema("sso_settings").delete()
        try await database.schema("users").deleteField("sso_identity").update()
    }
}

extension AccountRepository {
    /// How long a sign-in may stay at the provider before its callback is refused.
    public static let singleSignOnWindow: TimeInterval = 10 * 60

    /// The authority's single sign-on, when it has one.
    public func singleSignOn(authority: String) async throws -> SingleSignOnSettings? {
        try await singleSignOns().first { $0.authority == authority }
    }

    /// Every authority's single sign-on.
    public func singleSignOns() async throws -> [SingleSignOnSettings] {
        try await store.sql.raw("SELECT * FROM sso_settings ORDER BY la_code").all().map { r in
            SingleSignOnSettings(
                authority: try r.decode(column: "la_code", as: String.self), issuer: try r.decode(column: "issuer", as: String.self),
                clientID: try r.decode(column: "client_id", as: String.self), clientSecret: try r.decode(column: "client_secret", as: String.self),
                claim: try r.decode(column: "claim", as: String.self), passwordsAllowed: try r.decode(column: "passwords_allowed", as: Bool.self),
                providerChecksSecondFactor: try r.decode(column: "provider_checks_second_factor", as: Bool.self))
        }
    }

    /// Sets (or replaces) an authority's single sign-on. The issuer must be an https URL (http
    /// only on this machine's loopback, for tests).
    public func setSingleSignOn(_ s: SingleSignOnSettings) async throws {
        guard let url = URL(string: s.issuer), let host = url.host, url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host))
        else {
            throw StoreError.badInput("the issuer must be an https address (http only on 127.0.0.1): '\(s.issuer)'")
        }
        guard !s.clientID.isEmpty, !s.clientSecret.isEmpty, !s.claim.isEmpty else {
            throw StoreError.badInput("single sign-on needs a client id, a client secret and a claim")
        }
        try await store.sql.raw("DELETE FROM sso_settings WHERE la_code = \(bind: s.authority)").run()
        try await store.sql.raw(
            """
            INSERT INTO sso_settings (la_code, issuer, client_id, client_secret, claim, passwords_allowed, provider_checks_second_factor) \
            VALUES (\(bind: s.authority), \(bind: s.issuer), \(bind: s.clientID), \(bind: s.clientSecret), \(bind: s.claim), \
            \(bind: s.passwordsAllowed), \(bind: s.providerChecksSecondFactor))
            """
        ).run()
    }

    /// Whether the authority's users may sign in with a password (no single sign-on, or one that
    /// allows passwords).
    public func passwordsAllowed(authority: String) async throws -> Bool {
        try await singleSignOn(authority: authority)?.passwordsAllowed ?? true
    }

    /// Removes an authority's single sign-on (its users sign in with passwords again).
    public func removeSingleSignOn(authority: String) async throws {
        try await store.sql.raw("DELETE FROM sso_settings WHERE la_code = \(bind: authority)").run()
    }

    /// Sets the value of the configured claim that identifies a user at the provider (nil: none).
    public func setSingleSignOnIdentity(username: String, authority: String, identity: String?) async throws {
        let m = try await model(username, authority: authority)
        let value = identity?.trimmingCharacters(in: .whitespaces).lowercased()
        if let value, !value.isEmpty {
            let taken = try await store.sql.raw(
                "SELECT username FROM users WHERE la_code = \(bind: authority) AND sso_identity = \(bind: value) AND id <> \(bind: try m.requireID())"
            ).first()
            if taken != nil { throw StoreError.badInput("another user of authority \(authority) already has the identity \(value)") }
        }
        try await store.sql.raw("UPDATE users SET sso_identity = \(bind: value?.isEmpty == true ? nil : value) WHERE id = \(bind: try m.requireID())").run()
    }

    /// The enabled user of `authority` whose identity is `identity` (compared without case).
    public func user(singleSignOnIdentity identity: String, authority: String) async throws -> UserAccount? {
        let value = identity.trimmingCharacters(in: .whitespaces).lowercased()
        guard !value.isEmpty,
            let row = try await store.sql.raw("SELECT id FROM users WHERE la_code = \(bind: authority) AND sso_identity = \(bind: value)").first(),
            let m = try await UserModel.find(try row.decode(column: "id", as: Int.self), on: store.database), !m.isDisabled
        else { return nil }
        return try Self.account(m)
    }

    /// Begins a sign-in at the provider: returns the `state` to send and the browser token to put
    /// in a cookie (only their hashes are kept), with the PKCE verifier and nonce.
    public func beginSingleSignOn(authority: String, returnTo: String?) async throws -> (state: String, browser: String, request: SingleSignOnRequest) {
        let state = Self.randomToken(), browser = Self.randomToken()
        let request = SingleSignOnRequest(authority: authority, codeVerifier: Self.randomToken() + Self.randomToken(), nonce: Self.randomToken(), returnTo: returnTo)
        let now = clock().timeIntervalSince1970
        try await store.sql.raw("DELETE FROM sso_requests WHERE created_at < \(bind: now - Self.singleSignOnWindow)").run()
        try await store.sql.raw(
            """
            INSERT INTO sso_requests (state_hash, browser_hash, la_code, code_verifier, nonce, return_to, created_at) \
            VALUES (\(bind: Self.sha256(state)), \(bind: Self.sha256(browser)), \(bind: authority), \(bind: request.codeVerifier), \
            \(bind: request.nonce), \(bind: returnTo), \(bind: now))
            """
        ).run()
        return (state, browser, request)
    }

    /// Takes (and forgets) the sign-in a callback's `state` belongs to, when the same browser began
    /// it less than `singleSignOnWindow` ago; nil otherwise. A state works once.
    public func takeSingleSignOn(state: String, browser: String) async throws -> SingleSignOnRequest? {
        let hash = Self.sha256(state)
        let rows = try await store.sql.raw("DELETE FROM sso_requests WHERE state_hash = \(bind: hash) RETURNING *").all()
        guard let r = rows.first else { return nil }
        let created = try r.decode(column: "created_at", as: Double.self)
        guard clock().timeIntervalSince1970 - created < Self.singleSignOnWindow,
            ConstantTime.equal(try r.decode(column: "browser_hash", as: String.self), Self.sha256(browser))
        else { return nil }
        return SingleSignOnRequest(
            authority: try r.decode(column: "la_code", as: String.self), codeVerifier: try r.decode(column: "code_verifier", as: String.self),
            nonce: try r.decode(column: "nonce", as: String.self), returnTo: try r.decode(column: "return_to", as: String?.self))
    }
}

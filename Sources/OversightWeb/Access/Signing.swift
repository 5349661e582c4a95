import OversightCore
import OversightStore
import Vapor

/// The person behind a request: a browser session (with its CSRF token) or an API token's user.
struct Signed: Sendable {
    var user: UserAccount
    /// The session's CSRF token; nil for API requests.
    var csrf: String?
    /// Whether the request's API token may only read (GET and HEAD).
    var readOnly = false
    /// Whether the session's password was right and its second factor is still to come: only the
    /// code pages and signing out open.
    var awaitingSecondFactor = false
}

struct SignedKey: StorageKey { typealias Value = Signed }

extension Request {
    /// The signed-in user, when there is one.
    var signed: Signed? {
        get { storage[SignedKey.self] }
        set { storage[SignedKey.self] = newValue }
    }
    var user: UserAccount? { signed?.user }
    /// The signed-in user; only called after the gate let the request through.
    var requireUser: UserAccount {
        get throws {
            guard let u = signed?.user else { throw Abort(.unauthorized) }
            return u
        }
    }
}

/// Sessions recently checked against the store, so a burst of requests costs one lookup. An entry
/// lives `ttl` seconds; sign-out forgets its own, and disabling a user or resetting a password
/// through the web forgets them all (at the command line it takes effect within `ttl`).
actor SessionCache {
    let ttl: TimeInterval
    private var entries: [String: (signed: Signed, at: Date)] = [:]
    init(ttl: TimeInterval = 10) { self.ttl = ttl }

    func signed(_ token: String, now: Date) -> Signed? {
        guard let e = entries[token], now.timeIntervalSince(e.at) < ttl else { return nil }
        return e.signed
    }
    func remember(_ token: String, _ signed: Signed, now: Date) {
        if entries.count > 10_000 { entries.removeAll() }
        entries[token] = (signed, now)
    }
    func forget(_ token: String) { entries[token] = nil }
    func forgetAll() { entries.removeAll() }
}

/// The session cookie's name. With Secure cookies it carries the `__Host-` prefix, which browsers
/// accept only from a Secure response for Path=/ with no Domain: no other host (a sibling
/// subdomain) and no plain-HTTP page can set or shadow it.
enum SessionCookie {
    static let plainName = "oversight_session"
    static func name(secure: Bool) -> String { secure ? "__Host-" + plainName : plainName }
}

extension Request {
    /// The name of the session cookie as this server sets it.
    var sessionCookieName: String { SessionCookie.name(secure: services.options.secureCookies) }
}

/// Loads the signed-in user of every request: from the session cookie for pages, from an
/// `Authorization: Bearer` token for the API. Unknown, ended and idle sessions load nobody.
struct SignInLoader: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let accounts = request.services.accounts
        if SiteRoute.isAPIPath(request.url.path) {
            if let bearer = request.headers.bearerAuthorization {
                // Guessing tokens from one address stops after a few dozen tries (`ClientRateLimit`).
                let client = request.clientAddress, limit = request.services.tokenLimit, now = request.services.clock()
                if limit.isBlocked(client, now: now) {
                    throw Abort(.tooManyRequests, reason: "Too many requests with unknown API tokens came from this address. Wait five minutes.")
                }
                if let t = try await accounts.apiToken(bearer.token) {
                    request.signed = Signed(user: t.user, csrf: nil, readOnly: t.readOnly)
                } else {
                    limit.recordFailure(client, now: now)
                }
            }
        } else if let token = request.cookies[request.sessionCookieName]?.string, !token.isEmpty {
            let now = request.services.clock()
            if let cached = await request.services.sessions.signed(token, now: now) {
                request.signed = cached
            } else if let s = try await accounts.session(token: token) {
                let signed = Signed(user: s.user, csrf: s.csrfToken, awaitingSecondFactor: s.awaitingSecondFactor)
                await request.services.sessions.remember(token, signed, now: now)
                request.signed = signed
            }
        }
        return try await next.respond(to: request)
    }
}

/// Refuses what the route does not allow: no user -> the sign-in page (401 for the API); a role the
/// route does not admit -> 403; a form without the session's CSRF token -> 403.
enum Gate {
    static func check(_ request: Request, _ route: SiteRoute) async throws {
        if route.access == .everyone { return }
        guard let signed = request.signed else {
            if route.isAPI { throw Abort(.unauthorized, reason: "Sign in with an API token: Authorization: Bearer TOKEN") }
            throw RedirectToSignIn(returnTo: request.url.path)
        }
        // A session whose second factor is still to come opens the code pages and nothing else.
        if signed.awaitingSecondFactor, !Self.openBeforeSecondFactor.contains(route.name) {
            if route.isAPI { throw Abort(.forbidden) }
            throw NeedsSecondFactor()
        }
        // A password an administrator set is changed before anything else opens.
        if signed.user.mustChangePassword, !Self.openBeforePasswordChange.contains(route.name) {
            if route.isAPI { throw Abort(.forbidden, reason: "The account's password must be changed first: sign in to the web and change it") }
            throw MustChangePassword()
        }
        guard route.access.allows(signed.user.role) else { throw Abort(.forbidden) }
        if signed.readOnly, route.method != .GET, route.method != .HEAD {
            throw Abort(.forbidden, reason: "This API token may only read")
        }
        if route.protection == .csrfForm {
            let sent = (try? request.content.get(String.self, at: "csrf")) ?? request.headers.first(name: "X-CSRF-Token")
            guard let expected = signed.csrf, let sent, constantTimeEqual(sent, expected) else {
                throw Abort(.forbidden, reason: "The form has expired. Go back, reload the page and try again.")
            }
        }
        if ChildViewGuard.applies(to: route, role: signed.user.role), !ChildViewGuard.isFromThisSite(request) {
            throw ChildViewFromElsewhere(target: request.url.path + (request.url.query.map { "?" + $0 } ?? ""))
        }
    }

    /// The routes a session waiting for its second factor may use.
    static let openBeforeSecondFactor: Set<String> = [
        "second-factor", "second-factor-submit", "authenticator-set-up", "authenticator-set-up-submit", "sign-out", "asset", "sign-in",
        "sign-in-submit",
    ]

    /// The routes a user whose password must be changed may still use.
    static let openBeforePasswordChange: Set<String> = ["password", "password-change", "sign-out", "asset", "sign-in", "sign-in-submit"]

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool { ConstantTime.equal(a, b) }
}

/// Thrown when a page needs a signed-in user and there is none.
struct RedirectToSignIn: Error {
    var returnTo: String
}

/// Thrown when a session's second factor is still to come: the answer is a redirect to the code
/// page (`ErrorPageMiddleware`).
struct NeedsSecondFactor: Error {}

/// Thrown when the signed-in user must change their password before anything else: the answer
/// is a redirect to the change page (`ErrorPageMiddleware`).
struct MustChangePassword: Error {}

import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// Signing in and out.
///
/// The sign-in form is protected against login forgery with a double-submit token: a random
/// value in a short-lived cookie that the form must repeat. After sign-in the session gets a new
/// token (sessions are renewed at sign-in), held in a Secure, HttpOnly, SameSite=Lax cookie.
enum SignInController {
    static let formCookie = "oversight_signin"

    struct Form: Content {
        var username: String?
        var password: String?
        var csrf: String?
        /// The authority chosen, where the store holds users of more than one.
        var authority: String?
        /// Where to go after signing in (the form's hidden field, from the sign-in page's query).
        var returnTo: String?
    }

    /// GET /sign-in
    static func show(_ req: Request) async throws -> Response {
        if req.user != nil { return req.redirect(to: SiteURL.overview) }
        let notice: String?
        switch (try? req.query.get(String.self, at: "notice")) ?? "" {
        case "signed-out": notice = "You have been signed out."
        case "codes-locked": notice = "Too many codes were not right. Sign in again in 15 minutes, or ask your Oversight administrator."
        default: notice = nil
        }
        return try await render(req, SignInPage.Model(csrfToken: "", notice: notice, returnTo: safeReturn(try? req.query.get(String.self, at: "returnTo"))))
    }

    /// POST /sign-in
    static func submit(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        let next = safeReturn(form.returnTo)
        // The form again, with one message on the username and the status that says why.
        func refuse(_ message: String, _ status: HTTPResponseStatus) async throws -> Response {
            try await render(
                req, SignInPage.Model(username: username, csrfToken: "", errors: [FieldError(fieldID: "username", message: message)], returnTo: next),
                status: status)
        }
        guard let cookie = req.cookies[formCookie]?.string, let sent = form.csrf, !cookie.isEmpty, Gate.constantTimeEqual(cookie, sent) else {
            return try await refuse("The sign-in form had expired. Enter your username and password again", .forbidden)
        }
        var errors: [FieldError] = []
        if username.isEmpty { errors.append(FieldError(fieldID: "username", message: "Enter your username")) }
        if password.isEmpty { errors.append(FieldError(fieldID: "password", message: "Enter your password")) }
        if !errors.isEmpty { return try await render(req, SignInPage.Model(username: username, csrfToken: "", errors: errors, returnTo: next), status: .unprocessableEntity) }

        let services = req.services
        // Many failures from one address (names tried in turn) stop before any password is checked.
        let client = req.clientAddress
        if services.signInLimit.isBlocked(client, now: services.clock()) {
            services.metrics.signInFailure(reason: "rate-limited")
            return try await refuse("Too many sign-ins have failed from your network. Wait five minutes and try again", .tooManyRequests)
        }
        let attempt: SignInAttempt
        do {
            let authority = (form.authority ?? "").trimmingCharacters(in: .whitespaces)
            attempt = try await services.accounts.attemptSignIn(username: username, password: password, authority: authority.isEmpty ? nil : authority)
        } catch is PasswordHashingPool.Busy {
            return try await refuse("Too many people are signing in at once. Try again in a minute", .serviceUnavailable)
        }
        if case .signedIn(let user) = attempt.outcome, try await !services.accounts.passwordsAllowed(authority: user.authority) {
            // The authority signs in with single sign-on only: a right password is refused with
            // the words every failure gets (so the answer does not confirm the password).
            try await services.accounts.record(
                authority: user.authority, user: user.username, action: "sign-in refused, passwords off (single sign-on only)", target: "", isChildLevel: false)
            services.metrics.signInFailure(reason: "passwords-off")
            return try await refuse(failureMessage, .unprocessableEntity)
        }
        if case .signedIn(let user) = attempt.outcome {
            // Roles that see children's records, administrators, and anyone who has set up an
            // authenticator, take a second step: the session opens only the code pages until then.
            let hasApp = try await services.accounts.hasSecondFactor(userID: user.id)
            let needsCode = user.role.needsSecondFactor || hasApp
            let session = try await services.accounts.startSession(for: user, awaitingSecondFactor: needsCode)
            let target: String
            if needsCode {
                try await services.accounts.record(
                    authority: user.authority, user: user.username, action: "password accepted, second factor asked", target: "", isChildLevel: false)
                target = SitePath.secondFactor.link() + (next.map { "?returnTo=" + SecondFactorController.queryEscaped($0) } ?? "")
            } else {
                try await services.accounts.record(authority: user.authority, user: user.username, action: "signed in", target: "", isChildLevel: false)
                target = user.mustChangePassword ? SitePath.changePassword.link() : next ?? SiteURL.overview
            }
            let response = req.redirect(to: target, redirectType: .normal)
            response.cookies[req.sessionCookieName] = HTTPCookies.Value(
                string: session.token, path: "/", isSecure: services.options.secureCookies,
                isHTTPOnly: true, sameSite: .lax)
            response.cookies[formCookie] = .expired
            return response
        }
        try await recordFailure(attempt, typed: username, services: services)
        if services.signInLimit.recordFailure(client, now: services.clock()) == services.signInLimit.limit {
            try await services.accounts.record(
                authority: "", user: "", action: "sign-ins refused from one address for five minutes", target: "address \(client)", isChildLevel: false)
        }
        // One answer for every failure: an unknown name, a wrong password, a locked name and a
        // disabled account look the same, so nobody learns which names have accounts.
        return try await refuse(failureMessage, .unprocessableEntity)
    }

    /// What every failed sign-in is told.
    static let failureMessage = "The username or password is not right, or the account cannot sign in now"

    /// Writes a failed sign-in to the activity log: under the account's authority when the name has
    /// an account, else under no authority ("") with the name typed (when it could be a username).
    static func recordFailure(_ attempt: SignInAttempt, typed: String, services: WebServices) async throws {
        let action: String
        switch attempt.outcome {
        case .locked:
            action = attempt.lockedNow ? "sign-in failed, name locked" : "sign-in refused, name locked"
            services.metrics.signInFailure(reason: "locked")
        case .disabled:
            action = "sign-in refused, account disabled"
            services.metrics.signInFailure(reason: "disabled")
        default:
            action = "sign-in failed"
            services.metrics.signInFailure(reason: "wrong-credentials")
        }
        if let account = attempt.account {
            try await services.accounts.record(authority: account.authority, user: account.username, action: action, target: "", isChildLevel: false)
        } else {
            let name = typed.lowercased()
            let looksLikeAName = name.count <= 64 && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }
            try await services.accounts.record(
                authority: "", user: "", action: action,
                target: looksLikeAName ? "unknown name \(name)" : "unknown name", isChildLevel: false)
        }
    }

    /// POST /sign-out
    static func signOut(_ req: Request) async throws -> Response {
        if let token = req.cookies[req.sessionCookieName]?.string {
            try await req.services.accounts.endSession(token: token)
            await req.services.sessions.forget(token)
        }
        if let user = req.user {
            try await req.services.accounts.record(authority: user.authority, user: user.username, action: "signed out", target: "", isChildLevel: false)
        }
        let response = req.redirect(to: SiteURL.signIn + "?notice=signed-out", redirectType: .normal)
        response.cookies[req.sessionCookieName] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: req.services.options.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// The page with a fresh form token in its cookie, offering the authorities when the store
    /// holds users of more than one.
    static func render(_ req: Request, _ model: SignInPage.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        var m = model
        m.csrfToken = randomToken()
        let authorities = try await req.services.accounts.authoritiesWithUsers()
        m.singleSignOn = try await req.services.accounts.singleSignOns().map {
            FormOption(value: $0.authority, label: Pages.authorityName($0.authority, request: req))
        }
        if authorities.count > 1 {
            m.authorities = authorities.map { FormOption(value: $0, label: Pages.authorityName($0, request: req)) }
            if m.authority.isEmpty { m.authority = (try? req.content.get(String.self, at: "authority")) ?? "" }
        }
        let response = Pages.page(req, title: SignInPage.title(m), section: nil, content: SignInPage.render(m), status: status)
        response.cookies[formCookie] = HTTPCookies.Value(
            string: m.csrfToken, maxAge: 3600, path: SitePath.signIn.link(),
            isSecure: req.services.options.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// A path on this site to return to after signing in; nil for anything else. Refused: anything
    /// not starting with one `/`; a second `/` or a `\` after it (browsers read `\` as `/`);
    /// white space or control characters anywhere (browsers drop tabs and newlines, so `/\t/x` is
    /// `//x`); characters a URL path does not hold; the sign-in page itself; and any of these
    /// hidden by percent-encoding (the path is checked again decoded).
    static func safeReturn(_ path: String?) -> String? {
        guard let p = path, !p.isEmpty, p.utf8.count <= 2_048, p.unicodeScalars.allSatisfy(Self.pathCharacters.contains) else { return nil }
        guard let decoded = p.removingPercentEncoding else { return nil }
        for candidate in [p, decoded] {
            guard candidate.hasPrefix("/"), !candidate.dropFirst().hasPrefix("/"), !candidate.contains("\\") else { return nil }
            if candidate.unicodeScalars.contains(where: { $0.properties.isWhitespace || CharacterSet.controlCharacters.contains($0) }) { return nil }
        }
        guard !SitePath.signIn.matches(String(decoded.prefix { $0 != "?" })), !decoded.hasPrefix(SitePath.signIn.link() + "?") else { return nil }
        return p
    }

    /// The characters of a URL's path and query (RFC 3986), with `%` for escapes.
    static let pathCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%")

    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }
}

/// The stylesheet and other files the pages use, served from the views module's bundle.
enum AssetController {
    static func file(_ req: Request) async throws -> Response {
        let name = req.parameters.get("file") ?? ""
        guard Assets.served.contains(name), let data = Assets.file(named: name) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: Assets.contentType(for: name))
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

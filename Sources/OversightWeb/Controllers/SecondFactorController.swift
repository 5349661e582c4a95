import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// The second step of signing in (`SecondFactorPage`) and setting up an authenticator app at the
/// first sign-in (`AuthenticatorSetUpPage`). Both answer only a session whose password was right
/// and whose second factor is still to come; when the code is accepted that session ends and a
/// new one (a new cookie) begins.
enum SecondFactorController {
    struct Form: Content {
        var code: String?
        var returnTo: String?
    }

    /// GET /sign-in/code
    static func show(_ req: Request) async throws -> Response {
        guard let signed = req.signed, signed.awaitingSecondFactor else { return req.redirect(to: SiteURL.overview) }
        let next = SignInController.safeReturn(try? req.query.get(String.self, at: "returnTo"))
        guard try await req.services.accounts.hasSecondFactor(userID: signed.user.id) else {
            return req.redirect(to: SitePath.authenticatorSetUp.link() + (next.map { "?returnTo=" + queryEscaped($0) } ?? ""))
        }
        return codePage(req, SecondFactorPage.Model(csrfToken: signed.csrf ?? "", returnTo: next))
    }

    /// POST /sign-in/code
    static func submit(_ req: Request) async throws -> Response {
        guard let signed = req.signed, signed.awaitingSecondFactor else { return req.redirect(to: SiteURL.overview) }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let next = SignInController.safeReturn(form.returnTo)
        let user = signed.user, services = req.services
        func refuse(_ message: String, _ status: HTTPResponseStatus) -> Response {
            codePage(
                req, SecondFactorPage.Model(csrfToken: signed.csrf ?? "", errors: [FieldError(fieldID: "code", message: message)], returnTo: next),
                status: status)
        }
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty { return refuse("Enter the code from your authenticator app", .unprocessableEntity) }
        let client = req.clientAddress
        if services.signInLimit.isBlocked(client, now: services.clock()) {
            services.metrics.signInFailure(reason: "rate-limited")
            return refuse("Too many sign-ins have failed from your network. Wait five minutes and try again", .tooManyRequests)
        }
        switch try await services.accounts.checkSecondFactor(userID: user.id, code: code) {
        case .accepted(let left):
            if let left {
                try await record(req, user, "signed in with a recovery code, \(left) left")
            } else {
                try await record(req, user, "signed in")
            }
            return try await signedIn(req, signed, next: next)
        case .refused:
            try await record(req, user, "second factor refused")
            services.metrics.signInFailure(reason: "wrong-code")
            recordAddressFailure(req)
            return refuse("The code is not right. Enter the code your app shows now, or a recovery code", .unprocessableEntity)
        case .locked:
            return try await lockedOut(req, signed)
        }
    }

    /// GET /sign-in/set-up-authenticator
    static func setUpForm(_ req: Request) async throws -> Response {
        guard let signed = req.signed, signed.awaitingSecondFactor else { return req.redirect(to: SiteURL.overview) }
        let next = SignInController.safeReturn(try? req.query.get(String.self, at: "returnTo"))
        guard let key = try await req.services.accounts.authenticatorKeyToSetUp(userID: signed.user.id) else {
            return req.redirect(to: SitePath.secondFactor.link() + (next.map { "?returnTo=" + queryEscaped($0) } ?? ""))
        }
        return setUpPage(req, AuthenticatorSetUpPage.Model(csrfToken: signed.csrf ?? "", key: key, accountName: signed.user.username, returnTo: next))
    }

    /// POST /sign-in/set-up-authenticator: a first code from the app confirms the key; the
    /// recovery codes are shown once.
    static func setUp(_ req: Request) async throws -> Response {
        guard let signed = req.signed, signed.awaitingSecondFactor else { return req.redirect(to: SiteURL.overview) }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let next = SignInController.safeReturn(form.returnTo)
        let user = signed.user, services = req.services
        guard let key = try await services.accounts.authenticatorKeyToSetUp(userID: user.id) else {
            return req.redirect(to: SitePath.secondFactor.link())
        }
        func refuse(_ message: String, _ status: HTTPResponseStatus) -> Response {
            setUpPage(
                req,
                AuthenticatorSetUpPage.Model(
                    csrfToken: signed.csrf ?? "", key: key, accountName: user.username, errors: [FieldError(fieldID: "code", message: message)],
                    returnTo: next), status: status)
        }
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty { return refuse("Enter the 6-digit code from your authenticator app", .unprocessableEntity) }
        if services.signInLimit.isBlocked(req.clientAddress, now: services.clock()) {
            return refuse("Too many sign-ins have failed from your network. Wait five minutes and try again", .tooManyRequests)
        }
        switch try await services.accounts.confirmAuthenticator(userID: user.id, code: code) {
        case .success(let codes):
            try await record(req, user, "second factor set up")
            try await record(req, user, "signed in")
            let response = try await signedIn(req, signed, next: next)
            let page = Pages.page(
                req, title: RecoveryCodesPage.title, section: nil,
                content: RecoveryCodesPage.render(codes: codes, next: response.headers.first(name: .location) ?? SiteURL.overview))
            page.cookies = response.cookies
            return page
        case .failure(let refusal):
            if case .locked = refusal.outcome { return try await lockedOut(req, signed) }
            try await record(req, user, "second factor refused while setting up")
            recordAddressFailure(req)
            return refuse("The code is not right. Check the key was typed as shown, then enter the code the app shows now", .unprocessableEntity)
        }
    }

    // MARK: helpers

    /// The waiting session ends and a full one begins in a new cookie; on to the page asked for
    /// (or the password change an administrator asked for).
    static func signedIn(_ req: Request, _ signed: Signed, next: String?) async throws -> Response {
        let old = req.cookies[req.sessionCookieName]?.string ?? ""
        let session = try await req.services.accounts.completeSecondFactor(token: old, user: signed.user)
        await req.services.sessions.forget(old)
        let response = req.redirect(to: signed.user.mustChangePassword ? SitePath.changePassword.link() : next ?? SiteURL.overview, redirectType: .normal)
        response.cookies[req.sessionCookieName] = HTTPCookies.Value(
            string: session.token, path: "/", isSecure: req.services.options.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Too many wrong codes: the waiting session ends and the sign-in page says why.
    static func lockedOut(_ req: Request, _ signed: Signed) async throws -> Response {
        try await record(req, signed.user, "second factor locked after too many wrong codes")
        req.services.metrics.signInFailure(reason: "locked")
        let old = req.cookies[req.sessionCookieName]?.string ?? ""
        try await req.services.accounts.endSession(token: old)
        await req.services.sessions.forget(old)
        let response = req.redirect(to: SiteURL.signIn + "?notice=codes-locked", redirectType: .normal)
        response.cookies[req.sessionCookieName] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: req.services.options.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    static func record(_ req: Request, _ user: UserAccount, _ action: String) async throws {
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: action, target: "", isChildLevel: false)
    }

    /// Counts a wrong code against the client's address, as a wrong password is.
    static func recordAddressFailure(_ req: Request) {
        let services = req.services, client = req.clientAddress
        _ = services.signInLimit.recordFailure(client, now: services.clock())
    }

    static func codePage(_ req: Request, _ model: SecondFactorPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.page(req, title: SecondFactorPage.title(model), section: nil, content: SecondFactorPage.render(model), status: status)
    }

    static func setUpPage(_ req: Request, _ model: AuthenticatorSetUpPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.page(req, title: AuthenticatorSetUpPage.title(model), section: nil, content: AuthenticatorSetUpPage.render(model), status: status)
    }

    /// A path made safe to carry in a query string.
    static func queryEscaped(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? ""
    }
}

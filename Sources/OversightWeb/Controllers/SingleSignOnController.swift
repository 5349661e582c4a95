import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// Signing in with the council's own account (OpenID Connect, authorisation code with PKCE).
/// `start` sends the browser to the provider with a one-use `state`, a nonce and a PKCE challenge,
/// and ties the sign-in to the browser with a cookie; `callback` takes the code back, exchanges it
/// for the ID token, checks the token, and signs in the user whose single sign-on identity is the
/// configured claim. Roles and authority are Oversight's own. Unless the authority says its
/// provider enforces multi-factor sign-in, roles that see children's records still give
/// Oversight's authenticator code after.
enum SingleSignOnController {
    /// The cookie tying a sign-in at the provider to the browser that began it.
    static let browserCookie = "oversight_sso"

    /// GET /sign-in/sso?authority=CODE[&returnTo=PATH]
    static func start(_ req: Request) async throws -> Response {
        let services = req.services
        let all = try await services.accounts.singleSignOns()
        let asked = (try? req.query.get(String.self, at: "authority")) ?? ""
        guard let settings = all.first(where: { $0.authority == asked }) ?? (asked.isEmpty && all.count == 1 ? all[0] : nil) else {
            throw Abort(.notFound)
        }
        let next = SignInController.safeReturn(try? req.query.get(String.self, at: "returnTo"))
        do {
            let metadata = try await services.providers.metadata(issuer: settings.issuer, client: req.client)
            let (state, browser, request) = try await services.accounts.beginSingleSignOn(authority: settings.authority, returnTo: next)
            let url = OpenIDConnect.authorizationURL(
                metadata, clientID: settings.clientID, redirectURI: services.options.singleSignOnCallback, state: state, nonce: request.nonce,
                verifier: request.codeVerifier)
            let response = req.redirect(to: url, redirectType: .normal)
            response.cookies[browserCookie] = HTTPCookies.Value(
                string: browser, maxAge: Int(AccountRepository.singleSignOnWindow), path: SitePath.singleSignOn.link(),
                isSecure: services.options.secureCookies, isHTTPOnly: true, sameSite: .lax)
            return response
        } catch let failure as SingleSignOnFailure {
            return try await refuse(req, failure, authority: settings.authority)
        }
    }

    /// GET /sign-in/sso/callback?code=...&state=... (or ?error=...)
    static func callback(_ req: Request) async throws -> Response {
        let services = req.services
        if let error = try? req.query.get(String.self, at: "error") {
            let code = String(error.prefix(40).filter { $0.isLetter || $0 == "_" })
            return try await refuse(
                req, SingleSignOnFailure(message: "Your council's sign-in service did not sign you in (\(code)). Start again", logged: "provider refused: \(code)"),
                authority: "")
        }
        guard let state = try? req.query.get(String.self, at: "state"), let code = try? req.query.get(String.self, at: "code"),
            let browser = req.cookies[browserCookie]?.string,
            let request = try await services.accounts.takeSingleSignOn(state: state, browser: browser),
            let settings = try await services.accounts.singleSignOn(authority: request.authority)
        else {
            return try await refuse(
                req,
                SingleSignOnFailure(
                    message: "This sign-in has expired, was already used or began in another browser. Start again", logged: "callback with an unknown, used or expired state"),
                authority: "")
        }
        let identity: String
        do {
            let metadata = try await services.providers.metadata(issuer: settings.issuer, client: req.client)
            let idToken = try await OpenIDConnect.idToken(
                code: code, verifier: request.codeVerifier, redirectURI: services.options.singleSignOnCallback, clientID: settings.clientID,
                clientSecret: settings.clientSecret, metadata: metadata, client: req.client)
            do {
                let keys = try await services.providers.keys(issuer: settings.issuer, jwksURI: metadata.jwksURI, client: req.client, refresh: false)
                identity = try await OpenIDConnect.verify(
                    idToken: idToken, keys: keys, issuer: settings.issuer, clientID: settings.clientID, nonce: request.nonce, claim: settings.claim)
            } catch is SingleSignOnFailure {
                // The provider may have rotated its keys: fetch them again once.
                let keys = try await services.providers.keys(issuer: settings.issuer, jwksURI: metadata.jwksURI, client: req.client, refresh: true)
                identity = try await OpenIDConnect.verify(
                    idToken: idToken, keys: keys, issuer: settings.issuer, clientID: settings.clientID, nonce: request.nonce, claim: settings.claim)
            }
        } catch let failure as SingleSignOnFailure {
            return try await refuse(req, failure, authority: settings.authority)
        }
        guard let user = try await services.accounts.user(singleSignOnIdentity: identity, authority: settings.authority) else {
            return try await refuse(
                req,
                SingleSignOnFailure(
                    message: "Your council account is not linked to an Oversight user, or the user is disabled. Ask your Oversight administrator",
                    logged: "no enabled user with identity \(identity.prefix(120))"),
                authority: settings.authority)
        }
        let hasApp = try await services.accounts.hasSecondFactor(userID: user.id)
        let needsCode = !settings.providerChecksSecondFactor && (user.role.needsSecondFactor || hasApp)
        let session = try await services.accounts.startSession(for: user, awaitingSecondFactor: needsCode)
        let target: String
        if needsCode {
            try await services.accounts.record(
                authority: user.authority, user: user.username, action: "single sign-on accepted, second factor asked", target: "", isChildLevel: false)
            target = SitePath.secondFactor.link() + (request.returnTo.map { "?returnTo=" + SecondFactorController.queryEscaped($0) } ?? "")
        } else {
            try await services.accounts.record(authority: user.authority, user: user.username, action: "signed in with single sign-on", target: "", isChildLevel: false)
            target = request.returnTo ?? SiteURL.overview
        }
        let response = req.redirect(to: target, redirectType: .normal)
        response.cookies[req.sessionCookieName] = HTTPCookies.Value(
            string: session.token, path: "/", isSecure: services.options.secureCookies, isHTTPOnly: true, sameSite: .lax)
        response.cookies[browserCookie] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: SitePath.singleSignOn.link(), isSecure: services.options.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
        return response
    }

    /// The sign-in page with the failure's message; the activity log gets why.
    static func refuse(_ req: Request, _ failure: SingleSignOnFailure, authority: String) async throws -> Response {
        try await req.services.accounts.record(authority: authority, user: "", action: "single sign-on refused", target: failure.logged, isChildLevel: false)
        req.services.metrics.signInFailure(reason: "single-sign-on")
        return try await SignInController.render(
            req, SignInPage.Model(csrfToken: "", errors: [FieldError(fieldID: "single-sign-on", message: failure.message)]), status: .unprocessableEntity)
    }
}

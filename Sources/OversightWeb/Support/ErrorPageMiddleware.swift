import Foundation
import OversightViews
import Vapor

/// Turns every error into a plain page (or a JSON error for the API): 404 "Page not found", 403
/// "You do not have access", 500 "Sorry, there is a problem". Never shows a stack trace or an
/// error's details to the user; logs the error's type and the request's path only (paths never
/// hold child identifiers beyond the ones the user asked for, which are not logged either).
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let redirect as RedirectToSignIn {
            let target =
                redirect.returnTo == SitePath.overview.link()
                ? SitePath.signIn.link()
                : SitePath.signIn.link() + "?returnTo="
                    + (redirect.returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? "")
            return request.redirect(to: target, redirectType: .normal)
        } catch is NeedsSecondFactor {
            return request.redirect(to: SitePath.secondFactor.link(), redirectType: .normal)
        } catch is MustChangePassword {
            return request.redirect(to: SitePath.changePassword.link(), redirectType: .normal)
        } catch let elsewhere as ChildViewFromElsewhere {
            return ChildViewGuard.interstitial(request, target: SignInController.safeReturn(elsewhere.target) ?? SiteURL.overview)
        } catch {
            let status: HTTPResponseStatus
            var reason: String?
            if let abort = error as? any AbortError {
                status = abort.status
                // Reasons written by this module are plain words meant for users; Vapor's own
                // default reasons are just the status phrase.
                reason = abort.reason == status.reasonPhrase ? nil : abort.reason
            } else {
                status = .internalServerError
                // The error's type and the route's name only: an error's text may hold what was sent.
                request.services.requestLogger.error(
                    "request failed",
                    metadata: [
                        "request_id": request.logger[metadataKey: "request_id"] ?? "", "error": .string(String(describing: type(of: error))),
                        "route": .string(request.routeName ?? "unrouted"), "method": .string(request.method.rawValue),
                    ])
            }
            if status == .internalServerError { reason = nil }
            if SiteRoute.isAPIPath(request.url.path) {
                let body = ["error": reason ?? status.reasonPhrase]
                let response = Response(status: status)
                try response.content.encode(body, as: .json)
                return response
            }
            return Pages.error(status: status, reason: reason, request: request)
        }
    }
}

/// Headers on every response: no framing, no sniffing, a strict content security policy (the
/// product serves its own stylesheet and no scripts from elsewhere), and no caching of pages that
/// may hold child-level data.
struct SecurityHeadersMiddleware: Middleware {
    /// Whether browsers are told to use HTTPS only (`WebOptions.secureCookies`). Kept here, not
    /// read from the application's services per response: a response finishing while the
    /// server shuts down must not need them (they are gone by then).
    let secureCookies: Bool

    // With futures, not async: an async middleware starts a task of its own for every request.
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let secure = secureCookies
        return next.respond(to: request).map { Self.addHeaders(request, $0, secureCookies: secure) }
    }

    static func addHeaders(_ request: Request, _ response: Response, secureCookies: Bool) -> Response {
        let h = response.headers
        if !h.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        // Behind TLS (Secure cookies), browsers are told to use HTTPS only for a year.
        if secureCookies {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        if !SitePath.asset.matches(request.url.path) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}

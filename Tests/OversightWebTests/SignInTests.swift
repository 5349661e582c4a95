import Foundation
import NIOCore
import OversightCore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

@Suite(.serialized) struct SignInTests {
    /// The value of a cookie set by a response.
    static func cookie(_ name: String, in res: TestingHTTPResponse) -> String? {
        for header in res.headers[.setCookie] where header.hasPrefix(name + "=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    /// The hidden `csrf` field of a page's form.
    static func formToken(_ html: String) -> String? {
        guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    static func signIn(_ h: WebHarness, username: String, password: String, extra: String = "") async throws -> TestingHTTPResponse {
        let page = try await h.app.testing().sendRequest(.GET, "/sign-in")
        let token = try #require(formToken(page.body.string))
        let formCookie = try #require(cookie("oversight_signin", in: page))
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.replaceOrAdd(name: .cookie, value: "oversight_signin=\(formCookie)")
        let body = "username=\(username)&password=\(password.replacingOccurrences(of: " ", with: "+"))&csrf=\(token)" + extra
        return try await h.app.testing().sendRequest(.POST, "/sign-in", headers: headers, body: ByteBuffer(string: body))
    }

    @Test func signsInWithASecureHttpOnlyCookieAndSignsOut() async throws {
        let h = try await WebHarness.start()
        // A board member signs in with the password alone (roles that see children take a second step: SecondFactorWebTests).
        let res = try await Self.signIn(h, username: "user-board-member", password: WebFixtures.password)
        #expect(res.status == .seeOther)
        #expect(res.headers.first(name: .location) == "/")
        let setCookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("__Host-oversight_session=") })
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Lax"))
        let session = try #require(Self.cookie("__Host-oversight_session", in: res))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: "__Host-oversight_session=\(session)")
        let overview = try await h.app.testing().sendRequest(.GET, "/", headers: headers)
        #expect(overview.status == .ok)
        #expect(overview.body.string.contains("Overview"))
        let csrf = try #require(Self.formToken(overview.body.string))
        headers.contentType = .urlEncodedForm
        let out = try await h.app.testing().sendRequest(.POST, "/sign-out", headers: headers, body: ByteBuffer(string: "csrf=\(csrf)"))
        #expect(out.status == .seeOther)
        let after = try await h.app.testing().sendRequest(.GET, "/", headers: headers)
        #expect(after.status == .seeOther && after.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
        await h.shutdown()
    }

    @Test func wrongPasswordKeepsTheUsernameAndLocksAfterFiveTries() async throws {
        let h = try await WebHarness.start(importData: false)
        let first = try await Self.signIn(h, username: "user-performance-analyst", password: "not the password")
        #expect(first.status == .unprocessableEntity)
        #expect(first.body.string.contains("There is a problem"))
        #expect(first.body.string.contains("value=\"user-performance-analyst\""))
        #expect(first.body.string.contains("href=\"#username\""))
        for _ in 0..<3 { _ = try await Self.signIn(h, username: "user-performance-analyst", password: "not the password") }
        _ = try await Self.signIn(h, username: "user-performance-analyst", password: "not the password")
        // Locked now: the right password is refused, with the same words as any failure.
        let right = try await Self.signIn(h, username: "user-performance-analyst", password: WebFixtures.password)
        #expect(right.status == .unprocessableEntity)
        #expect(right.body.string.contains(SignInController.failureMessage))
        #expect(right.headers[.setCookie].allSatisfy { !$0.contains("oversight_session=") })
        await h.shutdown()
    }

    @Test func signInFormWithoutItsTokenIsRefused() async throws {
        let h = try await WebHarness.start(importData: false)
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let res = try await h.app.testing().sendRequest(
            .POST, "/sign-in", headers: headers,
            body: ByteBuffer(string: "username=user-manager&password=\(WebFixtures.password)&csrf=forged"))
        #expect(res.status == .forbidden)
        #expect(res.headers[.setCookie].allSatisfy { !$0.contains("oversight_session=") })
        await h.shutdown()
    }

    @Test func returnsOnlyToPathsOnThisSite() {
        #expect(SignInController.safeReturn("/measures/cla_at_end") == "/measures/cla_at_end")
        #expect(SignInController.safeReturn("/measures/cla_at_end?period=2025") == "/measures/cla_at_end?period=2025")
        #expect(SignInController.safeReturn("//evil.example") == nil)
        #expect(SignInController.safeReturn("https://evil.example") == nil)
        #expect(SignInController.safeReturn("/\\evil") == nil)
        // Issue 16, finding 7: what browsers read as another site, written in other ways.
        for path in [
            "/\t/evil.com", "/\n/evil.com", "/\r//evil.com", " //evil.com", "/ /evil.com", "/\\evil.com", "\\\\evil.com",
            "/%09/evil.com", "/%2F/evil.com", "/%2f%2fevil.com", "/%5Cevil.com", "/%5cevil.com", "%2F%2Fevil.com",
            "/\u{3000}/evil.com", "/sign-in", "javascript:alert(1)", "",
        ] {
            #expect(SignInController.safeReturn(path) == nil, "\(path.debugDescription) is accepted")
        }
    }

    /// Issue 16, finding 7: the form posts `returnTo`, and signing in goes there.
    @Test func signingInReturnsToThePageAskedFor() async throws {
        let h = try await WebHarness.start(importData: false)
        let redirect = try await h.app.testing().sendRequest(.GET, "/measures")
        #expect(redirect.headers.first(name: .location) == "/sign-in?returnTo=/measures")
        let page = try await h.app.testing().sendRequest(.GET, "/sign-in?returnTo=/measures")
        #expect(page.body.string.contains("name=\"returnTo\" value=\"/measures\""))
        let res = try await Self.signIn(h, username: "user-board-member", password: WebFixtures.password, extra: "&returnTo=%2Fmeasures")
        #expect(res.headers.first(name: .location) == "/measures")
        let evil = try await Self.signIn(h, username: "user-board-member", password: WebFixtures.password, extra: "&returnTo=%2F%09%2Fevil.com")
        #expect(evil.headers.first(name: .location) == "/")
        await h.shutdown()
    }

    /// Issue 16, finding 7: behind TLS the session cookie is `__Host-` prefixed (Secure, Path=/, no
    /// Domain: no other host can set or shadow it) and pages carry HSTS.
    @Test func theSessionCookieIsHostOnlyAndPagesAskForHTTPS() async throws {
        let h = try await WebHarness.start(importData: false)
        let res = try await Self.signIn(h, username: "user-manager", password: WebFixtures.password)
        let setCookie = try #require(res.headers[.setCookie].first { $0.contains("oversight_session=") })
        #expect(setCookie.hasPrefix("__Host-oversight_session=") && setCookie.contains("Secure") && setCookie.contains("Path=/") && !setCookie.contains("Domain"))
        #expect(res.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
        await h.shutdown()
    }
}

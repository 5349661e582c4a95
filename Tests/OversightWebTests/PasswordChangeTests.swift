import Foundation
import NIOCore
import OversightCore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Issue 16, finding 5: users change their own password, and a password an administrator set must
/// be changed before anything else.
@Suite(.serialized) struct PasswordChangeTests {
    /// A browser signed in through the form: its cookie, and the CSRF token of its pages.
    struct Browser {
        let h: WebHarness
        var cookie: String
        func get(_ path: String) async throws -> TestingHTTPResponse {
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "__Host-oversight_session=\(cookie)")
            return try await h.app.testing().sendRequest(.GET, path, headers: headers)
        }
        func post(_ path: String, _ fields: [String: String]) async throws -> TestingHTTPResponse {
            let page = try await get(path)
            let csrf = try #require(SignInTests.formToken(page.body.string))
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "__Host-oversight_session=\(cookie)")
            headers.contentType = .urlEncodedForm
            let body = (fields.merging(["csrf": csrf]) { a, _ in a }).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            return try await h.app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        }
    }

    static func signIn(_ h: WebHarness, _ username: String, _ password: String) async throws -> (TestingHTTPResponse, Browser?) {
        let res = try await SignInTests.signIn(h, username: username, password: password.replacingOccurrences(of: "-", with: "%2D"))
        return (res, SignInTests.cookie("__Host-oversight_session", in: res).map { Browser(h: h, cookie: $0) })
    }

    @Test func usersChangeTheirOwnPassword() async throws {
        let h = try await WebHarness.start(importData: false)
        let (_, signed) = try await Self.signIn(h, "user-board-member", WebFixtures.password)
        let browser = try #require(signed)
        let form = try await browser.get("/account/password")
        #expect(form.status == .ok)
        #expect(form.body.string.contains("id=\"currentPassword\"") && form.body.string.contains("id=\"confirmPassword\""))

        let wrong = try await browser.post(
            "/account/password", ["currentPassword": "not my password", "newPassword": "amber willow lantern", "confirmPassword": "amber willow lantern"])
        #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Your current password is not right"))
        let mismatch = try await browser.post(
            "/account/password", ["currentPassword": WebFixtures.password, "newPassword": "amber willow lantern", "confirmPassword": "amber willow lanterns"])
        #expect(mismatch.status == .unprocessableEntity && mismatch.body.string.contains("do not match"))
        let weak = try await browser.post("/account/password", ["currentPassword": WebFixtures.password, "newPassword": "password1234", "confirmPassword": "password1234"])
        #expect(weak.status == .unprocessableEntity && weak.body.string.contains("too easy to guess"))

        let done = try await browser.post(
            "/account/password", ["currentPassword": WebFixtures.password, "newPassword": "amber willow lantern", "confirmPassword": "amber willow lantern"])
        #expect(done.status == .seeOther)
        let renewed = try #require(SignInTests.cookie("__Host-oversight_session", in: done))
        #expect(renewed != browser.cookie)
        #expect(try await browser.get("/").status == .seeOther, "the session from before the change still works")
        #expect(try await Browser(h: h, cookie: renewed).get("/").status == .ok)
        #expect(try await Self.signIn(h, "user-board-member", WebFixtures.password).0.status == .unprocessableEntity)
        #expect(try await Self.signIn(h, "user-board-member", "amber willow lantern").0.status == .seeOther)
        await h.shutdown()
    }

    @Test func aPasswordAnAdministratorSetMustBeChangedFirst() async throws {
        let h = try await WebHarness.start(importData: false)
        let reset = try await h.send(.POST, "/users/user-board-member/reset-password", as: .administrator)
        let html = reset.body.string
        let r = try #require(html.range(of: #"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"#, options: .regularExpression))
        let temporary = String(html[r])
        let (first, signed) = try await Self.signIn(h, "user-board-member", temporary)
        #expect(first.headers.first(name: .location) == "/account/password")
        let browser = try #require(signed)
        for path in ["/", "/measures", "/audits", "/plan"] {
            let res = try await browser.get(path)
            #expect(res.status == .seeOther && res.headers.first(name: .location) == "/account/password", "\(path) answered \(res.status)")
        }
        let form = try await browser.get("/account/password")
        #expect(form.status == .ok && form.body.string.contains("set by an administrator"))
        let done = try await browser.post("/account/password", ["currentPassword": temporary, "newPassword": "amber willow lantern", "confirmPassword": "amber willow lantern"])
        #expect(done.status == .seeOther)
        let renewed = try #require(SignInTests.cookie("__Host-oversight_session", in: done))
        #expect(try await Browser(h: h, cookie: renewed).get("/").status == .ok)

        // Users an administrator adds through the web start with a temporary password too.
        _ = try await h.send(
            .POST, "/users", as: .administrator, form: ["displayName": "Ruth Example", "username": "ruth", "role": "board-member", "password": "pebble orchard falcon"])
        let (added, _) = try await Self.signIn(h, "ruth", "pebble orchard falcon")
        #expect(added.headers.first(name: .location) == "/account/password")
        await h.shutdown()
    }
}

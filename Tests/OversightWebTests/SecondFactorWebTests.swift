import Foundation
import NIOCore
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Multi-factor sign-in through the pages (issue 16): who is asked, enrolment at the first
/// sign-in, codes and recovery codes, the lock, the administrator's reset, and the log of each.
@Suite(.serialized) struct SecondFactorWebTests {
    static let sessionCookie = "__Host-oversight_session"

    /// Sends a request with a session cookie (and a form, for POST).
    static func send(_ h: WebHarness, _ method: HTTPMethod, _ path: String, cookie: String, form: [String: String] = [:]) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: "\(sessionCookie)=\(cookie)")
        headers.replaceOrAdd(name: "Sec-Fetch-Site", value: "same-origin")
        var body: ByteBuffer?
        if method == .POST {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(
                string: form.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                    .joined(separator: "&"))
        }
        return try await h.app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// Sets up an authenticator for `username` with this step's code; returns its key. Signing in
    /// then takes a later step's code (a code works once).
    static func enrol(_ h: WebHarness, _ username: String) async throws -> [UInt8] {
        let accounts = h.store.accounts(hasher: TestHasher())
        let user = try #require(try await accounts.user(named: username))
        let keyText = try await accounts.authenticatorKeyToSetUp(userID: user.id) ?? ""
        let key = try #require(Base32.decode(keyText))
        _ = try await accounts.confirmAuthenticator(userID: user.id, code: TOTP.code(key: key, at: Date()))
        return key
    }

    /// The key the set-up page shows.
    static func key(_ html: String) throws -> [UInt8] {
        let start = try #require(html.range(of: "id=\"authenticator-key\""))
        let afterTag = try #require(html[start.upperBound...].range(of: ">"))
        let text = String(html[afterTag.upperBound...].prefix { $0 != "<" })
        return try #require(Base32.decode(text))
    }

    static func actions(_ h: WebHarness) async throws -> [String] {
        try await h.store.accounts(hasher: TestHasher()).activity(authority: WebFixtures.authority).map { "\($0.user): \($0.action)" }
    }

    @Test func anAdministratorSetsUpAnAppAtFirstSignInThenSignsInWithCodes() async throws {
        let h = try await WebHarness.start(importData: false)
        let first = try await SignInTests.signIn(h, username: "user-administrator", password: WebFixtures.password)
        #expect(first.status == .seeOther)
        #expect(first.headers.first(name: .location) == "/sign-in/code")
        let waiting = try #require(SignInTests.cookie(Self.sessionCookie, in: first))
        // The waiting session opens nothing but the code pages.
        for path in ["/", "/users", "/measures", "/children/C000001", "/account/password"] {
            let r = try await Self.send(h, .GET, path, cookie: waiting)
            #expect(r.status == .seeOther && r.headers.first(name: .location) == "/sign-in/code", "\(path) opened before the code")
        }
        let code = try await Self.send(h, .GET, "/sign-in/code", cookie: waiting)
        #expect(code.headers.first(name: .location) == "/sign-in/set-up-authenticator")
        let setUp = try await Self.send(h, .GET, "/sign-in/set-up-authenticator", cookie: waiting)
        #expect(setUp.status == .ok)
        #expect(setUp.body.string.contains("otpauth://totp/Oversight:user-administrator?secret="))
        #expect(!setUp.body.string.contains("href=\"/users\""), "navigation shown before the second factor")
        let key = try Self.key(setUp.body.string)
        let csrf = try #require(SignInTests.formToken(setUp.body.string))
        let wrong = try await Self.send(h, .POST, "/sign-in/set-up-authenticator", cookie: waiting, form: ["csrf": csrf, "code": "12345"])
        #expect(wrong.status == .unprocessableEntity)
        #expect(wrong.body.string.contains("The code is not right"))
        let now = Date()
        let done = try await Self.send(h, .POST, "/sign-in/set-up-authenticator", cookie: waiting, form: ["csrf": csrf, "code": TOTP.code(key: key, at: now)])
        #expect(done.status == .ok)
        #expect(done.body.string.contains("id=\"recovery-codes\""))
        let recovery = done.body.string.components(separatedBy: "<li>").dropFirst().map { String($0.prefix { $0 != "<" }) }.filter { $0.count == 11 && $0.contains("-") }
        #expect(recovery.count == 10)
        let full = try #require(SignInTests.cookie(Self.sessionCookie, in: done))
        #expect(full != waiting)
        // The waiting session has ended; the new one opens the site.
        #expect(try await Self.send(h, .GET, "/", cookie: waiting).headers.first(name: .location)?.hasPrefix("/sign-in") == true)
        #expect(try await Self.send(h, .GET, "/users", cookie: full).status == .ok)

        // The next sign-in asks for a code: the next step's code works (the first one was used).
        let second = try await SignInTests.signIn(h, username: "user-administrator", password: WebFixtures.password)
        let waiting2 = try #require(SignInTests.cookie(Self.sessionCookie, in: second))
        let page = try await Self.send(h, .GET, "/sign-in/code", cookie: waiting2)
        #expect(page.status == .ok)
        let csrf2 = try #require(SignInTests.formToken(page.body.string))
        let replay = try await Self.send(h, .POST, "/sign-in/code", cookie: waiting2, form: ["csrf": csrf2, "code": TOTP.code(key: key, at: now)])
        #expect(replay.status == .unprocessableEntity, "a used code signed in again")
        let ok = try await Self.send(
            h, .POST, "/sign-in/code", cookie: waiting2, form: ["csrf": csrf2, "code": TOTP.code(key: key, step: TOTP.step(at: now) + 1)])
        #expect(ok.status == .seeOther && ok.headers.first(name: .location) == "/")

        // A recovery code signs in once.
        let third = try await SignInTests.signIn(h, username: "user-administrator", password: WebFixtures.password)
        let waiting3 = try #require(SignInTests.cookie(Self.sessionCookie, in: third))
        let csrf3 = try #require(SignInTests.formToken(try await Self.send(h, .GET, "/sign-in/code", cookie: waiting3).body.string))
        let byRecovery = try await Self.send(h, .POST, "/sign-in/code", cookie: waiting3, form: ["csrf": csrf3, "code": recovery[0]])
        #expect(byRecovery.status == .seeOther)
        let log = try await Self.actions(h)
        for expected in [
            "user-administrator: password accepted, second factor asked", "user-administrator: second factor refused while setting up",
            "user-administrator: second factor set up", "user-administrator: second factor refused", "user-administrator: signed in",
            "user-administrator: signed in with a recovery code, 9 left",
        ] {
            #expect(log.contains(expected), "not logged: \(expected)")
        }
        await h.shutdown()
    }

    @Test func rolesThatSeeNoChildSignInWithThePasswordAlone() async throws {
        let h = try await WebHarness.start(importData: false)
        for name in ["user-board-member", "user-partner-auditor"] {
            let res = try await SignInTests.signIn(h, username: name, password: WebFixtures.password)
            #expect(res.status == .seeOther && res.headers.first(name: .location) == "/", "\(name)")
        }
        for role in Role.allCases {
            #expect(role.needsSecondFactor == (role.seesChildLevelData || role == .administrator))
        }
        await h.shutdown()
    }

    @Test func thePageAskedForIsReachedAfterTheCode() async throws {
        let h = try await WebHarness.start(importData: false)
        let key = try await Self.enrol(h, "user-performance-analyst")
        let res = try await SignInTests.signIn(h, username: "user-performance-analyst", password: WebFixtures.password, extra: "&returnTo=%2Fmeasures")
        #expect(res.headers.first(name: .location) == "/sign-in/code?returnTo=/measures")
        let waiting = try #require(SignInTests.cookie(Self.sessionCookie, in: res))
        let page = try await Self.send(h, .GET, "/sign-in/code?returnTo=/measures", cookie: waiting)
        #expect(page.body.string.contains("name=\"returnTo\" value=\"/measures\""))
        let csrf = try #require(SignInTests.formToken(page.body.string))
        let ok = try await Self.send(
            h, .POST, "/sign-in/code", cookie: waiting, form: ["csrf": csrf, "code": TOTP.code(key: key, step: TOTP.step(at: Date()) + 1), "returnTo": "/measures"])
        #expect(ok.headers.first(name: .location) == "/measures")
        await h.shutdown()
    }

    @Test func fiveWrongCodesEndTheSignInAndAreLogged() async throws {
        let h = try await WebHarness.start(importData: false)
        let key = try await Self.enrol(h, "user-manager")
        let res = try await SignInTests.signIn(h, username: "user-manager", password: WebFixtures.password)
        let waiting = try #require(SignInTests.cookie(Self.sessionCookie, in: res))
        let csrf = try #require(SignInTests.formToken(try await Self.send(h, .GET, "/sign-in/code", cookie: waiting).body.string))
        let right = TOTP.code(key: key, step: TOTP.step(at: Date()) + 1)
        let wrong = right == "000000" ? "111111" : "000000"
        for _ in 0..<4 {
            #expect(try await Self.send(h, .POST, "/sign-in/code", cookie: waiting, form: ["csrf": csrf, "code": wrong]).status == .unprocessableEntity)
        }
        let fifth = try await Self.send(h, .POST, "/sign-in/code", cookie: waiting, form: ["csrf": csrf, "code": wrong])
        #expect(fifth.status == .seeOther && fifth.headers.first(name: .location) == "/sign-in?notice=codes-locked")
        #expect(try await Self.send(h, .GET, "/", cookie: waiting).headers.first(name: .location)?.hasPrefix("/sign-in") == true)
        let notice = try await h.app.testing().sendRequest(.GET, "/sign-in?notice=codes-locked")
        #expect(notice.body.string.contains("Too many codes were not right"))
        // Signing in again with the password does not get past the locked codes.
        let again = try await SignInTests.signIn(h, username: "user-manager", password: WebFixtures.password)
        let waiting2 = try #require(SignInTests.cookie(Self.sessionCookie, in: again))
        let csrf2 = try #require(SignInTests.formToken(try await Self.send(h, .GET, "/sign-in/code", cookie: waiting2).body.string))
        let locked = try await Self.send(h, .POST, "/sign-in/code", cookie: waiting2, form: ["csrf": csrf2, "code": right])
        #expect(locked.headers.first(name: .location) == "/sign-in?notice=codes-locked")
        #expect(try await Self.actions(h).contains("user-manager: second factor locked after too many wrong codes"))
        await h.shutdown()
    }

    @Test func anAdministratorResetsALostAppAndItIsLogged() async throws {
        let h = try await WebHarness.start(importData: false)
        let accounts = h.store.accounts(hasher: TestHasher())
        _ = try await Self.enrol(h, "user-manager")
        let manager = try #require(try await accounts.user(named: "user-manager"))
        _ = try await SignInTests.signIn(h, username: "user-board-member", password: WebFixtures.password)
        let before = try await h.send(.GET, "/users", as: .administrator)
        #expect(before.body.string.contains("Reset authenticator"))
        #expect(before.body.string.contains("Authenticator app"))
        // The board member's sign-in shows on the page (it said "Never" for everyone before).
        let never = before.body.string.components(separatedBy: ">Never<").count - 1
        #expect(never == Role.allCases.count - 1)
        let reset = try await h.send(.POST, "/users/user-manager/reset-authenticator", as: .administrator)
        #expect(reset.status == .ok)
        #expect(reset.body.string.contains("authenticator app was removed"))
        #expect(try await accounts.hasSecondFactor(userID: manager.id) == false)
        #expect(try await Self.actions(h).contains("user-administrator: reset authenticator app"))
        let entry = try #require(try await accounts.activity(authority: WebFixtures.authority, action: "reset authenticator app").first)
        #expect(entry.target == "user-manager")
        // Not an administrator: refused.
        #expect(try await h.send(.POST, "/users/user-manager/reset-authenticator", as: .analyst).status == .forbidden)
        // The manager is asked to set up a new app at the next sign-in.
        let res = try await SignInTests.signIn(h, username: "user-manager", password: WebFixtures.password)
        let waiting = try #require(SignInTests.cookie(Self.sessionCookie, in: res))
        #expect(try await Self.send(h, .GET, "/sign-in/code", cookie: waiting).headers.first(name: .location) == "/sign-in/set-up-authenticator")
        await h.shutdown()
    }
}

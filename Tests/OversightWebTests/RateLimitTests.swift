import Foundation
import NIOCore
import OversightCore
@testable import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Issue 16: failures per client address. Thirty failed sign-ins from one address (each with a
/// different name, so no name locks) stop that address's sign-ins for five minutes, before any
/// password is checked; another address signs in. The same for unknown API tokens.
@Suite(.serialized) struct RateLimitTests {
    static func signIn(_ h: WebHarness, username: String, password: String, from address: String) async throws -> TestingHTTPResponse {
        let page = try await h.app.testing().sendRequest(.GET, "/sign-in")
        let token = try #require(SignInTests.formToken(page.body.string))
        let formCookie = try #require(SignInTests.cookie("oversight_signin", in: page))
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.replaceOrAdd(name: .cookie, value: "oversight_signin=\(formCookie)")
        headers.replaceOrAdd(name: .xForwardedFor, value: "203.0.113.9, \(address)")
        let body = "username=\(username)&password=\(password.replacingOccurrences(of: " ", with: "+"))&csrf=\(token)"
        return try await h.app.testing().sendRequest(.POST, "/sign-in", headers: headers, body: ByteBuffer(string: body))
    }

    @Test func manyFailedSignInsFromOneAddressStopItsSignInsOnly() async throws {
        let h = try await WebHarness.start(importData: false, trustProxy: true)
        for i in 0..<30 {
            let r = try await Self.signIn(h, username: "guess-\(i)", password: "not the password at all", from: "198.51.100.7")
            #expect(r.status == .unprocessableEntity, "attempt \(i): \(r.status)")
        }
        // The right password from that address is refused now, without being checked.
        let blocked = try await Self.signIn(h, username: "user-manager", password: WebFixtures.password, from: "198.51.100.7")
        #expect(blocked.status == .tooManyRequests && blocked.body.string.contains("Wait five minutes"))
        // Another address is not affected (the first entry of X-Forwarded-For, which a client
        // chooses, is the same in both).
        let other = try await Self.signIn(h, username: "user-manager", password: WebFixtures.password, from: "198.51.100.8")
        #expect(other.status == .seeOther, "\(other.status)")
        let log = try await h.store.accounts(hasher: TestHasher()).activity(authority: "")
        #expect(log.filter { $0.action == "sign-ins refused from one address for five minutes" && $0.target == "address 198.51.100.7" }.count == 1)
        await h.shutdown()
    }

    /// Without `--trust-proxy` the header is ignored: changing it does not escape the limit.
    @Test func aForwardedHeaderIsIgnoredUnlessTheProxyIsTrusted() async throws {
        let h = try await WebHarness.start(importData: false)
        for i in 0..<30 { _ = try await Self.signIn(h, username: "guess-\(i)", password: "not the password at all", from: "198.51.100.\(i)") }
        let blocked = try await Self.signIn(h, username: "user-manager", password: WebFixtures.password, from: "192.0.2.1")
        #expect(blocked.status == .tooManyRequests)
        await h.shutdown()
    }

    @Test func guessingAPITokensFromOneAddressStops() async throws {
        let h = try await WebHarness.start(importData: false, trustProxy: true)
        func get(_ token: String, from address: String) async throws -> HTTPStatus {
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.replaceOrAdd(name: .xForwardedFor, value: address)
            return try await h.app.testing().sendRequest(.GET, "/api/v1/imports", headers: headers).status
        }
        let valid = try #require(h.apiTokens[.administrator])
        for i in 0..<30 { #expect(try await get("guess-\(i)", from: "198.51.100.7") == .unauthorized) }
        #expect(try await get(valid, from: "198.51.100.7") == .tooManyRequests)
        #expect(try await get(valid, from: "198.51.100.8") == .ok)
        await h.shutdown()
    }
}

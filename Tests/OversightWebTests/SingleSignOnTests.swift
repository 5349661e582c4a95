import CryptoExtras
import Foundation
import JWTKit
import NIOCore
import OversightCore
@testable import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Single sign-on (issue 16). The whole flow runs against a real provider in `scripts/sso-check`
/// (CI); these tests pin the checks on the ID token, the one-use sign-in requests, the settings and
/// the sign-in page.
@Suite(.serialized) struct SingleSignOnTests {
    struct TestClaims: JWTPayload {
        var iss: IssuerClaim
        var aud: AudienceClaim
        var exp: ExpirationClaim
        var iat: IssuedAtClaim
        var sub: SubjectClaim
        var nonce: String?
        var email: String?
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static let issuer = "https://login.example.test/tenant/v2.0"

    /// A provider's signing key, and the key collection Oversight would build from its JWKS.
    static func keys() async throws -> (signer: JWTKeyCollection, verifier: JWTKeyCollection) {
        let key = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let signer = await JWTKeyCollection().add(rsa: key, digestAlgorithm: .sha256, kid: "k1")
        let verifier = await JWTKeyCollection().add(rsa: key.publicKey, digestAlgorithm: .sha256, kid: "k1")
        return (signer, verifier)
    }

    static func token(
        _ signer: JWTKeyCollection, iss: String = issuer, aud: String = "oversight", exp: TimeInterval = 600, nonce: String? = "n-1",
        email: String? = "amira@council.example"
    ) async throws -> String {
        let now = Date()
        return try await signer.sign(
            TestClaims(
                iss: IssuerClaim(value: iss), aud: AudienceClaim(value: [aud]), exp: ExpirationClaim(value: now.addingTimeInterval(exp)),
                iat: IssuedAtClaim(value: now), sub: SubjectClaim(value: "42"), nonce: nonce, email: email), kid: "k1")
    }

    static func verify(_ token: String, _ keys: JWTKeyCollection) async throws -> String {
        try await OpenIDConnect.verify(idToken: token, keys: keys, issuer: issuer, clientID: "oversight", nonce: "n-1", claim: "email")
    }

    @Test func aGoodIDTokenGivesTheClaimAndEveryBadOneIsRefused() async throws {
        let (signer, verifier) = try await Self.keys()
        #expect(try await Self.verify(try await Self.token(signer), verifier) == "amira@council.example")
        let bad: [(String, String)] = [
            ("another issuer", try await Self.token(signer, iss: "https://evil.example.test")),
            ("another audience", try await Self.token(signer, aud: "someone-else")),
            ("expired", try await Self.token(signer, exp: -60)),
            ("another nonce", try await Self.token(signer, nonce: "n-2")),
            ("no nonce", try await Self.token(signer, nonce: nil)),
            ("no email", try await Self.token(signer, email: nil)),
            ("another key", try await Self.token(try await Self.keys().signer)),
        ]
        for (why, token) in bad {
            await #expect(throws: SingleSignOnFailure.self, "accepted a token with \(why)") { try await Self.verify(token, verifier) }
        }
        // An unsigned token (alg none), and a good token with its payload changed.
        let good = try await Self.token(signer).split(separator: ".").map(String.init)
        let header = OpenIDConnect.base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
        await #expect(throws: SingleSignOnFailure.self) { try await Self.verify(header + "." + good[1] + ".", verifier) }
        var payload = try #require(Data(base64URL: good[1]))
        payload = Data(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "amira@", with: "admin@").utf8)
        await #expect(throws: SingleSignOnFailure.self) { try await Self.verify(good[0] + "." + OpenIDConnect.base64URL(payload) + "." + good[2], verifier) }
    }

    @Test func thePKCEChallengeIsRFC7636s() {
        // RFC 7636 appendix B.
        #expect(OpenIDConnect.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test func aSignInRequestWorksOnceInTheBrowserThatBeganItWithinTenMinutes() async throws {
        let h = try await WebHarness.start(importData: false)
        let accounts = h.store.accounts(hasher: TestHasher())
        let (state, browser, request) = try await accounts.beginSingleSignOn(authority: "358", returnTo: "/measures")
        #expect(try await accounts.takeSingleSignOn(state: state, browser: "another browser") == nil)
        // The wrong browser used it up.
        #expect(try await accounts.takeSingleSignOn(state: state, browser: browser) == nil)
        let second = try await accounts.beginSingleSignOn(authority: "358", returnTo: nil)
        #expect(try await accounts.takeSingleSignOn(state: second.state, browser: second.browser)?.nonce == second.request.nonce)
        #expect(try await accounts.takeSingleSignOn(state: second.state, browser: second.browser) == nil)
        #expect(request.returnTo == "/measures" && request.codeVerifier.count >= 43)
        let clock = TestClockBox()
        let late = h.store.accounts(hasher: TestHasher(), clock: clock.read)
        let third = try await late.beginSingleSignOn(authority: "358", returnTo: nil)
        clock.advance(11 * 60)
        #expect(try await late.takeSingleSignOn(state: third.state, browser: third.browser) == nil)
        await h.shutdown()
    }

    @Test func settingsIdentitiesAndThePages() async throws {
        let h = try await WebHarness.start(importData: false)
        let accounts = h.store.accounts(hasher: TestHasher())
        await #expect(throws: StoreError.self) {
            try await accounts.setSingleSignOn(SingleSignOnSettings(authority: "358", issuer: "http://idp.example.test", clientID: "c", clientSecret: "s"))
        }
        try await accounts.setSingleSignOn(
            SingleSignOnSettings(authority: "358", issuer: Self.issuer, clientID: "oversight", clientSecret: "s", passwordsAllowed: false))
        try await accounts.setSingleSignOnIdentity(username: "user-board-member", authority: "358", identity: "Board@Council.example ")
        await #expect(throws: StoreError.self) {
            try await accounts.setSingleSignOnIdentity(username: "user-manager", authority: "358", identity: "board@council.example")
        }
        #expect(try await accounts.user(singleSignOnIdentity: "BOARD@council.example", authority: "358")?.username == "user-board-member")
        #expect(try await accounts.user(singleSignOnIdentity: "board@council.example", authority: "999") == nil)
        try await accounts.setDisabled(true, username: "user-board-member", authority: "358")
        #expect(try await accounts.user(singleSignOnIdentity: "board@council.example", authority: "358") == nil)

        let page = try await h.app.testing().sendRequest(.GET, "/sign-in?returnTo=/measures")
        #expect(page.body.string.contains("href=\"/sign-in/sso?authority=358&amp;returnTo=/measures\""))
        #expect(try await h.app.testing().sendRequest(.GET, "/sign-in/sso?authority=999").status == .notFound)
        let noState = try await h.app.testing().sendRequest(.GET, "/sign-in/sso/callback?code=abc")
        #expect(noState.status == .unprocessableEntity && noState.body.string.contains("Start again"))
        // Passwords are off for the authority: the right password is refused as any failure is, and logged.
        let res = try await SignInTests.signIn(h, username: "user-manager", password: WebFixtures.password)
        #expect(res.status == .unprocessableEntity && res.body.string.contains(SignInController.failureMessage))
        #expect(try await accounts.activity(authority: "358").contains { $0.action == "sign-in refused, passwords off (single sign-on only)" })
        await h.shutdown()
    }
}

/// A clock the test moves.
final class TestClockBox: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date()
    func read() -> Date { lock.lock(); defer { lock.unlock() }; return now }
    func advance(_ seconds: TimeInterval) { lock.lock(); now += seconds; lock.unlock() }
}

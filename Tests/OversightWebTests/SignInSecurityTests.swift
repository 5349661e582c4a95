import Foundation
import NIOCore
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// `TestHasher` that counts its work, how much of it runs at once, and takes a little while to
/// check a password as bcrypt does.
final class CountingHasher: PasswordHashing, @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (hashes: 0, verifies: 0, running: 0, mostAtOnce: 0, offPool: 0)
    let delay: TimeInterval
    init(delay: TimeInterval = 0) { self.delay = delay }

    var decoyHash: String { "test:a decoy nobody can type\u{0}" }
    func hash(_ password: String) throws -> String {
        lock.withLock { counts.hashes += 1 }
        return "test:" + password
    }
    func verify(_ password: String, against hash: String) throws -> Bool {
        lock.withLock {
            counts.verifies += 1; counts.running += 1
            counts.mostAtOnce = max(counts.mostAtOnce, counts.running)
        }
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        lock.withLock {
            counts.running -= 1; if !PasswordHashingPool.isCurrentThreadInPool { counts.offPool += 1 }
        }
        return hash == "test:" + password
    }
    var hashes: Int { lock.withLock { counts.hashes } }
    var verifies: Int { lock.withLock { counts.verifies } }
    var mostAtOnce: Int { lock.withLock { counts.mostAtOnce } }
    /// Checks run anywhere but on `PasswordHashingPool`'s own threads.
    var offPool: Int { lock.withLock { counts.offPool } }
    func reset() { lock.withLock { counts = (0, 0, 0, 0, 0) } }
}

/// Issue 16, findings 1 and 2: sign-in tells nothing about which usernames exist, and parallel
/// guesses cannot get past the lockout.
@Suite(.serialized) struct SignInSecurityTests {
    /// The error summary's message of a sign-in page.
    static func errorMessage(_ html: String) -> String? {
        guard let r = html.range(of: "<a href=\"#username\">") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "<" })
    }

    @Test func everyFailureCostsOneVerificationAndSaysTheSame() async throws {
        let hasher = CountingHasher()
        let h = try await WebHarness.start(importData: false, hasher: hasher)
        let accounts = h.store.accounts(hasher: hasher)
        try await accounts.setDisabled(true, username: "user-auditor", authority: WebFixtures.authority)
        for _ in 0..<5 { _ = try await accounts.signIn(username: "user-moderator", password: "not the password at all") }

        var seen: [String: (status: HTTPResponseStatus, message: String?)] = [:]
        for (label, username, password) in [
            ("unknown name", "no-such-user", WebFixtures.password),
            ("wrong password", "user-manager", "not the password at all"),
            ("disabled account", "user-auditor", WebFixtures.password),
            ("locked account", "user-moderator", WebFixtures.password),
        ] {
            hasher.reset()
            let res = try await SignInTests.signIn(h, username: username, password: password)
            #expect(hasher.verifies == 1, "\(label): \(hasher.verifies) password checks")
            #expect(hasher.hashes == 0, "\(label): \(hasher.hashes) new hashes made")
            #expect(res.headers[.setCookie].allSatisfy { !$0.contains("oversight_session=") }, "\(label) signed in")
            seen[label] = (res.status, Self.errorMessage(res.body.string))
        }
        let messages = Set(seen.values.map { $0.message ?? "none" })
        #expect(messages == ["The username or password is not right, or the account cannot sign in now"], "\(seen)")
        #expect(Set(seen.values.map(\.status.code)).count == 1, "\(seen)")
        await h.shutdown()
    }

    @Test func thirtyParallelGuessesLockTheAccountAndHashingStaysBounded() async throws {
        let hasher = CountingHasher(delay: 0.02)
        let h = try await WebHarness.start(importData: false, hasher: hasher)
        try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
            for _ in 0..<30 {
                group.addTask { try await SignInTests.signIn(h, username: "user-manager", password: "a guess that is wrong").status }
            }
            for try await status in group { #expect(status != .seeOther, "a wrong password signed in") }
        }
        #expect(hasher.verifies == 30)
        #expect(hasher.offPool == 0, "password checks ran on the server's shared threads")
        #expect(hasher.mostAtOnce <= PasswordHashingPool.threadCount)
        let right = try await SignInTests.signIn(h, username: "user-manager", password: WebFixtures.password)
        #expect(right.status != .seeOther, "thirty parallel guesses did not lock the account")
        await h.shutdown()
    }

    /// The fixed decoy is a real cost-12 bcrypt hash: checking a password against it does not
    /// throw and takes as long as against a user's hash.
    @Test func theDecoyCostsWhatARealHashCosts() throws {
        let hasher = BcryptHasher()
        let real = try hasher.hash("pebble orchard falcon")
        func time(_ hash: String) throws -> (Bool, TimeInterval) {
            let start = Date()
            let ok = try hasher.verify("pebble orchard falcon", against: hash)
            return (ok, Date().timeIntervalSince(start))
        }
        let (decoyOK, decoyTime) = try time(hasher.decoyHash)
        let (realOK, realTime) = try time(real)
        #expect(!decoyOK && realOK)
        #expect(decoyTime > realTime / 2 && decoyTime < realTime * 2, "decoy \(decoyTime) s, real \(realTime) s")
    }

    /// Issue 16, finding 7: where a store holds users of two authorities, the sign-in form asks
    /// which, and a name both use signs in to the one chosen.
    @Test func aNameTwoAuthoritiesUseSignsInToTheOneChosen() async throws {
        let h = try await WebHarness.start(importData: false)
        try await h.store.accounts(hasher: TestHasher()).addUser(
            authority: "352", username: "user-manager", displayName: "Other manager",
            role: .manager, password: "pebble orchard falcon")
        let page = try await h.app.testing().sendRequest(.GET, "/sign-in")
        #expect(page.body.string.contains("id=\"authority\"") && page.body.string.contains("value=\"352\""))
        let theirs = try await SignInTests.signIn(h, username: "user-manager", password: "pebble orchard falcon", extra: "&authority=352")
        #expect(theirs.status == .seeOther)
        let wrongPlace = try await SignInTests.signIn(h, username: "user-manager", password: "pebble orchard falcon", extra: "&authority=358")
        #expect(wrongPlace.status == .unprocessableEntity)
        let ours = try await SignInTests.signIn(h, username: "user-manager", password: WebFixtures.password, extra: "&authority=358")
        #expect(ours.status == .seeOther)
        await h.shutdown()
    }
}

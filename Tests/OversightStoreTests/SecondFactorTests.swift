import Foundation
import OversightCore
@testable import OversightStore
import Testing

/// Multi-factor sign-in (issue 16): the TOTP arithmetic against the RFC's own vectors, and the
/// store's enrolment, checking, replay, recovery codes, lockout and reset on both backends.
@Suite struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1 rows, key "12345678901234567890": the last six of each
    /// eight-digit value.
    @Test(arguments: [(59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"), (2_000_000_000, "279037")])
    func rfc6238Vectors(_ time: Int, _ code: String) {
        let key = Array("12345678901234567890".utf8)
        #expect(TOTP.code(key: key, at: Date(timeIntervalSince1970: TimeInterval(time))) == code)
    }

    /// RFC 4648 section 10, without padding.
    @Test func base32Vectors() {
        let pairs = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in pairs {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base32.decode("mzxw 6ytb-oi") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
    }

    /// A code of the step before or after is taken (clocks drift); two steps away is not.
    @Test func oneStepEitherSide() {
        let key = TOTP.newKey(), now = Date(timeIntervalSince1970: 1_780_000_015)
        let step = TOTP.step(at: now)
        #expect(TOTP.matchingStep(TOTP.code(key: key, step: step - 1), key: key, at: now) == step - 1)
        #expect(TOTP.matchingStep(TOTP.code(key: key, step: step + 1), key: key, at: now) == step + 1)
        let far = TOTP.code(key: key, step: step - 2)
        if ![step - 1, step, step + 1].contains(where: { TOTP.code(key: key, step: $0) == far }) {
            #expect(TOTP.matchingStep(far, key: key, at: now) == nil)
        }
        #expect(TOTP.matchingStep("12345", key: key, at: now) == nil)
    }
}

extension StoreTests {
    @Suite struct SecondFactorStoreTests {
        /// An account with an authenticator set up, its key and recovery codes.
        static func enrolled(_ accounts: AccountRepository, _ clock: TestClock, role: Role = .analyst) async throws -> (UserAccount, [UInt8], [String]) {
            let u = try await accounts.addUser(authority: "358", username: "amira", displayName: "Amira K", role: role, password: "river lantern biscuit")
            #expect(try await accounts.hasSecondFactor(userID: u.id) == false)
            let key = try #require(try await accounts.authenticatorKeyToSetUp(userID: u.id))
            // The same key is offered until it is confirmed.
            #expect(try await accounts.authenticatorKeyToSetUp(userID: u.id) == key)
            let bytes = try #require(Base32.decode(key))
            guard case .success(let codes) = try await accounts.confirmAuthenticator(userID: u.id, code: TOTP.code(key: bytes, at: clock.read())) else {
                Issue.record("the right first code was refused")
                return (u, bytes, [])
            }
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(try await accounts.hasSecondFactor(userID: u.id))
            #expect(try await accounts.authenticatorKeyToSetUp(userID: u.id) == nil)
            return (u, bytes, codes)
        }

        @Test(arguments: TestBackend.all)
        func aCodeWorksOnceAndAWrongOneNever(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            let (u, key, _) = try await Self.enrolled(accounts, clock)
            // The code that confirmed the app does not sign in again (same step).
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: TOTP.code(key: key, at: clock.read())) == .refused)
            clock.advance(30)
            let code = TOTP.code(key: key, at: clock.read())
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: code) == .accepted(recoveryCodesLeft: nil))
            // Replayed: refused.
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: code) == .refused)
            clock.advance(30)
            let wrong = TOTP.code(key: key, at: clock.read()) == "000000" ? "111111" : "000000"
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: wrong) == .refused)
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: TOTP.code(key: key, at: clock.read())) == .accepted(recoveryCodesLeft: nil))
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func recoveryCodesWorkOnceEach(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            let (u, _, codes) = try await Self.enrolled(accounts, clock)
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: codes[3].uppercased()) == .accepted(recoveryCodesLeft: 9))
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: codes[3]) == .refused)
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: codes[4].replacingOccurrences(of: "-", with: " ")) == .accepted(recoveryCodesLeft: 8))
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: "abcde-fghjk") == .refused)
            #expect(try await accounts.recoveryCodesLeft(userID: u.id) == 8)
            await store.close()
        }

        /// Five wrong codes lock the second factor for 15 minutes, the right code included; thirty
        /// sent at once are each counted (issue 16's lockout finding, for codes).
        @Test(arguments: TestBackend.all)
        func wrongCodesLockEvenInParallel(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            let (u, key, codes) = try await Self.enrolled(accounts, clock)
            clock.advance(30)
            let right = TOTP.code(key: key, at: clock.read())
            let wrongs = (0..<30).map { String(format: "%06d", (Int(right)! + 1 + $0) % 1_000_000) }
            let outcomes = try await withThrowingTaskGroup(of: SecondFactorOutcome.self) { group in
                for w in wrongs { group.addTask { try await accounts.checkSecondFactor(userID: u.id, code: w) } }
                return try await group.reduce(into: [SecondFactorOutcome]()) { $0.append($1) }
            }
            #expect(!outcomes.contains { if case .accepted = $0 { return true } else { return false } })
            guard case .locked = try await accounts.checkSecondFactor(userID: u.id, code: right) else {
                Issue.record("the right code beat the lock after 30 wrong ones"); await store.close(); return
            }
            guard case .locked = try await accounts.checkSecondFactor(userID: u.id, code: codes[0]) else {
                Issue.record("a recovery code beat the lock"); await store.close(); return
            }
            clock.advance(16 * 60)
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: TOTP.code(key: key, at: clock.read())) == .accepted(recoveryCodesLeft: nil))
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func waitingSessionsEndAfterTenMinutesAndResetEndsEverything(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            let (u, key, _) = try await Self.enrolled(accounts, clock)
            let waiting = try await accounts.startSession(for: u, awaitingSecondFactor: true)
            #expect(try await accounts.session(token: waiting.token)?.awaitingSecondFactor == true)
            clock.advance(5 * 60)
            #expect(try await accounts.session(token: waiting.token) != nil)
            clock.advance(5 * 60)
            #expect(try await accounts.session(token: waiting.token) == nil)
            // Completing replaces the waiting session with a full one under a new token.
            let second = try await accounts.startSession(for: u, awaitingSecondFactor: true)
            let full = try await accounts.completeSecondFactor(token: second.token, user: u)
            #expect(full.token != second.token)
            #expect(try await accounts.session(token: second.token) == nil)
            #expect(try await accounts.session(token: full.token)?.awaitingSecondFactor == false)
            // An administrator's reset removes the app and ends the sessions.
            try await accounts.resetSecondFactor(username: "amira", authority: "358")
            #expect(try await accounts.session(token: full.token) == nil)
            #expect(try await accounts.hasSecondFactor(userID: u.id) == false)
            #expect(try await accounts.checkSecondFactor(userID: u.id, code: TOTP.code(key: key, at: clock.read())) == .refused)
            let newKey = try #require(try await accounts.authenticatorKeyToSetUp(userID: u.id))
            #expect(newKey != Base32.encode(key))
            await store.close()
        }
    }
}

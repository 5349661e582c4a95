import Foundation
import OversightCore
@testable import OversightStore
import Testing

/// A password hasher for tests: reversible and fast, never used outside tests.
struct PlainHasher: PasswordHashing {
    var decoyHash: String { "plain:\u{0}decoy" }
    func hash(_ password: String) throws -> String { "plain:" + password }
    func verify(_ password: String, against hash: String) throws -> Bool { hash == "plain:" + password }
}

/// `PlainHasher` that takes a while to check, as bcrypt does, so parallel guesses overlap.
struct SlowHasher: PasswordHashing {
    var decoyHash: String { "plain:decoy" }
    func hash(_ password: String) throws -> String { "plain:" + password }
    func verify(_ password: String, against hash: String) throws -> Bool {
        Thread.sleep(forTimeInterval: 0.02)
        return hash == "plain:" + password
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_780_000_000)
    func read() -> Date { lock.lock(); defer { lock.unlock() }; return now }
    func advance(_ seconds: TimeInterval) { lock.lock(); now += seconds; lock.unlock() }
}

extension StoreTests {
    @Suite struct AccountTests {
        @Test(arguments: TestBackend.all)
        func signInLocksAfterFiveFailuresAndUnlocksLater(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            try await accounts.addUser(authority: "358", username: "amira", displayName: "Amira K", role: .analyst, password: "river lantern biscuit")
            for _ in 0..<4 { #expect(try await accounts.signIn(username: "amira", password: "wrong password here") == .refused) }
            guard case .locked = try await accounts.signIn(username: "amira", password: "wrong password here") else { Issue.record("not locked"); return }
            guard case .locked = try await accounts.signIn(username: "amira", password: "river lantern biscuit") else { Issue.record("right password beat the lock"); return }
            clock.advance(16 * 60)
            guard case .signedIn(let u) = try await accounts.signIn(username: "AMIRA", password: "river lantern biscuit") else { Issue.record("not signed in"); return }
            #expect(u.role == .analyst && u.authority == "358")
            #expect(try await accounts.signIn(username: "nobody", password: "river lantern biscuit") == .refused)
            await store.close()
        }

        /// Issue 16, finding 1: a name that belongs to nobody locks after five failures as a real
        /// account does, so the lock does not tell which names exist.
        @Test(arguments: TestBackend.all)
        func unknownNamesLockLikeRealOnes(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            for _ in 0..<4 { #expect(try await accounts.signIn(username: "nobody", password: "wrong password here") == .refused) }
            let fifth = try await accounts.signIn(username: "nobody", password: "wrong password here")
            let sixth = try await accounts.signIn(username: "Nobody ", password: "wrong password here")
            await store.close()
            if case .locked = fifth {} else { Issue.record("an unknown name did not lock: \(fifth)") }
            if case .locked = sixth {} else { Issue.record("the lock did not hold: \(sixth)") }
        }

        /// Issue 16, finding 2: guesses sent at the same time are each counted (the count is
        /// raised in the database before the password is checked), so thirty at once lock the
        /// account and the right password is then refused.
        @Test(arguments: TestBackend.all)
        func parallelGuessesLockTheAccount(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let accounts = store.accounts(hasher: SlowHasher())
            try await accounts.addUser(authority: "358", username: "amira", displayName: "Amira K", role: .analyst, password: "river lantern biscuit")
            try await withThrowingTaskGroup(of: SignInOutcome.self) { group in
                for _ in 0..<30 { group.addTask { try await accounts.signIn(username: "amira", password: "not her password") } }
                for try await outcome in group { if case .signedIn = outcome { Issue.record("a wrong password signed in") } }
            }
            let right = try await accounts.signIn(username: "amira", password: "river lantern biscuit")
            await store.close()
            if case .locked = right {} else { Issue.record("thirty parallel guesses did not lock the account: \(right)") }
        }

        /// Issue 16, finding 7: usernames are unique within an authority, not across them, so
        /// "already taken" says nothing about another authority's users; a name two authorities
        /// use signs in with the authority named.
        @Test(arguments: TestBackend.all)
        func usernamesAreUniquePerAuthority(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let accounts = store.accounts(hasher: PlainHasher())
            do {
                try await accounts.addUser(authority: "358", username: "sam", displayName: "Sam T", role: .auditor, password: "velvet harbour stone")
                let other = try await accounts.addUser(authority: "352", username: "sam", displayName: "Sam M", role: .manager, password: "copper kettle meadow")
                #expect(other.authority == "352")
                #expect(try await accounts.users(authority: "358").map(\.displayName) == ["Sam T"])
                let m = try await accounts.signIn(username: "sam", password: "copper kettle meadow", authority: "352")
                if case .signedIn(let u) = m { #expect(u.authority == "352" && u.role == .manager) } else { Issue.record("\(m)") }
                // Without the authority the name is not enough.
                #expect(try await accounts.signIn(username: "sam", password: "copper kettle meadow") == .refused)
            } catch {
                Issue.record("\(error)")
            }
            await store.close()
        }

        /// Issue 16, finding 7: an API token lasts 90 days unless made for less.
        @Test(arguments: TestBackend.all)
        func apiTokensExpire(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            try await accounts.addUser(authority: "358", username: "ben", displayName: "Ben", role: .analyst, password: "copper kettle meadow")
            let token = try await accounts.createAPIToken(username: "ben", authority: "358", name: "reporting")
            clock.advance(89 * 86_400)
            let before = try await accounts.user(apiToken: token)
            clock.advance(2 * 86_400)
            let after = try await accounts.user(apiToken: token)
            await store.close()
            #expect(before?.username == "ben")
            #expect(after == nil, "a token made 91 days ago still works")
        }

        /// Tokens are listed and revoked one by one, and may be limited to reading.
        @Test(arguments: TestBackend.all)
        func apiTokensAreRevokedOneByOneAndMayOnlyRead(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            try await accounts.addUser(authority: "358", username: "ben", displayName: "Ben", role: .analyst, password: "copper kettle meadow")
            try await accounts.addUser(authority: "352", username: "ada", displayName: "Ada", role: .analyst, password: "copper kettle meadow")
            let first = try await accounts.createAPIToken(username: "ben", authority: "358", name: "dashboard")
            let second = try await accounts.createAPIToken(username: "ben", authority: "358", name: "export", lifetime: 7 * 86_400, readOnly: true)
            _ = try await accounts.createAPIToken(username: "ada", authority: "352", name: "elsewhere")
            let listed = try await accounts.apiTokens(authority: "358")
            #expect(listed.map(\.name) == ["dashboard", "export"] && listed.map(\.isReadOnly) == [false, true])
            #expect(try await accounts.apiToken(second)?.readOnly == true)
            await #expect(throws: StoreError.self) { try await accounts.revokeAPIToken(id: try await accounts.apiTokens(authority: "352")[0].id, authority: "358") }
            try await accounts.revokeAPIToken(id: listed[0].id, authority: "358")
            #expect(try await accounts.user(apiToken: first) == nil)
            #expect(try await accounts.user(apiToken: second)?.username == "ben")
            clock.advance(8 * 86_400)
            #expect(try await accounts.user(apiToken: second) == nil)
            #expect(try await accounts.apiTokens(authority: "358").allSatisfy { !$0.isActive(at: clock.read()) })
            await store.close()
        }

        /// SQLite rebuilt `users` to change its unique key: sessions and tokens still refer to it,
        /// and foreign keys are back on.
        @Test func theRebuiltUsersTableKeepsItsReferences() async throws {
            let folder = TempFolder()
            let store = try await Store.open(.sqlite(path: folder.path("o.sqlite")))
            let fk = try await store.sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
            #expect(fk == 1)
            for table in ["sessions", "api_tokens"] {
                let refs = try await store.sql.raw("PRAGMA foreign_key_list(\(ident: table))").all().map { try $0.decode(column: "table", as: String.self) }
                #expect(refs == ["users"], "\(table)")
            }
            let accounts = store.accounts(hasher: PlainHasher())
            let u = try await accounts.addUser(authority: "358", username: "sam", displayName: "Sam", role: .auditor, password: "velvet harbour stone")
            _ = try await accounts.startSession(for: u)
            await #expect(throws: (any Error).self) { try await store.sql.raw("DELETE FROM users").run() }
            #expect(try await store.sql.raw("PRAGMA foreign_key_check").all().isEmpty)
            await store.close()
        }

        /// Issue 16, finding 7: a session ends 12 hours after sign-in however busy it is.
        @Test(arguments: TestBackend.all)
        func sessionsEndTwelveHoursAfterSignInWhateverTheUse(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            let u = try await accounts.addUser(authority: "358", username: "ben", displayName: "Ben", role: .manager, password: "copper kettle meadow")
            let s = try await accounts.startSession(for: u)
            var alive = 0
            for _ in 0..<40 {
                clock.advance(20 * 60)
                if try await accounts.session(token: s.token) != nil { alive += 1 }
            }
            await store.close()
            #expect(alive == 35, "the session answered \(alive) times in 40 steps of 20 minutes")
        }

        @Test(arguments: TestBackend.all)
        func sessionsEndAtSignOutAfterIdleTimeAndWhenDisabled(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = TestClock()
            let accounts = store.accounts(hasher: PlainHasher(), clock: clock.read)
            let u = try await accounts.addUser(authority: "358", username: "ben", displayName: "Ben", role: .manager, password: "copper kettle meadow")
            let first = try await accounts.startSession(for: u)
            #expect(try await accounts.session(token: first.token)?.csrfToken == first.csrf)
            #expect(try await accounts.session(token: "not-a-token") == nil)
            try await accounts.endSession(token: first.token)
            #expect(try await accounts.session(token: first.token) == nil)
            let second = try await accounts.startSession(for: u)
            clock.advance(31 * 60)
            #expect(try await accounts.session(token: second.token) == nil)
            let third = try await accounts.startSession(for: u)
            let api = try await accounts.createAPIToken(username: "ben", authority: "358", name: "reporting")
            #expect(try await accounts.user(apiToken: api)?.username == "ben")
            try await accounts.setDisabled(true, username: "ben", authority: "358")
            #expect(try await accounts.session(token: third.token) == nil)
            #expect(try await accounts.user(apiToken: api) == nil)
            #expect(try await accounts.signIn(username: "ben", password: "copper kettle meadow") == .disabled)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func refusesWeakPasswordsTakenNamesAndOtherAuthoritiesUsers(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let accounts = store.accounts(hasher: PlainHasher())
            await #expect(throws: StoreError.self) { try await accounts.addUser(authority: "358", username: "cat", displayName: "C", role: .auditor, password: "short") }
            await #expect(throws: StoreError.self) { try await accounts.addUser(authority: "358", username: "cat", displayName: "C", role: .auditor, password: "password1234") }
            try await accounts.addUser(authority: "358", username: "cat", displayName: "C", role: .auditor, password: "velvet harbour stone")
            await #expect(throws: StoreError.self) {
                try await accounts.addUser(authority: "358", username: "Cat", displayName: "C", role: .auditor, password: "velvet harbour stone")
            }
            await #expect(throws: StoreError.self) {
                try await accounts.addUser(authority: "352", username: "pc1", displayName: "P", role: .partnerAuditor, password: "velvet harbour stone")
            }
            await #expect(throws: StoreError.self) { try await accounts.resetPassword(username: "cat", authority: "352", newPassword: "another long phrase") }
            try await accounts.record(authority: "358", user: "cat", action: "viewed child", target: "C1", isChildLevel: true)
            try await accounts.record(authority: "352", user: "dan", action: "viewed child", target: "D1", isChildLevel: true)
            let log = try await accounts.activity(authority: "358")
            #expect(log.map(\.target) == ["C1"])
            #expect(try await accounts.users(authority: "352").isEmpty)
            await store.close()
        }
    }
}

import Foundation
import OversightCore
@testable import OversightStore
import SQLKit
import Testing

extension StoreTests {
    /// Issue 16, finding 6: the activity log is a hash chain per authority, so an entry changed or
    /// deleted in the database is found by `oversight activity verify`.
    @Suite struct ActivityChainTests {
        static func seed(_ store: Store, count: Int = 6) async throws {
            let accounts = store.accounts(hasher: PlainHasher())
            for i in 1...count {
                try await accounts.record(authority: "358", user: "amira", action: "viewed child", target: "C\(i)", isChildLevel: true)
                try await accounts.record(authority: "352", user: "ben", action: "signed in", target: "", isChildLevel: false)
            }
        }

        @Test func verifyFindsAnEntryChangedOrDeletedInTheDatabase() async throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let db = folder.path("o.sqlite")
            var store = try await Store.open(.sqlite(path: db))
            try await Self.seed(store)
            await store.close()

            let clean = try CommandLineTests.oversight(["activity", "verify", "--la", "358"], database: db)
            #expect(clean.status == 0 && clean.out == "verified 6 entries\n", "\(clean.out) \(clean.err)")
            let all = try CommandLineTests.oversight(["activity", "verify"], database: db)
            #expect(all.status == 0 && all.out.hasSuffix("verified 12 entries\n"), "\(all.out) \(all.err)")

            store = try await Store.open(.sqlite(path: db))
            try await store.sql.raw("UPDATE activity_log SET target = 'C99' WHERE la_code = '358' AND target = 'C3'").run()
            await store.close()
            let edited = try CommandLineTests.oversight(["activity", "verify", "--la", "358"], database: db)
            #expect(edited.status == 1 && edited.out.contains("entry 3") && edited.out.contains("changed"), "\(edited.out) \(edited.err)")
            #expect(try CommandLineTests.oversight(["activity", "verify", "--la", "352"], database: db).status == 0)

            store = try await Store.open(.sqlite(path: db))
            try await store.sql.raw("UPDATE activity_log SET target = 'C3' WHERE la_code = '358' AND target = 'C99'").run()
            try await store.sql.raw("DELETE FROM activity_log WHERE la_code = '352' AND id = (SELECT MIN(id) FROM activity_log WHERE la_code = '352') + 4").run()
            await store.close()
            #expect(try CommandLineTests.oversight(["activity", "verify", "--la", "358"], database: db).status == 0)
            let deleted = try CommandLineTests.oversight(["activity", "verify", "--la", "352"], database: db)
            #expect(deleted.status == 1 && deleted.out.contains("entry 3") && deleted.out.contains("missing"), "\(deleted.out) \(deleted.err)")
        }

        /// Entries written at the same time get consecutive places; a change, a deletion in the
        /// middle or at the end, and an entry added by hand are each found (SQLite and PostgreSQL).
        @Test(arguments: TestBackend.all)
        func theChainHoldsUnderParallelWritesAndShowsTampering(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let accounts = store.accounts(hasher: PlainHasher())
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask { try await accounts.record(authority: i % 2 == 0 ? "358" : "", user: "u\(i)", action: "viewed child", target: "C\(i)", isChildLevel: true) }
                }
                try await group.waitForAll()
            }
            var check = try await accounts.verifyActivity()
            #expect(check.problem == nil && check.verified == 40, "\(check)")

            try await store.sql.raw("UPDATE activity_log SET user_name = 'someone-else' WHERE la_code = '358' AND seq = 7").run()
            check = try await accounts.verifyActivity(authority: "358")
            #expect(check.problem?.contains("entry 7 of authority 358") == true && check.problem?.contains("changed") == true, "\(check)")
            #expect(check.verified == 6)
            #expect(try await accounts.verifyActivity(authority: "").problem == nil)

            try await store.sql.raw("DELETE FROM activity_log WHERE la_code = '358' AND seq = 7").run()
            check = try await accounts.verifyActivity(authority: "358")
            #expect(check.problem?.contains("entry 7 of authority 358 is missing") == true, "\(check)")

            try await store.sql.raw("DELETE FROM activity_log WHERE la_code = '' AND seq >= 19").run()
            check = try await accounts.verifyActivity(authority: "")
            #expect(check.problem?.contains("entries 19 to 20") == true, "\(check)")

            try await store.sql.raw("INSERT INTO activity_log (la_code, at, user_name, action, target, is_child_level) VALUES ('352', \(bind: Date()), 'x', 'y', 'z', false)").run()
            check = try await accounts.verifyActivity(authority: "352")
            #expect(check.problem?.contains("not in the chain") == true, "\(check)")
            await store.close()
        }

        /// The log written before it was chained is chained in the order it was written.
        @Test func entriesWrittenBeforeChainingAreChained() async throws {
            let folder = TempFolder()
            let store = try await Store.open(.sqlite(path: folder.path("o.sqlite")))
            let accounts = store.accounts(hasher: PlainHasher())
            try await accounts.record(authority: "358", user: "a", action: "signed in", target: "", isChildLevel: false)
            for i in 1...3 {
                try await store.sql.raw(
                    "INSERT INTO activity_log (la_code, at, user_name, action, target, is_child_level) VALUES ('358', \(bind: Date()), 'old', 'viewed child', \(bind: "C\(i)"), true)"
                ).run()
            }
            #expect(try await accounts.verifyActivity().problem != nil)
            try await ActivityChain.chainUnchained(on: store.database)
            let check = try await accounts.verifyActivity()
            #expect(check.problem == nil && check.verified == 4, "\(check)")
            try await accounts.record(authority: "358", user: "a", action: "signed out", target: "", isChildLevel: false)
            #expect(try await accounts.verifyActivity().verified == 5)
            await store.close()
        }

        /// Entries written at once by two processes (two stores on one database) are written in
        /// batches; each `record` returns only when its own entry is in the log, and the chain
        /// holds every entry once, in consecutive places (SQLite and PostgreSQL).
        @Test(arguments: TestBackend.all)
        func batchedEntriesAreEachCommittedBeforeRecordReturns(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let configuration = try await backend.freshConfiguration(in: folder)
            let stores = [try await Store.open(configuration), try await Store.open(configuration)]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<300 {
                    let store = stores[i % 2]
                    group.addTask {
                        let target = "C\(i)"
                        try await store.accounts(hasher: PlainHasher()).record(
                            authority: i % 3 == 0 ? "352" : "358", user: "u\(i)", action: "viewed child", target: target, isChildLevel: true)
                        let rows = try await store.sql.raw("SELECT COUNT(*) AS n FROM activity_log WHERE target = \(bind: target)").first()
                        #expect(try rows?.decode(column: "n", as: Int.self) == 1, "\(target) not in the log when record returned")
                    }
                }
                try await group.waitForAll()
            }
            let check = try await stores[0].accounts(hasher: PlainHasher()).verifyActivity()
            #expect(check.problem == nil && check.verified == 300, "\(check)")
            #expect(check.heads["352"]?.hasPrefix("100 ") == true && check.heads["358"]?.hasPrefix("200 ") == true, "\(check.heads)")
            for store in stores { await store.close() }
        }
    }
}

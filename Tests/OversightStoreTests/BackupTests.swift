import Foundation
import OversightCore
@testable import OversightStore
import Testing

extension StoreTests {
    @Suite struct BackupTests {
        @Test func backupAndRestoreRoundTrip() async throws {
            let folder = TempFolder()
            let path = folder.path("db.sqlite")
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            var store = try await Store.open(.sqlite(path: path))
            _ = try await store.imports().importFiles(paths: [years.y2024], authority: "358", user: "u")
            let saved = try await store.cases.caseData(authority: "358")
            try await store.backup(to: folder.path("backup.sqlite"))
            await #expect(throws: StoreError.self) { try await store.backup(to: folder.path("backup.sqlite")) }
            _ = try await store.imports().importFiles(paths: [years.y2025], authority: "358", user: "u")
            #expect(try await store.cases.caseData(authority: "358").claEpisodes != saved.claEpisodes)
            await store.close()

            try await Store.restore(from: folder.path("backup.sqlite"), to: path)
            store = try await Store.open(.sqlite(path: path))
            #expect(try await store.cases.caseData(authority: "358").claEpisodes == saved.claEpisodes)
            #expect(try await store.imports().list(authority: "358").count == 1)
            await store.close()
            #expect(FileManager.default.fileExists(atPath: path + ".before-restore"))
        }

        /// Issue 16, finding 3: the database, its journal files and backups hold children's
        /// records, so only their owner may read them, whatever the process's umask.
        @Test func theDatabaseAndItsBackupsAreReadableByTheirOwnerOnly() async throws {
            let folder = TempFolder()
            let old = umask(0o022)
            defer { umask(old) }
            let path = folder.path("db.sqlite")
            let store = try await Store.open(.sqlite(path: path))
            try await store.accounts(hasher: PlainHasher()).record(authority: "358", user: "u", action: "a", target: "", isChildLevel: false)
            func mode(_ p: String) -> Int? { (try? FileManager.default.attributesOfItem(atPath: p))?[.posixPermissions] as? Int }
            for suffix in ["", "-wal", "-shm"] {
                #expect(mode(path + suffix) == 0o600, "db.sqlite\(suffix) has mode \(String(mode(path + suffix) ?? 0, radix: 8))")
            }
            try await store.backup(to: folder.path("backup.sqlite"))
            #expect(mode(folder.path("backup.sqlite")) == 0o600)
            await store.close()
        }

        @Test func restoreRefusesWhatIsNotAnOversightDatabase() async throws {
            let folder = TempFolder()
            let notSQLite = folder.write("notes.sqlite", "hello")
            await #expect(throws: StoreError.self) { try await Store.restore(from: notSQLite, to: folder.path("db.sqlite")) }
            let other = try await Store.open(.sqlite(path: folder.path("other.sqlite")), migrate: false)
            try await other.sql.raw("CREATE TABLE t (x INTEGER)").run()
            await other.close()
            await #expect(throws: StoreError.self) { try await Store.restore(from: folder.path("other.sqlite"), to: folder.path("db.sqlite")) }
            #expect(!FileManager.default.fileExists(atPath: folder.path("db.sqlite")))
        }
    }
}

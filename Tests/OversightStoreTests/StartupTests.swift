import Foundation
@testable import OversightStore
import SQLKit
import Testing

extension StoreTests {
    /// Databases that cannot be used give a clear error at start-up.
    @Suite struct StartupTests {
        @Test func missingFolderIsAClearError() async throws {
            let folder = TempFolder()
            await #expect {
                try await Store.open(.sqlite(path: folder.path("no/such/folder/db.sqlite")))
            } throws: { e in
                "\(e)".contains("does not exist")
            }
        }

        @Test func readOnlyFileIsAClearError() async throws {
            let folder = TempFolder()
            let path = folder.path("db.sqlite")
            await (try await Store.open(.sqlite(path: path))).close()
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
            guard !FileManager.default.isWritableFile(atPath: path) else { return }  // running as root
            await #expect {
                try await Store.open(.sqlite(path: path))
            } throws: { e in
                "\(e)".contains("read-only")
            }
        }

        @Test(arguments: TestBackend.all)
        func newerSchemaIsAClearError(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let config = try await backend.freshConfiguration(in: folder)
            let store = try await Store.open(config)
            #expect(try await store.appliedMigrations().sorted() == Store.migrationNames.sorted())
            let now = Date()
            try await store.sql.raw("INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at) VALUES (\(bind: UUID()), \(bind: "2099-01-01-from-the-future"), 9, \(bind: now), \(bind: now))").run()
            await store.close()
            await #expect {
                try await Store.open(config)
            } throws: { e in
                (e as? StoreError) == .newerSchema(unknownMigrations: ["2099-01-01-from-the-future"])
            }
        }

        @Test(arguments: TestBackend.all)
        func migratingTwiceIsHarmless(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let config = try await backend.freshConfiguration(in: folder)
            let store = try await Store.open(config, migrate: false)
            #expect(try await store.migrate() == Store.migrationNames)
            #expect(try await store.migrate().isEmpty)
            await store.close()
        }

        @Test func fullDatabaseIsAClearErrorAndChangesNothing() async throws {
            let folder = TempFolder()
            let store = try await Store.open(.sqlite(path: folder.path("db.sqlite")))
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            _ = try await store.imports().importFiles(paths: [years.y2024], authority: "358", user: "u")
            let before = try await store.imports().list(authority: "358")
            let pages = try #require(try await store.sql.raw("PRAGMA page_count").first()).decode(column: "page_count", as: Int.self)
            try await store.sql.raw("PRAGMA max_page_count = \(unsafeRaw: String(pages + 2))").run()
            let big = SyntheticFiles.manyChildren(in: folder, under: "big", children: 2000)
            await #expect {
                try await store.imports().importFiles(paths: [big], authority: "358", user: "u")
            } throws: { e in
                (e as? StoreError).map { "\($0)".contains("is full") } ?? false
            }
            #expect(try await store.imports().list(authority: "358") == before)
            await store.close()
        }

        @Test func environmentChoosesTheBackend() {
            #expect(StoreConfiguration.fromEnvironment([:]) == .sqlite(path: "./oversight.sqlite"))
            #expect(StoreConfiguration.fromEnvironment(["OVERSIGHT_DATABASE": "/tmp/x.sqlite"]) == .sqlite(path: "/tmp/x.sqlite"))
            #expect(StoreConfiguration.fromEnvironment(["DATABASE_URL": "postgres://u:p@127.0.0.1/db", "OVERSIGHT_DATABASE": "/tmp/x"])
                    == .postgres(url: "postgres://u:p@127.0.0.1/db"))
            #expect(!StoreConfiguration.postgres(url: "postgres://u:secret@127.0.0.1/db").description.contains("secret"))
        }
    }
}

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

        /// A database file, or its folder, that the user cannot write. Root may write anything, so
        /// as root the check runs `oversight migrate` as the unprivileged user `nobody` (with
        /// `setpriv`), which meets the same permission denial a non-root user would; as any other
        /// user it opens the store in-process.
        @Test(arguments: [true, false])
        func readOnlyDatabaseIsAClearError(fileNotFolder: Bool) async throws {
            let folder = TempFolder()
            let dir = folder.path("db")
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let path = dir + "/oversight.sqlite"
            await (try await Store.open(.sqlite(path: path))).close()
            // The file read-only in a writable folder, or the file writable in a read-only folder.
            try FileManager.default.setAttributes([.posixPermissions: fileNotFolder ? 0o444 : 0o666], ofItemAtPath: path)
            try FileManager.default.setAttributes([.posixPermissions: fileNotFolder ? 0o777 : 0o555], ofItemAtPath: dir)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
            let expected = fileNotFolder ? "the database \(path) is read-only" : "the folder \(dir) is read-only"
            if geteuid() != 0 {
                await #expect {
                    try await Store.open(.sqlite(path: path))
                } throws: { e in
                    "\(e)".contains(expected)
                }
                return
            }
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "running as root needs setpriv to test as another user")
            let run = try Self.runAsNobody([ImportFaultTests.binary, "migrate"], database: path)
            #expect(run.status == 2, "\(run.err)")
            #expect(run.err.contains(expected), "\(run.err)")
            #expect(!run.err.contains("Fatal error"))
        }

        /// Runs `command` as user and group 65534 (`nobody`) with `OVERSIGHT_DATABASE` set.
        static func runAsNobody(_ command: [String], database: String) throws -> CommandLineTests.Run {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--"] + command
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "DATABASE_URL")
            env["OVERSIGHT_DATABASE"] = database
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return CommandLineTests.Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
        }

        @Test(arguments: TestBackend.all)
        func newerSchemaIsAClearError(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let config = try await backend.freshConfiguration(in: folder)
            let store = try await Store.open(config)
            #expect(try await store.appliedMigrations().sorted() == Store.migrationNames.sorted())
            let now = Date()
            try await store.sql.raw(
                "INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at) VALUES (\(bind: UUID()), \(bind: "2099-01-01-from-the-future"), 9, \(bind: now), \(bind: now))"
            ).run()
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
            #expect(
                StoreConfiguration.fromEnvironment(["DATABASE_URL": "postgres://u:p@127.0.0.1/db", "OVERSIGHT_DATABASE": "/tmp/x"])
                    == .postgres(url: "postgres://u:p@127.0.0.1/db"))
            #expect(!StoreConfiguration.postgres(url: "postgres://u:secret@127.0.0.1/db").description.contains("secret"))
        }
    }
}

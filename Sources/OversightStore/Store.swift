import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOPosix
import SQLKit

/// The Oversight database: opens SQLite or PostgreSQL, checks and migrates the schema, and hands
/// out repositories. Close it with `close()` when done.
public final class Store: Sendable {
    /// Every migration this version knows, in order. Append only.
    static let migrations: [any Migration] = [
        CreateImportTables(), AddLookupIndexes(), CreateMeasureCache(), CreateAccountTables(), CreateQATables(),
        CreateDeliveryTables(), CreateRecordBlocks(), CreatePublishedFiles(), CreateAuthorityRevisions(),
        CreateSignInThrottle(), ChainActivityLog(), UsersPerAuthority(),
        APITokenExpiryAndScope(), CreateSecondFactors(), CreateSingleSignOn(), CreateKPICommentary(), AddUserEmail(), CreateActionItems(), AddActionPosition(),
        CreateFeedbackTables(), CreateJobs(),
        CreateRegions(),
    ]
    /// Their names, as recorded in the database's `_fluent_migrations` table.
    public static let migrationNames: [String] = migrations.map(\.name)

    /// Where the data is.
    public let configuration: StoreConfiguration
    let databases: Databases
    let logger: Logger
    /// Case data built per authority and data version (see `CaseDataRepository.caseData`).
    let caseDataCache = CaseDataCache()
    /// Writes the activity log in batches (see `ActivityAppender`).
    let activityAppender = ActivityAppender()
    /// Groups reads of authorities' revisions (see `RevisionReads`).
    let revisionReads = RevisionReads()
    /// The one event loop this store uses, so a SQLite store holds one connection.
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()

    private init(configuration: StoreConfiguration, databases: Databases, logger: Logger) {
        self.configuration = configuration; self.databases = databases; self.logger = logger
    }

    /// Opens the database. Fails with `StoreError.unavailable` when a SQLite file's folder is
    /// missing or it cannot be written, and with `StoreError.newerSchema` when the database holds
    /// migrations this version does not know. With `migrate` (the default) pending migrations run.
    public static func open(_ configuration: StoreConfiguration, migrate: Bool = true) async throws -> Store {
        try await open(configuration, migrate: migrate, checkSchema: true)
    }

    /// `open`, optionally without the newer-schema check (for tests that empty a database).
    static func open(_ configuration: StoreConfiguration, migrate: Bool, checkSchema: Bool) async throws -> Store {
        if case .sqlite(let path) = configuration { try checkSQLitePath(path); try createPrivateSQLiteFile(path) }
        var logger = Logger(label: "oversight.store")
        logger.logLevel = .error
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        switch configuration {
        case .sqlite(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url):
            do {
                databases.use(try .postgres(url: url, sqlLogLevel: .debug), as: .psql)
            } catch {
                await databases.shutdownAsync()
                throw StoreError.unavailable("DATABASE_URL is not a usable PostgreSQL URL (\(error))")
            }
        }
        let store = Store(configuration: configuration, databases: databases, logger: logger)
        do {
            if configuration.isSQLite {
                try await store.sql.raw("PRAGMA journal_mode=WAL").run()
                try await store.sql.raw("PRAGMA busy_timeout=10000").run()
                // In WAL mode NORMAL keeps every commit atomic and the file consistent, and a commit
                // survives the process being killed; only a power cut can lose the last commits.
                // It spares an fsync per commit, which the activity log makes on every page view.
                try await store.sql.raw("PRAGMA synchronous=NORMAL").run()
            }
            let unknown = Set(try await store.appliedMigrations()).subtracting(migrationNames)
            if checkSchema, !unknown.isEmpty { throw StoreError.newerSchema(unknownMigrations: unknown.sorted()) }
            if migrate { try await store.migrate() }
        } catch let e as StoreError {
            await store.close()
            throw e
        } catch {
            await store.close()
            throw StoreError.from(error, configuration: configuration)
                ?? StoreError.unavailable("the \(configuration) could not be opened: \(String(reflecting: error).prefix(800))")
        }
        return store
    }

    static func checkSQLitePath(_ path: String) throws {
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError.unavailable("the folder \(dir) for the database \(path) does not exist; create it, or set OVERSIGHT_DATABASE to a file in a folder that exists")
        }
        if fm.fileExists(atPath: path) {
            guard fm.isWritableFile(atPath: path) else {
                throw StoreError.unavailable("the database \(path) is read-only; Oversight needs to write to it (check its permissions)")
            }
        }
        guard fm.isWritableFile(atPath: dir) else {
            throw StoreError.unavailable("the folder \(dir) is read-only; Oversight needs to write the database \(path) and its journal there")
        }
    }

    /// The database, for repositories.
    var database: any Database {
        databases.database(logger: logger, on: eventLoop)!
    }

    /// The database as SQL, for the few statements Fluent does not express.
    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The database as SQL, or `StoreError.unavailable` once the store is closed: for work that
    /// may outlive the store's users (background jobs looking for work).
    func openSQL() throws -> any SQLDatabase {
        guard let db = databases.database(logger: logger, on: eventLoop) else { throw StoreError.unavailable("the store is closed") }
        return db as! any SQLDatabase
    }

    /// Whether the store can serve: nil when it answers and every migration this version knows is
    /// applied; otherwise what is wrong, in words for an operator (no data, no credentials).
    public func readinessProblem() async -> String? {
        guard databases.database(logger: logger, on: eventLoop) != nil else { return "the store is closed" }
        do {
            let applied = Set(try await appliedMigrations())
            let pending = Self.migrationNames.filter { !applied.contains($0) }
            return pending.isEmpty ? nil : "\(pending.count) of the store's migrations are not applied (run 'oversight migrate')"
        } catch {
            return "the store does not answer"
        }
    }

    /// Names of the migrations already applied (empty for a new database).
    public func appliedMigrations() async throws -> [String] {
        let exists: Bool
        switch configuration {
        case .sqlite:
            exists = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'").all().count > 0
        case .postgres:
            exists = try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = '_fluent_migrations'").all().count > 0
        }
        guard exists else { return [] }
        return try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Runs pending migrations; returns the names applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        let before = Set(try await appliedMigrations())
        // Nothing to do (every command but the first after an upgrade): Fluent's migrator is not
        // set up at all.
        if Self.migrationNames.allSatisfy(before.contains) { return [] }
        let m = Migrations()
        for migration in Self.migrations { m.add(migration) }
        let migrator = Migrator(databases: databases, migrations: m, logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        return Self.migrationNames.filter { !before.contains($0) }
    }

    /// Closes the database connections.
    public func close() async {
        await databases.shutdownAsync()
    }

    /// Imports, their listing and undo.
    public func imports(clock: @escaping @Sendable () -> Date = { Date() }) -> ImportRepository {
        ImportRepository(store: self, clock: clock)
    }

    /// Measures from the store, cached per authority revision and `MeasureEngine.definitionVersion`.
    public func measures(clock: @escaping @Sendable () -> Date = { Date() }) -> MeasureRepository {
        MeasureRepository(store: self, clock: clock)
    }

    /// Case data of one authority, built from its active imports.
    public var cases: CaseDataRepository { CaseDataRepository(store: self) }

    /// Published statistics imported into the store (`oversight reference import`).
    public func publishedFigures(clock: @escaping @Sendable () -> Date = { Date() }) -> PublishedFigureRepository {
        PublishedFigureRepository(store: self, clock: clock)
    }
}

extension Store {
    /// Drops every table of the store (for tests that share one PostgreSQL database).
    func dropEverything() async throws {
        for table in CreateFeedbackTables.tables + CreateQATables.tables + [
            "regions",
            "action_items", "action_attachments", "action_history", "action_updates", "plan_actions", "hand_entry_history",
            "hand_entries", "plans", "plan_commentary", "kpi_commentary", "target_changes",
            "jobs", "sso_requests", "sso_settings", "recovery_codes", "second_factors", "sign_in_throttle", "activity_chain_heads", "authority_revisions", "published_files",
            "record_blocks", "activity_log", "api_tokens",
            "sessions", "users",
            "measure_cache", "case_records",
            "findings", "source_files", "import_files", "imports", "_fluent_migrations",
        ] {
            // CASCADE on PostgreSQL, so the order of tables that refer to each other does not matter.
            try await sql.raw("DROP TABLE IF EXISTS \(ident: table)\(unsafeRaw: configuration.isSQLite ? "" : " CASCADE")").run()
        }
    }
}

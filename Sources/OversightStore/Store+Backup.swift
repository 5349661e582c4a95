import FluentKit
import Foundation
import SQLiteKit
import SQLKit

extension Store {
    /// Writes a consistent copy of a SQLite store to `path` with `VACUUM INTO`, while other
    /// readers and writers carry on. Throws `StoreError.badInput` when `path` exists already or
    /// the store is PostgreSQL (use `pg_dump` there; see docs/performance-store.md).
    public func backup(to path: String) async throws {
        guard configuration.isSQLite else {
            throw StoreError.badInput(
                "the store is PostgreSQL: back it up with pg_dump (pg_dump --format=custom --file=oversight.dump \"$DATABASE_URL\") and restore with pg_restore")
        }
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.badInput("\(path) exists already; choose a new file name for the backup")
        }
        // The backup holds children's records: made empty with mode 0600 first (VACUUM INTO
        // fills an empty file), so it is never readable by others, whatever the umask.
        try Self.createPrivateFile(path, purpose: "the backup")
        do {
            try await sql.raw("VACUUM INTO \(bind: path)").run()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        chmod(path, 0o600)
    }

    /// Makes the SQLite database file with mode 0600 when it does not exist yet, so it, and the
    /// `-wal` and `-shm` files SQLite makes beside it with the same mode, are readable by their
    /// owner only. An existing file is left as it is.
    static func createPrivateSQLiteFile(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        try createPrivateFile(path, purpose: "the database")
    }

    /// Makes an empty file with mode 0600 (failing when it exists).
    static func createPrivateFile(_ path: String, purpose: String) throws {
        let fd = openNewPrivateFile(path)
        guard fd >= 0 else {
            throw StoreError.unavailable("\(purpose) \(path) could not be made (error \(errno): \(String(cString: strerror(errno))))")
        }
        fchmod(fd, 0o600)
        closeFile(fd)
    }

    /// Replaces the SQLite database at `databasePath` with the backup at `backupPath`, after
    /// checking the backup is an Oversight database this version can read. Run it while nothing
    /// else uses the database. The replaced database is kept as `databasePath.before-restore`.
    public static func restore(from backupPath: String, to databasePath: String) async throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: backupPath) else { throw StoreError.badInput("no such file: \(backupPath)") }
        let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: backupPath)).readData(ofLength: 16)) ?? Data()
        guard head == Data("SQLite format 3\u{0}".utf8) else {
            throw StoreError.badInput("\(backupPath) is not a SQLite database, so not an Oversight backup")
        }
        try checkSQLitePath(databasePath)
        let staging = databasePath + ".restoring"
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: staging + suffix) }
        try fm.copyItem(atPath: backupPath, toPath: staging)
        let names: [String]
        do {
            let checked = try await open(.sqlite(path: staging), migrate: false)
            names = try await checked.appliedMigrations()
            await checked.close()
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        guard names.contains(migrationNames[0]) else {
            try? fm.removeItem(atPath: staging)
            throw StoreError.badInput("\(backupPath) is a SQLite database but not an Oversight one (it has no Oversight schema)")
        }
        if fm.fileExists(atPath: databasePath) {
            let keep = databasePath + ".before-restore"
            try? fm.removeItem(atPath: keep)
            try fm.copyItem(atPath: databasePath, toPath: keep)
        }
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: databasePath + suffix) }
        if rename(staging, databasePath) != 0 {
            throw StoreError.unavailable("could not replace \(databasePath) (error \(errno))")
        }
    }
}

/// `open(2)` of a new file with mode 0600 (at file scope, where `open` is the C function).
private func openNewPrivateFile(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600) }
private func closeFile(_ fd: Int32) { _ = close(fd) }

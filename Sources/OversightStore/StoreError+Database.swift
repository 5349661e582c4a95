import FluentPostgresDriver
import FluentSQLiteDriver

extension StoreError {
    /// A plain `StoreError` for the database failures a user can act on (disk full, read-only
    /// database, PostgreSQL out of space); nil for others.
    static func from(_ error: any Error, configuration: StoreConfiguration) -> StoreError? {
        if let e = error as? SQLiteError {
            switch e.reason {
            case .full:
                return .unavailable("the \(configuration) is full (the disk has no room left): free some space and run the command again; nothing was changed")
            case .readOnly, .readonlyDirectory, .readonlyCantLock, .readonlyInRollback, .readonlyInRecovery, .readonlyBackingMoved:
                return .unavailable("the \(configuration) is read-only: Oversight needs to write to it and to its folder; nothing was changed")
            default:
                return nil
            }
        }
        if let e = error as? PSQLError, let state = e.serverInfo?[.sqlState] {
            if state == "53100" {
                return .unavailable("the PostgreSQL server has no disk space left: free some and run the command again; nothing was changed")
            }
            if state == "25006" {
                return .unavailable("the PostgreSQL database is read-only (a standby or read-only transaction); nothing was changed")
            }
        }
        return nil
    }
}

import Foundation

/// Where the store keeps its data: a SQLite file (the default) or a PostgreSQL database.
public enum StoreConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite database file.
    case sqlite(path: String)
    /// A PostgreSQL database, as a `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    /// The default SQLite file, in the working directory.
    public static let defaultSQLitePath = "./oversight.sqlite"

    /// Reads the configuration from the environment: PostgreSQL when `DATABASE_URL` starts
    /// `postgres://` or `postgresql://`; otherwise SQLite at `OVERSIGHT_DATABASE`, or
    /// `./oversight.sqlite` when that is unset or empty.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreConfiguration {
        if let url = environment["DATABASE_URL"], url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return .postgres(url: url)
        }
        if let path = environment["OVERSIGHT_DATABASE"], !path.isEmpty { return .sqlite(path: path) }
        return .sqlite(path: defaultSQLitePath)
    }

    /// Whether this is a SQLite file.
    public var isSQLite: Bool { if case .sqlite = self { return true } else { return false } }

    /// A description without the password of a PostgreSQL URL.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url):
            guard var c = URLComponents(string: url) else { return "PostgreSQL database" }
            if c.password != nil { c.password = "***" }
            return "PostgreSQL database \(c.string ?? "")"
        }
    }
}

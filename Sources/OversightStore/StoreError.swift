/// Why the store could not do what was asked, in words a performance analyst can act on.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database cannot be opened or written (missing folder, read-only file, disk full).
    case unavailable(String)
    /// The database was written by a newer Oversight: its schema holds migrations this binary
    /// does not know.
    case newerSchema(unknownMigrations: [String])
    /// The request itself is wrong (no such file, no such import, ambiguous authority).
    case badInput(String)

    public var description: String {
        switch self {
        case .unavailable(let s): return s
        case .newerSchema(let names):
            return
                "the database was written by a newer version of Oversight (it has schema changes this version does not know: \(names.joined(separator: ", "))); use the newer version, or restore a backup made by this one"
        case .badInput(let s): return s
        }
    }
}

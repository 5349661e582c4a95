/// The identifier of one import, as `oversight imports list` shows it.
public struct ImportID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The database id: 1, 2, 3 ... in the order imports were made.
    public let rawValue: Int
    /// The import with database id `rawValue`.
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    /// The number alone, as users type it.
    public var description: String { String(rawValue) }
    public static func < (a: ImportID, b: ImportID) -> Bool { a.rawValue < b.rawValue }
}

/// An audit's identifier: an opaque string the store assigns (a UUID in lower case).
public struct AuditID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    /// Wraps an identifier as the store wrote it.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: AuditID, b: AuditID) -> Bool { a.rawValue < b.rawValue }
}

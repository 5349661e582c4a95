/// A measure's stable id: the `snake_case` name (`rereferrals_12m_pct`) the CLI's JSON, the API,
/// plan files and exports use (../spec/measures.md). Never renamed: a new measure gets a new id.
public struct MeasureID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id as written.
    public let rawValue: String

    /// The id `rawValue`, whether or not a measure has it.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The id `rawValue`, whether or not a measure has it.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// An id written as a literal (`"referrals"`).
    public init(stringLiteral value: String) { rawValue = value }

    /// The id as written.
    public var description: String { rawValue }

    /// Orders ids as their strings.
    public static func < (a: MeasureID, b: MeasureID) -> Bool { a.rawValue < b.rawValue }
}

import Foundation

/// A child's identifier as the returns carry it: `LAchildID` in the CIN census, `CHILD` in the
/// SSDA903 return, after normalising (white space trimmed, upper-cased, a trailing `.0` dropped,
/// as spreadsheets add to numeric ids).
public struct ChildID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Normalises `raw`; nil when nothing is left.
    public init?(normalising raw: String) {
        var t = raw.trimmed.upperASCII
        if t.hasSuffix(".0") { t.removeLast(2) }
        t = t.trimmed
        guard !t.isEmpty else { return nil }
        self.rawValue = t
    }

    /// An already-normalised id (used by generators and tests).
    public init(_ normalised: String) { self.rawValue = normalised }

    public var description: String { rawValue }
    public static func < (a: ChildID, b: ChildID) -> Bool { a.rawValue < b.rawValue }
}

/// Where a record came from: an index into `CaseData.files` and the 1-based data row (CSV, header
/// excluded) or element position (XML).
public struct RecordOrigin: Hashable, Sendable, Codable {
    public var file: Int32
    public var row: Int32
    public init(file: Int, row: Int) { self.file = Int32(file); self.row = Int32(row) }
}

/// Reads the spec's booleans: `1`, `true`, `Y`, `yes` are true; `0`, `false`, `N`, `no` false;
/// anything else (blank included) is unknown (nil).
public func parseFlag(_ raw: String) -> Bool? {
    switch raw.trimmed.lowerASCII {
    case "1", "true", "y", "yes": return true
    case "0", "false", "n", "no": return false
    default: return nil
    }
}

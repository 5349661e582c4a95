import Foundation

/// One figure of a published statistics file.
///
/// The DfE marks figures it does not publish with a code: `c` confidential (suppressed), `x` not
/// available, `z` not applicable, `u` low reliability, `low` a small number rounded away. These
/// and blank cells are unknown, never 0.
public enum PublishedCell: Hashable, Sendable {
    case number(Double)
    /// A suppression or unavailability code as written (`c`, `x`, `z`, `u`, `low`, or other text).
    case suppressed(String)
    /// An empty cell.
    case blank

    /// Reads a cell: a number (thousands separators allowed), blank, or a code.
    public init(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { self = .blank; return }
        if let v = Double(t.replacingOccurrences(of: ",", with: "")), v.isFinite { self = .number(v); return }
        self = .suppressed(t)
    }

    /// The number, or nil when the figure is unknown.
    public var value: Double? {
        if case .number(let v) = self { return v }
        return nil
    }
}

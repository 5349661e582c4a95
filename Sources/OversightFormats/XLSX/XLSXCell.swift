import OversightCore

/// One cell of a worksheet, as written by `XLSXWriter` or read by `XLSXReader`.
///
/// Reading: a numeric cell whose number format is a date format becomes `.date` (the time of day,
/// if any, is dropped); any other numeric cell is `.number`. Shared, inline and formula strings are
/// all `.text`. A formula's cached result is read; the formula itself is not.
public enum XLSXCell: Hashable, Sendable {
    /// No value (an absent cell or one with only a style).
    case empty
    case text(String)
    case number(Double)
    /// A calendar date, stored in the file as an Excel serial number with a date format.
    case date(Day)
    case boolean(Bool)
    /// An error value such as `#N/A` or `#REF!`, as the spreadsheet displayed it.
    case error(String)

    /// True for `.empty` and for text that is blank after trimming white space.
    public var isBlank: Bool {
        switch self {
        case .empty: return true
        case .text(let t): return t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        default: return false
        }
    }

    /// The value as plain text: text as written, whole numbers without a decimal point (`1761444`),
    /// other numbers in Swift's shortest round-trip form, dates as `yyyy-mm-dd`, booleans as
    /// `TRUE`/`FALSE`, errors as displayed, empty as "".
    public var plainText: String {
        switch self {
        case .empty: return ""
        case .text(let t): return t
        case .number(let n): return XLSXCell.format(n)
        case .date(let d): return d.iso
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        }
    }

    /// Formats a number as `plainText` does.
    static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

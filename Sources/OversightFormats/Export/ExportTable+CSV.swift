import Foundation
import OversightCore

extension ExportTable {
    /// The table as CSV (RFC 4180): a heading row, then one line per row, lines ending CRLF,
    /// fields quoted when they hold a comma, quote, or line break. Integers without a decimal
    /// point, decimals and percentages (18.5 for 18.5%) in their shortest exact form, dates as
    /// `yyyy-mm-dd`, empty values as nothing. Text that a spreadsheet would run as a formula
    /// (starting `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`.
    /// Throws `ExportError` (see `check()`).
    public func csv() throws -> String {
        try check()
        var out = columns.map { Self.field($0.heading) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += zip(row, columns).map { value, column in Self.field(Self.text(value, column.kind)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A value as CSV text (before quoting).
    static func text(_ value: ExportValue, _ kind: ExportColumn.Kind) -> String {
        switch value {
        case .empty: return ""
        case .text(let t):
            if kind == .text, let first = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { return "'" + t }
            return t
        case .number(let n): return kind == .integer ? String(Int64(n)) : number(n)
        case .date(let d): return d.iso
        }
    }

    /// A number in its shortest exact form, without a trailing `.0`.
    static func number(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

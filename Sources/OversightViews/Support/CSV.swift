import Foundation
import OversightCore

/// CSV downloads (RFC 4180, CRLF line ends) that open safely in Excel: a cell starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so a spreadsheet never runs
/// it as a formula.
public enum CSV {
    /// The document: a header row and the rows.
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = line(header)
        for r in rows { out += line(r) }
        return out
    }

    /// One row with its line end.
    public static func line(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") + "\r\n" }

    /// One cell: defused, then quoted when it holds a comma, a quote or a line break.
    public static func cell(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// A measure's drill-down list: child, record, key, start, end (ISO dates) and whether the
    /// record was read from a row with errors.
    public static func drillDown(_ records: [DrillRecord], rowsWithErrors: Set<RecordOrigin>) -> String {
        render(
            header: ["child", "record", "key", "start", "end", "from_row_with_errors"],
            rows: records.map { r in
                [
                    r.child, r.kind, r.key, r.start?.iso ?? "", r.end?.iso ?? "",
                    (r.origin.map(rowsWithErrors.contains) ?? false) ? "yes" : "no",
                ]
            })
    }

    /// An import's findings.
    public static func findings(_ findings: [FindingRow], includesChildren: Bool) -> String {
        var header = ["severity", "rule", "file", "table", "row"]
        if includesChildren { header.append("child") }
        header += ["fields", "message"]
        return render(
            header: header,
            rows: findings.map { f in
                var r = [f.severity, f.rule, f.file, f.table, f.row.map(String.init) ?? ""]
                if includesChildren { r.append(f.child ?? "") }
                return r + [f.fields.joined(separator: " "), f.message]
            })
    }
}

/// Writes CSV text (RFC 4180): fields quoted when they hold a comma, quote or line break, and
/// fields that a spreadsheet would run as a formula prefixed with an apostrophe.
enum CSVText {
    static func write(header: [String], rows: [[String]]) -> String {
        var out = line(header)
        for r in rows { out += line(r) }
        return out
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ raw: String) -> String {
        var s = raw
        if let f = s.first, "=+-@".contains(f), Double(s) == nil { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

import Foundation

/// One validation finding of an import, as the import page lists it.
public struct FindingRow: Sendable, Hashable {
    /// The DfE's rule code or the readers' own (`OV-...`).
    public var rule: String
    /// `error`, `warning` or `query`.
    public var severity: String
    public var file: String
    public var table: String
    /// The 1-based data row; nil for a whole-file finding.
    public var row: Int?
    public var child: String?
    public var fields: [String]
    public var message: String

    public init(rule: String, severity: String, file: String, table: String, row: Int?, child: String?, fields: [String], message: String) {
        self.rule = rule; self.severity = severity; self.file = file; self.table = table; self.row = row; self.child = child
        self.fields = fields; self.message = message
    }

    /// The severity in words with a colour: "Error" red, "Warning" amber, "Query" grey.
    public var severityTag: HTML {
        switch severity {
        case "error": return StatusTag.render("Error", colour: .red)
        case "warning": return StatusTag.render("Warning", colour: .amber)
        default: return StatusTag.render(severity.prefix(1).uppercased() + severity.dropFirst(), colour: .grey)
        }
    }
}

/// The import page's filter on findings: by rule, table, child and severity, read from the query
/// (`rule`, `table`, `child`, `severity`); blank matches everything.
public struct FindingFilter: Sendable, Hashable {
    public var rule: String
    public var table: String
    public var child: String
    public var severity: String

    public init(rule: String = "", table: String = "", child: String = "", severity: String = "") {
        self.rule = rule; self.table = table; self.child = child; self.severity = severity
    }

    /// Reads the filter from a request's query.
    public init(query: [String: String]) {
        func q(_ k: String) -> String { (query[k] ?? "").trimmingCharacters(in: .whitespaces) }
        self.init(rule: q("rule"), table: q("table"), child: q("child"), severity: q("severity"))
    }

    /// Whether nothing is filtered.
    public var isEmpty: Bool { rule.isEmpty && table.isEmpty && child.isEmpty && severity.isEmpty }

    /// The findings that match: rule, table and severity exactly (case ignored), child id exactly
    /// after trimming and upper-casing (as child ids are normalised).
    public func apply(_ findings: [FindingRow]) -> [FindingRow] {
        let childKey = child.trimmingCharacters(in: .whitespaces).uppercased()
        return findings.filter { f in
            (rule.isEmpty || f.rule.caseInsensitiveCompare(rule) == .orderedSame)
                && (table.isEmpty || f.table.caseInsensitiveCompare(table) == .orderedSame)
                && (severity.isEmpty || f.severity.caseInsensitiveCompare(severity) == .orderedSame)
                && (childKey.isEmpty || (f.child ?? "").uppercased() == childKey)
        }
    }

    /// The filter as query items.
    public var queryItems: [(String, String?)] { [("rule", rule), ("table", table), ("child", child), ("severity", severity)] }
}

import OversightCore

/// How serious a finding is. `error`: the DfE would reject the return; `warning`: probably
/// wrong, check it; `query`: unusual, confirm it.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case error, warning, query
    var rank: Int {
        switch self {
        case .error: 0;
        case .warning: 1;
        case .query: 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding of the validator or a reader, located in its file.
///
/// `rule` is the DfE's rule code where the DfE has one (`103`, `1001`, `8500`); the readers' own
/// structural findings use codes starting `OV` (e.g. `OV-CSV-QUOTE`).
public struct ValidationIssue: Codable, Hashable, Sendable {
    public var rule: String
    public var severity: Severity
    public var file: String
    /// The table (`Episodes`, `Header`, ...) or XML block (`CINdetails`, `Assessments`, ...).
    public var table: String
    /// 1-based data row (CSV, header excluded) or the XML element's position; nil for whole-file findings.
    public var row: Int?
    /// The normalised child id, when the finding is about one child.
    public var child: String?
    public var fields: [String]
    /// Plain words a performance officer understands.
    public var message: String

    public init(rule: String, severity: Severity, file: String, table: String, row: Int?, child: String?, fields: [String], message: String) {
        self.rule = rule; self.severity = severity; self.file = file; self.table = table; self.row = row
        self.child = child; self.fields = fields; self.message = message
    }
}

/// A file the readers could not use at all (wrong format, unreadable, too large).
public struct UnusableFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) { self.file = file; self.reason = reason }
    public var description: String { "\(file): \(reason)" }
}

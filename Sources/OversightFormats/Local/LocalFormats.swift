import Foundation
import OversightCore

/// The product's own CSV formats for records the statutory returns lack (docs/formats.md).
public enum LocalFormat: String, CaseIterable, Sendable {
    /// Missing episodes with return home interviews.
    case missingEpisodes = "missing-local"
    /// Supervision sessions.
    case supervision = "supervision-local"

    /// The columns, in the documented order.
    public var columns: [String] {
        switch self {
        case .missingEpisodes: ["child_id", "missing_or_away", "start", "returned", "rhi_offered", "rhi_accepted", "rhi_completed"]
        case .supervision: ["worker_id", "date", "kind", "reflective", "child_id"]
        }
    }

    /// Columns that must have a value in every row.
    var required: Set<String> {
        switch self {
        case .missingEpisodes: ["child_id", "missing_or_away", "start"]
        case .supervision: ["worker_id", "date", "kind"]
        }
    }

    /// Recognises a local file by its header (lower-cased, trimmed; order free; extra columns allowed).
    public static func recognise(header: [String]) -> LocalFormat? {
        let cols = Set(header.map { $0.trimmed.lowerASCII })
        return allCases.first { Set($0.columns).isSubset(of: cols) }
    }
}

/// Reads the local CSV formats into domain records, with a finding for each bad value.
public enum LocalCSVReader {
    /// Reads missing episodes. Rows with a blank child id are left out (and reported).
    public static func missingEpisodes(_ csv: CSVFile, file: Int) -> (records: [MissingEpisode], issues: [ValidationIssue], blank: Int) {
        missingEpisodes(path: csv.path, records: csv.records, file: file)
    }

    /// Reads missing episodes from `records` (the header first, then the data rows).
    static func missingEpisodes(path: String, records: CSVRecords, file: Int) -> (records: [MissingEpisode], issues: [ValidationIssue], blank: Int) {
        var out: [MissingEpisode] = []
        var blank = 0
        let issues = each(path, records, .missingEpisodes) { row, v, report in
            guard let child = ChildID(normalising: v("child_id")) else { blank += 1; return }
            let kind = v("missing_or_away").upperASCII
            if !["M", "A"].contains(kind) { report("missing_or_away", "OV-LOCAL-CODE", "missing_or_away must be M (missing) or A (away), not '\(kind)'") }
            var fields: [String: DayTimeField] = [:]
            for f in ["start", "returned", "rhi_offered", "rhi_completed"] {
                let t = DayTimeField.parse(v(f))
                if t.isInvalid { report(f, "OV-LOCAL-DATE", "\(f) '\(v(f))' is not a date-time (write yyyy-mm-dd hh:mm)") }
                fields[f] = t
            }
            let acc = v("rhi_accepted")
            let accepted = parseFlag(acc)
            if !acc.isEmpty && accepted == nil { report("rhi_accepted", "OV-LOCAL-FLAG", "rhi_accepted must be Y or N, not '\(acc)'") }
            if let s = fields["start"]?.time, let r = fields["returned"]?.time, r < s {
                report("returned", "OV-LOCAL-ORDER", "returned is before start")
            }
            out.append(
                MissingEpisode(
                    child: child, kind: kind.isEmpty ? nil : kind, start: fields["start"]!, returned: fields["returned"]!,
                    rhiOffered: fields["rhi_offered"]!, rhiAccepted: accepted, rhiCompleted: fields["rhi_completed"]!,
                    origin: RecordOrigin(file: file, row: row)))
        }
        return (out, issues, blank)
    }

    /// Reads supervision sessions.
    public static func supervisions(_ csv: CSVFile, file: Int) -> (records: [SupervisionSession], issues: [ValidationIssue]) {
        supervisions(path: csv.path, records: csv.records, file: file)
    }

    /// Reads supervision sessions from `records` (the header first, then the data rows).
    static func supervisions(path: String, records: CSVRecords, file: Int) -> (records: [SupervisionSession], issues: [ValidationIssue]) {
        var out: [SupervisionSession] = []
        let issues = each(path, records, .supervision) { row, v, report in
            let worker = v("worker_id")
            guard !worker.isEmpty else { return }
            var date = DateField.iso(v("date"))
            if date.isInvalid, let d = Day.parseUK(v("date")) { date = .value(d) }
            if date.isInvalid { report("date", "OV-LOCAL-DATE", "date '\(v("date"))' is not a date (write yyyy-mm-dd)") }
            let kind = v("kind").lowerASCII
            if !["formal", "case", "group"].contains(kind) { report("kind", "OV-LOCAL-CODE", "kind must be formal, case or group, not '\(v("kind"))'") }
            let refl = v("reflective")
            let reflective = parseFlag(refl)
            if !refl.isEmpty && reflective == nil { report("reflective", "OV-LOCAL-FLAG", "reflective must be Y or N, not '\(refl)'") }
            out.append(
                SupervisionSession(
                    worker: worker, date: date, kind: kind.isEmpty ? nil : kind, reflective: reflective,
                    child: ChildID(normalising: v("child_id")), origin: RecordOrigin(file: file, row: row)))
        }
        return (out, issues)
    }

    /// Calls `body` for each data row of `records` with a value lookup and a reporter; checks
    /// required values. Returns the reader's problems, then the rows' findings.
    static func each(
        _ path: String, _ records: CSVRecords, _ format: LocalFormat,
        _ body: (Int, (String) -> String, (String, String, String) -> Void) -> Void
    ) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var idx: [String: Int]?
        var row = 0
        let table = format == .missingEpisodes ? "MissingEpisodes" : "Supervision"
        let required = format.required.sorted()
        let problems = withoutActuallyEscaping(body) { body in
            records { fields in
                guard let idx else {
                    var found: [String: Int] = [:]
                    for (i, h) in fields.map({ $0.trimmed.lowerASCII }).enumerated() where found[h] == nil { found[h] = i }
                    idx = found
                    return
                }
                row += 1
                let v: (String) -> String = { name in
                    guard let j = idx[name], j < fields.count else { return "" }
                    return fields[j].trimmed
                }
                let child = ChildID(normalising: v("child_id"))?.rawValue
                for r in required where v(r).isEmpty {
                    issues.append(
                        ValidationIssue(
                            rule: "OV-LOCAL-REQUIRED", severity: .error, file: path, table: table, row: row, child: child,
                            fields: [r], message: "\(r) is required but blank"))
                }
                body(row, v) { field, rule, message in
                    issues.append(
                        ValidationIssue(
                            rule: rule, severity: .error, file: path, table: table, row: row, child: child,
                            fields: [field], message: message))
                }
            }
        }
        return problems + issues
    }
}

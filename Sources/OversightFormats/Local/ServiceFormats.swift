import Foundation
import OversightCore

extension LocalCSVReader {
    /// Reads a local file of one of the service formats (early help, training, fostering
    /// households, special guardianship, care proceedings, pathways) into `builder` as file
    /// `file`: each row is checked and, unless its key value is blank, becomes a record; a bad
    /// value is a finding located at its row and field, and never stops the other rows.
    /// Returns how many records, the findings, and the rows left out for a blank child id.
    static func services(
        _ format: LocalFormat, path: String, records: CSVRecords, file: Int, into builder: inout CaseDataBuilder
    ) -> (records: Int, issues: [ValidationIssue], blank: Int) {
        var blank = 0
        func date(_ v: (String) -> String, _ field: String, _ report: (String, String, String) -> Void) -> DateField {
            let d = localDate(v(field))
            if d.isInvalid { report(field, "OV-LOCAL-DATE", "\(field) '\(v(field))' is not a date (write yyyy-mm-dd)") }
            return d
        }
        func order(_ a: DateField, _ b: DateField, _ later: String, _ earlier: String, _ report: (String, String, String) -> Void) {
            if let x = a.day, let y = b.day, y < x { report(later, "OV-LOCAL-ORDER", "\(later) is before \(earlier)") }
        }
        func list(_ raw: String) -> [String] {
            raw.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { String($0).trimmed }.filter { !$0.isEmpty }
        }
        switch format {
        case .earlyHelp:
            var out: [EarlyHelpEpisode] = []
            let issues = each(path, records, format) { row, v, report in
                guard let child = ChildID(normalising: v("child_id")) else { blank += 1; return }
                let start = date(v, "assessment_start", report), completed = date(v, "assessment_completed", report)
                let closed = date(v, "closed", report), gcp = date(v, "gcp2_completed", report)
                order(start, completed, "assessment_completed", "assessment_start", report)
                order(start, closed, "closed", "assessment_start", report)
                var meetings: [DateField] = []
                for m in list(v("taf_meetings")) {
                    let d = localDate(m)
                    if d.isInvalid { report("taf_meetings", "OV-LOCAL-DATE", "taf_meetings '\(m)' is not a date (write yyyy-mm-dd, dates separated by ;)") }
                    meetings.append(d)
                }
                func text(_ f: String) -> String? { v(f).isEmpty ? nil : v(f) }
                out.append(
                    EarlyHelpEpisode(
                        child: child, start: start, completed: completed, organisation: text("organisation"), leadAgency: text("lead_agency"),
                        closed: closed, closureReason: text("closure_reason"), factors: list(v("factors")), tafMeetings: meetings,
                        gcp2Completed: gcp, origin: RecordOrigin(file: file, row: row)))
            }
            builder.add(services: out, file: file)
            return (out.count, issues, blank)
        case .training:
            var out: [TrainingCompletion] = []
            let issues = each(path, records, format) { row, v, report in
                guard !v("worker_id").isEmpty, !v("course").isEmpty else { return }
                out.append(
                    TrainingCompletion(
                        worker: v("worker_id"), course: v("course"), completed: date(v, "completed", report), origin: RecordOrigin(file: file, row: row)))
            }
            builder.add(services: out, file: file)
            return (out.count, issues, 0)
        case .fostering:
            var out: [FosteringHousehold] = []
            let issues = each(path, records, format) { row, v, report in
                guard !v("household_id").isEmpty else { return }
                let approved = date(v, "approved", report), deregistered = date(v, "deregistered", report)
                order(approved, deregistered, "deregistered", "approved", report)
                var places: Int?
                if !v("places").isEmpty {
                    places = Int(v("places"))
                    if places.map({ !(0...20).contains($0) }) ?? true {
                        report("places", "OV-LOCAL-NUMBER", "places must be a whole number from 0 to 20, not '\(v("places"))'")
                        places = nil
                    }
                }
                let type = v("type").lowercased()
                if !type.isEmpty && !FosteringHousehold.types.contains(type) {
                    report("type", "OV-LOCAL-CODE", "type must be one of \(FosteringHousehold.types.joined(separator: ", ")), not '\(v("type"))'")
                }
                out.append(
                    FosteringHousehold(
                        id: v("household_id"), approved: approved, deregistered: deregistered, places: places, type: type.isEmpty ? nil : type,
                        origin: RecordOrigin(file: file, row: row)))
            }
            builder.add(services: out, file: file)
            return (out.count, issues, 0)
        case .specialGuardianship:
            var out: [SpecialGuardianship] = []
            let issues = each(path, records, format) { row, v, report in
                guard let child = ChildID(normalising: v("child_id")) else { blank += 1; return }
                let made = date(v, "order_date", report), ended = date(v, "ended", report)
                order(made, ended, "ended", "order_date", report)
                out.append(SpecialGuardianship(child: child, orderDate: made, ended: ended, origin: RecordOrigin(file: file, row: row)))
            }
            builder.add(services: out, file: file)
            return (out.count, issues, blank)
        case .careProceedings:
            var out: [CareProceeding] = []
            let issues = each(path, records, format) { row, v, report in
                guard let child = ChildID(normalising: v("child_id")) else { blank += 1; return }
                let issued = date(v, "issued", report), concluded = date(v, "concluded", report)
                order(issued, concluded, "concluded", "issued", report)
                out.append(
                    CareProceeding(child: child, issued: issued, factors: list(v("factors")), concluded: concluded, origin: RecordOrigin(file: file, row: row)))
            }
            builder.add(services: out, file: file)
            return (out.count, issues, blank)
        case .pathways:
            var out: [PathwayEpisode] = []
            let issues = each(path, records, format) { row, v, report in
                guard let child = ChildID(normalising: v("child_id")) else { blank += 1; return }
                guard !v("pathway").isEmpty else { return }
                let start = date(v, "start", report), end = date(v, "end", report)
                order(start, end, "end", "start", report)
                out.append(
                    PathwayEpisode(
                        child: child, pathway: v("pathway"), start: start, end: end, outcome: v("outcome").isEmpty ? nil : v("outcome"),
                        origin: RecordOrigin(file: file, row: row)))
            }
            builder.add(services: out, file: file)
            return (out.count, issues, blank)
        default:
            preconditionFailure("\(format) is not a service format")
        }
    }
}

extension FosteringHousehold {
    /// The household types the fostering file takes.
    public static let types = ["mainstream", "connected", "short-break", "specialist"]
}

/// Reads the DfE's children's social work workforce census return (CSWW): an XML `Message` with
/// a `Header` (its `ReferenceDate`, the census date), one `LALevelVacancies` and a `CSWWWorker`
/// per social worker. Elements are named as the DfE's specification names them; docs/formats.md
/// lists those read.
public enum WorkforceCensusReader {
    /// Whether the start of an XML file is a workforce census return.
    public static func recognise(_ head: String) -> Bool {
        head.contains("<CSWWWorker") || head.contains("<LALevelVacancies") || head.contains("<Collection>CSWW</Collection>")
    }

    public struct Result: Sendable {
        public var workers: [WorkforceWorker] = []
        public var vacancies: [WorkforceVacancies] = []
        public var issues: [ValidationIssue] = []
        /// The census date from the header.
        public var censusDate: Day?
    }

    /// Reads a return. Each worker's values are checked (dates, numbers, flags and codes), a bad
    /// value a finding located at the worker's line and element; a return with no census date in
    /// its header cannot be dated and is refused (`UnusableFileError`).
    public static func read(data: Data, file: String, fileIndex: Int) throws -> Result {
        var out = Result()
        var workers: [XMLNode] = []
        var vacancies: XMLNode?
        let stream = XMLElementStream(unitNames: ["Header", "LALevelVacancies", "CSWWWorker"]) { node in
            switch node.name {
            case "Header": out.censusDate = Day.parseISO(Self.find(node, "ReferenceDate")?.text ?? "")
            case "LALevelVacancies": vacancies = node
            default: workers.append(node)
            }
        }
        try stream.parse(data: data, file: file)
        guard stream.rootName == "Message" else {
            throw UnusableFileError(file: file, reason: "its root element is <\(stream.rootName ?? "")>, not the workforce census's <Message>")
        }
        guard let census = out.censusDate else {
            throw UnusableFileError(
                file: file, reason: "its Header gives no ReferenceDate (yyyy-mm-dd), so the census cannot be dated; nothing was read")
        }
        func issue(_ node: XMLNode, _ table: String, _ field: String, _ rule: String, _ message: String) {
            out.issues.append(
                ValidationIssue(rule: rule, severity: .error, file: file, table: table, row: node.line, child: nil, fields: [field], message: message))
        }
        func number(_ node: XMLNode, _ table: String, _ field: String, _ range: ClosedRange<Double>) -> Double? {
            guard let raw = node.child(field)?.text, !raw.isEmpty else { return nil }
            guard let n = Double(raw), range.contains(n) else {
                issue(node, table, field, "OV-CSWW-NUMBER", "\(field) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(raw)'")
                return nil
            }
            return n
        }
        func date(_ node: XMLNode, _ field: String) -> DateField {
            guard let raw = node.child(field)?.text, !raw.isEmpty else { return .missing }
            let d = DateField.iso(raw)
            if d.isInvalid { issue(node, "CSWWWorker", field, "OV-CSWW-DATE", "\(field) '\(raw)' is not a date (yyyy-mm-dd)") }
            return d
        }
        if let v = vacancies {
            out.vacancies.append(
                WorkforceVacancies(
                    censusDate: .value(census), vacancies: number(v, "LALevelVacancies", "NumberOfVacancies", 0...100_000),
                    agencyFTE: number(v, "LALevelVacancies", "NoAgencyFTE", 0...100_000),
                    agencyHeadcount: number(v, "LALevelVacancies", "NoAgencyHeadcount", 0...100_000).map { Int($0) },
                    origin: RecordOrigin(file: fileIndex, row: v.line)))
        }
        for w in workers {
            let id = w.child("SWENo")?.text ?? ""
            if id.isEmpty {
                issue(w, "CSWWWorker", "SWENo", "OV-CSWW-REQUIRED", "SWENo is required but blank: the worker was left out")
                continue
            }
            var agency: Bool?
            if let raw = w.child("AgencyWorker")?.text, !raw.isEmpty {
                agency = raw == "1" ? true : raw == "0" ? false : nil
                if agency == nil { issue(w, "CSWWWorker", "AgencyWorker", "OV-CSWW-CODE", "AgencyWorker must be 0 or 1, not '\(raw)'") }
            }
            let role = w.child("OrgRole")?.text ?? ""
            if !role.isEmpty && !["1", "2", "3", "4", "5", "6"].contains(role) {
                issue(w, "CSWWWorker", "OrgRole", "OV-CSWW-CODE", "OrgRole must be a code from 1 to 6, not '\(role)'")
            }
            let start = date(w, "RoleStartDate"), end = date(w, "RoleEndDate")
            if let s = start.day, let e = end.day, e < s { issue(w, "CSWWWorker", "RoleEndDate", "OV-CSWW-ORDER", "RoleEndDate is before RoleStartDate") }
            if let e = end.day, e > census {
                issue(w, "CSWWWorker", "RoleEndDate", "OV-CSWW-ORDER", "RoleEndDate \(e.iso) is after the census date \(census.iso)")
            }
            let fte = number(w, "CSWWWorker", "FTE", 0.0001...1.5)
            if fte == nil && (w.child("FTE")?.text ?? "").isEmpty {
                issue(w, "CSWWWorker", "FTE", "OV-CSWW-REQUIRED", "FTE is required but blank: the worker counts in no rate")
            }
            out.workers.append(
                WorkforceWorker(
                    censusDate: .value(census), id: id, agency: agency, fte: fte, role: role.isEmpty ? nil : role, start: start, end: end,
                    reasonLeave: w.child("ReasonLeave")?.text.nilIfEmpty, fteAtCensus: number(w, "CSWWWorker", "FTE30", 0...1.5),
                    cases: number(w, "CSWWWorker", "Cases30", 0...500).map { Int($0) },
                    daysLost: number(w, "CSWWWorker", "WorkingDaysLost", 0...366), origin: RecordOrigin(file: fileIndex, row: w.line)))
        }
        return out
    }

    /// The first element named `name` in `node`'s subtree.
    static func find(_ node: XMLNode, _ name: String) -> XMLNode? {
        if node.name == name { return node }
        for c in node.children { if let f = find(c, name) { return f } }
        return nil
    }
}

extension String {
    /// nil when empty.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

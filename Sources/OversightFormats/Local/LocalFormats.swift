import Foundation
import OversightCore

/// The product's own CSV formats for records the statutory returns lack (docs/formats.md).
public enum LocalFormat: String, CaseIterable, Sendable {
    /// Missing episodes with return home interviews.
    case missingEpisodes = "missing-local"
    /// Supervision sessions.
    case supervision = "supervision-local"
    /// Workers' spells in teams (the organisation).
    case workers = "workers-local"
    /// Children's allocations to workers.
    case allocations = "allocations-local"
    /// Social workers' visits to children.
    case visits = "visits-local"
    /// The Standard Safeguarding Dataset's professionals extract (`ssd_professionals`): workers
    /// and their departments.
    case ssdProfessionals = "ssd-professionals"
    /// The Standard Safeguarding Dataset's involvements extract (`ssd_involvements`): who worked
    /// with each child, from when to when.
    case ssdInvolvements = "ssd-involvements"
    /// Early help episodes: List 2's fields and more.
    case earlyHelp = "early-help-local"
    /// Workers' completions of training courses.
    case training = "training-local"
    /// The authority's own fostering households.
    case fostering = "fostering-local"
    /// Children living with special guardians (the SGO support list).
    case specialGuardianship = "sgo-local"
    /// Care proceedings issued.
    case careProceedings = "care-proceedings-local"
    /// Children's time on local pathways (MARAC, ACT, ...).
    case pathways = "pathways-local"

    /// The table name findings and the source file carry.
    public var table: String {
        switch self {
        case .missingEpisodes: "MissingEpisodes"
        case .supervision: "Supervision"
        case .workers: "Workers"
        case .allocations: "Allocations"
        case .visits: "Visits"
        case .ssdProfessionals: "ssd_professionals"
        case .ssdInvolvements: "ssd_involvements"
        case .earlyHelp: "EarlyHelp"
        case .training: "Training"
        case .fostering: "FosteringHouseholds"
        case .specialGuardianship: "SpecialGuardianship"
        case .careProceedings: "CareProceedings"
        case .pathways: "Pathways"
        }
    }

    /// The column naming the child, for findings.
    var childColumn: String { self == .ssdInvolvements ? "invo_person_id" : "child_id" }

    /// The columns, in the documented order.
    public var columns: [String] {
        switch self {
        case .missingEpisodes: ["child_id", "missing_or_away", "start", "returned", "rhi_offered", "rhi_accepted", "rhi_completed"]
        case .supervision: ["worker_id", "date", "kind", "reflective", "child_id"]
        case .workers: ["worker_id", "name", "role", "fte", "employment", "team", "service", "start_date", "leave_date"]
        case .allocations: ["child_id", "worker_id", "from_date", "to_date"]
        case .visits: ["child_id", "visit_date", "worker_id"]
        case .ssdProfessionals:
            [
                "prof_professional_id", "prof_professional_name", "prof_professional_job_title", "prof_professional_department",
                "prof_full_time_equivalency", "prof_agency_worker_flag",
            ]
        case .ssdInvolvements:
            [
                "invo_professional_id", "invo_professional_role_id", "invo_professional_team", "invo_involvement_start_date",
                "invo_involvement_end_date", "invo_person_id",
            ]
        case .earlyHelp:
            [
                "child_id", "assessment_start", "assessment_completed", "organisation", "lead_agency", "closed", "closure_reason", "factors",
                "taf_meetings", "gcp2_completed",
            ]
        case .training: ["worker_id", "course", "completed"]
        case .fostering: ["household_id", "approved", "deregistered", "places", "type"]
        case .specialGuardianship: ["child_id", "order_date", "ended"]
        case .careProceedings: ["child_id", "issued", "factors", "concluded"]
        case .pathways: ["child_id", "pathway", "start", "end", "outcome"]
        }
    }

    /// Columns that must have a value in every row.
    var required: Set<String> {
        switch self {
        case .missingEpisodes: ["child_id", "missing_or_away", "start"]
        case .supervision: ["worker_id", "date", "kind"]
        case .workers: ["worker_id", "team", "start_date"]
        case .allocations: ["child_id", "worker_id", "from_date"]
        case .visits: ["child_id", "visit_date"]
        case .ssdProfessionals: ["prof_professional_id", "prof_professional_department"]
        case .ssdInvolvements: ["invo_professional_id", "invo_involvement_start_date", "invo_person_id"]
        case .earlyHelp: ["child_id", "assessment_start"]
        case .training: ["worker_id", "course", "completed"]
        case .fostering: ["household_id", "approved"]
        case .specialGuardianship: ["child_id", "order_date"]
        case .careProceedings: ["child_id", "issued"]
        case .pathways: ["child_id", "pathway", "start"]
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
    /// Reads `csv` as the local format its header names: how many records it gave, and the
    /// findings; nil when the header is no local format's (for the fuzzer, which reads every
    /// local format as the loader does).
    public static func read(_ csv: CSVFile) -> (records: Int, issues: [ValidationIssue])? {
        guard let format = LocalFormat.recognise(header: csv.header) else { return nil }
        let (path, records) = (csv.path, csv.records)
        switch format {
        case .missingEpisodes: let r = missingEpisodes(csv, file: 0); return (r.records.count, r.issues)
        case .supervision: let r = supervisions(csv, file: 0); return (r.records.count, r.issues)
        case .workers: let r = workers(path: path, records: records, file: 0); return (r.records.count, r.issues)
        case .allocations: let r = allocations(path: path, records: records, file: 0); return (r.records.count, r.issues)
        case .visits: let r = visits(path: path, records: records, file: 0); return (r.records.count, r.issues)
        case .ssdProfessionals: let r = ssdProfessionals(path: path, records: records, file: 0); return (r.records.count, r.issues)
        case .ssdInvolvements: let r = ssdInvolvements(path: path, records: records, file: 0); return (r.records.count, r.issues)
        case .earlyHelp, .training, .fostering, .specialGuardianship, .careProceedings, .pathways:
            var builder = CaseDataBuilder()
            let r = services(format, path: path, records: records, file: 0, into: &builder)
            return (r.records, r.issues)
        }
    }

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

    /// Reads social workers' visits to children. Rows with a blank child id are left out (and
    /// reported).
    static func visits(path: String, records: CSVRecords, file: Int) -> (records: [Visit], issues: [ValidationIssue], blank: Int) {
        var out: [Visit] = []
        var blank = 0
        let issues = each(path, records, .visits) { row, v, report in
            guard let child = ChildID(normalising: v("child_id")) else { blank += 1; return }
            let date = localDate(v("visit_date"))
            if date.isInvalid { report("visit_date", "OV-LOCAL-DATE", "visit_date '\(v("visit_date"))' is not a date (write yyyy-mm-dd)") }
            out.append(Visit(child: child, date: date, worker: v("worker_id").isEmpty ? nil : v("worker_id"), origin: RecordOrigin(file: file, row: row)))
        }
        return (out, issues, blank)
    }

    /// A date as the local files write it: `yyyy-mm-dd`, or `dd/mm/yyyy`.
    static func localDate(_ raw: String) -> DateField {
        var d = DateField.iso(raw)
        if d.isInvalid, let uk = Day.parseUK(raw) { d = .value(uk) }
        return d
    }

    /// Reads workers' spells in teams. Checks each value, and that no worker is in two teams (or
    /// twice in one) on the same day: the later of two overlapping spells is reported.
    static func workers(path: String, records: CSVRecords, file: Int) -> (records: [WorkerRecord], issues: [ValidationIssue]) {
        var out: [WorkerRecord] = []
        var issues = each(path, records, .workers) { row, v, report in
            let id = v("worker_id")
            guard !id.isEmpty, !v("team").isEmpty else { return }
            let start = localDate(v("start_date")), leave = localDate(v("leave_date"))
            if start.isInvalid { report("start_date", "OV-LOCAL-DATE", "start_date '\(v("start_date"))' is not a date (write yyyy-mm-dd)") }
            if leave.isInvalid { report("leave_date", "OV-LOCAL-DATE", "leave_date '\(v("leave_date"))' is not a date (write yyyy-mm-dd)") }
            if let s = start.day, let e = leave.day, e < s { report("leave_date", "OV-LOCAL-ORDER", "leave_date is before start_date") }
            var fte: Double?
            if !v("fte").isEmpty {
                fte = Double(v("fte"))
                if fte.map({ !(0.01...1.5).contains($0) }) ?? true { report("fte", "OV-LOCAL-NUMBER", "fte must be a number from 0.01 to 1.5 (1 is full time), not '\(v("fte"))'") }
            }
            let employment = v("employment").lowerASCII
            if !employment.isEmpty && !["employed", "agency"].contains(employment) {
                report("employment", "OV-LOCAL-CODE", "employment must be employed or agency, not '\(v("employment"))'")
            }
            out.append(
                WorkerRecord(
                    id: id, name: v("name").isEmpty ? nil : v("name"), role: v("role").isEmpty ? nil : v("role"), fte: fte,
                    employment: employment.isEmpty ? nil : employment, team: v("team"), service: v("service").isEmpty ? nil : v("service"),
                    start: start, leave: leave, origin: RecordOrigin(file: file, row: row)))
        }
        var spells: [String: [WorkerRecord]] = [:]
        for w in out {
            if let other = spells[w.id]?.first(where: { overlaps($0.start, $0.leave, w.start, w.leave) }) {
                issues.append(
                    ValidationIssue(
                        rule: "OV-ORG-TEAMS", severity: .error, file: path, table: LocalFormat.workers.table, row: Int(w.origin.row), child: nil,
                        fields: ["team"],
                        message:
                            "worker \(w.id) is in \(w.team) from \(w.start) while in \(other.team) from \(other.start) (row \(other.origin.row)): a worker is in one team at a time"
                    ))
            }
            spells[w.id, default: []].append(w)
        }
        return (out, issues)
    }

    /// Reads children's allocations to workers. Checks each value, and that no child has two
    /// allocations on the same day: the later of two overlapping ones is reported.
    static func allocations(path: String, records: CSVRecords, file: Int) -> (records: [Allocation], issues: [ValidationIssue], blank: Int) {
        var out: [Allocation] = []
        var blank = 0
        var issues = each(path, records, .allocations) { row, v, report in
            guard let child = ChildID(normalising: v("child_id")) else { blank += 1; return }
            let worker = v("worker_id")
            guard !worker.isEmpty else { return }
            let from = localDate(v("from_date")), to = localDate(v("to_date"))
            if from.isInvalid { report("from_date", "OV-LOCAL-DATE", "from_date '\(v("from_date"))' is not a date (write yyyy-mm-dd)") }
            if to.isInvalid { report("to_date", "OV-LOCAL-DATE", "to_date '\(v("to_date"))' is not a date (write yyyy-mm-dd)") }
            if let s = from.day, let e = to.day, e < s { report("to_date", "OV-LOCAL-ORDER", "to_date is before from_date") }
            out.append(Allocation(child: child, worker: worker, from: from, to: to, origin: RecordOrigin(file: file, row: row)))
        }
        var byChild: [ChildID: [Allocation]] = [:]
        for a in out {
            if let other = byChild[a.child]?.first(where: { overlaps($0.from, $0.to, a.from, a.to) }) {
                issues.append(
                    ValidationIssue(
                        rule: "OV-ORG-OVERLAP", severity: .error, file: path, table: LocalFormat.allocations.table, row: Int(a.origin.row),
                        child: a.child.rawValue, fields: ["from_date"],
                        message:
                            "this allocation to \(a.worker) from \(a.from) overlaps the allocation to \(other.worker) from \(other.from) (row \(other.origin.row)): a child has one allocated worker at a time"
                    ))
            }
            byChild[a.child, default: []].append(a)
        }
        return (out, issues, blank)
    }

    /// A date of an SSD extract: a date-time as SQL Server writes it (`2024-01-30 00:00:00.000`,
    /// `2024-01-30T00:00:00`) is its day; otherwise as the local formats read dates.
    static func ssdDate(_ raw: String) -> DateField {
        if raw.count > 10, case let d = DateField.iso(String(raw.prefix(10))), d.day != nil,
            raw[raw.index(raw.startIndex, offsetBy: 10)] == " " || raw[raw.index(raw.startIndex, offsetBy: 10)] == "T"
        {
            return d
        }
        return localDate(raw)
    }

    /// Reads the SSD professionals extract: one worker each, in their department's team (the
    /// extract gives no dates, so the spell has none: the worker is in that team throughout).
    /// The agency flag `Y` reads as agency, `N` as employed, anything else (the SSD's
    /// `PLACEHOLDER_DATA`) as not known.
    static func ssdProfessionals(path: String, records: CSVRecords, file: Int) -> (records: [WorkerRecord], issues: [ValidationIssue]) {
        var out: [WorkerRecord] = []
        let issues = each(path, records, .ssdProfessionals) { row, v, report in
            let id = v("prof_professional_id"), team = v("prof_professional_department")
            guard !id.isEmpty, !team.isEmpty else { return }
            var fte: Double?
            if !v("prof_full_time_equivalency").isEmpty {
                fte = Double(v("prof_full_time_equivalency"))
                if fte.map({ !(0.01...1.5).contains($0) }) ?? true {
                    report(
                        "prof_full_time_equivalency", "OV-LOCAL-NUMBER",
                        "prof_full_time_equivalency must be a number from 0.01 to 1.5 (1 is full time), not '\(v("prof_full_time_equivalency"))'")
                    fte = nil
                }
            }
            let flag = v("prof_agency_worker_flag").uppercased()
            out.append(
                WorkerRecord(
                    id: id, name: v("prof_professional_name").isEmpty ? nil : v("prof_professional_name"),
                    role: v("prof_professional_job_title").isEmpty ? nil : v("prof_professional_job_title"), fte: fte,
                    employment: flag == "Y" ? "agency" : flag == "N" ? "employed" : nil, team: team, start: .missing, leave: .missing,
                    origin: RecordOrigin(file: file, row: row)))
        }
        var seen: [String: Int] = [:]
        var all = issues
        for w in out {
            if let first = seen[w.id] {
                all.append(
                    ValidationIssue(
                        rule: "OV-ORG-TEAMS", severity: .error, file: path, table: LocalFormat.ssdProfessionals.table, row: Int(w.origin.row), child: nil,
                        fields: ["prof_professional_id"], message: "professional \(w.id) is given again (first at row \(first)): a worker is in one team at a time"))
            } else {
                seen[w.id] = Int(w.origin.row)
            }
        }
        return (out, all)
    }

    /// Reads the SSD involvements extract: each involvement of the child's allocated worker (a
    /// blank role, or one naming the allocated worker: "Allocated Case Worker", "allocated
    /// social worker") is an allocation from its start to its end; other professionals'
    /// involvements (an IRO, a team's involvement) are not allocations and are passed over.
    /// Involvements may overlap (a handover): on a day, the one that started latest holds the child.
    static func ssdInvolvements(path: String, records: CSVRecords, file: Int) -> (records: [Allocation], issues: [ValidationIssue], blank: Int) {
        var out: [Allocation] = []
        var blank = 0
        let issues = each(path, records, .ssdInvolvements) { row, v, report in
            let role = v("invo_professional_role_id").lowercased()
            guard role.isEmpty || role.contains("allocated") else { return }
            guard let child = ChildID(normalising: v("invo_person_id")) else { blank += 1; return }
            let worker = v("invo_professional_id")
            guard !worker.isEmpty else { return }
            let from = ssdDate(v("invo_involvement_start_date")), to = ssdDate(v("invo_involvement_end_date"))
            if from.isInvalid {
                report("invo_involvement_start_date", "OV-LOCAL-DATE", "invo_involvement_start_date '\(v("invo_involvement_start_date"))' is not a date")
            }
            if to.isInvalid { report("invo_involvement_end_date", "OV-LOCAL-DATE", "invo_involvement_end_date '\(v("invo_involvement_end_date"))' is not a date") }
            if let s = from.day, let e = to.day, e < s {
                report("invo_involvement_end_date", "OV-LOCAL-ORDER", "invo_involvement_end_date is before invo_involvement_start_date")
            }
            out.append(Allocation(child: child, worker: worker, from: from, to: to, origin: RecordOrigin(file: file, row: row)))
        }
        return (out, issues, blank)
    }

    /// Whether two spells share a day (a missing end runs on; a spell without a start shares none).
    static func overlaps(_ s1: DateField, _ e1: DateField, _ s2: DateField, _ e2: DateField) -> Bool {
        guard let a = s1.day, let b = s2.day else { return false }
        return OrganisationEdit.overlaps(a, e1.day, b, e2.day)
    }

    /// Allocations to workers that no workers file of the same load names, and to children no
    /// return of the same load holds: a finding for each, located at its row. Checked only when
    /// the load holds workers (for the first) or children (for the second).
    public static func crossCheck(allocations: [Allocation], workers: [WorkerRecord], children: Set<ChildID>, files: [SourceFile]) -> [ValidationIssue] {
        let known = Set(workers.map(\.id))
        var issues: [ValidationIssue] = []
        for a in allocations {
            let path = files.indices.contains(Int(a.origin.file)) ? files[Int(a.origin.file)].path : ""
            if !known.isEmpty && !known.contains(a.worker) {
                issues.append(
                    ValidationIssue(
                        rule: "OV-ORG-WORKER", severity: .error, file: path, table: LocalFormat.allocations.table, row: Int(a.origin.row),
                        child: a.child.rawValue, fields: ["worker_id"], message: "worker_id \(a.worker) is not in the workers file"))
            }
            if !children.isEmpty && !children.contains(a.child) {
                issues.append(
                    ValidationIssue(
                        rule: "OV-ORG-CHILD", severity: .error, file: path, table: LocalFormat.allocations.table, row: Int(a.origin.row),
                        child: a.child.rawValue, fields: ["child_id"], message: "child_id \(a.child.rawValue) is in no CIN census or SSDA903 return loaded"))
            }
        }
        return issues
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
        let table = format.table
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
                let child = ChildID(normalising: v(format.childColumn))?.rawValue
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

import Foundation
import OversightCore
import OversightFormats

/// Generates a synthetic local authority's history and writes it in the statutory formats:
/// `903/YYYY/*.csv`, `cin/YYYY/cin_census.xml`, optionally `903-xml/YYYY/ssda903.xml` (last year),
/// `local/missing-episodes.csv`, `local/supervision.csv`, `local/workers.csv`, `local/allocations.csv`,
/// `local/visits.csv`, the services around social care (`local/early-help.csv`,
/// `local/care-proceedings.csv`, `local/special-guardianship.csv`, `local/pathways.csv`,
/// `local/fostering-households.csv`, `local/training.csv`, `workforce/YYYY/csww.xml` for each census
/// of 30 September in the written years, and the Annex A workbook of the last year,
/// `annex-a/annex_a_YYYY.xlsx`, up to 20 times Trafford's size), `manifest.json` and, with an error
/// rate above 0, `errors-manifest.json`.
///
/// Children are simulated and written one at a time, so memory stays small whatever the scale.
public struct SynthGenerator: Sendable {
    public let options: SynthOptions
    public let world: SynthWorld

    public init(options: SynthOptions) {
        self.options = options
        world = SynthWorld(options: options)
    }

    /// The SSDA903 tables written each year (DoLo is collected only from 2026-27).
    public static let tables: [SSDA903Table] = [.header, .episodes, .reviews, .uasc, .oc2, .oc3, .ad1, .placedAdoption, .prevPerm, .missing, .swEpisodes]

    /// Calls `body` with each simulated child who appears in at least one written year, in order.
    public func forEachChild(_ body: (SynthChild) throws -> Void) rethrows {
        for i in 0..<world.arrivals {
            if let child = child(i) { try body(child) }
        }
    }

    /// Child `index` when they appear in a written year, with their UPN (drawn only for them).
    func child(_ index: Int) -> SynthChild? {
        guard var child = ChildLifeSimulator.simulate(index: index, world: world), appears(child) else { return nil }
        child.upn = SynthCodes.upn(la: options.localAuthority, serial: index, spread: options.scale == .national)
        return child
    }

    /// Whether any record of the child falls in the written years.
    func appears(_ child: SynthChild) -> Bool {
        let s = options.outputStart, e = options.outputEnd
        if child.cinEpisodes.contains(where: { $0.referral <= e && ($0.closure.map { $0 >= s } ?? true) }) { return true }
        if child.careEpisodes.contains(where: { $0.start <= e && ($0.end.map { $0 >= s } ?? true) }) { return true }
        return child.careLeaverRows.contains { r in
            let b = child.birthday(r.birthdayAge); return b >= s && b <= e
        }
    }

    /// Writes everything under `directory` and returns the manifest.
    @discardableResult
    public func run(to directory: URL) throws -> SynthManifest {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        var csv: [Int: [SSDA903Table: SSDA903CSVWriter]] = [:]
        var cin: [Int: CINXMLWriter] = [:]
        for y in options.years {
            var w: [SSDA903Table: SSDA903CSVWriter] = [:]
            for t in SynthGenerator.tables {
                w[t] = try SSDA903CSVWriter(url: directory.appendingPathComponent(path903(y, t)), table: t)
            }
            csv[y] = w
            cin[y] = try CINXMLWriter(
                url: directory.appendingPathComponent(pathCIN(y)),
                header: CINXMLHeader(collectionYear: y, lea: SynthCodes.pad(options.localAuthority, 3)))
        }
        let xml = options.writesXML ? try SSDA903XMLWriter(url: directory.appendingPathComponent(pathXML(options.lastYear))) : nil
        let missingCSV = try LocalCSVWriter(
            url: directory.appendingPathComponent("local/missing-episodes.csv"),
            header: LocalCSVWriter.missingEpisodesHeader)
        let supervision = try LocalCSVWriter(
            url: directory.appendingPathComponent("local/supervision.csv"),
            header: LocalCSVWriter.supervisionHeader)
        writeSupervision(supervision)
        let organisation = SynthOrganisation(workforce: world.workforce, seed: options.seed)
        let workersCSV = try LocalCSVWriter(url: directory.appendingPathComponent("local/workers.csv"), header: LocalCSVWriter.workersHeader)
        for row in organisation.workerRows(to: options.outputEnd) { workersCSV.write(row) }
        let allocationsCSV = try LocalCSVWriter(
            url: directory.appendingPathComponent("local/allocations.csv"), header: LocalCSVWriter.allocationsHeader)
        let visitsCSV = try LocalCSVWriter(url: directory.appendingPathComponent("local/visits.csv"), header: LocalCSVWriter.visitsHeader)
        let services = SynthServices(options: options)
        func localCSV(_ name: String, _ format: LocalFormat) throws -> LocalCSVWriter {
            try LocalCSVWriter(url: directory.appendingPathComponent("local/\(name).csv"), header: format.columns)
        }
        let earlyHelpCSV = try localCSV("early-help", .earlyHelp), proceedingsCSV = try localCSV("care-proceedings", .careProceedings)
        let sgoCSV = try localCSV("special-guardianship", .specialGuardianship), pathwaysCSV = try localCSV("pathways", .pathways)
        let fosteringCSV = try localCSV("fostering-households", .fostering), trainingCSV = try localCSV("training", .training)
        var annexA = options.scale.referralFactor <= 20 ? SynthAnnexA(year: options.lastYear) : nil
        for row in services.earlyHelpOnly() {
            earlyHelpCSV.write(row)
            annexA?.addEarlyHelp(row)
        }
        for c in services.contactsOnly() { annexA?.addContact(child: c.child, day: c.day, source: c.source) }
        for row in services.fosteringRows() { fosteringCSV.write(row) }
        for row in services.earlierSpecialGuardianships() { sgoCSV.write(row) }
        for row in services.trainingRows(world.workforce.workers) { trainingCSV.write(row) }
        var censusFiles: [String: Int] = [:]
        for y in options.years {
            let path = "workforce/\(y - 1)/csww.xml"
            let url = directory.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let xml = services.workforceCensus(year: y - 1, workers: world.workforce.workers, organisation: organisation)
            try Data(xml.utf8).write(to: url, options: .atomic)
            censusFiles[path] = xml.components(separatedBy: "<CSWWWorker>").count - 1
        }

        var errors: [InjectedError] = []
        var children = 0
        for i in 0..<world.arrivals {
            guard let child = child(i) else { continue }
            children += 1
            var errRNG = SynthRandom(seed: options.seed ^ 0xE44_0E44, stream: UInt64(i))
            var errorYear: Int?
            var errorInCIN = false
            if options.errorRate > 0 && errRNG.chance(options.errorRate) {
                errorYear = errRNG.int(options.firstYear...options.lastYear)
                errorInCIN = errRNG.chance(0.4)
            }
            for y in options.years {
                let view = SynthYearView(child: child, year: y, localAuthority: options.localAuthority)
                var rows = view.ssda903Rows()
                var planned: SynthErrorInjector.Planned?
                if errorYear == y && !errorInCIN && !rows.isEmpty {
                    planned = SynthErrorInjector.inject903(&rows, rng: &errRNG)
                }
                if !rows.isEmpty {
                    for t in SynthGenerator.tables {
                        guard let list = rows[t], let writer = csv[y]?[t] else { continue }
                        for (k, r) in list.enumerated() {
                            let n = writer.write(r)
                            if let p = planned, p.table == t, p.index == k {
                                errors.append(
                                    .init(
                                        file: path903(y, t), table: t.rawValue, row: n, child: child.id, field: p.field,
                                        rule: p.rule, description: p.description))
                            }
                        }
                    }
                    if let xml, y == options.lastYear { xml.write(child: rows) }
                }
                if var c = view.cinChild() {
                    var plannedCIN: SynthErrorInjector.Planned?
                    if errorYear == y && (errorInCIN || rows.isEmpty) {
                        plannedCIN = SynthErrorInjector.injectCIN(&c, year: y, rng: &errRNG)
                    }
                    let n = cin[y]!.write(c)
                    if let p = plannedCIN {
                        errors.append(
                            .init(
                                file: pathCIN(y), table: "Child", row: n, child: child.id, field: p.field, rule: p.rule,
                                description: p.description))
                    }
                }
            }
            writeLocal(child, missing: missingCSV, supervision: supervision)
            let around = services.rows(child)
            for row in around.earlyHelp { earlyHelpCSV.write(row) }
            for row in around.proceedings { proceedingsCSV.write(row) }
            for row in around.sgo { sgoCSV.write(row) }
            for row in around.pathways { pathwaysCSV.write(row) }
            if annexA != nil {
                let year = annexA!.period
                let missing = child.missing.filter { $0.whileLookedAfter && year.contains($0.start) }
                annexA!.add(
                    child, contacts: around.contacts, earlyHelp: around.earlyHelp, missingInYear: missing.count,
                    lastRHI: missing.last.map { ($0.rhiOffered != nil, $0.rhiAccepted == true) })
            }
            writeVisits(child, to: visitsCSV)
            for row in organisation.allocationRows(child, from: options.outputStart, to: options.outputEnd) { allocationsCSV.write(row) }
        }

        var counts: [String: Int] = [:]
        for y in options.years {
            for t in SynthGenerator.tables {
                let w = csv[y]![t]!
                counts[path903(y, t)] = w.rowCount
                try w.close()
            }
            counts[pathCIN(y)] = cin[y]!.childCount
            try cin[y]!.close()
        }
        if let xml {
            counts[pathXML(options.lastYear)] = xml.childCount
            try xml.close()
        }
        counts["local/missing-episodes.csv"] = missingCSV.rowCount
        counts["local/supervision.csv"] = supervision.rowCount
        counts["local/workers.csv"] = workersCSV.rowCount
        counts["local/allocations.csv"] = allocationsCSV.rowCount
        counts["local/visits.csv"] = visitsCSV.rowCount
        for (name, w) in [
            ("early-help", earlyHelpCSV), ("care-proceedings", proceedingsCSV), ("special-guardianship", sgoCSV), ("pathways", pathwaysCSV),
            ("fostering-households", fosteringCSV), ("training", trainingCSV),
        ] {
            counts["local/\(name).csv"] = w.rowCount
            try w.close()
        }
        for (path, n) in censusFiles { counts[path] = n }
        if let annexA {
            let path = "annex-a/annex_a_\(options.lastYear).xlsx"
            try annexA.write(to: directory.appendingPathComponent(path))
            counts[path] = annexA.rows.values.reduce(0) { $0 + $1.count }
        }
        try missingCSV.close()
        try supervision.close()
        try workersCSV.close()
        try allocationsCSV.close()
        try visitsCSV.close()

        let manifest = SynthManifest(
            la: options.localAuthority, seed: options.seed, years: Array(options.years), scale: options.scale.label,
            errorRate: options.errorRate, children: children, counts: counts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: directory.appendingPathComponent("manifest.json"))
        let errorsURL = directory.appendingPathComponent("errors-manifest.json")
        if options.errorRate > 0 {
            try encoder.encode(errors).write(to: errorsURL)
        } else if fm.fileExists(atPath: errorsURL.path) {
            try fm.removeItem(at: errorsURL)
        }
        return manifest
    }

    func path903(_ y: Int, _ t: SSDA903Table) -> String { "903/\(y)/" + SSDA903CSVWriter.fileName(for: t) }
    func pathCIN(_ y: Int) -> String { "cin/\(y)/cin_census.xml" }
    func pathXML(_ y: Int) -> String { "903-xml/\(y)/ssda903.xml" }

    /// Missing episodes (looked after or not) overlapping the written years, and case
    /// supervision sessions about the child.
    func writeLocal(_ child: SynthChild, missing: LocalCSVWriter, supervision: LocalCSVWriter) {
        let s = options.outputStart, e = options.outputEnd
        for m in child.missing where m.start <= e && m.returned >= s {
            let returned = m.returned <= e ? stamp(m.returned, m.returnedMinute) : ""
            func known(_ x: (day: Day, minute: Int)?) -> String {
                guard let x, x.day <= e, !returned.isEmpty else { return "" }
                return stamp(x.day, x.minute)
            }
            let offered = known(m.rhiOffered)
            let accepted = offered.isEmpty ? "" : (m.rhiAccepted == true ? "Y" : "N")
            missing.write([
                child.id, m.isMissing ? "M" : "A", stamp(m.start, m.startMinute), returned, offered, accepted,
                accepted == "Y" ? known(m.rhiCompleted) : "",
            ])
        }
        var rng = SynthRandom(seed: options.seed ^ 0x5AE5, stream: UInt64(child.index))
        for sw in child.socialWorkers {
            var d = max(sw.start, s).adding(days: rng.int(20...70))
            let until = min(sw.end ?? e, e)
            while d < until {
                supervision.write([sw.workerID, d.iso, "case", rng.chance(0.6) ? "Y" : "N", child.id])
                d = d.adding(days: rng.int(45...100))
            }
        }
    }

    /// Visits to a child on a child protection plan (every 7 to 14 days) and to a looked-after
    /// child (every 3 to 6 weeks), within the output years; about one gap in twelve runs late,
    /// so some visits are overdue on any day. The worker is the child's looked-after social worker
    /// on the day, when there is one.
    func writeVisits(_ child: SynthChild, to out: LocalCSVWriter) {
        let s = options.outputStart, e = options.outputEnd
        var rng = SynthRandom(seed: options.seed ^ 0x7151, stream: UInt64(child.index))
        func visit(from start: Day, to end: Day?, usual: ClosedRange<Int>, late: ClosedRange<Int>) {
            let until = min(end ?? e, e)
            var d = start.adding(days: rng.int(1...7))
            while d < until {
                if d >= s {
                    let worker = child.socialWorkers.first { $0.start <= d && ($0.end.map { $0 > d } ?? true) }?.workerID ?? ""
                    out.write([child.id, d.iso, worker])
                }
                d = d.adding(days: rng.chance(1.0 / 12) ? rng.int(late) : rng.int(usual))
            }
        }
        for c in child.cinEpisodes {
            for p in c.protectionPlans { visit(from: p.start, to: p.end, usual: 7...14, late: 16...30) }
        }
        for c in child.careEpisodes where !c.isShortBreak { visit(from: c.start, to: c.end, usual: 21...42, late: 45...75) }
    }

    /// Formal sessions about every 28 days (some late) and monthly group sessions, per worker.
    func writeSupervision(_ out: LocalCSVWriter) {
        let s = options.outputStart, e = options.outputEnd
        var rng = SynthRandom(seed: options.seed, stream: 0x5_0005)
        for w in world.workforce.workers where w.start <= e && w.end > s {
            var d = max(w.start, s).adding(days: rng.int(0...27))
            let until = min(w.end, e.adding(days: 1))
            var group = max(w.start, s).adding(days: rng.int(0...40))
            while d < until {
                out.write([w.id, d.iso, "formal", rng.chance(0.78) ? "Y" : "N", ""])
                d = d.adding(days: rng.chance(w.punctuality) ? rng.int(21...28) : rng.int(29...49))
                while group < d && group < until {
                    out.write([w.id, group.iso, "group", rng.chance(0.5) ? "Y" : "N", ""])
                    group = group.adding(days: rng.int(50...75))
                }
            }
        }
    }

    func stamp(_ d: Day, _ minute: Int) -> String {
        d.iso + " " + SynthCodes.pad(minute / 60, 2) + ":" + SynthCodes.pad(minute % 60, 2)
    }
}

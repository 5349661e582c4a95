import ArgumentParser
import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Compute the plan's measures for a period, from data files or from the store.",
        discussion: """
            Examples:
              oversight measures --from data/ --period 2024-04-01..2025-03-31
              oversight measures --from data/ --period 2025 --population 53210 --format json
              oversight measures --from data/ --period 2025 --drill rereferrals_12m_pct
              oversight measures --from data/ --period 2023-04-01..2025-03-31 --series monthly --measure cla_at_end
              oversight measures --period 2025 --la 358    (reads the store: see `oversight import`)
            Periods: START..END (ISO dates), a reporting year (2025 = 2024-25), a month (2024-06) or a quarter (2024Q3).
            Exit status: 0 computed, 2 bad arguments or unusable input.
            """
    )

    @Option(help: "Folder (or file) of SSDA903, CIN census and local files to read. Without it: the store.") var from: String?
    @Option(help: "The period: START..END, 2025, 2024-06 or 2024Q3.") var period: String
    @Option(help: "Children aged 0-17, for rates per 10,000.") var population: Int?
    @Option(help: "Local authority code (e.g. 358): the authority to read from the store, and to look up the population in --reference.") var la: String?
    @Option(help: "Folder of DfE published statistics to find the population in, instead of the copy Oversight carries.") var reference: String?
    @Option(name: .customLong("measure"), help: "A measure id; repeat for several. Default: all.") var measures: [String] = []
    @Option(help: "table, json or csv.") var format: String = "table"
    @Option(help: "Print the records behind one measure's numerator and denominator.") var drill: String?
    @Option(help: "monthly: one row per month-end in the period, each over the 12 months to it.") var series: String?
    @Option(help: "Supervision practice standard in days. Default: with --from 28; from the store, the standard set in Oversight (else 28).")
    var supervisionInterval: Int?
    @Flag(help: "Print how long reading, indexing and computing took (to standard error).") var timing = false
    @Flag(help: "With --from: do not validate the files, so results are not flagged for rows with errors (faster).") var skipValidation = false
    @Option(help: "Only the children this team held on each record's day (from the store; see `oversight teams list`).") var team: String?
    @Option(help: "Only the children this service's teams held on each record's day (from the store).") var service: String?

    func run() throws {
        guard let p = Period.parse(period) else {
            throw CLIError.usage(
                "the period '\(period)' is not understood: write START..END with ISO dates (2024-04-01..2025-03-31), a reporting year (2025), a month (2024-06) or a quarter (2024Q3)"
            )
        }
        guard ["table", "json", "csv"].contains(format) else { throw CLIError.usage("--format must be table, json or csv") }
        let known = Set(MeasureEngine.measureIDs + MeasureCatalogue.qualityAssurance.map(\.id) + MeasureCatalogue.feedback.map(\.id) + HandEnteredMeasures.all.map(\.id))
        for id in measures + [drill].compactMap({ $0 }) where !known.contains(id) {
            let near = known.filter { $0.hasPrefix(String(id.prefix(4))) }.sorted().prefix(5)
            throw CLIError.usage(
                "unknown measure id '\(id)'" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                    + " (`oversight measures --help` lists them in docs/measures.md)")
        }
        if let s = series, s != "monthly" { throw CLIError.usage("--series takes 'monthly'") }
        var pop = population
        if pop == nil, let la {
            pop = try PopulationLookup.population(la: la, reportingYearEnd: p.end, statistics: try ReferenceFolder.load(reference))
        }

        let clock = ContinuousClock()
        let t0 = clock.now
        let caseData: CaseData
        let interval: Int
        let t1: ContinuousClock.Instant
        if let from {
            // The measures asked for (all of them when none are named).
            let wanted = measures + [drill].compactMap { $0 }
            // Validated as `oversight import` validates, so results are flagged as the store flags
            // them. The rules compare tables and files, so validation reads every file; without it
            // only the files the requested measures need are read.
            let sources = skipValidation && !wanted.isEmpty ? MeasureEngine.sourcesNeeded(for: wanted) : nil
            let (data, files, unusable) = Self.read(from, validate: !skipValidation, sources: sources)
            t1 = clock.now
            if files == 0 && !unusable.isEmpty {
                throw CLIError.unusable(unusable.map(\.description).joined(separator: "\n"))
            }
            for u in unusable { FileHandle.standardError.write(Data("warning: \(u.description)\n".utf8)) }
            if files == 0 { FileHandle.standardError.write(Data("warning: no data files found under \(from)\n".utf8)) }
            caseData = data
            interval = supervisionInterval ?? MeasureParameters().supervisionIntervalDays
        } else {
            // The application layer's numbers of the authority: the same as the web's and the API's.
            let (requested, override, reference, ids) = (la, supervisionInterval, reference, measures.isEmpty ? nil : measures)
            if team != nil && service != nil { throw CLIError.usage("give --team or --service, not both") }
            if let part = team.map(AuthorityNumbers.Part.team) ?? service.map(AuthorityNumbers.Part.service) {
                guard drill == nil && series == nil else { throw CLIError.usage("--team and --service take neither --drill nor --series") }
                // The authority's measures, each kept to the children the team or service held (rates have no population by team).
                let results = try StoreSession.run { store in
                    let authority = try await StoreSession.authority(requested, in: store)
                    let numbers = AuthorityNumbers(store: store, statistics: nil, defaultPlan: try PlanLoader.defaultPlan())
                    var snapshot = try await numbers.snapshot(authority: authority)
                    if let override { snapshot.supervisionIntervalDays = override }
                    // A team (or service) with a worker in it on any day of the period.
                    let known = numbers.organisation(snapshot).names(during: p)
                    if case .team(let t) = part, !known.teams.contains(t) {
                        throw CLIError.usage("no team '\(t)' had a worker in the period (`oversight teams list --on DAY` lists a day's teams)")
                    }
                    if case .service(let sv) = part, !known.services.contains(sv) {
                        throw CLIError.usage("no service '\(sv)' had a worker in the period (`oversight teams list --on DAY` lists a day's teams)")
                    }
                    return numbers.allMeasures(period: p, snapshot: snapshot, part: part, ids: ids).map { r in
                        var r = r
                        r.numeratorRecords = []; r.denominatorRecords = []
                        return r
                    }
                }
                print(render(p, results), terminator: "")
                return
            }
            if drill == nil && series == nil {
                let popValue = pop
                let (results, cached) = try StoreSession.run { store in
                    let authority = try await StoreSession.authority(requested, in: store)
                    // Measures read only the population (rates per 10,000) of the published
                    // statistics: the carried copy and the years imported are read only when the
                    // answer is not in the store's cache; a folder given is read at once.
                    let figures = try await ReferenceFolder.populationFigures(folder: reference, store: store)
                    let numbers = AuthorityNumbers(store: store, statistics: nil, loadingDefaultPlan: { try PlanLoader.defaultPlan() })
                    return try await numbers.storedMeasures(
                        authority: authority, period: p, ids: ids, population: popValue,
                        supervisionIntervalDays: override, figures: figures)
                }
                if timing {
                    FileHandle.standardError.write(Data("timing: store \(cached ? "cache hit" : "computed and cached") in \(clock.now - t0)\n".utf8))
                }
                print(render(p, results), terminator: "")
                return
            }
            let (numbers, snapshot) = try StoreSession.run { store -> (AuthorityNumbers, AuthoritySnapshot) in
                let authority = try await StoreSession.authority(requested, in: store)
                let statistics = try await ReferenceFolder.inUse(folder: reference, store: store)
                let numbers = AuthorityNumbers(store: store, statistics: statistics, defaultPlan: try PlanLoader.defaultPlan())
                var snapshot = try await numbers.snapshot(authority: authority)
                if let override { snapshot.supervisionIntervalDays = override }
                return (numbers, snapshot)
            }
            caseData = snapshot.data
            interval = snapshot.supervisionIntervalDays
            if pop == nil { pop = numbers.population(authority: snapshot.authority, period: p) }
            t1 = clock.now
        }

        MemoryRelease.now()
        let engine = MeasureEngine(data: caseData)
        let t2 = clock.now
        // Once the output is written the process ends without freeing the merged history and
        // the indexes record by record (the system takes the memory back at once): at national
        // scale that teardown took about half a second.
        func finish(_ output: String) -> Never {
            if timing {
                let t3 = clock.now
                func ms(_ d: Duration) -> String { String(format: "%.1f ms", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) }
                FileHandle.standardError.write(Data("timing: \(from == nil ? "read store" : "read files") \(ms(t1 - t0)), index \(ms(t2 - t1)), compute \(ms(t3 - t2))\n".utf8))
            }
            print(output, terminator: "")
            fflush(nil)
            Foundation.exit(0)
        }
        let ids = measures.isEmpty ? nil : measures
        // Every answer below is the application layer's, over this snapshot: the same computation
        // as from the store and the API.
        let snapshot = AuthoritySnapshot(
            authority: la ?? "", version: "files", engine: engine, rowsWithErrors: caseData.rowsWithErrors,
            plan: try PlanLoader.defaultPlan(), reportDate: Day(Date()), supervisionIntervalDays: interval)
        let numbers = AuthorityNumbers(store: nil, statistics: nil, defaultPlan: snapshot.plan)

        if let drill {
            guard let r = numbers.measure(drill, period: p, snapshot: snapshot, includeRecords: true, population: pop) else {
                throw CLIError.usage("\(drill) is a rate: give --population or --la")
            }
            for w in r.warnings {
                FileHandle.standardError.write(Data("warning: \(w)\n".utf8))
            }
            finish(renderDrill(r, rowsWithErrors: caseData.rowsWithErrors))
        }
        if series != nil {
            let ends = MeasureEngine.monthEnds(in: p)
            let points = Array(zip(ends.map { Period.rolling12Months(endingOn: $0) }, numbers.seriesAll(endingOn: ends, snapshot: snapshot, ids: ids, population: pop)))
            finish(renderSeries(p, points))
        }
        finish(render(p, numbers.allMeasures(period: p, snapshot: snapshot, ids: ids, population: pop)))
    }

    /// Reads the files under `path` (and validates them, flagging the records of rows with
    /// errors); the raw tables validation needed are dropped on return, before measures are computed.
    static func read(_ path: String, validate: Bool, sources: Set<String>?) -> (CaseData, files: Int, unusable: [UnusableFileError]) {
        let loaded = FileLoader.load(paths: [path], keepRaw: validate, sources: sources, flagRowsWithErrors: validate)
        return (loaded.caseData, loaded.files.count, loaded.unusable)
    }

    func render(_ p: Period, _ results: [MeasureResult]) -> String {
        switch format {
        case "json": return MeasureOutput.json(period: p, results: results)
        case "csv":
            return MeasureOutput.csv(
                results.map {
                    [
                        $0.id, $0.unit.rawValue, MeasureOutput.number($0.numerator), MeasureOutput.number($0.denominator),
                        MeasureOutput.number($0.value), $0.warnings.joined(separator: "; "),
                    ]
                },
                header: ["id", "unit", "numerator", "denominator", "value", "warnings"])
        default:
            return "Period \(p.start.uk) to \(p.end.uk)\n"
                + MeasureOutput.table(
                    results.map {
                        [$0.id, MeasureOutput.display($0), MeasureOutput.number($0.numerator), MeasureOutput.number($0.denominator), $0.warnings.joined(separator: "; ")]
                    }, header: ["measure", "value", "numerator", "denominator", "warnings"])
        }
    }

    func renderSeries(_ p: Period, _ points: [(Period, [MeasureResult])]) -> String {
        switch format {
        case "json":
            return JSONValue.object([
                ("period", MeasureOutput.json(p)), ("series", .string("monthly")),
                ("points", .array(points.map { pp, rs in .object([("period", MeasureOutput.json(pp)), ("measures", .array(rs.map(MeasureOutput.json)))]) })),
            ]).text() + "\n"
        case "csv":
            return MeasureOutput.csv(
                points.flatMap { pp, rs in
                    rs.map {
                        [
                            pp.end.iso, $0.id, $0.unit.rawValue, MeasureOutput.number($0.numerator),
                            MeasureOutput.number($0.denominator), MeasureOutput.number($0.value),
                        ]
                    }
                },
                header: ["month_end", "id", "unit", "numerator", "denominator", "value"])
        default:
            return MeasureOutput.table(
                points.flatMap { pp, rs in
                    rs.map {
                        [
                            pp.end.iso, $0.id, MeasureOutput.display($0), MeasureOutput.number($0.numerator),
                            MeasureOutput.number($0.denominator),
                        ]
                    }
                },
                header: ["month end", "measure", "value", "numerator", "denominator"])
        }
    }

    /// The drill-down records; a record read from a row with errors is marked in `row_errors`.
    func renderDrill(_ r: MeasureResult, rowsWithErrors: Set<RecordOrigin>) -> String {
        let flagged: (DrillRecord) -> Bool = { d in d.origin.map { rowsWithErrors.contains($0) } ?? false }
        switch format {
        case "json":
            return JSONValue.object([
                ("id", .string(r.id)), ("period", MeasureOutput.json(r.period)), ("unit", .string(r.unit.rawValue)),
                ("numerator", .array(r.numeratorRecords.map(MeasureOutput.json))),
                ("denominator", .array(r.denominatorRecords.map(MeasureOutput.json))),
            ]).text() + "\n"
        default:
            let rows = r.numeratorRecords.map { ("numerator", $0) } + r.denominatorRecords.map { ("denominator", $0) }
            let cells = rows.map { [$0.0, $0.1.child, $0.1.kind, $0.1.key, $0.1.start?.iso ?? "", $0.1.end?.iso ?? "", flagged($0.1) ? "yes" : ""] }
            let header = ["in", "child", "record", "key", "start", "end", "row_errors"]
            return format == "csv" ? MeasureOutput.csv(cells, header: header) : MeasureOutput.table(cells, header: header)
        }
    }
}

/// Errors the CLI reports with exit status 2.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case unusable(String)
    var description: String {
        switch self {
        case .usage(let s): "error: \(s)"
        case .unusable(let s): "error: no usable input:\n\(s)"
        }
    }
}

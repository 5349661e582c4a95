import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import OversightWeb

/// `oversight report board|daily|weekly|monthly|clinic`: gathers a report's input from data files
/// (`--from`) or the store, and writes it as HTML, PDF (headless Chromium), CSV or XLSX.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report: the board pack, the daily list, the weekly report, the monthly pack or a performance clinic.",
        discussion: """
        Examples:
          oversight report board --period 2025Q1 --from data/ --out board.pdf
          oversight report daily --period 2025-06-10 --out daily.html          (reads the store)
          oversight report clinic --period 2025-06 --team SW042 --from data/ --out clinic.xlsx
        The output's extension chooses the format: .html, .pdf (needs the Debian package chromium),
        .csv or .xlsx (the report's main table). --suppress shows counts of 1 to 4 as "c" for
        versions shared beyond the authority. The daily list is as at the end of the period's last day.
        """
    )

    /// The reports.
    enum Kind: String, ExpressibleByArgument, CaseIterable { case board, daily, weekly, monthly, clinic }

    @Argument(help: "board, daily, weekly, monthly or clinic.") var kind: Kind
    @Option(help: "The period: START..END, 2025, 2024-06, 2024Q3, or a day (2025-06-10) for the daily list.") var period: String
    @Option(help: "The worker (SW_ID) whose caseload a performance clinic covers.") var team: String?
    @Option(help: "Folder of data files. Without it: the store (with its actions, commentary and hand-entered values).") var from: String?
    @Option(help: "Plan file (YAML). Default: the store's current plan, else the shipped plan.") var plan: String?
    @Option(help: "Local authority code: the authority in the store, and for comparators and the population.") var la: String?
    @Option(help: "Folder of DfE published statistics to use instead of the copy Oversight carries.") var reference: String?
    @Option(help: "Children aged 0-17, for rates.") var population: Int?
    @Option(name: .customLong("authority-name"), help: "The authority's name on the cover.") var authorityName: String?
    @Flag(help: "Show counts of 1 to 4 as \"c\" (for versions shared beyond the authority).") var suppress = false
    @Option(help: "The file to write: .html, .pdf, .csv or .xlsx.") var out: String
    @Flag(help: "Print how long each step took to standard error (for benchmarks).") var timings = false

    func run() throws {
        let outURL = URL(fileURLWithPath: out)
        let format = outURL.pathExtension.lowercased()
        guard ["html", "pdf", "csv", "xlsx"].contains(format) else { throw CLIError.usage("--out must end .html, .pdf, .csv or .xlsx (it is \(out))") }
        let day = kind == .daily ? Day.parseISO(period) : nil
        guard let p = day.flatMap({ Period(start: $0, end: $0) }) ?? Period.parse(period) else {
            throw CLIError.usage("the period '\(period)' is not understood (START..END, 2025, 2024-06 or 2024Q3)")
        }
        if kind == .clinic && team == nil { throw CLIError.usage("a performance clinic needs --team WORKER (a social worker id)") }
        let clock = ContinuousClock()
        var mark = clock.now
        func step(_ name: String) {
            guard timings else { return }
            let now = clock.now
            let d = (mark.duration(to: now))
            FileHandle.standardError.write(Data("\(name): \(String(format: "%.2f", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)) s\n".utf8))
            mark = now
        }
        let gathered = try gather(period: p)
        step("read and validate")
        let input = try build(gathered, period: p)
        step("measures and KPIs")
        try write(input, format: format, to: outURL)
        step("render and write \(format)")
    }

    /// What the data sources give, before the report's own computation.
    struct Gathered {
        var data: CaseData
        var plan: Plan
        var actions: [PlanAction] = []
        var commentary: [Int: AmbitionCommentary] = [:]
        var hand = HandEnteredValues()
        var targets = TargetHistory()
        var dataQuality: DataQualitySummary?
        var audit: AuditSummary?
    }

    func loadPlan(_ stored: Plan?) throws -> Plan {
        do {
            if let plan { return try PlanLoader.load(url: URL(fileURLWithPath: plan)) }
            return try stored ?? PlanLoader.defaultPlan()
        } catch let e as PlanFileError {
            throw CLIError.usage(e.description)
        }
    }

    func gather(period: Period) throws -> Gathered {
        if let from {
            guard FileManager.default.fileExists(atPath: from) else { throw CLIError.usage("no such file or folder: \(from)") }
            let loaded = FileLoader.load(paths: [from], keepRaw: true)
            for u in loaded.unusable { FileHandle.standardError.write(Data("warning: \(u.description)\n".utf8)) }
            let issues = loaded.issues + ValidationRunner.validate(loaded)
            let quality = ReportInputs.quality(sources: loaded.files.map { "\(($0.path as NSString).lastPathComponent) (\($0.format) \($0.table), \($0.rows) rows)" },
                                       issues: issues)
            return Gathered(data: loaded.caseData, plan: try loadPlan(nil), dataQuality: quality)
        }
        let requested = la
        let stored = try StoreSession.run { store -> (CaseData, Plan?, [PlanAction], [Int: AmbitionCommentary], HandEnteredValues, TargetHistory, DataQualitySummary, AuditSummary?) in
            let authority = try await StoreSession.authority(requested, in: store)
            let data = try await store.cases.caseData(authority: authority)
            let plans = store.plans(authority: authority)
            let current = try await plans.current()?.plan
            let actions = try await store.actions(authority: authority).all()
            let commentary = try await plans.commentary(period: period)
            let hand = try await store.handEntries(authority: authority).values()
            let targets = try await plans.targetHistory()
            let audits = ReportInputs.audits(try await store.audits().allAudits(authority: authority), period: period, reportDate: Day(Date()))
            return (data, current, actions, commentary, hand, targets, try await ReportInputs.quality(store: store, authority: authority), audits)
        }
        return Gathered(data: stored.0, plan: try loadPlan(stored.1), actions: stored.2, commentary: stored.3, hand: stored.4,
                        targets: stored.5, dataQuality: stored.6, audit: stored.7)
    }

    func build(_ g: Gathered, period p: Period) throws -> ReportInput {
        var statistics: PublishedStatistics?
        if la != nil || reference != nil {
            guard la != nil else { throw CLIError.usage("--reference needs --la CODE") }
            statistics = try ReferenceFolder.load(reference)
        }
        var pop = population
        if pop == nil, let la, let statistics { pop = try? PopulationLookup.population(la: la, reportingYearEnd: p.end, statistics: statistics) }
        var data = g.data
        if kind == .clinic, let team {
            data = Caseload.restrict(data, to: Caseload.children(of: team, in: data, period: p), worker: team)
        }
        let engine = MeasureEngine(data: data)
        let params = MeasureParameters(population: pop, includeRecords: kind == .clinic)
        let lookup = g.hand.lookup { id, per in engine.compute(id, period: per, parameters: params) }
        let comparatorLookup = statistics.map { Comparators.lookup(statistics: $0, la: la!) }
        let plan = g.targets.plan(g.plan, for: p)
        let name = authorityName ?? la.flatMap { code in comparatorLookup?("cla_rate_per_10k", p)?.laName ?? "Local authority \(code)" } ?? "Local authority"
        var input = ReportInput(authority: name, plan: plan, period: p, generatedOn: kind == .daily ? p.end : Day.today,
                                actions: g.actions, commentary: g.commentary, audit: g.audit, dataQuality: g.dataQuality,
                                team: team, suppression: suppress ? .on : .off)
        let months: [Period] = (0..<12).reversed().map { back in
            let s = p.end.startOfMonth.adding(months: -back)
            return Period(start: s, end: s.endOfMonth)!
        }
        switch kind {
        case .board:
            input.evaluations = KPIEvaluator().evaluate(plan: plan, period: p, measure: lookup, comparators: comparatorLookup)
            for id in Set(plan.allKPIs.map(\.kpi.measure)) { input.series[id] = months.compactMap { lookup(id, $0) } }
        case .daily:
            input.frontLine = FrontLineList(data: data, asAt: DayTime(day: p.end, hour: 23, minute: 59))
            input.results = []
            if data.hasLocalMissing || data.hasSupervision { input.results = engine.computeAll(period: p, ids: nil, parameters: params) }
        case .weekly:
            input.results = engine.computeAll(period: p, ids: WeeklyReport.measures, parameters: params)
            input.previousResults = engine.computeAll(period: p.previous, ids: WeeklyReport.measures, parameters: params)
        case .monthly:
            input.results = engine.computeAll(period: p, ids: nil, parameters: params) + g.hand.results(period: p)
            var byID: [String: [MeasureResult]] = [:]
            for m in months {
                for r in engine.computeAll(period: m, ids: nil, parameters: params) + g.hand.results(period: m) { byID[r.id, default: []].append(r) }
            }
            input.series = byID
            if let comparatorLookup {
                for r in input.results { if let c = comparatorLookup(r.id, p) { input.comparators[r.id] = c } }
            }
        case .clinic:
            input.results = engine.computeAll(period: p, ids: nil, parameters: params)
        }
        return input
    }

    func write(_ input: ReportInput, format: String, to url: URL) throws {
        switch format {
        case "html", "pdf":
            let html: HTML
            switch kind {
            case .board: html = BoardPack.render(input)
            case .daily: html = DailyListReport.render(input)
            case .weekly: html = WeeklyReport.render(input)
            case .monthly: html = MonthlyPack.render(input)
            case .clinic: html = PerformanceClinic.render(input)
            }
            if format == "html" {
                try Data(html.markup.utf8).write(to: url, options: .atomic)
                return
            }
            let printer: PDFPrinter
            do { printer = try PDFPrinter() } catch let e as PDFPrinter.Failure { throw CLIError.usage(e.description) }
            let temp = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-report-\(UUID().uuidString).html")
            try Data(html.markup.utf8).write(to: temp)
            defer { try? FileManager.default.removeItem(at: temp) }
            do { try printer.print(html: temp, to: url) } catch let e as PDFPrinter.Failure { throw CLIError.usage(e.description) }
        default:
            do { try ReportTables.table(kind.rawValue, input).write(to: url) } catch let e as ExportError { throw CLIError.usage(e.description) }
        }
    }
}

extension Day {
    /// Today, by the machine's calendar.
    static var today: Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

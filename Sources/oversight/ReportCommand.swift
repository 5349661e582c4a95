import ArgumentParser
import Foundation
import OversightApp
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
              oversight report daily --period 2025-06-10 --team "Assessment team 1" --out daily.pdf
              oversight report clinic --period 2025-06 --worker SW042 --from data/ --out clinic.xlsx
            The output's extension chooses the format: .html, .pdf (needs the Debian package chromium),
            .csv or .xlsx (the report's main table). --suppress shows counts of 1 to 4 as "c" for
            versions shared beyond the authority. The daily list is as at the end of the period's last day.
            --team, --service or --worker keeps a report to the children that team, service or worker
            held (by the allocations and the SSDA903 social worker episodes); `oversight teams list`
            names them.
            """
    )

    /// The reports.
    enum Kind: String, ExpressibleByArgument, CaseIterable { case board, daily, weekly, monthly, clinic }

    @Argument(help: "board, daily, weekly, monthly or clinic.") var kind: Kind
    @Option(help: "The period: START..END, 2025, 2024-06, 2024Q3, or a day (2025-06-10) for the daily list.") var period: String
    @Option(help: "The team the report covers (its name, as `oversight teams list` gives it).") var team: String?
    @Option(help: "The service the report covers.") var service: String?
    @Option(help: "The worker (their id) whose children the report covers.") var worker: String?
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
        if kind == .clinic && team == nil && service == nil && worker == nil {
            throw CLIError.usage("a performance clinic needs --team NAME, --service NAME or --worker ID")
        }
        let clock = ContinuousClock()
        var mark = clock.now
        func step(_ name: String) {
            guard timings else { return }
            let now = clock.now
            let d = (mark.duration(to: now))
            FileHandle.standardError.write(Data("\(name): \(String(format: "%.2f", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)) s\n".utf8))
            mark = now
        }
        let input = try makeInput(period: p)
        step("read, measures and KPIs")
        try write(input, format: format, to: outURL)
        step("render and write \(format)")
    }

    func loadPlan() throws -> Plan? {
        guard let plan else { return nil }
        do { return try PlanLoader.load(url: URL(fileURLWithPath: plan)) } catch let e as PlanFileError {
            throw CLIError.usage(e.description)
        }
    }

    /// The report's input from the application layer, over the store (its plan, targets, audits,
    /// hand-entered values, actions and commentary: the same as the web's) or over files.
    func makeInput(period p: Period) throws -> ReportInput {
        let kind = ReportKind(rawValue: self.kind.rawValue)!
        let planOverride = try loadPlan()
        let (team, service, worker) = (team, service, worker)
        let (suppress, authorityName, population, reference, la) = (suppress, authorityName, population, reference, la)
        if let from {
            guard FileManager.default.fileExists(atPath: from) else { throw CLIError.usage("no such file or folder: \(from)") }
            var loaded = FileLoader.load(paths: [from], keepRaw: true)
            for u in loaded.unusable { FileHandle.standardError.write(Data("warning: \(u.description)\n".utf8)) }
            let issues = ValidationRunner.validate(loaded)
            loaded.caseData.rowsWithErrors = ValidationRunner.origins(of: issues, in: loaded.caseData.files)
            let quality = ReportInputs.quality(
                sources: loaded.files.map { "\(($0.path as NSString).lastPathComponent) (\($0.format) \($0.table), \($0.rows) rows)" },
                issues: issues)
            var statistics: PublishedStatistics?
            if la != nil || reference != nil {
                guard la != nil else { throw CLIError.usage("--reference needs --la CODE") }
                statistics = try ReferenceFolder.load(reference)
            }
            let numbers = AuthorityNumbers(store: nil, statistics: statistics, defaultPlan: try planOverride ?? PlanLoader.defaultPlan())
            let snapshot = try numbers.snapshot(files: loaded.caseData, authority: la ?? "", reportDate: Day.today)
            let part = try Self.part(numbers, team: team, service: service, worker: worker, period: p, snapshot: snapshot)
            return try StoreSession.blocking {
                try await numbers.reportInput(
                    kind, period: p, snapshot: snapshot, suppress: suppress, part: part, authorityName: authorityName,
                    dataQuality: quality, population: population)
            }
        }
        return try StoreSession.run { store in
            let authority = try await StoreSession.authority(la, in: store)
            let statistics = try await ReferenceFolder.inUse(folder: reference, store: store)
            let numbers = AuthorityNumbers(store: store, statistics: statistics, defaultPlan: try planOverride ?? PlanLoader.defaultPlan())
            var snapshot = try await numbers.snapshot(authority: authority)
            if let planOverride { snapshot.plan = planOverride }
            if kind == .board {
                do { try await numbers.checkBoardPackReady(period: p, snapshot: snapshot) } catch let e as BoardPackNeedsCommentary {
                    throw CLIError.usage(e.description + ". Write each on its ambition's Commentary tab in the web.")
                }
            }
            let part = try Self.part(numbers, team: team, service: service, worker: worker, period: p, snapshot: snapshot)
            return try await numbers.reportInput(
                kind, period: p, snapshot: snapshot, suppress: suppress, part: part, authorityName: authorityName,
                population: population)
        }
    }

    /// The part named on the command line, or a usage error naming the ones there are.
    static func part(
        _ numbers: AuthorityNumbers, team: String?, service: String?, worker: String?, period: Period, snapshot: AuthoritySnapshot
    ) throws -> AuthorityNumbers.Part? {
        do { return try numbers.part(team: team, service: service, worker: worker, period: period, snapshot: snapshot) } catch let e as UnknownPart {
            throw CLIError.usage(e.description)
        }
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

import ArgumentParser
import Foundation
import OversightApp
import OversightCore
import OversightFormats

struct KPIsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "The plan's KPIs for a period: value, target, RAG status and trend.",
        discussion: """
            Examples: oversight kpis --period 2025                       (the store, as the web shows it)
                      oversight kpis --from data/ --period 2025 --la 358
            Without --plan: the store's current plan, else the default plan (Trafford, September 2020).
            """
    )

    @Option(help: "Folder of data files. Without it: the store (its plan, targets, audits and values entered by hand, as the web shows them).")
    var from: String?
    @Option(help: "Plan file (YAML). Default: the store's current plan, else the shipped plan.") var plan: String?
    @Option(help: "The period: START..END, 2025, 2024-06 or 2024Q3.") var period: String
    @Option(help: "Children aged 0-17, for rates.") var population: Int?
    @Option(help: "Local authority code: the authority in the store, and for comparators and the population.") var la: String?
    @Option(help: "Folder of DfE published statistics to use instead of the copy Oversight carries.") var reference: String?
    @Option(help: "table or json.") var format: String = "table"

    func run() throws {
        guard let p = Period.parse(period) else { throw CLIError.usage("the period '\(period)' is not understood (START..END, 2025, 2024-06 or 2024Q3)") }
        guard ["table", "json"].contains(format) else { throw CLIError.usage("--format must be table or json") }
        let planOverride: Plan?
        do {
            planOverride = try plan.map { try PlanLoader.load(url: URL(fileURLWithPath: $0)) }
        } catch let e as PlanFileError {
            throw CLIError.usage(e.description)
        }
        let report: KPIReport
        let (la, reference, population) = (la, reference, population)
        if let from {
            var statistics: PublishedStatistics?
            if la != nil || reference != nil {
                guard la != nil else { throw CLIError.usage("--reference needs --la CODE") }
                statistics = try ReferenceFolder.load(reference)
            }
            let loaded = FileLoader.load(paths: [from], keepRaw: false)
            for u in loaded.unusable { FileHandle.standardError.write(Data("warning: \(u.description)\n".utf8)) }
            let numbers = AuthorityNumbers(store: nil, statistics: statistics, defaultPlan: try planOverride ?? PlanLoader.defaultPlan())
            let snapshot = try numbers.snapshot(files: loaded.caseData, authority: la ?? "")
            report = try StoreSession.blocking { await numbers.kpis(period: p, snapshot: snapshot, withSeries: false, population: population) }
        } else {
            report = try StoreSession.run { store in
                let authority = try await StoreSession.authority(la, in: store)
                let statistics = try await ReferenceFolder.inUse(folder: reference, store: store)
                let numbers = AuthorityNumbers(store: store, statistics: statistics, defaultPlan: try planOverride ?? PlanLoader.defaultPlan())
                var snapshot = try await numbers.snapshot(authority: authority)
                if let planOverride { snapshot.plan = planOverride }
                return await numbers.kpis(period: p, snapshot: snapshot, withSeries: false, population: population)
            }
        }
        let evaluations = report.evaluations
        if format == "json" {
            print(KPIOutput.json(report).text())
            return
        }
        print("\(report.plan.title): \(p.start.uk) to \(p.end.uk)")
        print(
            MeasureOutput.table(
                evaluations.map { e in
                    [
                        String(e.ambition), String(e.kpi.wording.prefix(60)), e.value.map { String(format: "%.1f", $0) } ?? "-",
                        e.targetValue.map { String(format: "%.1f", $0) } ?? e.target.token, e.status.rawValue, e.trendVsLastYear.rawValue,
                        e.comparator?.value.map { String(format: "%.1f", $0) } ?? "",
                    ]
                }, header: ["amb", "KPI", "value", "target", "status", "vs last year", "comparator (SN median)"]), terminator: "")
    }
}

import ArgumentParser
import Foundation
import OversightCore
import OversightFormats

struct KPIsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "The plan's KPIs for a period: value, target, RAG status and trend.",
        discussion: """
        Example: oversight kpis --from data/ --period 2025 --la 358 --reference published/
        Without --plan the default plan (Trafford, September 2020) is used.
        """
    )

    @Option(help: "Folder of data files.") var from: String
    @Option(help: "Plan file (YAML). Default: the shipped plan.") var plan: String?
    @Option(help: "The period: START..END, 2025, 2024-06 or 2024Q3.") var period: String
    @Option(help: "Children aged 0-17, for rates.") var population: Int?
    @Option(help: "Local authority code, for comparators and the population.") var la: String?
    @Option(help: "Folder of DfE published statistics to use instead of the copy Oversight carries.") var reference: String?
    @Option(help: "table or json.") var format: String = "table"

    func run() throws {
        guard let p = Period.parse(period) else { throw CLIError.usage("the period '\(period)' is not understood (START..END, 2025, 2024-06 or 2024Q3)") }
        guard ["table", "json"].contains(format) else { throw CLIError.usage("--format must be table or json") }
        let thePlan: Plan
        do {
            thePlan = try plan.map { try PlanLoader.load(url: URL(fileURLWithPath: $0)) } ?? PlanLoader.defaultPlan()
        } catch let e as PlanFileError {
            throw CLIError.usage(e.description)
        }
        var statistics: PublishedStatistics?
        if la != nil || reference != nil {
            guard la != nil else { throw CLIError.usage("--reference needs --la CODE") }
            statistics = try ReferenceFolder.load(reference)
        }
        var pop = population
        if pop == nil, let la, let statistics { pop = try PopulationLookup.population(la: la, reportingYearEnd: p.end, statistics: statistics) }

        let loaded = FileLoader.load(paths: [from], keepRaw: false)
        for u in loaded.unusable { FileHandle.standardError.write(Data("warning: \(u.description)\n".utf8)) }
        let engine = MeasureEngine(data: loaded.caseData)
        let params = MeasureParameters(population: pop)
        let comparators: KPIEvaluator.ComparatorLookup? = statistics.map { Comparators.lookup(statistics: $0, la: la!) }
        let evaluations = KPIEvaluator().evaluate(plan: thePlan, period: p, measure: { id, per in engine.compute(id, period: per, parameters: params) },
                                                  comparators: comparators)
        if format == "json" {
            print(JSONValue.object([
                ("period", MeasureOutput.json(p)), ("plan", .string(thePlan.title)),
                ("kpis", .array(evaluations.map { e in
                    .object([("ambition", .number(Double(e.ambition))), ("wording", .string(e.kpi.wording)), ("measure", .string(e.kpi.measure)),
                             ("value", .number(e.value)), ("target", .string(e.target.token)), ("target_value", .number(e.targetValue)),
                             ("status", .string(e.status.rawValue)), ("previous", .number(e.previousValue)), ("last_year", .number(e.lastYearValue)),
                             ("trend_vs_previous", .string(e.trendVsPrevious.rawValue)), ("trend_vs_last_year", .string(e.trendVsLastYear.rawValue)),
                             ("comparator", .number(e.comparator?.value))])
                })),
            ]).text())
            return
        }
        print("\(thePlan.title): \(p.start.uk) to \(p.end.uk)")
        print(MeasureOutput.table(evaluations.map { e in
            [String(e.ambition), String(e.kpi.wording.prefix(60)), e.value.map { String(format: "%.1f", $0) } ?? "-",
             e.targetValue.map { String(format: "%.1f", $0) } ?? e.target.token, e.status.rawValue, e.trendVsLastYear.rawValue,
             e.comparator?.value.map { String(format: "%.1f", $0) } ?? ""]
        }, header: ["amb", "KPI", "value", "target", "status", "vs last year", "comparator"]), terminator: "")
    }
}

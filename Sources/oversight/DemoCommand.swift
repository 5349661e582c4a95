import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightSynth

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try Oversight on a synthetic local authority: generate it, validate it and show the plan's headline measures.",
        discussion: "The data is synthetic (no real child). A second run reuses what the first one wrote."
    )

    @Option(help: "Where to write the synthetic data.") var dir: String = "oversight-demo"
    @Option(help: "The reporting year to show (2025 = 2024-25).") var year: Int = 2025

    func run() throws {
        let data = URL(fileURLWithPath: dir).appendingPathComponent("data")
        let marker = data.appendingPathComponent("manifest.json")
        if FileManager.default.fileExists(atPath: marker.path) {
            print("Using the synthetic authority already in \(data.path).")
        } else {
            print("Generating a synthetic authority of Trafford's size, collection years \(year - 4) to \(year), in \(data.path)...")
            let options = SynthOptions(localAuthority: 358, firstYear: year - 4, lastYear: year, seed: 1, scale: .trafford, errorRate: 0, writesXML: false)
            _ = try SynthGenerator(options: options).run(to: data)
        }

        let loaded = FileLoader.load(paths: [data.path])
        let issues = ValidationRunner.validate(loaded)
        let errors = issues.filter { $0.severity == .error }
        print("Read \(loaded.files.count) files. Validation: \(errors.count) errors, \(issues.count - errors.count) warnings and queries.")
        print("  (oversight validate \(data.path) lists every finding.)\n")

        let period = Period.reportingYear(year)
        let engine = MeasureEngine(data: loaded.caseData)
        let plan = try PlanLoader.defaultPlan()
        let params = MeasureParameters(population: 56_737) // Trafford, ONS mid-2024, 0-17
        let evaluations = KPIEvaluator().evaluate(plan: plan, period: period, measure: { id, p in engine.compute(id, period: p, parameters: params) },
                                                  comparators: nil)
        print("\(plan.title): KPIs for \(period.start.uk) to \(period.end.uk) (synthetic data)\n")
        var rows: [[String]] = []
        for e in evaluations where e.value != nil {
            rows.append([String(e.ambition), String(e.kpi.wording.prefix(70)), e.value.map { String(format: "%.1f", $0) } ?? "-",
                         e.targetValue.map { String(format: "%.1f", $0) } ?? e.target.token, e.status.rawValue, e.trendVsLastYear.rawValue])
        }
        print(MeasureOutput.table(rows, header: ["amb", "KPI", "value", "target", "status", "vs last year"]))
        print("KPIs fed by audits and hand-entered values arrive with the quality assurance and plan-delivery releases.")
        print("Next: oversight measures --from \(data.path) --period \(year) --drill rereferrals_12m_pct")
    }
}

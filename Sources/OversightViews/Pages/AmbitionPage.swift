import Foundation
import OversightCore

/// One ambition of the plan: who leads it, what it says, each KPI with its trend chart and
/// table, the actions, the approach and what has been achieved.
public enum AmbitionPage {
    /// What the page shows.
    public struct Model: Sendable {
        public var planTitle: String
        public var number: Int
        public var title: String
        public var statement: String
        public var leads: [String]
        public var period: Period
        public var periodOptions: [FormOption]
        public var selectedPeriod: String
        public var kpis: [KPIDetail]
        public var actions: [String]
        public var approach: String
        public var achievements: [String]

        public init(
            planTitle: String, number: Int, title: String, statement: String, leads: [String], period: Period,
            periodOptions: [FormOption], selectedPeriod: String, kpis: [KPIDetail], actions: [String], approach: String,
            achievements: [String]
        ) {
            self.planTitle = planTitle; self.number = number; self.title = title; self.statement = statement; self.leads = leads
            self.period = period; self.periodOptions = periodOptions; self.selectedPeriod = selectedPeriod; self.kpis = kpis
            self.actions = actions; self.approach = approach; self.achievements = achievements
        }

        /// The model for `ambition` of `plan` from the evaluator's judgements (any ambition's:
        /// this one's are picked), up to 36 months of each measure's results and its comparators.
        public static func make(
            plan: Plan, ambition: Ambition, evaluations: [KPIEvaluation], monthly: [String: [MeasureResult]],
            comparators: [String: ComparatorSummary] = [:], period: Period, periodOptions: [FormOption],
            selectedPeriod: String
        ) -> Model {
            var kpis = evaluations.filter { $0.ambition == ambition.number }.map {
                KPIDetail.make($0, monthly: monthly[$0.kpi.measure] ?? [], comparators: comparators[$0.kpi.measure], period: period)
            }
            for (i, tile) in KPITile.namingSharedWordings(kpis.map(\.tile)).enumerated() { kpis[i].tile = tile }
            return Model(
                planTitle: plan.title, number: ambition.number, title: ambition.title, statement: ambition.statement,
                leads: ambition.leads, period: period, periodOptions: periodOptions, selectedPeriod: selectedPeriod,
                kpis: kpis, actions: ambition.actions, approach: ambition.approach, achievements: ambition.achievements)
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { "Ambition \(model.number): \(model.title)" }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = HTML.el("span", [("class", "ov-caption-l")], text: "Ambition \(model.number)")
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: model.title)
        out += HTML.el("p", [("class", "ov-body-lead")], text: model.statement)
        out += SummaryList.render([
            .init(model.leads.count == 1 ? "Lead" : "Leads", text: model.leads.isEmpty ? "Not named in the plan" : model.leads.joined(separator: "; ")),
            .init("Plan", text: model.planTitle),
        ])
        out += PeriodChooser.render(action: SiteURL.ambition(model.number), options: model.periodOptions, selected: model.selectedPeriod)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Key performance indicators")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: "Figures for \(Format.period(model.period)). Charts show 24 months; the dashed line is the target, the dotted line the same months a year earlier.")
        if model.kpis.isEmpty {
            out += HTML.el("p", [("class", "ov-body")], text: "This ambition has no KPIs in the plan.")
        }
        for (i, k) in model.kpis.enumerated() { out += k.render(id: "kpi-\(i + 1)") }
        out += HTML.void("hr", [("class", "ov-section-break ov-section-break--l")])
        out += HTML.el("h2", [("class", "ov-heading-l"), ("id", "actions")], text: "What we need to do")
        out += list(model.actions, empty: "The plan lists no actions for this ambition.", numbered: true)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Our approach")
        out +=
            model.approach.isEmpty
            ? HTML.el("p", [("class", "ov-body")], text: "The plan does not describe the approach.")
            : paragraphs(model.approach)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "What we have achieved")
        out += list(model.achievements, empty: "No achievements recorded yet.", numbered: false)
        return out
    }

    static func list(_ items: [String], empty: String, numbered: Bool) -> HTML {
        guard !items.isEmpty else { return HTML.el("p", [("class", "ov-body")], text: empty) }
        return HTML.el(
            numbered ? "ol" : "ul", [("class", numbered ? "ov-list ov-list--number" : "ov-list ov-list--bullet")],
            items.map { HTML.el("li", text: $0) }.joined)
    }

    /// Text split into paragraphs at blank lines.
    static func paragraphs(_ text: String) -> HTML {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .map { HTML.el("p", [("class", "ov-body")], text: $0) }.joined
    }
}

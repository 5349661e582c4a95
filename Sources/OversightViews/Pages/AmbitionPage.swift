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
        /// The part of the authority whose KPIs are shown, and the choice of parts.
        public var part = PartChoice()

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
            let kpis = evaluations.filter { $0.ambition == ambition.number }.map {
                KPIDetail.make($0, monthly: monthly[$0.kpi.measure] ?? [], comparators: comparators[$0.kpi.measure], period: period)
            }
            return Model(
                planTitle: plan.title, number: ambition.number, title: ambition.title, statement: ambition.statement,
                leads: ambition.leads, period: period, periodOptions: periodOptions, selectedPeriod: selectedPeriod,
                kpis: kpis, actions: ambition.actions, approach: ambition.approach, achievements: ambition.achievements)
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { "Ambition \(model.number): \(model.title)" }

    /// The page's tabs: KPIs, Actions and Commentary.
    public enum Tab: String, Sendable, CaseIterable {
        case kpis, actions, commentary

        /// The tab's label.
        public var label: String {
            switch self {
            case .kpis: return "KPIs"
            case .actions: return "Actions"
            case .commentary: return "Commentary"
            }
        }

        /// The tab named by a request's `tab` parameter (KPIs when none or unknown).
        public init(query: String?) { self = query.flatMap(Tab.init(rawValue:)) ?? .kpis }
    }

    /// The link to `tab` of ambition `number`, keeping the period chosen.
    public static func link(_ number: Int, tab: Tab, period: String?) -> String {
        Query(path: SiteURL.ambition(number), [("period", period), ("tab", tab == .kpis ? nil : tab.rawValue)]).href
    }

    /// The top of every tab: the ambition, its leads, the period with the way to change it, and the tabs.
    public static func header(_ model: Model, tab: Tab) -> HTML {
        var out = HTML.el("span", [("class", "ov-caption-l")], text: "Ambition \(model.number)")
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: model.title)
        out += HTML.el("p", [("class", "ov-body-lead")], text: model.statement)
        out += SummaryList.render([
            .init(model.leads.count == 1 ? "Lead" : "Leads", text: model.leads.isEmpty ? "Not named in the plan" : model.leads.joined(separator: "; ")),
            .init("Plan", text: model.planTitle),
        ])
        out += PeriodChooser.bar(
            period: model.period, loaded: nil,
            chooser: PeriodChooser.render(
                action: SiteURL.ambition(model.number), options: model.periodOptions, selected: model.selectedPeriod,
                hiddenFields: tab == .kpis ? model.part.carried([]) : [("tab", tab.rawValue)]))
        if tab == .kpis { out += model.part.render(action: SiteURL.ambition(model.number), period: model.selectedPeriod) }
        out += Tabs.render(
            Tab.allCases.map { Tabs.Tab(id: $0.rawValue, label: $0.label, href: link(model.number, tab: $0, period: model.selectedPeriod)) },
            selected: tab.rawValue, label: "Ambition \(model.number)")
        return out
    }

    /// The KPIs tab: each KPI with its figures and chart, then the plan's approach and achievements.
    public static func kpis(_ model: Model) -> HTML {
        var out = HTML.el("h2", [("class", "ov-heading-l")], text: "Key performance indicators")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: "Charts show 24 months; the dashed line is the target, the dotted line the same months a year earlier.")
        if model.kpis.isEmpty {
            out += HTML.el("p", [("class", "ov-body")], text: "This ambition has no KPIs in the plan.")
        }
        for (i, k) in model.kpis.enumerated() { out += k.render(id: "kpi-\(i + 1)") }
        out += HTML.void("hr", [("class", "ov-section-break ov-section-break--l")])
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Our approach")
        out +=
            model.approach.isEmpty
            ? HTML.el("p", [("class", "ov-body")], text: "The plan does not describe the approach.")
            : paragraphs(model.approach)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "What we have achieved")
        out += list(model.achievements, empty: "No achievements recorded yet.", numbered: false)
        return out
    }

    /// The whole KPIs tab (the header and the KPIs).
    public static func render(_ model: Model) -> HTML { header(model, tab: .kpis) + kpis(model) }

    /// The Commentary tab: the lead's commentary for the period shown (what the board pack
    /// prints), the form to write it for those who may, and every version written, newest first.
    public static func commentary(
        number: Int, period: Period, versions: [AmbitionCommentary], form: HTML?
    ) -> HTML {
        let current = versions.filter { $0.period == period }.max { $0.at < $1.at }
        var out = HTML.el("h2", [("class", "ov-heading-l"), ("id", "commentary")], text: "Commentary for the board, \(Format.period(period))")
        if let current {
            out += Notice.inset(
                HTML.el("p", [("class", "ov-body")], text: current.text)
                    + HTML.el("p", [("class", "ov-hint")], text: "Written by \(current.by), \(Format.timestamp(current.at)). The board pack for this period prints it."))
        } else {
            out += HTML.el("p", [("class", "ov-body")], text: "None written yet for this period. The board pack prints the latest version written for its period.")
        }
        if let form { out += form }
        out += HTML.el("h2", [("class", "ov-heading-m")], text: "Every version")
        guard !versions.isEmpty else { return out + HTML.el("p", [("class", "ov-body")], text: "No commentary has been written for this ambition.") }
        out += DataTable(
            caption: "Commentary on ambition \(number), newest first", isCaptionVisible: false,
            columns: [.init("period", "Period"), .init("written", "Written"), .init("by", "By"), .init("text", "Commentary")],
            rows: versions.sorted { $0.at > $1.at }.map { v in
                [.text(Format.period(v.period)), .text(Format.timestamp(v.at)), .text(v.by), .text(v.text)]
            }
        ).render()
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

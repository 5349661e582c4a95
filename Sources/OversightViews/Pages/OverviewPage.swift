import OversightCore

/// The overview: the plan's ambitions, each with its KPIs as tiles, for a period the user
/// chooses with a GET form.
public enum OverviewPage {
    /// One ambition's heading and tiles.
    public struct AmbitionTiles: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var tiles: [KPITile]
        public init(number: Int, title: String, tiles: [KPITile]) { self.number = number; self.title = title; self.tiles = tiles }
    }

    /// What the page shows.
    public struct Model: Sendable {
        public var planTitle: String
        /// The period the figures are for.
        public var period: Period
        /// The periods offered in the chooser (value: what `Period.parse` reads, as `2025` or `2024-06`).
        public var periodOptions: [FormOption]
        /// The chooser's selected value.
        public var selectedPeriod: String
        public var ambitions: [AmbitionTiles]

        public init(planTitle: String, period: Period, periodOptions: [FormOption], selectedPeriod: String, ambitions: [AmbitionTiles]) {
            self.planTitle = planTitle; self.period = period; self.periodOptions = periodOptions
            self.selectedPeriod = selectedPeriod; self.ambitions = ambitions
        }

        /// The model from a plan, the evaluator's judgements for `period` and each measure's
        /// monthly results (by measure id; a measure missing from `monthly` has no trend line).
        /// `neighbours` (by measure id) gives the neighbours' published values for the rank among them.
        public static func make(
            plan: Plan, evaluations: [KPIEvaluation], monthly: [String: [MeasureResult]], period: Period,
            periodOptions: [FormOption], selectedPeriod: String,
            neighbours: [String: [NeighbourValue]] = [:]
        ) -> Model {
            let ambitions = plan.ambitions.map { a in
                AmbitionTiles(
                    number: a.number, title: a.title,
                    tiles: KPITile.namingSharedWordings(
                        evaluations.filter { $0.ambition == a.number }.map {
                            KPITile.make($0, monthly: monthly[$0.kpi.measure] ?? [], neighbours: neighbours[$0.kpi.measure] ?? [], period: period)
                        }))
            }
            return Model(planTitle: plan.title, period: period, periodOptions: periodOptions, selectedPeriod: selectedPeriod, ambitions: ambitions)
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { "Overview" }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = HTML.el("span", [("class", "ov-caption-l")], text: model.planTitle)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Overview")
        out += PeriodChooser.render(action: SiteURL.overview, options: model.periodOptions, selected: model.selectedPeriod)
        out += HTML.el(
            "p", [("class", "ov-body-lead")], text: "Figures for \(Format.period(model.period)) (\(Format.date(model.period.start)) to \(Format.date(model.period.end))).")
        out += summary(model)
        out += needsAttention(model)
        for a in model.ambitions {
            var section = HTML.el(
                "div", [("class", "ov-ambition__header")],
                HTML.el(
                    "h2", [("class", "ov-heading-l"), ("id", "ambition-\(a.number)")],
                    HTML.el("a", [("href", SiteURL.ambition(a.number))], text: "Ambition \(a.number): \(a.title)")))
            if a.tiles.isEmpty {
                section += HTML.el("p", [("class", "ov-body")], text: "This ambition has no KPIs in the plan.")
            } else {
                section += HTML.el(
                    "ul", [("class", "ov-tiles")],
                    a.tiles.enumerated().map { i, t in t.render(id: "spark-\(a.number)-\(i + 1)") }.joined)
            }
            out += HTML.el("section", [("class", "ov-ambition"), ("aria-labelledby", "ambition-\(a.number)")], section)
        }
        return out
    }

    /// "Needs attention": the KPIs off track, then those getting worse than last year, each with
    /// its value, target, status and direction, linked to its measure for the same period.
    static func needsAttention(_ model: Model) -> HTML {
        var offTrack: [(Int, KPITile)] = [], worse: [(Int, KPITile)] = []
        for a in model.ambitions {
            for t in a.tiles {
                if t.status == .red { offTrack.append((a.number, t)) } else if t.trend == .worsening { worse.append((a.number, t)) }
            }
        }
        let rows = offTrack + worse
        var out = HTML.el("h2", [("class", "ov-heading-l"), ("id", "needs-attention")], text: "Needs attention")
        guard !rows.isEmpty else { return out + HTML.el("p", [("class", "ov-body")], text: "No KPI is off track or worse than last year.") }
        out += HTML.el("p", [("class", "ov-body")], text: "KPIs off track, then those worse than last year.")
        out += DataTable(
            caption: "KPIs that need attention, \(Format.period(model.period))", isCaptionVisible: false,
            columns: [
                .init("kpi", "KPI"), .init("ambition", "Ambition", isNumeric: true), .init("value", "Value", isNumeric: true), .init("target", "Target"),
                .init("status", "Status"), .init("trend", "Against last year"),
            ],
            rows: rows.map { number, t -> [HTML] in
                var name = HTML.el("a", [("href", t.link)], text: t.wording)
                if let m = t.measureTitle { name += HTML.el("span", [("class", "ov-tile__measure")], text: " (\(m))") }
                let value: String = t.value.map { Format.value($0, unit: t.unit) } ?? "No data"
                return [name, .text(String(number)), .text(value), .text(t.targetText), StatusTag.render(t.status), .text(t.trendText)]
            }
        ).render()
        return out
    }

    /// "12 on track, 5 close to target, 3 off track, 4 without a target, 2 with no data yet."
    static func summary(_ model: Model) -> HTML {
        let all = model.ambitions.flatMap(\.tiles)
        guard !all.isEmpty else { return HTML.el("p", [("class", "ov-body")], text: "The plan has no KPIs.") }
        let order: [KPIStatus] = [.green, .amber, .red, .monitor, .noData]
        let parts = order.compactMap { s -> String? in
            let n = all.filter { $0.status == s }.count
            guard n > 0 else { return nil }
            return "\(n) \(StatusTag.words(s).lowercased())"
        }
        return HTML.el("p", [("class", "ov-body")], text: "\(all.count) KPIs: " + parts.joined(separator: ", ") + ".")
    }
}

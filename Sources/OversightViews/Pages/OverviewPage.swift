import Foundation
import OversightCore

/// The overview: what needs attention first, then the plan's ambitions, each a folding section
/// of KPI tiles with its status counts, for a period the user chooses with a GET form.
public enum OverviewPage {
    /// One ambition's heading and tiles.
    public struct AmbitionTiles: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var tiles: [KPITile]
        public init(number: Int, title: String, tiles: [KPITile]) { self.number = number; self.title = title; self.tiles = tiles }
    }

    /// The latest progress update of an ambition's actions, for the "Needs attention" table.
    public struct ActionNote: Sendable, Hashable {
        public var actionID: Int
        public var text: String
        public var at: Date
        public init(actionID: Int, text: String, at: Date) { self.actionID = actionID; self.text = text; self.at = at }

        /// The latest update among `actions`, by ambition number.
        public static func latest(_ actions: [PlanAction]) -> [Int: ActionNote] {
            var out: [Int: ActionNote] = [:]
            for a in actions {
                guard let id = a.id, let u = a.latestUpdate else { continue }
                if let seen = out[a.ambition], seen.at >= u.at { continue }
                out[a.ambition] = ActionNote(actionID: id, text: u.text.isEmpty ? u.evidence : u.text, at: u.at)
            }
            return out
        }
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
        /// When the newest data in use was loaded; nil when none is.
        public var loaded: Date?
        /// When set, the page lists only the KPIs with this status.
        public var statusFilter: KPIStatus?
        /// Each ambition's latest action update, by ambition number.
        public var latestUpdates: [Int: ActionNote]
        /// The part of the authority shown, and the choice of parts.
        public var part = PartChoice()

        public init(
            planTitle: String, period: Period, periodOptions: [FormOption], selectedPeriod: String, ambitions: [AmbitionTiles],
            loaded: Date? = nil, statusFilter: KPIStatus? = nil, latestUpdates: [Int: ActionNote] = [:]
        ) {
            self.planTitle = planTitle; self.period = period; self.periodOptions = periodOptions
            self.selectedPeriod = selectedPeriod; self.ambitions = ambitions; self.loaded = loaded; self.statusFilter = statusFilter
            self.latestUpdates = latestUpdates
        }

        /// The model from a plan, the evaluator's judgements for `period` and each measure's
        /// monthly results (by measure id; a measure missing from `monthly` has no trend line).
        /// `neighbours` (by measure id) gives the neighbours' published values for the rank among
        /// them. `canEnterValues` adds, to each hand-entered KPI, who owes its value (the
        /// ambition's leads) and the link that opens its form for the period.
        public static func make(
            plan: Plan, evaluations: [KPIEvaluation], monthly: [String: [MeasureResult]], period: Period,
            periodOptions: [FormOption], selectedPeriod: String,
            neighbours: [String: [NeighbourValue]] = [:], loaded: Date? = nil, statusFilter: KPIStatus? = nil,
            latestUpdates: [Int: ActionNote] = [:], canEnterValues: Bool = false
        ) -> Model {
            let ambitions = plan.ambitions.map { a in
                AmbitionTiles(
                    number: a.number, title: a.title,
                    tiles: evaluations.filter { $0.ambition == a.number }.map { e in
                        var t = KPITile.make(e, monthly: monthly[e.kpi.measure] ?? [], neighbours: neighbours[e.kpi.measure] ?? [], period: period)
                        if Plan.measureDefinition(e.kpi.measure)?.source == .handEntered {
                            t.owedBy = a.leads.isEmpty ? "The ambition's lead" : a.leads.joined(separator: "; ")
                            if canEnterValues {
                                t.enterLink = Query(path: SitePath.handEntries.link(), [("measure", e.kpi.measure), ("period", period.description)]).href
                            }
                        }
                        return t
                    })
            }
            return Model(
                planTitle: plan.title, period: period, periodOptions: periodOptions, selectedPeriod: selectedPeriod, ambitions: ambitions,
                loaded: loaded, statusFilter: statusFilter, latestUpdates: latestUpdates)
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String {
        (model.statusFilter.map { "KPIs \(StatusTag.words($0).lowercased())" } ?? "Overview") + (model.part.label.map { ": \($0)" } ?? "")
    }

    /// The overview's link for `status` (nil: every KPI), keeping the period.
    static func link(_ model: Model, status: KPIStatus?) -> String {
        Query(
            path: SiteURL.overview,
            [
                ("period", model.selectedPeriod.isEmpty ? nil : model.selectedPeriod), ("status", status?.rawValue),
                ("for", model.part.key.isEmpty ? nil : model.part.key),
            ]
        ).href
    }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = HTML.el("span", [("class", "ov-caption-l")], text: model.planTitle)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: title(model))
        out += PeriodChooser.bar(
            period: model.period, loaded: model.loaded,
            chooser: PeriodChooser.render(
                action: SiteURL.overview, options: model.periodOptions, selected: model.selectedPeriod,
                hiddenFields: model.part.carried(model.statusFilter.map { [("status", $0.rawValue)] } ?? [])))
        out += model.part.render(
            action: SiteURL.overview, period: model.selectedPeriod, hiddenFields: model.statusFilter.map { [("status", $0.rawValue)] } ?? [])
        out += summary(model)
        if let status = model.statusFilter { return out + filtered(model, status: status) }
        out += needsAttention(model)
        out += HTML.el("h2", [("class", "ov-heading-l"), ("id", "ambitions")], text: "Ambitions")
        for a in model.ambitions {
            let counts = statusCounts(a.tiles)
            var section = HTML.el(
                "summary", [("class", "ov-ambition__summary")],
                HTML.el("h3", [("class", "ov-heading-m ov-ambition__title"), ("id", "ambition-\(a.number)")], text: "Ambition \(a.number): \(a.title)")
                    + HTML.el("span", [("class", "ov-ambition__counts")], text: counts.isEmpty ? "No KPIs" : counts))
            var body = HTML.el(
                "p", [("class", "ov-body")],
                HTML.el(
                    "a", [("href", AmbitionPage.link(a.number, tab: .kpis, period: model.selectedPeriod.isEmpty ? nil : model.selectedPeriod))], text: "Open ambition \(a.number)")
                    + HTML.el("span", [("class", "ov-visually-hidden")], text: ": its KPIs with their charts, its actions and the lead's commentary"))
            if a.tiles.isEmpty {
                body += HTML.el("p", [("class", "ov-body")], text: "This ambition has no KPIs in the plan.")
            } else {
                body += HTML.el("ul", [("class", "ov-tiles")], a.tiles.enumerated().map { i, t in t.render(id: "spark-\(a.number)-\(i + 1)") }.joined)
            }
            section += HTML.el("div", [("class", "ov-ambition__body")], body)
            out += HTML.el("details", [("class", "ov-ambition"), ("open", "")], section)
        }
        return out
    }

    /// "2 on track, 1 off track" for one ambition's tiles.
    static func statusCounts(_ tiles: [KPITile]) -> String {
        KPIStatus.order.compactMap { s -> String? in
            let n = tiles.filter { $0.status == s }.count
            return n == 0 ? nil : "\(n) \(StatusTag.words(s).lowercased())"
        }.joined(separator: ", ")
    }

    /// The KPIs of one status, from every ambition, with a way back to all of them.
    static func filtered(_ model: Model, status: KPIStatus) -> HTML {
        var out = HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", link(model, status: nil))], text: "Show every KPI"))
        for a in model.ambitions {
            let tiles = a.tiles.enumerated().filter { $0.element.status == status }
            guard !tiles.isEmpty else { continue }
            out += HTML.el("h2", [("class", "ov-heading-m"), ("id", "ambition-\(a.number)")], text: "Ambition \(a.number): \(a.title)")
            out += HTML.el("ul", [("class", "ov-tiles")], tiles.map { i, t in t.render(id: "spark-\(a.number)-\(i + 1)") }.joined)
        }
        return out
    }

    /// The change in a tile's value since the month before the period's last month: "Up 1.2
    /// points", "Down 3", "No change"; nil when either month has no value.
    public static func changeSinceLastMonth(_ t: KPITile) -> String? {
        guard t.series.count >= 2, let now = t.series[t.series.count - 1].value, let before = t.series[t.series.count - 2].value else { return nil }
        let d = now - before
        if (d * 10).rounded() == 0 { return "No change" }
        let size: String
        switch t.unit {
        case .percent: size = Format.decimal(abs(d), places: 1) + " points"
        case .count: size = Format.count(abs(d))
        default: size = Format.decimal(abs(d), places: 1)
        }
        return (d > 0 ? "Up " : "Down ") + size
    }

    /// "Needs attention": the KPIs off track, then those getting worse than last year, each with
    /// its value, target, status, change since last month and the ambition's latest action update,
    /// linked to its measure for the same period.
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
                .init("kpi", "KPI"), .init("value", "Value", isNumeric: true), .init("target", "Target"), .init("status", "Status"),
                .init("month", "Since last month"), .init("update", "Latest action update"),
            ],
            rows: rows.map { number, t -> [HTML] in
                var name = HTML.el("a", [("href", t.link)], text: t.wording)
                if let m = t.measureTitle { name += HTML.el("span", [("class", "ov-tile__measure")], text: " (\(m))") }
                name += HTML.el("span", [("class", "ov-tile__measure")], text: " Ambition \(number)")
                let update: HTML =
                    model.latestUpdates[number].map { n in
                        .text(Format.timestamp(n.at) + ": ") + HTML.el("a", [("href", SitePath.planAction.link(String(n.actionID)))], text: n.text)
                    }
                    ?? HTML.el("a", [("href", AmbitionPage.link(number, tab: .actions, period: model.selectedPeriod.isEmpty ? nil : model.selectedPeriod))], text: "No update yet")
                return [
                    name, .text(t.valueText), .text(KPIDetail.withoutLeadingTarget(t.targetText)),
                    StatusTag.render(t.status) + .text(" ") + HTML.el("span", [("class", "ov-tile__measure")], text: t.trendText),
                    .text(changeSinceLastMonth(t) ?? "No figure"), update,
                ]
            }
        ).render()
        return out
    }

    /// "Your actions": the actions `owner` owns (their name as the action gives it, ignoring case)
    /// that are overdue or due in the next 30 days; nothing when there are none.
    public static func yourActions(_ actions: [PlanAction], owner: String, today: Day) -> HTML {
        let name = owner.trimmingCharacters(in: .whitespaces).lowercased()
        let mine = actions.filter { a in
            !name.isEmpty && a.owner.trimmingCharacters(in: .whitespaces).lowercased() == name && (a.isOverdue(on: today) || a.isDueSoon(on: today))
        }.sorted { ($0.due ?? today) < ($1.due ?? today) }
        guard !mine.isEmpty else { return .empty }
        let items = mine.map { a in
            HTML.el(
                "li", [],
                HTML.el("a", [("href", SitePath.planAction.link(String(a.id ?? 0)))], text: a.text)
                    + .text(a.isOverdue(on: today) ? ": overdue since \(Format.date(a.due!))" : ": due \(Format.date(a.due!))"))
        }
        return Notice.inset(
            HTML.el("h2", [("class", "ov-heading-m"), ("id", "your-actions")], text: "Your actions")
                + HTML.el("ul", [("class", "ov-list ov-list--bullet")], items.joined))
    }

    /// "24 KPIs: 12 on track, 5 close to target, ..." with each count opening the list of those KPIs.
    static func summary(_ model: Model) -> HTML {
        let all = model.ambitions.flatMap(\.tiles)
        guard !all.isEmpty else { return HTML.el("p", [("class", "ov-body")], text: "The plan has no KPIs.") }
        let parts = KPIStatus.order.compactMap { s -> HTML? in
            let n = all.filter { $0.status == s }.count
            guard n > 0 else { return nil }
            let words = "\(n) \(StatusTag.words(s).lowercased())"
            return model.statusFilter == s ? HTML.el("strong", text: words) : HTML.el("a", [("href", link(model, status: s))], text: words)
        }
        return HTML.el(
            "p", [("class", "ov-body ov-status-counts")],
            .text("\(all.count) KPIs: ") + HTML.join(parts, separator: .text(", ")) + .text("."))
    }
}

extension KPIStatus {
    /// The order statuses are counted and listed in: on track, close, off track, no target, no data.
    public static let order: [KPIStatus] = [.green, .amber, .red, .monitor, .noData]
}

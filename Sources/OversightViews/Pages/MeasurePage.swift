import Foundation
import OversightCore

/// A measure: its definition, the figures for a chosen period, its monthly series, the published
/// comparators, and (for roles that may see children) the records behind the numerator and
/// the denominator.
public enum MeasurePage {
    /// What the page shows.
    public struct Model: Sendable {
        public var measureID: String
        /// The definition from docs/measures.md (or the catalogue's title); nil for an unknown id.
        public var glossary: MeasureGlossary.Entry?
        public var unit: MeasureUnit
        public var choice: PeriodChoice
        /// Errors in the period form; when there are any the figures are for `period` as before.
        public var periodErrors: [FieldError]
        /// The reporting years the form offers.
        public var years: [Int]
        public var period: Period
        /// The measure for `period`; nil when it could not be computed (no data loaded).
        public var result: MeasureResult?
        /// Up to 36 months; the chart shows the last 24, the earlier 12 as last year's line.
        public var monthly: [SeriesPoint]
        public var comparators: ComparatorSummary?
        public var neighbours: [NeighbourValue]
        /// Whether the user may see child-level records. When false (board members) the page has
        /// no child id, no drill-down and no CSV link: aggregates only, and says so.
        public var showsChildren: Bool
        /// The text-box filter on the drill-down lists.
        public var filter: String
        public var numerator: DrillList?
        public var denominator: DrillList?
        /// The plan's KPI on this measure judged for the period (its wording, status and target);
        /// nil when the plan has no KPI on it.
        public var kpi: KPITile?
        /// Which records tab is open: the records counted (`numerator`) or all of the base (`denominator`).
        public var recordsTab: DrillList.Side = .numerator
        /// The files the records came from, offered as a filter; and the one chosen (its index).
        public var sources: [FormOption] = []
        public var source: Int?
        /// The teams and workers holding the records' children (empty when no organisation is loaded), and the ones chosen.
        public var teams: [FormOption] = []
        public var workers: [FormOption] = []
        public var holderFilter = DrillList.HolderFilter()
        /// The figure for the team, service or worker chosen (`?team=`, `?service=`, `?worker=`):
        /// its name and result, counted as the By team page counts it.
        public var part: (label: String, result: MeasureResult?)?

        public init(
            measureID: String, glossary: MeasureGlossary.Entry?, unit: MeasureUnit, choice: PeriodChoice, periodErrors: [FieldError],
            years: [Int], period: Period, result: MeasureResult?, monthly: [SeriesPoint], comparators: ComparatorSummary?,
            neighbours: [NeighbourValue], showsChildren: Bool, filter: String, numerator: DrillList?, denominator: DrillList?
        ) {
            self.measureID = measureID; self.glossary = glossary; self.unit = unit; self.choice = choice; self.periodErrors = periodErrors
            self.years = years; self.period = period; self.result = result; self.monthly = monthly; self.comparators = comparators
            self.neighbours = neighbours; self.showsChildren = showsChildren; self.filter = filter
            self.numerator = numerator; self.denominator = denominator
        }

        /// The model from a request's query and the measure's results.
        ///
        /// - `query`: the request's parameters (the period form's, `q` for the filter, `nsort`,
        ///   `ndir`, `npage`, `dsort`, `ddir`, `dpage` for the two lists, `records=all` for the base's tab).
        /// - `resolve`: the result for a period (the engine or the hand-entered store).
        /// - `fallback`: the period shown when the form has errors.
        /// When `showsChildren` is false the lists are not built at all.
        public static func make(
            measureID: String, query: [String: String], years: [Int], fallback: Period,
            resolve: (Period) -> MeasureResult?, monthly: [MeasureResult], comparators: ComparatorSummary?,
            neighbours: [NeighbourValue] = [], showsChildren: Bool, rowsWithErrors: Set<RecordOrigin>, kpi: KPITile? = nil,
            files: [SourceFile] = [], organisation: Organisation? = nil
        ) -> Model {
            let choice = PeriodChoice(query: query, defaultYear: fallback.end.collectionYear)
            var errors: [FieldError] = []
            let period: Period
            switch choice.resolve() {
            case .success(let p): period = p
            case .failure(let e): errors = e.errors; period = fallback
            }
            let result = resolve(period)
            let unit = Plan.measureDefinition(measureID)?.unit ?? result?.unit ?? .count
            let filter = (query["q"] ?? "").trimmingCharacters(in: .whitespaces)
            let source = Int(query["src"] ?? "").flatMap { files.indices.contains($0) ? $0 : nil }
            func nonEmpty(_ k: String) -> String? { (query[k] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? nil : query[k]!.trimmingCharacters(in: .whitespaces) }
            let org = organisation.flatMap { $0.isEmpty ? nil : $0 }
            let holderFilter = org == nil ? DrillList.HolderFilter() : DrillList.HolderFilter(team: nonEmpty("team"), worker: nonEmpty("worker"))
            // Who held each record's child on its reference day, for the period shown.
            let shownPeriod: Period = (try? choice.resolve().get()) ?? fallback
            let holder: ((DrillRecord) -> Organisation.Holder)? = org.map { o in
                { r in o.holder(of: ChildID(r.child), on: DrillList.referenceDay(r, period: shownPeriod)) }
            }
            func list(_ side: DrillList.Side, _ records: [DrillRecord]) -> DrillList? {
                guard showsChildren else { return nil }
                let p = side.prefix
                return DrillList.make(
                    side, records: records, filter: filter,
                    sort: SortOrder(sort: query[p + "sort"], dir: query[p + "dir"], allowed: DrillList.sortColumns),
                    page: Int(query[p + "page"] ?? "") ?? 1, rowsWithErrors: rowsWithErrors, source: source, holder: holder,
                    holderFilter: holderFilter)
            }
            var model = Model(
                measureID: measureID, glossary: MeasureGlossary.entry(measureID), unit: unit, choice: choice, periodErrors: errors,
                years: years, period: period, result: result, monthly: SeriesPoint.series(monthly), comparators: comparators,
                neighbours: neighbours, showsChildren: showsChildren, filter: filter,
                numerator: list(.numerator, result?.numeratorRecords ?? []),
                denominator: (result?.denominatorRecords.isEmpty ?? true) ? nil : list(.denominator, result?.denominatorRecords ?? []))
            model.kpi = kpi
            model.source = source
            if showsChildren { model.sources = DrillList.sourceOptions((result?.numeratorRecords ?? []) + (result?.denominatorRecords ?? []), files: files) }
            model.holderFilter = holderFilter
            if showsChildren, let holder {
                let holders = ((result?.numeratorRecords ?? []) + (result?.denominatorRecords ?? [])).map(holder)
                let teams = Set(holders.compactMap(\.team)).sorted()
                model.teams = teams.map { FormOption(value: $0, label: $0) }
                if holders.contains(where: { $0.worker == nil || $0.team == nil }) {
                    model.teams.append(FormOption(value: DrillList.HolderFilter.unallocated, label: "Unallocated"))
                }
                model.workers = Set(holders.compactMap(\.worker)).sorted().map { FormOption(value: $0, label: $0) }
            }
            model.recordsTab = query["records"] == "all" && model.denominator != nil ? .denominator : .numerator
            return model
        }

        /// The page's link with the period and filter, for sort and page links.
        var link: Query {
            Query(
                path: SiteURL.measure(measureID),
                choice.queryItems + [("q", filter), ("src", source.map(String.init))] + holderItems
                    + [("records", recordsTab == .denominator ? "all" : nil)])
        }

        /// The team and worker filters as query items.
        var holderItems: [(String, String?)] { [("team", holderFilter.team), ("worker", holderFilter.worker)] }

        /// Whether any filter is set.
        var isFiltered: Bool {
            !filter.isEmpty || source != nil || !holderFilter.isEmpty
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String {
        ErrorSummary.title(model.glossary?.title ?? model.measureID, hasErrors: !model.periodErrors.isEmpty)
    }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        let title = model.glossary?.title ?? model.measureID
        var out = ErrorSummary.render(model.periodErrors)
        // The caption is the plan's words for the KPI; the title says what the measure counts.
        out += HTML.el("span", [("class", "ov-caption-l")], text: model.kpi?.wording ?? "Measure")
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: title)
        // The answer first: the figures for the period, with the way to change it; then how the
        // measure is counted, folded away (issue 18: the page opened with its id and fields).
        out += figures(model)
        if let p = model.part {
            let words: String
            if let r = p.result, r.value != nil {
                var w = KPITile.valueWords(r.value, measureID: model.measureID, unit: model.unit)
                if model.unit == .percent, let n = r.numerator, let d = r.denominator { w += " (\(Int(n)) of \(Int(d)))" }
                words = "\(p.label): \(w), counting the children it held on each record's day."
            } else {
                words = "\(p.label): no figure (a rate has no population by team, or the part held none of the records)."
            }
            out += Notice.inset(text: words)
        }
        out += HTML.el(
            "details", [("class", "ov-details ov-no-print"), ("id", "period-choice")] + (model.periodErrors.isEmpty ? [] : [("open", "")]),
            HTML.el("summary", [("class", "ov-details__summary")], HTML.el("span", [("class", "ov-details__summary-text")], text: "Change the period"))
                + HTML.el(
                    "div", [("class", "ov-details__text")],
                    model.choice.render(
                        action: SiteURL.measure(model.measureID), years: model.years, errors: model.periodErrors,
                        hiddenFields: model.filter.isEmpty ? [] : [("q", model.filter)])))
        if model.unit != .rate {
            out += HTML.el(
                "p", [("class", "ov-body ov-no-print")],
                HTML.el("a", [("href", Query(path: SitePath.measureTeams.link(model.measureID), [("period", model.period.description)]).href)], text: "Compare the teams"))
        }
        out += Notice.details(summary: "How this is counted", content: definition(model))
        out += series(model, title: title)
        if let c = model.comparators {
            out += HTML.el("h2", [("class", "ov-heading-l")], text: "Compared with other authorities")
            out += ComparatorTable.render(c, unit: model.unit, neighbours: model.neighbours)
        }
        out += drillDown(model)
        return out
    }

    static func definition(_ model: Model) -> HTML {
        var rows: [SummaryList.Row] = [.init("Measure id", HTML.el("code", text: model.measureID))]
        if let g = model.glossary {
            rows.append(
                .init(
                    "What it counts",
                    g.definition.map(MeasureGlossary.inline)
                        ?? .text("\(g.title). The measures guide does not define this measure in detail.")))
            if let f = g.fields { rows.append(.init("Fields read", MeasureGlossary.inline(f))) }
            if let m = g.measure {
                rows.append(.init("Unit", text: unitWords(m.unit)))
                rows.append(.init("Better when", text: m.polarity == .high ? "Higher" : m.polarity == .low ? "Lower" : "Neither: shown for context"))
                rows.append(.init("Source", text: sourceWords(m.source)))
            }
        } else {
            rows.append(.init("What it counts", text: "This measure is not in the catalogue."))
        }
        var out = SummaryList.render(rows)
        if let notes = model.glossary?.sectionNotes, let section = model.glossary?.section {
            out += Notice.details(
                summary: "About measures " + section.prefix(1).lowercased() + section.dropFirst(),
                content: notes.components(separatedBy: "\n\n").map { HTML.el("p", [("class", "ov-body")], MeasureGlossary.inline($0)) }.joined)
        }
        return out
    }

    static func figures(_ model: Model) -> HTML {
        var out = HTML.el("h2", [("class", "ov-heading-l")], text: "Figures for \(Format.period(model.period))")
        out += HTML.el("p", [("class", "ov-body")], text: "\(Format.date(model.period.start)) to \(Format.date(model.period.end)).")
        guard let r = model.result else {
            return out + Notice.inset(text: "No figures for this period: the data it needs has not been loaded or entered.")
        }
        var rows: [SummaryList.Row] = [
            .init("Value", HTML.el("strong", text: KPITile.valueWords(r.value, measureID: model.measureID, unit: model.unit)))
        ]
        if let k = model.kpi {
            rows.append(.init("Status", StatusTag.render(k.status)))
            rows.append(.init("Target", text: KPIDetail.withoutLeadingTarget(k.targetText)))
            rows.append(.init("Against last year", text: k.trendText))
        }
        if let m = model.glossary?.measure, m.polarity != .none {
            rows.append(.init("Better when", text: m.polarity == .high ? "Higher" : "Lower"))
        }
        switch model.unit {
        case .percent:
            rows.append(.init("Numerator", text: Format.count(r.numerator)))
            rows.append(.init("Denominator", text: Format.count(r.denominator)))
            if r.value == nil { rows.append(.init("Why there is no value", text: "The denominator is 0, so the percentage is undefined.")) }
        case .rate:
            rows.append(.init("Number", text: Format.count(r.numerator)))
            rows.append(.init("Children aged 0 to 17", text: Format.count(r.denominator)))
        case .count, .ratio:
            if let d = r.denominator { rows.append(.init("Denominator", text: Format.count(d))) }
        }
        out += SummaryList.render(rows)
        if !r.warnings.isEmpty {
            out += HTML.el("h3", [("class", "ov-heading-s")], text: "Warnings")
            out += HTML.el("ul", [("class", "ov-list ov-list--bullet")], r.warnings.map { HTML.el("li", text: $0) }.joined)
        }
        return out
    }

    static func series(_ model: Model, title: String) -> HTML {
        let shown = Array(model.monthly.suffix(24))
        let heading = SeriesPoint.heading(shown)
        var out = HTML.el("h2", [("class", "ov-heading-l")], text: heading)
        guard shown.contains(where: { $0.value != nil }) else {
            return out + HTML.el("p", [("class", "ov-body")], text: "No monthly figures yet.")
        }
        let lastYear = SeriesPoint.lastYear(of: shown, in: model.monthly)
        out += HTML.el(
            "div", [("class", "ov-figure")],
            Chart.line(id: "measure-chart", title: "\(title): \(heading.lowercased())", series: shown, unit: model.unit, lastYear: lastYear))
        out += Notice.details(
            summary: "Show the figures month by month",
            content: Chart.table(caption: "\(title): \(heading.lowercased())", series: shown, unit: model.unit, lastYear: lastYear))
        return out
    }

    static func drillDown(_ model: Model) -> HTML {
        var out = HTML.el("h2", [("class", "ov-heading-l"), ("id", "children")], text: "The records behind the figures")
        guard model.showsChildren else {
            return out + Notice.inset(text: "Your role shows totals only. Lists of children and their records are not shown and cannot be downloaded.")
        }
        guard model.result != nil else { return out + HTML.el("p", [("class", "ov-body")], text: "There are no records for this period.") }
        out += HTML.el(
            "p", [("class", "ov-body")], text: "Each row is one record counted by the measure. Open a child to see their timeline. Your viewing of these lists is recorded.")
        out += HTML.el(
            "form", [("method", "get"), ("action", SiteURL.measure(model.measureID)), ("class", "ov-filter-form ov-no-print"), ("role", "search")],
            FormGroup.text(id: "q", label: "Filter by child, record or key", value: model.filter, type: "search")
                + (model.sources.count > 1
                    ? FormGroup.select(
                        id: "src", label: "Source", options: [FormOption(value: "", label: "Every file")] + model.sources,
                        selected: model.source.map(String.init) ?? "")
                    : .empty)
                + (model.teams.isEmpty
                    ? .empty
                    : FormGroup.select(
                        id: "team", label: "Team", options: [FormOption(value: "", label: "Every team")] + model.teams,
                        selected: model.holderFilter.team ?? ""))
                + (model.workers.isEmpty
                    ? .empty
                    : FormGroup.select(
                        id: "worker", label: "Worker", options: [FormOption(value: "", label: "Every worker")] + model.workers,
                        selected: model.holderFilter.worker ?? ""))
                + (model.recordsTab == .denominator ? FormGroup.hidden(name: "records", value: "all") : .empty)
                + model.choice.queryItems.compactMap { n, v in v.map { FormGroup.hidden(name: n, value: $0) } }.joined
                + Button.render("Filter", kind: .secondary)
                + (!model.isFiltered
                    ? .empty
                    : HTML.el(
                        "p", [("class", "ov-body")],
                        HTML.el("a", [("href", Query(path: SiteURL.measure(model.measureID), model.choice.queryItems).href)], text: "Clear the filter"))))
        // Two tabs when the measure has a base: the records counted, and every record of the base.
        if let n = model.numerator, let d = model.denominator {
            let base = Query(
                path: SiteURL.measure(model.measureID), model.choice.queryItems + [("q", model.filter), ("src", model.source.map(String.init))] + model.holderItems)
            out += Tabs.render(
                [
                    Tabs.Tab(id: "counted", label: "Counted (\(Format.count(n.total)))", href: base.href + "#children"),
                    Tabs.Tab(id: "all", label: "All (\(Format.count(d.total)))", href: base.setting("records", "all").href + "#children"),
                ], selected: model.recordsTab == .denominator ? "all" : "counted", label: "Records")
        }
        if let list = model.recordsTab == .denominator ? model.denominator : model.numerator {
            out += drillTable(list, model: model)
        }
        return out
    }

    static func drillTable(_ list: DrillList, model: Model) -> HTML {
        let heading = list.side == .numerator ? (model.denominator == nil ? "Records counted" : "Counted") : "All records of the base"
        let id = "\(list.side.rawValue)-records"
        var out = HTML.el("h3", [("class", "ov-heading-m"), ("id", id)], text: "\(heading): \(Format.count(list.total)) records")
        if model.isFiltered {
            out += HTML.el("p", [("class", "ov-body")], text: "\(Format.count(list.matching)) match the filter.")
        }
        // The key is shown only where it says something the start date does not (it is usually
        // the start date), and the data-quality column only where a row came from a row with errors.
        let showsKey = list.rows.contains { $0.record.key != ($0.record.start?.iso ?? "") }
        let showsFlag = list.rows.contains(where: \.isFromRowWithErrors)
        // Who held the child, where the organisation is loaded.
        let showsHolder = !model.teams.isEmpty || !model.workers.isEmpty
        let rows = list.rows.map { r -> [HTML] in
            [
                r.record.child.isEmpty ? .text("Not named") : HTML.el("a", [("href", SiteURL.child(r.record.child))], text: r.record.child),
                .text(DrillList.kindWords(r.record.kind)),
            ]
                + (showsKey ? [.text(r.record.key)] : [])
                + [.text(Format.date(r.record.start)), .text(Format.date(r.record.end))]
                + (showsHolder
                    ? [.text(r.holder.map { h in h.worker.map { w in "\(h.team ?? "No team") (\(w))" } ?? "Unallocated" } ?? "")] : [])
                + [.text(DrillList.why(r.record, side: list.side, period: model.period))]
                + (showsFlag ? [r.isFromRowWithErrors ? StatusTag.render("From a row with errors", colour: .red) : .text("")] : [])
        }
        let columns: [DataTable.Column] =
            [.init("child", "Child", isSortable: true), .init("kind", "Record", isSortable: true)]
            + (showsKey ? [.init("key", "Key", isSortable: true)] : [])
            + [.init("start", "Start", isSortable: true), .init("end", "End", isSortable: true)]
            + (showsHolder ? [.init("holder", "Team (worker)")] : [])
            + [.init("why", "Why it is listed")]
            + (showsFlag ? [.init("flag", "Data quality")] : [])
        out += DataTable(
            caption: "\(heading) records for \(Format.period(model.period))",
            columns: columns,
            rows: rows, sort: list.sort, link: model.link,
            emptyMessage: model.isFiltered ? "No records match the filter." : "No records.",
            parameterPrefix: list.side.prefix, anchor: id
        ).render()
        out += Pagination.render(
            page: list.page, pageCount: list.pageCount, link: model.link, label: "\(heading) pages",
            parameterPrefix: list.side.prefix, anchor: id)
        let items = model.choice.queryItems + [("q", model.filter)]
        let csv = Query(path: (list.side == .numerator ? SitePath.measureNumeratorCSV : SitePath.measureDenominatorCSV).link(model.measureID), items)
        let xlsx = Query(path: (list.side == .numerator ? SitePath.measureNumeratorXLSX : SitePath.measureDenominatorXLSX).link(model.measureID), items)
        out += HTML.el(
            "p", [("class", "ov-body ov-no-print")],
            HTML.el(
                "a", [("href", csv.href), ("download", "")],
                .text("Download as CSV") + HTML.el("span", [("class", "ov-visually-hidden")], text: " (\(heading.lowercased()) records)"))
                + .text(" or ")
                + HTML.el(
                    "a", [("href", xlsx.href), ("download", "")],
                    .text("as an Excel workbook") + HTML.el("span", [("class", "ov-visually-hidden")], text: " (\(heading.lowercased()) records)")))
        return HTML.el("section", [("aria-labelledby", id)], out)
    }

    static func unitWords(_ u: MeasureUnit) -> String {
        switch u {
        case .count: return "A number"
        case .percent: return "A percentage: 100 x numerator / denominator"
        case .rate: return "A rate per 10,000 children aged 0 to 17"
        case .ratio: return "A ratio"
        }
    }

    static func sourceWords(_ s: MeasureSource) -> String { s.words }
}

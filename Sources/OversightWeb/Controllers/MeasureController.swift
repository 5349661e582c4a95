import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// The measures: the catalogue, one measure's page with its drill-down, and CSV downloads.
enum MeasureController {
    /// GET /measures: every measure with its value for the period.
    static func index(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        let results = Dictionary(
            services.dashboards.allMeasures(authority: user.authority, period: period, snapshot: snapshot).map { ($0.id, $0) },
            uniquingKeysWith: { a, _ in a })
        let model = MeasureIndexPage.Model.make(
            definitions: MeasureCatalogue.all + MeasureCatalogue.qualityAssurance + MeasureCatalogue.feedback + HandEnteredMeasures.all,
            results: results, period: period,
            periodOptions: DashboardController.periodOptions(snapshot: snapshot, period: period),
            selectedPeriod: period.description)
        let downloads = HTML.el(
            "p", [("class", "ov-body")],
            HTML.el("a", [("href", SitePath.measuresCSV.link() + "?period=\(period.description)"), ("download", "")], text: "Download every measure as CSV") + .text(" or ")
                + HTML.el("a", [("href", SitePath.measuresXLSX.link() + "?period=\(period.description)"), ("download", "")], text: "as an Excel workbook"))
        return Pages.page(req, title: MeasureIndexPage.title(model), section: "Measures", content: MeasureIndexPage.render(model) + downloads)
    }

    /// GET /measures/:id
    static func show(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let id = req.parameters.get("id") ?? ""
        guard Plan.measureDefinition(id) != nil else { throw Abort(.notFound) }
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let query = queryDictionary(req)
        let showsChildren = user.role.seesChildLevelData
        // The page depends only on the data version, the query and whether children are shown, so
        // it is rendered once per combination; the activity log is written on every view.
        let queryKey = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        let cached = await services.dashboards.page(authority: user.authority, key: "measure|\(id)|\(showsChildren)|\(queryKey)", snapshot: snapshot) {
            await Self.render(id: id, query: query, showsChildren: showsChildren, authority: user.authority, snapshot: snapshot, services: services)
        }
        if showsChildren, cached.hasResult {
            try await services.accounts.record(
                authority: user.authority, user: user.username, action: "viewed drill-down",
                target: "\(id) \(cached.period)", isChildLevel: true)
        }
        // The content was rendered by MeasurePage from escaped fragments and cached as markup.
        return Pages.page(
            req, title: cached.title, section: "Measures", content: .raw(cached.content),
            breadcrumbs: [Breadcrumb("Measures", href: SiteURL.measures)], status: cached.hasErrors ? .badRequest : .ok)
    }

    /// The measure page's content for a query.
    static func render(
        id: String, query: [String: String], showsChildren: Bool, authority: String, snapshot: EngineSnapshot,
        services: WebServices
    ) async -> RenderedPage {
        let fallback = services.dashboards.defaultPeriod(snapshot)
        let years = Set(snapshot.engine.data.files.compactMap(\.collectionYear)).sorted(by: >)
        // The series and comparators follow the period the form resolves to.
        let probe = PeriodChoice(query: query, defaultYear: fallback.end.collectionYear)
        let shown: Period = (try? probe.resolve().get()) ?? fallback
        let monthly = await services.dashboards.cachedSeries(id, authority: authority, endingOn: shown.end, snapshot: snapshot, months: 36)
        let summary = services.options.statistics.flatMap { stats in
            Comparators.lookup(statistics: stats, la: authority)(id, shown)
        }
        let neighbours: [NeighbourValue] =
            summary.map { s in
                s.neighbours.map { code in
                    NeighbourValue(
                        code: code, name: services.options.statistics?.describe(la: code, year: s.year)?.name ?? code,
                        value: services.options.statistics?.value(measure: id, geography: .localAuthority(code), year: s.year))
                }
            } ?? []
        let errorsRows = showsChildren ? snapshot.engine.data.rowsWithErrors : []
        // The plan's KPI on this measure, judged as the overview judges it for the same period.
        let kpi = await services.dashboards.dashboard(authority: authority, period: shown, snapshot: snapshot).evaluations
            .first { $0.kpi.measure == id }.map { KPITile.make($0, monthly: [], period: shown) }
        var model = MeasurePage.Model.make(
            measureID: id, query: query, years: years, fallback: fallback,
            resolve: { p in services.dashboards.measure(id, authority: authority, period: p, snapshot: snapshot, includeRecords: showsChildren) },
            monthly: monthly, comparators: summary, neighbours: neighbours, showsChildren: showsChildren,
            rowsWithErrors: errorsRows, kpi: kpi, files: snapshot.engine.data.files,
            organisation: showsChildren ? services.dashboards.numbers.organisation(snapshot) : nil)
        // The figure for the team, service or worker chosen, as the By team page counts it.
        func given(_ name: String) -> String? { query[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
        let part: AuthorityNumbers.Part? =
            if let t = given("team") { t == DrillList.HolderFilter.unallocated ? .unallocated : .team(t) } else if let s = given("service") {
                .service(s)
            } else if let w = given("worker"), showsChildren { .worker(w) } else { nil }
        if let part, model.periodErrors.isEmpty {
            model.part = (part.label, services.dashboards.numbers.measure(id, period: model.period, snapshot: snapshot, part: part))
        }
        return RenderedPage(
            title: MeasurePage.title(model), content: MeasurePage.render(model).markup, period: model.period.description,
            hasResult: model.result != nil, hasErrors: !model.periodErrors.isEmpty)
    }

    /// GET /measures/:id/teams: the measure for every team, the authority's figure first and the
    /// unallocated children last, each team opening its children on the measure page.
    static func teams(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let id = req.parameters.get("id") ?? ""
        guard let definition = Plan.measureDefinition(id) else { throw Abort(.notFound) }
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        let numbers = services.dashboards.numbers
        let showsChildren = user.role.seesChildLevelData
        // Made once per data version, period and whether the links to children are shown.
        let page = await services.dashboards.page(authority: user.authority, key: "teams|\(id)|\(period)|\(showsChildren)", snapshot: snapshot) {
            let rows = numbers.teamComparison(id, period: period, snapshot: snapshot).map { f -> TeamComparisonPage.Row in
                switch f.part {
                case .team(let t): return .init(label: t, service: f.service, filter: t, result: f.result)
                case .unallocated: return .init(label: "Unallocated", service: nil, filter: DrillList.HolderFilter.unallocated, result: f.result)
                case .service(let sv): return .init(label: sv, service: sv, filter: nil, result: f.result)
                case .worker(let w): return .init(label: f.part.label, service: nil, filter: w, result: f.result)
                }
            }
            let content = TeamComparisonPage.render(
                measureID: id, title: definition.title, unit: definition.unit, period: period, periodQuery: period.description,
                authority: services.dashboards.measure(id, authority: user.authority, period: period, snapshot: snapshot), rows: rows,
                showsChildren: showsChildren)
            return RenderedPage(title: "\(definition.title) by team", content: content.markup, period: period.description, hasResult: true, hasErrors: false)
        }
        // Rendered by TeamComparisonPage from escaped fragments, cached as markup.
        return Pages.page(
            req, title: page.title, section: "Measures", content: .raw(page.content),
            breadcrumbs: [Breadcrumb("Measures", href: SiteURL.measures), Breadcrumb(definition.title, href: SiteURL.measure(id) + "?period=\(period.description)")])
    }

    /// GET /measures/:id/series.csv: the monthly series (aggregates only).
    static func seriesDownload(_ req: Request, format: String) async throws -> Response {
        let user = try req.requireUser
        let id = req.parameters.get("id") ?? ""
        guard Plan.measureDefinition(id) != nil else { throw Abort(.notFound) }
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        let series = services.dashboards.series(id, authority: user.authority, endingOn: period.end, snapshot: snapshot)
        func number(_ d: Double?) -> ExportValue { d.map { .number($0) } ?? .empty }
        let table = ExportTable(
            title: "\(id) by month",
            columns: [
                .init("start", .date), .init("end", .date), .init("numerator", .decimal),
                .init("denominator", .decimal), .init("value", .decimal),
            ],
            rows: series.map { r in [.date(r.period.start), .date(r.period.end), number(r.numerator), number(r.denominator), number(r.value)] })
        return try Pages.download(table, filename: "\(id)-series", format: format)
    }

    /// GET /measures/:id/numerator.csv and denominator.csv: the records behind the numbers (logged).
    static func recordsDownload(_ req: Request, side: DrillList.Side, format: String) async throws -> Response {
        let user = try req.requireUser
        let id = req.parameters.get("id") ?? ""
        guard Plan.measureDefinition(id) != nil else { throw Abort(.notFound) }
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let fallback = services.dashboards.defaultPeriod(snapshot)
        let choice = PeriodChoice(query: queryDictionary(req), defaultYear: fallback.end.collectionYear)
        let period: Period
        switch choice.resolve() {
        case .success(let p): period = p
        case .failure: period = try req.requestedPeriod() ?? fallback
        }
        guard let r = services.dashboards.measure(id, authority: user.authority, period: period, snapshot: snapshot, includeRecords: true) else {
            throw Abort(.notFound, reason: "This measure cannot be computed for that period.")
        }
        let errorsRows = snapshot.engine.data.rowsWithErrors
        let records = side == .numerator ? r.numeratorRecords : r.denominatorRecords
        try await services.accounts.record(
            authority: user.authority, user: user.username, action: "downloaded \(side.rawValue) records",
            target: "\(id) \(period)", isChildLevel: true)
        let table = ExportTable(
            title: "\(id) \(side.rawValue)",
            columns: [
                .init("child"), .init("kind"), .init("key"), .init("start", .date), .init("end", .date),
                .init("from_row_with_errors"),
            ],
            rows: records.map { d in
                [
                    .text(d.child), .text(d.kind), .text(d.key), d.start.map { .date($0) } ?? .empty, d.end.map { .date($0) } ?? .empty,
                    .text(d.origin.map { errorsRows.contains($0) ? "yes" : "no" } ?? "no"),
                ]
            })
        return try Pages.download(table, filename: "\(id)-\(period.start.iso)-\(period.end.iso)-\(side.rawValue)", format: format)
    }

    /// The request's query string as a dictionary (last value wins).
    static func queryDictionary(_ req: Request) -> [String: String] {
        var out: [String: String] = [:]
        for item in URLComponents(string: req.url.string)?.queryItems ?? [] { out[item.name] = item.value ?? "" }
        return out
    }
}

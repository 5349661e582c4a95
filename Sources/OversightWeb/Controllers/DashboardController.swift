import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// The overview and the ambition pages.
enum DashboardController {
    /// GET /: the overview; partner auditors, who see only their audits, go there instead, and
    /// regional analysts to their region's page.
    static func home(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        guard user.role.seesDashboards else {
            if user.role.seesRegion { return req.redirect(to: SiteURL.region) }
            if WebFeatures.hasAudits { return req.redirect(to: SiteURL.audits) }
            throw Abort(.forbidden)
        }
        let (data, options, selected, snapshot) = try await dashboard(req, authority: user.authority)
        let plan = data.plan
        let status = (try? req.query.get(String.self, at: "status")).flatMap(KPIStatus.init(rawValue:))
        let canEnter = Access.handEntry.allows(user.role)
        // Action updates and imports raise the authority's revision, so the snapshot (and this
        // cache) changes with them: what is read here is never older than the page.
        let (loaded, actions) = try await req.services.dashboards.deliveryFacts(authority: user.authority, snapshot: snapshot)
        let updates = OverviewPage.ActionNote.latest(actions)
        let (part, shown) = try await partShown(req, data: data, snapshot: snapshot)
        let key = "overview|\(data.period)|\(selected)|\(status?.rawValue ?? "all")|\(canEnter)|\(part?.key ?? "")"
        let content = await req.services.dashboards.content(authority: user.authority, key: key, snapshot: snapshot) {
            var model = OverviewPage.Model.make(
                plan: plan, evaluations: shown.evaluations, monthly: shown.series, period: data.period,
                periodOptions: options, selectedPeriod: selected, loaded: loaded, statusFilter: status, latestUpdates: updates,
                canEnterValues: canEnter)
            model.part = partChoice(part, req, period: data.period, snapshot: snapshot)
            return OverviewPage.render(model).markup
        }
        // The content was rendered by OverviewPage from escaped fragments and cached as markup;
        // the user's own actions overdue or due soon (theirs by name) follow its heading.
        let title = (status.map { "KPIs \(StatusTag.words($0).lowercased())" } ?? "Overview") + (part.map { ": \($0.label)" } ?? "")
        let mine =
            try await AuditAlertController.homeNotice(for: user, req)
            + OverviewPage.yourActions(actions, owner: user.displayName, today: Day(req.services.clock()))
        var markup = content
        if mine != .empty, let heading = markup.range(of: "</h1>") { markup.insert(contentsOf: mine.markup, at: heading.upperBound) }
        return Pages.page(req, title: title, section: "Overview", content: .raw(markup))
    }

    /// GET /ambitions/:number: one ambition with three tabs (`tab=kpis|actions|commentary`), the
    /// period carried by every tab's link. The KPIs tab comes from the cache of rendered pages;
    /// the actions and the commentary are read from the store at each view.
    static func ambition(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (data, options, selected, snapshot) = try await dashboard(req, authority: user.authority)
        let plan = data.plan
        guard let n = req.parameters.get("number", as: Int.self), let ambition = plan.ambitions.first(where: { $0.number == n }) else {
            throw Abort(.notFound)
        }
        let tab = AmbitionPage.Tab(query: try? req.query.get(String.self, at: "tab"))
        let (part, shown) = tab == .kpis ? try await partShown(req, data: data, snapshot: snapshot) : (nil, data)
        // The page model, its title and its markup are made once per data version, period, choice and tab.
        let page = await req.services.dashboards.page(
            authority: user.authority, key: "ambition|\(n)|\(data.period)|\(selected)|\(tab == .kpis ? "kpis|\(part?.key ?? "")" : "head-\(tab.rawValue)")",
            snapshot: snapshot
        ) {
            var comparators: [String: ComparatorSummary] = [:]
            for e in shown.evaluations where e.ambition == n {
                if let s = e.comparator?.summary { comparators[e.kpi.measure] = s }
            }
            var model = AmbitionPage.Model.make(
                plan: plan, ambition: ambition, evaluations: shown.evaluations, monthly: shown.series,
                comparators: comparators, period: data.period, periodOptions: options, selectedPeriod: selected)
            if tab == .kpis { model.part = partChoice(part, req, period: data.period, snapshot: snapshot) }
            let markup = tab == .kpis ? AmbitionPage.render(model) : AmbitionPage.header(model, tab: tab)
            return RenderedPage(title: AmbitionPage.title(model), content: markup.markup, period: data.period.description, hasResult: true, hasErrors: false)
        }
        // Rendered by AmbitionPage from escaped fragments, cached as markup.
        var content = HTML.raw(page.content)
        switch tab {
        case .kpis: break
        case .actions: content += try await PlanController.actionsTab(req, user: user, ambition: n)
        case .commentary:
            content += try await PlanController.commentaryTab(req, user: user, ambition: n, period: data.period)
            content += try await PlanController.kpiCommentarySection(
                req, user: user, ambition: n, period: data.period, red: data.evaluations.filter { $0.ambition == n && $0.status == .red })
        }
        if let notice = try? req.query.get(String.self, at: "notice"), let heading = PlanController.notices[notice] {
            content = Notice.banner(.success, heading: heading) + content
        }
        return Pages.page(
            req, title: tab == .kpis ? page.title : "\(tab.label): \(page.title)", section: "Overview", content: content,
            breadcrumbs: [Breadcrumb("Overview", href: SiteURL.overview)])
    }

    /// The part of the authority a dashboard is asked to show (`for=team:NAME`, `for=service:NAME`;
    /// nil: the whole authority), checked against the organisation, with the KPIs for it (the
    /// application layer's `kpis(period:snapshot:part:)`).
    /// - Throws: 400 naming the parts there are, for a part the organisation does not have.
    static func partShown(
        _ req: Request, data: DashboardData, snapshot: EngineSnapshot
    ) async throws -> (AuthorityNumbers.Part?, DashboardData) {
        let key = FrontLineController.query(req, "for")
        guard !key.isEmpty else { return (nil, data) }
        let numbers = req.services.dashboards.numbers
        let resolved = FrontLineController.part(key, period: data.period, snapshot: snapshot, numbers: numbers)
        if let error = resolved.error { throw Abort(.badRequest, reason: error) }
        guard let part = resolved.part else { return (nil, data) }
        return (part, await numbers.kpis(period: data.period, snapshot: snapshot, part: part))
    }

    /// The part shown and the parts to choose from, for the page's chooser: read only when the
    /// page is rendered, not on each view of the cached page.
    static func partChoice(_ part: AuthorityNumbers.Part?, _ req: Request, period: Period, snapshot: EngineSnapshot) -> PartChoice {
        let options = req.services.dashboards.numbers.partChoices(during: period, snapshot: snapshot).map { FormOption(value: $0.key, label: $0.label) }
        return PartChoice(key: part?.key ?? "", label: part?.label, options: options)
    }

    /// The dashboard for the requested period (default: the newest reporting year loaded) and the
    /// periods the chooser offers.

    static func dashboard(_ req: Request, authority: String) async throws -> (DashboardData, [FormOption], String, EngineSnapshot) {
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: authority)
        let period = try req.requestedPeriod() ?? services.dashboards.defaultPeriod(snapshot)
        let data = await services.dashboards.dashboard(authority: authority, period: period, snapshot: snapshot)
        let requested = req.url.query?.isEmpty == false ? (try? req.query.get(String.self, at: "period")) ?? "" : ""
        let (options, chosen) = services.dashboards.periodChoices(snapshot: snapshot, period: period) {
            let options = periodOptions(snapshot: snapshot, period: period)
            return (options, options.first(where: { Period.parse($0.value) == period })?.value)
        }
        return (data, options, chosen ?? requested, snapshot)
    }

    /// Reporting years with data, newest first, then the rolling 12 months to each month-end of
    /// the newest year.
    static func periodOptions(snapshot: EngineSnapshot, period: Period) -> [FormOption] {
        let years = Set(snapshot.engine.data.files.compactMap(\.collectionYear)).sorted(by: >)
        var out = years.map { FormOption(value: String($0), label: "Reporting year \(Format.reportingYear($0))") }
        if let latest = years.first {
            var end = Period.reportingYear(latest).end
            for _ in 0..<11 {
                end = end.adding(months: -1).endOfMonth
                let p = Period.rolling12Months(endingOn: end)
                out.append(FormOption(value: p.description, label: "12 months to \(Format.date(end))"))
            }
        }
        if !out.contains(where: { Period.parse($0.value) == period }) {
            out.insert(FormOption(value: period.description, label: Format.period(period)), at: 0)
        }
        return out
    }
}

import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews

extension AuthorityNumbers {
    /// Everything report `kind` shows for `period`, from the snapshot and, when the numbers come
    /// from a store, the authority's actions, the leads' commentary and the data quality of its
    /// active imports. `dataQuality` replaces the store's (reports made from files pass the
    /// findings of validating them). `team` is the worker (SW_ID) a performance clinic covers.
    public func reportInput(
        _ kind: ReportKind, period p: Period, snapshot: AuthoritySnapshot, suppress: Bool = false, team: String? = nil,
        authorityName: String? = nil, dataQuality: DataQualitySummary? = nil, population: Int? = nil
    ) async throws -> ReportInput {
        var actions: [PlanAction] = []
        var commentary: [Int: AmbitionCommentary] = [:]
        var quality = dataQuality
        if let store, !snapshot.authority.isEmpty, snapshot.version != "files" {
            actions = try await store.actions(authority: snapshot.authority, clock: clock).all()
            commentary = try await store.plans(authority: snapshot.authority, clock: clock).commentary(period: p)
            if quality == nil { quality = try await ReportInputs.quality(store: store, authority: snapshot.authority) }
        }
        let plan = snapshot.plan(for: p)
        var input = ReportInput(
            authority: authorityName ?? self.authorityName(snapshot.authority), plan: plan, period: p,
            generatedOn: kind == .daily ? p.end : snapshot.reportDate, actions: actions, commentary: commentary,
            audit: ReportInputs.audits(snapshot.audits, period: p, reportDate: snapshot.reportDate), dataQuality: quality,
            team: team, suppression: suppress ? .on : .off)
        let months = Self.twelveMonths(endingOn: p.end)
        switch kind {
        case .board:
            input.evaluations = await kpis(period: p, snapshot: snapshot, withSeries: false).evaluations
            for id in Set(input.evaluations.map(\.kpi.measure)) { input.series[id] = calendarMonths(id, endingOn: p.end, snapshot: snapshot) }
            for e in input.evaluations { if let c = e.comparator?.summary { input.comparators[e.kpi.measure] = c } }
        case .daily:
            input.frontLine = FrontLineList(data: snapshot.data, asAt: DayTime(day: p.end, hour: 23, minute: 59))
            if snapshot.data.hasLocalMissing || snapshot.data.hasSupervision {
                input.results = allMeasures(period: p, snapshot: snapshot, population: population)
            }
        case .weekly:
            input.results = allMeasures(period: p, snapshot: snapshot, ids: WeeklyReport.measures, population: population)
            input.previousResults = allMeasures(period: p.previous, snapshot: snapshot, ids: WeeklyReport.measures, population: population)
        case .monthly:
            input.results = allMeasures(period: p, snapshot: snapshot, population: population)
            var byID: [String: [MeasureResult]] = [:]
            for m in months {
                for r in allMeasures(period: m, snapshot: snapshot, population: population) { byID[r.id, default: []].append(r) }
            }
            input.series = byID
            if let lookup = comparatorLookup(authority: snapshot.authority) {
                for r in input.results { if let c = lookup(r.id, p) { input.comparators[r.id] = c } }
            }
        case .clinic:
            var clinic = snapshot
            if let team {
                let data = Caseload.restrict(snapshot.data, to: Caseload.children(of: team, in: snapshot.data, period: p), worker: team)
                clinic.engine = MeasureEngine(data: data)
                clinic.rowsWithErrors = data.rowsWithErrors
            }
            input.results = allMeasures(period: p, snapshot: clinic, includeRecords: true, population: population)
        }
        return input
    }
}

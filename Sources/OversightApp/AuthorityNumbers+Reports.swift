import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews

extension AuthorityNumbers {
    /// Everything report `kind` shows for `period`, from the snapshot and, when the numbers come
    /// from a store, the authority's actions, the leads' commentary and the data quality of its
    /// active imports. `dataQuality` replaces the store's (reports made from files pass the
    /// findings of validating them). `part` is the team, service or worker the report covers
    /// (nil: the whole authority; a performance clinic needs one).
    public func reportInput(
        _ kind: ReportKind, period p: Period, snapshot: AuthoritySnapshot, suppress: Bool = false, part: Part? = nil,
        authorityName: String? = nil, dataQuality: DataQualitySummary? = nil, population: Int? = nil
    ) async throws -> ReportInput {
        var actions: [PlanAction] = []
        var commentary: [Int: AmbitionCommentary] = [:]
        var kpiCommentary: [String: KPICommentary] = [:]
        var quality = dataQuality
        if let store, !snapshot.authority.isEmpty, snapshot.version != "files" {
            actions = try await store.actions(authority: snapshot.authority, clock: clock).all()
            commentary = try await store.plans(authority: snapshot.authority, clock: clock).commentary(period: p)
            kpiCommentary = try await store.plans(authority: snapshot.authority, clock: clock).kpiCommentary(period: p)
            if quality == nil { quality = try await ReportInputs.quality(store: store, authority: snapshot.authority) }
        }
        let plan = snapshot.plan(for: p)
        var input = ReportInput(
            authority: authorityName ?? self.authorityName(snapshot.authority), plan: plan, period: p,
            generatedOn: kind == .daily ? p.end : snapshot.reportDate, actions: actions, commentary: commentary,
            audit: ReportInputs.audits(snapshot.audits, period: p, reportDate: snapshot.reportDate), dataQuality: quality,
            team: part?.label, suppression: suppress ? .on : .off)
        input.kpiCommentary = kpiCommentary
        let months = Self.twelveMonths(endingOn: p.end)
        if kind == .board {
            input.evaluations = await kpis(period: p, snapshot: snapshot, withSeries: false).evaluations
            for id in Set(input.evaluations.map(\.kpi.measure)) { input.series[id] = calendarMonths(id, endingOn: p.end, snapshot: snapshot) }
            for e in input.evaluations { if let c = e.comparator?.summary { input.comparators[e.kpi.measure] = c } }
        }
        // The measures for the report's part (or the whole authority).
        func measures(_ period: Period, ids: [String]? = nil, of part: Part? = part) -> [MeasureResult] {
            guard let part else { return allMeasures(period: period, snapshot: snapshot, ids: ids, population: population) }
            return allMeasures(period: period, snapshot: snapshot, part: part, ids: ids)
        }
        switch kind {
        case .board:
            break
        case .daily:
            input.frontLine = frontLine(day: p.end, snapshot: snapshot, part: part)
            if snapshot.data.hasLocalMissing || snapshot.data.hasSupervision { input.results = measures(p) }
        case .weekly:
            input.results = measures(p, ids: WeeklyReport.measures)
            input.previousResults = measures(p.previous, ids: WeeklyReport.measures)
        case .monthly:
            input.results = measures(p)
            var byID: [String: [MeasureResult]] = [:]
            for m in months { for r in measures(m) { byID[r.id, default: []].append(r) } }
            input.series = byID
            if part == nil, let lookup = comparatorLookup(authority: snapshot.authority) {
                for r in input.results { if let c = lookup(r.id, p) { input.comparators[r.id] = c } }
            }
        case .clinic:
            let wider = part.flatMap { widerPart($0, on: p.end, snapshot: snapshot) }
            input.results = part == nil ? allMeasures(period: p, snapshot: snapshot, includeRecords: true, population: population) : measures(p)
            let before = KPIEvaluator.previousPeriod(of: p)
            input.previousResults = measures(before)
            input.previousPeriod = before
            input.clinicPart = part?.key
            input.comparison = part == nil ? [] : measures(p, of: wider)
            input.comparisonLabel = part == nil ? nil : wider?.label ?? "The authority"
            input.clinic = ClinicFigure.lines(
                plan: plan, period: p, results: input.results, comparison: input.comparison, previous: input.previousResults,
                lastYear: measures(p.yearEarlier))
        }
        return input
    }

    /// The part a clinic compares `part` with: a team's service, a worker's team on `day`; nil
    /// (the whole authority) for a service, for unallocated children, and for a team or worker
    /// with none.
    public func widerPart(_ part: Part, on day: Day, snapshot: AuthoritySnapshot) -> Part? {
        let org = organisation(snapshot)
        switch part {
        case .team(let t): return org.teams(on: day).first { $0.name == t }?.service.map { .service($0) }
        case .worker(let w): return org.spell(of: w, on: day).map { .team($0.team) }
        case .service, .unallocated: return nil
        }
    }

    /// The plan's KPIs that are red for `period` and have no account from their lead (why, and
    /// what is being done): a board pack from the store is not made while there are any. Empty
    /// for numbers read from files (they have no commentary to hold).
    public func kpisNeedingCommentary(period p: Period, snapshot: AuthoritySnapshot) async throws -> [KPIEvaluation] {
        guard let store, !snapshot.authority.isEmpty, snapshot.version != "files" else { return [] }
        let written = try await store.plans(authority: snapshot.authority, clock: clock).kpiCommentary(period: p)
        let red = await kpis(period: p, snapshot: snapshot, withSeries: false).evaluations.filter { $0.status == .red }
        var seen: Set<String> = []
        return red.filter { written[$0.kpi.measure] == nil && seen.insert($0.kpi.measure).inserted }
    }
}

extension AuthorityNumbers {
    /// Throws `BoardPackNeedsCommentary` when a board pack for `period` may not be made yet
    /// (`kpisNeedingCommentary` is not empty).
    public func checkBoardPackReady(period p: Period, snapshot: AuthoritySnapshot) async throws {
        let missing = try await kpisNeedingCommentary(period: p, snapshot: snapshot)
        guard missing.isEmpty else { throw BoardPackNeedsCommentary(kpis: missing.map { ($0.ambition, $0.kpi.wording, $0.kpi.measure) }, period: p) }
    }
}

/// A board pack refused because red KPIs have no account from their lead.
public struct BoardPackNeedsCommentary: Error, CustomStringConvertible, Sendable {
    /// The red KPIs without one: ambition, the KPI's wording and its measure id.
    public var kpis: [(ambition: Int, wording: String, measure: String)]
    public var period: Period

    public var description: String {
        "the board pack for \(period) needs the lead's commentary (why it is off track, and what is being done) on \(kpis.count) red KPI\(kpis.count == 1 ? "" : "s"): "
            + kpis.map { "ambition \($0.ambition): \($0.wording) (\($0.measure))" }.joined(separator: "; ")
    }
}

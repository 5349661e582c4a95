import Foundation
import OversightCore
import OversightFormats
import OversightStore

/// One authority's measure engine for one data version, built once and shared by every request
/// until an import or an undo changes the version.
struct EngineSnapshot: Sendable {
    var version: String
    var engine: MeasureEngine
    /// The authority's audits, for the quality assurance measures.
    var audits: [Audit] = []
    /// The values entered by hand for the plan's hand-entered measures.
    var handEntered = HandEnteredValues()
    /// Changes of the plan's targets over time.
    var targets = TargetHistory()
    /// The day QA measures are reported at ("submitted by the report date").
    var reportDate: Day
    /// The supervision practice standard in days: the social workers' standard set in Oversight,
    /// else the engine's default.
    var supervisionIntervalDays: Int
    /// The reporting year (2025 = 2024-25) of the newest collection year loaded, if any.
    var latestYear: Int?
}

/// A measure page rendered once for a data version and query.
struct RenderedPage: Sendable {
    var title: String
    var content: String
    var period: String
    var hasResult: Bool
    var hasErrors: Bool
}

/// The plan's KPIs and the monthly series behind them, for one authority, data version and period.
struct DashboardData: Sendable {
    var period: Period
    var evaluations: [KPIEvaluation]
    /// Each measure's 24 rolling-12-month points to the period's end, by measure id.
    var series: [String: [MeasureResult]]
    var version: String
}

/// Computes what the dashboards show, caching engines per data version and dashboards per
/// (version, period), so a page costs a lookup once the first request has computed it.
final class DashboardService: Sendable {
    let store: Store
    let options: WebOptions
    private let cache = DashboardCache()

    let clock: @Sendable () -> Date

    init(store: Store, options: WebOptions, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store; self.options = options; self.clock = clock
    }

    /// How long a checked data version is trusted before the store is asked again. Changes made
    /// through the web clear it at once (`invalidate`); a change by another process (an
    /// `oversight import` at the command line) shows within this time.
    static let versionTTL: TimeInterval = 2

    /// The engine over the authority's current data.
    func snapshot(authority: String) async throws -> EngineSnapshot {
        if let recent = await cache.recentSnapshot(authority, now: clock(), ttl: Self.versionTTL) { return recent }
        let today = Day(clock())
        let hand = try await store.handEntries(authority: authority).values()
        let handCount = hand.current.count
        let version = try await store.measures().dataVersion(authority: authority) + "|" + store.audits().version(authority: authority)
            + "|h\(handCount)|\(today.iso)"
        if let s = await cache.engine(authority, version) {
            await cache.checked(authority, at: clock())
            return s
        }
        var data = try await store.cases.caseData(authority: authority)
        // Supervision sessions entered in Oversight count with the imported ones.
        let qa = store.audits(clock: clock)
        data.supervisions += try await qa.supervisionSessions(authority: authority)
        let standards = try await qa.practiceStandards(authority: authority)
        let interval = standards.first { $0.role.lowercased().contains("social worker") }?.supervisionIntervalDays
            ?? standards.map(\.supervisionIntervalDays).min() ?? MeasureParameters().supervisionIntervalDays
        let latest = data.files.compactMap(\.collectionYear).max()
        let audits = try await store.audits(clock: clock).allAudits(authority: authority)
        let targets = try await store.plans(authority: authority).targetHistory()
        let snapshot = EngineSnapshot(version: version, engine: MeasureEngine(data: data), audits: audits, handEntered: hand, targets: targets,
                                      reportDate: today, supervisionIntervalDays: interval, latestYear: latest)
        await cache.store(authority, snapshot)
        await cache.checked(authority, at: clock())
        return snapshot
    }

    /// `series`, remembered per data version: the measure page draws 36 months on every view.
    func cachedSeries(_ id: String, authority: String, endingOn end: Day, snapshot: EngineSnapshot, months: Int = 24) async -> [MeasureResult] {
        let key = "\(snapshot.version)|series|\(id)|\(end.iso)|\(months)"
        if let hit = await cache.series(authority, key) { return hit }
        let made = series(id, authority: authority, endingOn: end, snapshot: snapshot, months: months)
        await cache.store(authority, key, series: made)
        return made
    }

    /// A whole rendered page for this data version: `make` runs on a miss.
    func page(authority: String, key: String, snapshot: EngineSnapshot, make: () async -> RenderedPage) async -> RenderedPage {
        let full = snapshot.version + "|" + key
        if let hit = await cache.page(authority, full) { return hit }
        let made = await make()
        await cache.store(authority, full, page: made)
        return made
    }

    /// A page's main content for this data version, rendered once: `make` runs on a miss.
    func content(authority: String, key: String, snapshot: EngineSnapshot, make: () -> String) async -> String {
        let full = snapshot.version + "|" + key
        if let hit = await cache.content(authority, full) { return hit }
        let made = make()
        await cache.store(authority, full, content: made)
        return made
    }

    /// The period pages show when none is asked for: the newest reporting year loaded, or the
    /// reporting year holding today when there is no data.
    func defaultPeriod(_ snapshot: EngineSnapshot, today: Date = Date()) -> Period {
        if let y = snapshot.latestYear { return .reportingYear(y) }
        return .reportingYear(Day(today).collectionYear)
    }

    /// Measure parameters for the authority and period: the population from the published
    /// statistics when they were loaded.
    func parameters(authority: String, period: Period, includeRecords: Bool = false, supervisionIntervalDays: Int = MeasureParameters().supervisionIntervalDays) -> MeasureParameters {
        MeasureParameters(population: population(authority: authority, period: period), supervisionIntervalDays: supervisionIntervalDays,
                          includeRecords: includeRecords)
    }

    /// The authority's children aged 0-17: the mid-year estimate before the period's reporting
    /// year ends, or the newest of the three before it.
    func population(authority: String, period: Period) -> Int? {
        guard let stats = options.statistics else { return nil }
        let mid = period.end.collectionYear - 1
        for y in stride(from: mid, through: mid - 3, by: -1) {
            if let p = stats.population(la: authority, midYear: y) { return p }
        }
        return nil
    }

    /// One measure for one period (nil for an unknown id or when nothing can be computed).
    func measure(_ id: String, authority: String, period: Period, snapshot: EngineSnapshot, includeRecords: Bool = false) -> MeasureResult? {
        if MeasureCatalogue.qualityAssurance.contains(where: { $0.id == id }) {
            return QAMeasures.compute(id: id, audits: snapshot.audits, period: period, reportDate: snapshot.reportDate)
        }
        if HandEnteredMeasures.definition(id) != nil { return snapshot.handEntered.result(id, period: period) }
        return snapshot.engine.compute(id, period: period, parameters: parameters(authority: authority, period: period, includeRecords: includeRecords,
                                                                                supervisionIntervalDays: snapshot.supervisionIntervalDays))
    }

    /// Every measure the engine and the audits give for the period.
    func allMeasures(authority: String, period: Period, snapshot: EngineSnapshot) -> [MeasureResult] {
        (snapshot.engine.computeAll(period: period, parameters: parameters(authority: authority, period: period,
                                                                          supervisionIntervalDays: snapshot.supervisionIntervalDays))
            + QAMeasures.computeAll(audits: snapshot.audits, period: period, reportDate: snapshot.reportDate)).sorted { $0.id < $1.id }
    }

    /// The `months` month-ends to `end` (24 by default), each the rolling 12 months to it.
    func series(_ id: String, authority: String, endingOn end: Day, snapshot: EngineSnapshot, months: Int = 24) -> [MeasureResult] {
        let first = end.endOfMonth.adding(months: -(months - 1)).startOfMonth
        guard let span = Period(start: first, end: end.endOfMonth) else { return [] }
        let period = Period.rolling12Months(endingOn: end)
        if MeasureCatalogue.qualityAssurance.contains(where: { $0.id == id }) || HandEnteredMeasures.definition(id) != nil {
            return MeasureEngine.monthEnds(in: span).compactMap { measure(id, authority: authority, period: .rolling12Months(endingOn: $0), snapshot: snapshot) }
        }
        return snapshot.engine.monthlySeries(id, over: span, parameters: parameters(authority: authority, period: period,
                                                                                   supervisionIntervalDays: snapshot.supervisionIntervalDays))
    }

    /// The published comparators for the KPIs, when published statistics were loaded.
    func comparatorLookup(authority: String) -> KPIEvaluator.ComparatorLookup? {
        options.statistics.map { Comparators.lookup(statistics: $0, la: authority) }
    }

    /// The plan's KPIs for the period, with every KPI measure's 24-month series.
    func dashboard(authority: String, period: Period, snapshot: EngineSnapshot) async -> DashboardData {
        let key = "\(snapshot.version)|\(period.start.iso)|\(period.end.iso)"
        if let hit = await cache.dashboard(authority, key) { return hit }
        // The targets in force for the period: a target changed later keeps the old one for earlier periods.
        let plan = snapshot.targets.plan(options.plan, for: period)
        let evaluations = KPIEvaluator().evaluate(plan: plan, period: period,
                                                  measure: { id, p in self.measure(id, authority: authority, period: p, snapshot: snapshot) },
                                                  comparators: comparatorLookup(authority: authority))
        var series: [String: [MeasureResult]] = [:]
        for id in Set(evaluations.map(\.kpi.measure)) {
            series[id] = self.series(id, authority: authority, endingOn: period.end, snapshot: snapshot)
        }
        let data = DashboardData(period: period, evaluations: evaluations, series: series, version: snapshot.version)
        await cache.store(authority, key, data)
        return data
    }

    /// Forgets everything cached for the authority (after an import or an undo).
    func invalidate(authority: String) async { await cache.drop(authority) }
}

/// The caches behind `DashboardService`, one engine per authority and a few dashboards each.
actor DashboardCache {
    private var engines: [String: EngineSnapshot] = [:]
    private var dashboards: [String: [String: DashboardData]] = [:]
    private var contents: [String: [String: String]] = [:]
    private var pages: [String: [String: RenderedPage]] = [:]

    func page(_ authority: String, _ key: String) -> RenderedPage? { pages[authority]?[key] }
    func store(_ authority: String, _ key: String, page: RenderedPage) { Self.put(page, key, authority, in: &pages, limit: 256) }
    private var seriesByKey: [String: [String: [MeasureResult]]] = [:]

    func series(_ authority: String, _ key: String) -> [MeasureResult]? { seriesByKey[authority]?[key] }
    func store(_ authority: String, _ key: String, series: [MeasureResult]) { Self.put(series, key, authority, in: &seriesByKey, limit: 512) }
    private var lastChecked: [String: Date] = [:]

    func recentSnapshot(_ authority: String, now: Date, ttl: TimeInterval) -> EngineSnapshot? {
        guard let at = lastChecked[authority], now.timeIntervalSince(at) < ttl, let e = engines[authority] else { return nil }
        return e
    }
    func checked(_ authority: String, at: Date) { lastChecked[authority] = at }
    func content(_ authority: String, _ key: String) -> String? { contents[authority]?[key] }
    func store(_ authority: String, _ key: String, content: String) { Self.put(content, key, authority, in: &contents, limit: 256) }

    /// Keeps `value` under `key` in the authority's cache, emptied first once it holds more than
    /// `limit` entries (a cache per data version, so a full one is simply started again).
    private static func put<V>(_ value: V, _ key: String, _ authority: String, in caches: inout [String: [String: V]], limit: Int) {
        var c = caches[authority] ?? [:]
        if c.count > limit { c.removeAll() }
        c[key] = value
        caches[authority] = c
    }

    func engine(_ authority: String, _ version: String) -> EngineSnapshot? {
        guard let e = engines[authority], e.version == version else { return nil }
        return e
    }
    func store(_ authority: String, _ snapshot: EngineSnapshot) {
        engines[authority] = snapshot
        dashboards[authority] = [:]
        contents[authority] = [:]
        pages[authority] = [:]
    }
    func dashboard(_ authority: String, _ key: String) -> DashboardData? { dashboards[authority]?[key] }
    func store(_ authority: String, _ key: String, _ data: DashboardData) {
        var d = dashboards[authority] ?? [:]
        if d.count > 32 { d.removeAll() }
        d[key] = data
        dashboards[authority] = d
    }
    func drop(_ authority: String) {
        engines[authority] = nil
        dashboards[authority] = nil
        contents[authority] = nil
        pages[authority] = nil
        seriesByKey[authority] = nil
        lastChecked[authority] = nil
    }
}

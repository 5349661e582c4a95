import Foundation
import OversightCore
import OversightFormats
import OversightStore
import Synchronization

/// The one place where the numbers of an authority are assembled: every measure result (case
/// data, quality assurance, values entered by hand, supervision entered in Oversight with the
/// practice standards set there), flags for results built from rows with errors, the plan's KPIs
/// judged against targets, last year and the statistical neighbours, and the inputs of every
/// report. The web pages, the JSON API and every command call it and compute nothing of their own,
/// so the same question gets the same answer everywhere.
///
/// Snapshots and KPI evaluations are cached per authority and keyed on the authority's revision
/// and the engine's definition version: any write that can change a number changes the key.
public final class AuthorityNumbers: Sendable {
    /// The store; nil for numbers computed straight from files.
    public let store: Store?
    /// The published statistics (comparators, populations); nil when none are used.
    public let statistics: PublishedStatistics?
    /// The plan of an authority whose store holds none (the shipped default plan, or one given at
    /// start), read when first needed: a command answered from the measure cache never reads it.
    public var defaultPlan: Plan {
        get throws {
            if let plan = loadedPlan.withLock({ $0 }) { return plan }
            let plan = try loadPlan()
            loadedPlan.withLock { $0 = plan }
            return plan
        }
    }
    private let loadPlan: @Sendable () throws -> Plan
    private let loadedPlan = Mutex<Plan?>(nil)
    /// Each authority's organisation (who holds each child), for the data version it was built
    /// from: built once per version, not once per page.
    let organisations = Mutex<[String: (version: String, organisation: Organisation)]>([:])
    let clock: @Sendable () -> Date
    let cache = NumbersCache()
    /// Regional tables (`regionalTable`), keyed on the region, the period and every member's revision.
    let regionalTables = Mutex<[String: RegionalTable]>([:])

    public convenience init(store: Store?, statistics: PublishedStatistics?, defaultPlan: Plan, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(store: store, statistics: statistics, loadingDefaultPlan: { defaultPlan }, clock: clock)
    }

    /// Numbers whose default plan is read by `load` the first time it is needed.
    public init(
        store: Store?, statistics: PublishedStatistics?, loadingDefaultPlan load: @escaping @Sendable () throws -> Plan,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store; self.statistics = statistics; self.loadPlan = load; self.clock = clock
    }

    /// How long a checked revision is trusted before the store is asked again. 0: every request
    /// reads the authority's revision (one row, by its key), so the next request after a write,
    /// by this process or another on the same store, shows the new number.
    public static let revisionTTL: TimeInterval = 0

    // MARK: Snapshots

    /// The snapshot of `authority`'s current data. Requires a store.
    public func snapshot(authority: String) async throws -> AuthoritySnapshot {
        guard let store else { preconditionFailure("AuthorityNumbers.snapshot(authority:) needs a store") }
        if let recent = await cache.recentSnapshot(authority, now: clock(), ttl: Self.revisionTTL) { return recent }
        let today = Day(clock())
        let version = try await Self.revisionKey(store: store, authority: authority) + "|" + today.iso
        if let s = await cache.snapshot(authority, version) {
            await cache.checked(authority, at: clock())
            return s
        }
        var data = try await store.cases.caseData(authority: authority)
        // Supervision sessions entered in Oversight count with the imported ones.
        let qa = store.audits(clock: clock)
        data.supervisions += try await qa.supervisionSessions(authority: authority)
        let standards = try await qa.practiceStandards(authority: authority)
        let interval = Self.supervisionInterval(standards)
        let plan = try await store.plans(authority: authority).current()?.plan ?? defaultPlan
        let snapshot = AuthoritySnapshot(
            authority: authority, version: version, engine: MeasureEngine(data: data), rowsWithErrors: data.rowsWithErrors,
            audits: try await qa.allAudits(authority: authority), handEntered: try await store.handEntries(authority: authority).values(),
            targets: try await store.plans(authority: authority).targetHistory(), plan: plan, reportDate: today,
            supervisionIntervalDays: interval, latestYear: data.files.compactMap(\.collectionYear).max(),
            feedback: try await store.feedback(authority: authority, clock: clock).responses())
        await cache.store(authority, snapshot)
        await cache.checked(authority, at: clock())
        return snapshot
    }

    /// A snapshot of data read from files (`oversight measures --from`, `oversight report --from`):
    /// no audits, hand entries or target changes; `plan` is the plan to judge.
    public func snapshot(
        files data: CaseData, authority: String = "", plan: Plan? = nil, reportDate: Day? = nil,
        supervisionIntervalDays: Int = MeasureParameters().supervisionIntervalDays
    ) throws -> AuthoritySnapshot {
        AuthoritySnapshot(
            authority: authority, version: "files", engine: MeasureEngine(data: data), rowsWithErrors: data.rowsWithErrors,
            plan: try plan ?? defaultPlan, reportDate: reportDate ?? Day(clock()), supervisionIntervalDays: supervisionIntervalDays,
            latestYear: data.files.compactMap(\.collectionYear).max())
    }

    /// The key every cache of the authority's numbers uses: the authority's revision (raised in
    /// the same transaction as every write that can change a number) and the engine's definition
    /// version (changed whenever a measure's definition changes).
    static func revisionKey(store: Store, authority: String) async throws -> String {
        "r\(try await store.revision(authority: authority))|d\(MeasureEngine.definitionVersion)"
    }

    /// The supervision interval of the practice standards set in Oversight: the social workers'
    /// standard, else the shortest one set, else the engine's default of 28 days.
    public static func supervisionInterval(_ standards: [PracticeStandard]) -> Int {
        standards.first { $0.role.lowercased().contains("social worker") }?.supervisionIntervalDays
            ?? standards.map(\.supervisionIntervalDays).min() ?? MeasureParameters().supervisionIntervalDays
    }

    /// Forgets everything cached for the authority, so the next request reads the store again.
    public func invalidate(authority: String) async { await cache.drop(authority) }

    // MARK: Measures

    /// The authority's children aged 0-17 for rates: the ONS mid-year estimate before the
    /// period's reporting year ends, or the newest of the three before it. nil without statistics.
    public func population(authority: String, period: Period) -> Int? {
        Self.population(authority: authority, period: period, in: statistics)
    }

    /// `population(authority:period:)` in `statistics`.
    public static func population(authority: String, period: Period, in statistics: PublishedStatistics?) -> Int? {
        guard let statistics, !authority.isEmpty else { return nil }
        let mid = period.end.collectionYear - 1
        for y in stride(from: mid, through: mid - 3, by: -1) {
            if let p = statistics.population(la: authority, midYear: y) { return p }
        }
        return nil
    }

    /// The measure parameters of a snapshot for a period. `population` overrides the published one.
    public func parameters(_ snapshot: AuthoritySnapshot, period: Period, includeRecords: Bool = false, population: Int? = nil) -> MeasureParameters {
        MeasureParameters(
            population: population ?? self.population(authority: snapshot.authority, period: period),
            supervisionIntervalDays: snapshot.supervisionIntervalDays, includeRecords: includeRecords)
    }

    /// One measure for one period, flagged when it counts records from rows with errors; nil for
    /// an unknown id or when nothing can be computed (a rate without a population).
    public func measure(_ id: String, period: Period, snapshot: AuthoritySnapshot, includeRecords: Bool = false, population: Int? = nil) -> MeasureResult? {
        if MeasureCatalogue.qualityAssurance.contains(where: { $0.id == id }) {
            return QAMeasures.compute(id: id, audits: snapshot.audits, period: period, reportDate: snapshot.reportDate)
        }
        if let feedback = FeedbackMeasures.compute(id: id, responses: snapshot.feedback, period: period) { return feedback }
        if HandEnteredMeasures.definition(id) != nil { return snapshot.handEntered.result(id, period: period) }
        guard MeasureEngine.measureIDs.contains(id) else { return nil }
        return RowErrorFlags.computeAll(
            snapshot.engine, period: period, ids: [id],
            parameters: parameters(snapshot, period: period, includeRecords: includeRecords, population: population),
            rowsWithErrors: snapshot.rowsWithErrors
        ).first
    }

    /// Every measure for the period, by measure id: the case data's measures (flagged), the
    /// quality assurance measures, the feedback measures and the values entered by hand for the period. With `ids`, only those.
    public func allMeasures(
        period: Period, snapshot: AuthoritySnapshot, ids: [String]? = nil, includeRecords: Bool = false,
        population: Int? = nil
    ) -> [MeasureResult] {
        let wanted = ids.map(Set.init)
        let engineIDs = ids.map { $0.filter { MeasureEngine.measureIDs.contains($0) } }
        let computed =
            engineIDs?.isEmpty == true
            ? []
            : RowErrorFlags.computeAll(
                snapshot.engine, period: period, ids: engineIDs,
                parameters: parameters(snapshot, period: period, includeRecords: includeRecords, population: population),
                rowsWithErrors: snapshot.rowsWithErrors)
        let qa = QAMeasures.computeAll(audits: snapshot.audits, period: period, reportDate: snapshot.reportDate)
        let hand = snapshot.handEntered.results(period: period)
        let feedback = FeedbackMeasures.computeAll(responses: snapshot.feedback, period: period)
        return (computed + (qa + feedback + hand).filter { wanted?.contains($0.id) ?? true }).sorted { $0.id < $1.id }
    }

    /// `allMeasures` for the authority's current data, from the store's persistent cache when the
    /// same question was answered at the same revision and definition version (the command line
    /// answers from it without reading the case data). `supervisionIntervalDays` replaces the
    /// practice standard set in Oversight; `population` the published one. With `figures`, the
    /// population comes from the statistics it loads, read only when the answer is not cached
    /// (the cache is keyed on the figures' version instead of the number).
    public func storedMeasures(
        authority: String, period: Period, ids: [String]? = nil, population: Int? = nil,
        supervisionIntervalDays: Int? = nil, figures: PopulationFigures? = nil
    ) async throws -> (results: [MeasureResult], fromCache: Bool) {
        guard let store else { preconditionFailure("AuthorityNumbers.storedMeasures needs a store") }
        let today = Day(clock())
        let populationKey: String
        if let population {
            populationKey = "population=\(population)"
        } else if let figures {
            populationKey = "population-figures=\(figures.version)"
        } else {
            populationKey = "population=\(self.population(authority: authority, period: period).map(String.init) ?? "")"
        }
        let key =
            "app;ids=\(ids.map { $0.joined(separator: ",") } ?? "*");\(populationKey);"
            + "supervision=\(supervisionIntervalDays.map(String.init) ?? "standard");reported=\(today.iso);flags=rows-with-errors"
        return try await store.measures(clock: clock).cachedResults(authority: authority, period: period, key: key) {
            var snapshot = try await self.snapshot(authority: authority)
            if let supervisionIntervalDays { snapshot.supervisionIntervalDays = supervisionIntervalDays }
            var pop = population
            if pop == nil, let figures {
                pop = Self.population(authority: authority, period: period, in: try await figures.load())
            } else if pop == nil {
                pop = self.population(authority: authority, period: period)
            }
            return self.allMeasures(period: period, snapshot: snapshot, ids: ids, population: pop)
        }
    }

    /// Published population figures named by a version and read only when needed.
    public struct PopulationFigures: Sendable {
        /// Changes whenever the figures do (for cache keys).
        public var version: String
        /// Reads the figures.
        public var load: @Sendable () async throws -> PublishedStatistics

        public init(version: String, load: @escaping @Sendable () async throws -> PublishedStatistics) {
            self.version = version; self.load = load
        }
    }

    /// The `months` month-ends to `end` (24 by default), each the rolling 12 months to it.
    public func series(_ id: String, endingOn end: Day, snapshot: AuthoritySnapshot, months: Int = 24) -> [MeasureResult] {
        let first = end.endOfMonth.adding(months: -(months - 1)).startOfMonth
        guard let span = Period(start: first, end: end.endOfMonth) else { return [] }
        if MeasureCatalogue.qualityAssurance.contains(where: { $0.id == id }) || MeasureCatalogue.feedback.contains(where: { $0.id == id })
            || HandEnteredMeasures.definition(id) != nil
        {
            return MeasureEngine.monthEnds(in: span).compactMap { measure(id, period: .rolling12Months(endingOn: $0), snapshot: snapshot) }
        }
        return snapshot.engine.monthlySeries(id, over: span, parameters: parameters(snapshot, period: .rolling12Months(endingOn: end)))
    }

    /// The engine's measures (`ids`, all when nil) at each of `ends`, each over the 12 months to
    /// it, computed in one pass (`MeasureEngine.seriesAll`); one list per end, by measure id.
    /// Quality assurance and hand-entered ids in `ids` are computed point by point.
    public func seriesAll(endingOn ends: [Day], snapshot: AuthoritySnapshot, ids: [String]? = nil, population: Int? = nil) -> [[MeasureResult]] {
        guard let last = ends.max() else { return [] }
        let engineIDs = ids.map { $0.filter { MeasureEngine.measureIDs.contains($0) } }
        let others = (ids ?? []).filter { !MeasureEngine.measureIDs.contains($0) }
        var points =
            engineIDs?.isEmpty == true
            ? ends.map { _ in [MeasureResult]() }
            : snapshot.engine.seriesAll(
                endingOn: ends, ids: engineIDs, parameters: parameters(snapshot, period: .rolling12Months(endingOn: last), population: population))
        guard !others.isEmpty else { return points }
        for (i, end) in ends.enumerated() {
            points[i] += others.compactMap { measure($0, period: .rolling12Months(endingOn: end), snapshot: snapshot) }
            points[i].sort { $0.id < $1.id }
        }
        return points
    }

    /// `series`, remembered per snapshot version.
    public func cachedSeries(_ id: String, endingOn end: Day, snapshot: AuthoritySnapshot, months: Int = 24) async -> [MeasureResult] {
        let key = "\(snapshot.version)|series|\(id)|\(end.iso)|\(months)"
        if let hit = await cache.series(snapshot.authority, key) { return hit }
        let made = series(id, endingOn: end, snapshot: snapshot, months: months)
        await cache.store(snapshot.authority, key, series: made)
        return made
    }

    /// Each calendar month's value of `id` for the 12 months to the period's end, oldest first
    /// (the board pack's and monthly pack's charts).
    public func calendarMonths(_ id: String, endingOn end: Day, snapshot: AuthoritySnapshot) -> [MeasureResult] {
        Self.twelveMonths(endingOn: end).compactMap { measure(id, period: $0, snapshot: snapshot) }
    }

    /// The 12 calendar months to the month holding `end`, oldest first.
    public static func twelveMonths(endingOn end: Day) -> [Period] {
        (0..<12).reversed().map { back in
            let s = end.startOfMonth.adding(months: -back)
            return Period(start: s, end: s.endOfMonth)!
        }
    }

    // MARK: KPIs

    /// The published comparators of the authority's measures; nil without statistics.
    public func comparatorLookup(authority: String) -> KPIEvaluator.ComparatorLookup? {
        guard let statistics, !authority.isEmpty else { return nil }
        return Comparators.lookup(statistics: statistics, la: authority)
    }

    /// The authority's name as the published statistics give it, else "Local authority CODE".
    public func authorityName(_ authority: String) -> String {
        if let statistics {
            for year in stride(from: Day(clock()).collectionYear, through: 2018, by: -1) {
                if let d = statistics.describe(la: authority, year: year) { return d.name }
            }
        }
        return authority.isEmpty ? "Local authority" : "Local authority \(authority)"
    }

    /// The plan's KPIs for the period, judged (the targets in force for the period), with every
    /// KPI measure's 24-month series; cached per snapshot version and period.
    /// `population` replaces the published population for rates (the command line's `--population`).
    public func kpis(period: Period, snapshot: AuthoritySnapshot, withSeries: Bool = true, population: Int? = nil) async -> KPIReport {
        let key = "\(snapshot.version)|\(snapshot.plan.id)|\(period.start.iso)|\(period.end.iso)|\(withSeries)|\(population.map(String.init) ?? "")"
        if snapshot.version != "files", let hit = await cache.kpis(snapshot.authority, key) { return hit }
        let plan = snapshot.plan(for: period)
        let evaluations = KPIEvaluator().evaluate(
            plan: plan, period: period,
            measure: { id, p in self.measure(id, period: p, snapshot: snapshot, population: population) },
            comparators: comparatorLookup(authority: snapshot.authority))
        var series: [String: [MeasureResult]] = [:]
        if withSeries {
            for id in Set(evaluations.map(\.kpi.measure)) { series[id] = self.series(id, endingOn: period.end, snapshot: snapshot) }
        }
        let report = KPIReport(period: period, plan: plan, evaluations: evaluations, series: series, version: snapshot.version)
        if snapshot.version != "files" { await cache.store(snapshot.authority, key, report) }
        return report
    }
}

/// The plan's KPIs judged for a period, with the monthly series behind them.
public struct KPIReport: Sendable {
    public var period: Period
    /// The plan with the targets in force for the period.
    public var plan: Plan
    public var evaluations: [KPIEvaluation]
    /// Each KPI measure's 24 rolling-12-month points to the period's end, by measure id.
    public var series: [String: [MeasureResult]]
    /// The snapshot version it was computed at.
    public var version: String
}

import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Synchronization

/// The web's name for the application layer's snapshot of an authority.
typealias EngineSnapshot = AuthoritySnapshot

/// A measure page rendered once for a data version and query.
struct RenderedPage: Sendable {
    var title: String
    var content: String
    var period: String
    var hasResult: Bool
    var hasErrors: Bool
}

/// The plan's KPIs judged for a period, as the application layer gives them.
typealias DashboardData = KPIReport

/// The web's face of the application layer (`AuthorityNumbers`): every number comes from it;
/// this adds only the caches of rendered HTML, keyed on the same snapshot version.
final class DashboardService: Sendable {
    let store: Store
    let options: WebOptions
    let numbers: AuthorityNumbers
    private let cache = DashboardCache()
    let clock: @Sendable () -> Date
    /// Where cache hits and misses are counted.
    let metrics: WebMetrics

    init(store: Store, options: WebOptions, clock: @escaping @Sendable () -> Date = { Date() }, metrics: WebMetrics = WebMetrics()) {
        self.store = store; self.options = options; self.clock = clock; self.metrics = metrics
        numbers = AuthorityNumbers(store: store, statistics: options.statistics, defaultPlan: options.plan, clock: clock)
    }

    /// The snapshot of the authority's current data.
    func snapshot(authority: String) async throws -> EngineSnapshot {
        let s = try await numbers.snapshot(authority: authority)
        await cache.keep(authority, version: s.version)
        return s
    }

    /// `AuthorityNumbers.cachedSeries`.
    func cachedSeries(_ id: String, authority: String, endingOn end: Day, snapshot: EngineSnapshot, months: Int = 24) async -> [MeasureResult] {
        await numbers.cachedSeries(id, endingOn: end, snapshot: snapshot, months: months)
    }

    /// A whole rendered page for this snapshot version: `make` runs on a miss.
    func page(authority: String, key: String, snapshot: EngineSnapshot, make: () async -> RenderedPage) async -> RenderedPage {
        let full = snapshot.version + "|" + key
        if let hit = await cache.page(authority, full) {
            metrics.cache("page", hit: true)
            return hit
        }
        metrics.cache("page", hit: false)
        let made = await make()
        await cache.store(authority, full, page: made)
        return made
    }

    /// A page's main content for this snapshot version, rendered once: `make` runs on a miss.
    func content(authority: String, key: String, snapshot: EngineSnapshot, make: () -> String) async -> String {
        let full = snapshot.version + "|" + key
        if let hit = await cache.content(authority, full) {
            metrics.cache("content", hit: true)
            return hit
        }
        metrics.cache("content", hit: false)
        let made = make()
        await cache.store(authority, full, content: made)
        return made
    }

    /// The period chooser's options for a period and the one it shows chosen, made once per
    /// snapshot version and period (`make` on a miss).
    func periodChoices(
        snapshot: EngineSnapshot, period: Period, make: () -> ([FormOption], String?)
    ) -> ([FormOption], String?) {
        let key = period.description
        if let known = choices.withLock({ $0.version == snapshot.version ? $0.byPeriod[key] : nil }) { return known }
        let made = make()
        choices.withLock {
            if $0.version != snapshot.version || $0.byPeriod.count > 256 { $0 = (snapshot.version, [:]) }
            $0.byPeriod[key] = made
        }
        return made
    }

    private let choices = Mutex<(version: String, byPeriod: [String: ([FormOption], String?)])>(("", [:]))

    /// What the overview shows besides the numbers: when data was last loaded and the plan's
    /// actions. Read once per snapshot version (imports and action changes raise the revision the
    /// version is made from), not on every view: reading every action with its history on each
    /// request took the overview from 5,600 to 113 requests a second.
    func deliveryFacts(authority: String, snapshot: EngineSnapshot) async throws -> (loaded: Date?, actions: [PlanAction]) {
        let key = authority + "|" + snapshot.version
        if let known = facts.withLock({ $0[key] }) { return known }
        let made = (
            loaded: try await store.imports().lastImportedAt(authority: authority),
            actions: try await store.actions(authority: authority).all()
        )
        facts.withLock {
            if $0.count > 64 { $0 = [:] }
            $0[key] = made
        }
        return made
    }

    private let facts = Mutex<[String: (loaded: Date?, actions: [PlanAction])]>([:])

    /// The period pages show when none is asked for.
    func defaultPeriod(_ snapshot: EngineSnapshot) -> Period { snapshot.defaultPeriod }

    /// One measure for one period (`AuthorityNumbers.measure`).
    func measure(_ id: String, authority: String, period: Period, snapshot: EngineSnapshot, includeRecords: Bool = false) -> MeasureResult? {
        numbers.measure(id, period: period, snapshot: snapshot, includeRecords: includeRecords)
    }

    /// Every measure for the period (`AuthorityNumbers.allMeasures`).
    func allMeasures(authority: String, period: Period, snapshot: EngineSnapshot) -> [MeasureResult] {
        numbers.allMeasures(period: period, snapshot: snapshot)
    }

    /// The 24 rolling-12-month points to `end` (`AuthorityNumbers.series`).
    func series(_ id: String, authority: String, endingOn end: Day, snapshot: EngineSnapshot, months: Int = 24) -> [MeasureResult] {
        numbers.series(id, endingOn: end, snapshot: snapshot, months: months)
    }

    /// The plan's KPIs for the period (`AuthorityNumbers.kpis`).
    func dashboard(authority: String, period: Period, snapshot: EngineSnapshot) async -> DashboardData {
        await numbers.kpis(period: period, snapshot: snapshot)
    }

    /// Forgets everything cached for the authority (after a write through the web).
    func invalidate(authority: String) async {
        await numbers.invalidate(authority: authority)
        await cache.drop(authority)
    }
}

/// The caches of rendered HTML behind `DashboardService`, per authority, emptied when the
/// authority's snapshot version changes.
actor DashboardCache {
    private var versions: [String: String] = [:]
    private var contents: [String: [String: String]] = [:]
    private var pages: [String: [String: RenderedPage]] = [:]

    /// Notes the version now in use; a new one empties the authority's caches.
    func keep(_ authority: String, version: String) {
        guard versions[authority] != version else { return }
        versions[authority] = version
        contents[authority] = [:]
        pages[authority] = [:]
    }

    func page(_ authority: String, _ key: String) -> RenderedPage? { pages[authority]?[key] }
    func store(_ authority: String, _ key: String, page: RenderedPage) { Self.put(page, key, authority, in: &pages, limit: 256) }
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

    func drop(_ authority: String) {
        versions[authority] = nil
        contents[authority] = nil
        pages[authority] = nil
    }
}

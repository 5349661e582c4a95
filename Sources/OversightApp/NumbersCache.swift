import Foundation
import OversightCore

/// The caches behind `AuthorityNumbers`: per authority, one snapshot, a few KPI reports and
/// series, all keyed on the snapshot's version (revision and definition version), so a write
/// that changes a number is never answered from before it.
actor NumbersCache {
    private var snapshots: [String: AuthoritySnapshot] = [:]
    private var lastChecked: [String: Date] = [:]
    private var reports: [String: [String: KPIReport]] = [:]
    private var seriesByKey: [String: [String: [MeasureResult]]] = [:]

    func recentSnapshot(_ authority: String, now: Date, ttl: TimeInterval) -> AuthoritySnapshot? {
        guard let at = lastChecked[authority], now.timeIntervalSince(at) < ttl, let s = snapshots[authority] else { return nil }
        return s
    }
    func checked(_ authority: String, at: Date) { lastChecked[authority] = at }

    func snapshot(_ authority: String, _ version: String) -> AuthoritySnapshot? {
        guard let s = snapshots[authority], s.version == version else { return nil }
        return s
    }
    func store(_ authority: String, _ snapshot: AuthoritySnapshot) {
        snapshots[authority] = snapshot
        reports[authority] = [:]
        seriesByKey[authority] = [:]
    }

    func kpis(_ authority: String, _ key: String) -> KPIReport? { reports[authority]?[key] }
    func store(_ authority: String, _ key: String, _ report: KPIReport) { Self.put(report, key, authority, in: &reports, limit: 32) }

    func series(_ authority: String, _ key: String) -> [MeasureResult]? { seriesByKey[authority]?[key] }
    func store(_ authority: String, _ key: String, series: [MeasureResult]) { Self.put(series, key, authority, in: &seriesByKey, limit: 512) }

    func drop(_ authority: String) {
        snapshots[authority] = nil
        lastChecked[authority] = nil
        reports[authority] = nil
        seriesByKey[authority] = nil
    }

    /// Keeps `value` under `key` in the authority's cache, emptied first once it holds more than
    /// `limit` entries (the keys carry the version, so a full cache is simply started again).
    private static func put<V>(_ value: V, _ key: String, _ authority: String, in caches: inout [String: [String: V]], limit: Int) {
        var c = caches[authority] ?? [:]
        if c.count > limit { c.removeAll() }
        c[key] = value
        caches[authority] = c
    }
}

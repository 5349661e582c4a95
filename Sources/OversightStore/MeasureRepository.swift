import FluentKit
import Foundation
import OversightCore

/// Measures computed from the store, cached per authority, revision, definition version, period
/// and parameters.
///
/// Results are cached under the authority's revision (`Store.revision(authority:)`, raised by
/// every write of its data) and `MeasureEngine.definitionVersion` (changed with any measure's
/// definition), so a write or an upgrade that changes a definition gives a new key and earlier
/// results stop being used; they are deleted when results under the new key are stored, and on
/// an import or an undo.
public struct MeasureRepository: Sendable {
    let store: Store
    let clock: @Sendable () -> Date
    /// The definition version results are cached under (`MeasureEngine.definitionVersion`; tests
    /// pass others).
    var definitionVersion: String = MeasureEngine.definitionVersion

    /// The authority's case-data version: `empty`, or the ids of its active imports (`v1-3-4`);
    /// it changes with every import and undo, and only then. Equal versions mean equal imported
    /// case data, not equal audits, hand entries, targets or plans: for a stamp that changes with
    /// every write of the authority's data use `Store.revision(authority:)`.
    public func dataVersion(authority: String) async throws -> String {
        try await store.cases.dataVersion(authority: authority)
    }

    /// `MeasureEngine.computeAll` over the authority's case data, flagged by `RowErrorFlags`, from
    /// the cache when the same period, ids and parameters were computed before at the authority's
    /// current revision with the current `MeasureEngine.definitionVersion`. Results are cached
    /// only when no write of the authority committed while they were computed. Results with
    /// drill-down records (`parameters.includeRecords`) are computed every time and not cached.
    public func computeAll(
        authority: String, period: Period, ids: [String]? = nil,
        parameters: MeasureParameters
    ) async throws -> (results: [MeasureResult], fromCache: Bool) {
        guard !parameters.includeRecords else {
            let data = try await store.cases.caseData(authority: authority)
            return (
                RowErrorFlags.computeAll(
                    MeasureEngine(data: data), period: period, ids: ids, parameters: parameters,
                    rowsWithErrors: data.rowsWithErrors), false
            )
        }
        return try await cachedResults(authority: authority, period: period, key: Self.key(ids: ids, parameters: parameters)) {
            let data = try await store.cases.caseData(authority: authority)
            return RowErrorFlags.computeAll(
                MeasureEngine(data: data), period: period, ids: ids, parameters: parameters,
                rowsWithErrors: data.rowsWithErrors)
        }
    }

    /// The results `compute` gives for `period`, from the cache when results under the same
    /// `key` were computed before at the authority's current revision with the current
    /// `MeasureEngine.definitionVersion` (drill-down records are not kept). Results are cached
    /// only when no write of the authority committed while they were computed; results under
    /// older keys are deleted when new ones are stored. `key` names everything else the results
    /// depend on (the measures asked for, the population, the day QA measures are reported at...).
    public func cachedResults(
        authority: String, period: Period, key paramKey: String,
        compute: () async throws -> [MeasureResult]
    ) async throws -> (results: [MeasureResult], fromCache: Bool) {
        let revision = try await store.revision(authority: authority)
        let version = Self.cacheKey(revision: revision, definitionVersion: definitionVersion)
        let periodKey = "\(period.start.iso)..\(period.end.iso)"
        let db = store.database
        if let hit = try await MeasureCacheModel.query(on: db).filter(\.$laCode == authority).filter(\.$dataVersion == version)
            .filter(\.$period == periodKey).filter(\.$parameters == paramKey).first(),
            let cached = try? JSONDecoder().decode([CachedMeasure].self, from: Data(hit.results.utf8))
        {
            return (cached.map { $0.result(period: period) }, true)
        }
        let results = try await compute()
        // A write that committed while computing may be in the results: do not keep them under
        // the revision read before.
        guard try await store.revision(authority: authority) == revision else { return (results, false) }
        try await MeasureCacheModel.query(on: db).filter(\.$laCode == authority).filter(\.$dataVersion != version).delete()
        let row = MeasureCacheModel()
        row.laCode = authority; row.dataVersion = version; row.period = periodKey; row.parameters = paramKey
        row.results = String(decoding: try JSONEncoder().encode(results.map(CachedMeasure.init)), as: UTF8.self)
        row.createdAt = clock()
        do {
            try await row.create(on: db)
        } catch {
            // Another process cached the same results first; theirs are equal.
        }
        return (results, false)
    }

    /// Deletes every cached result of `authority` (after an import or an undo).
    static func invalidate(authority: String, on db: any Database) async throws {
        try await MeasureCacheModel.query(on: db).filter(\.$laCode == authority).delete()
    }

    /// The `data_version` results are cached under: the authority's revision and the definition
    /// version (`r12;definitions=2026-12-07.1`).
    static func cacheKey(revision: Int, definitionVersion: String) -> String {
        "r\(revision);definitions=\(definitionVersion)"
    }

    static func key(ids: [String]?, parameters p: MeasureParameters) -> String {
        let workers = p.supervisionIntervalByWorker.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "ids=\(ids.map { $0.joined(separator: ",") } ?? "*");population=\(p.population.map(String.init) ?? "");"
            + "supervision=\(p.supervisionIntervalDays);workers=\(workers);flags=rows-with-errors"
    }
}

/// A `MeasureResult` without drill-down records, as cached.
struct CachedMeasure: Codable, Sendable {
    var id: String
    var unit: MeasureUnit
    var numerator: Double?
    var denominator: Double?
    var value: Double?
    var warnings: [String]
    /// Absent in results cached before it was recorded (read as 0).
    var recordsFromRowsWithErrors: Int?

    init(_ r: MeasureResult) {
        id = r.id; unit = r.unit; numerator = r.numerator; denominator = r.denominator; value = r.value; warnings = r.warnings
        recordsFromRowsWithErrors = r.recordsFromRowsWithErrors
    }

    func result(period: Period) -> MeasureResult {
        var r = MeasureResult(id: id, unit: unit, period: period, numerator: numerator, denominator: denominator, value: value, warnings: warnings)
        r.recordsFromRowsWithErrors = recordsFromRowsWithErrors ?? 0
        return r
    }
}

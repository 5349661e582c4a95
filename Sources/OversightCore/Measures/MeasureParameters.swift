/// Settings a measure needs beyond the data.
public struct MeasureParameters: Sendable, Hashable {
    /// Children aged 0-17 (ONS mid-year estimate for the calendar year before the reporting year
    /// ends). Rate measures are not computed without it.
    public var population: Int?
    /// Supervision practice standard: days between formal sessions, by default.
    public var supervisionIntervalDays: Int
    /// Per-worker practice standards (worker id -> days), overriding the default.
    public var supervisionIntervalByWorker: [String: Int]
    /// Whether results carry the records behind their numbers (drill-down).
    public var includeRecords: Bool
    /// With `includeRecords`, results carry only what flagging needs of the records read from
    /// these rows: most results their count (`recordsFromRowsWithErrors`) and no records, the
    /// rest only those records (to flag results computed from rows with errors without holding
    /// every record of every measure).
    public var recordsOnlyFrom: Set<RecordOrigin>?

    public init(
        population: Int? = nil, supervisionIntervalDays: Int = 28, supervisionIntervalByWorker: [String: Int] = [:],
        includeRecords: Bool = false, recordsOnlyFrom: Set<RecordOrigin>? = nil
    ) {
        self.population = population
        self.supervisionIntervalDays = supervisionIntervalDays
        self.supervisionIntervalByWorker = supervisionIntervalByWorker
        self.includeRecords = includeRecords
        self.recordsOnlyFrom = recordsOnlyFrom
    }
}

/// Collects a measure's numerator and denominator records and warnings as it is computed.
struct Tally {
    var numerator = 0
    var denominator = 0
    private var numeratorKept: [DrillRecord] = []
    private var denominatorKept: [DrillRecord] = []
    /// With `keep.only`, the records kept, once each (all that flagging counts).
    private var flagged: Set<DrillRecord> = []
    var warnings: [String] = []
    let keep: RecordKeep

    init(keep: RecordKeep) { self.keep = keep }

    /// The numerator's and denominator's records; with `keep.only`, none: `finished` counts them.
    var numeratorRecords: [DrillRecord] { numeratorKept }
    var denominatorRecords: [DrillRecord] { denominatorKept }

    /// `r` as this tally finishes it: with `keep.only`, carrying how many distinct records came
    /// from those rows (`recordsFromRowsWithErrors`) instead of the records.
    func finished(_ r: MeasureResult) -> MeasureResult {
        guard keep.only != nil else { return r }
        var out = r
        out.recordsFromRowsWithErrors = flagged.count
        return out
    }

    mutating func count(_ inNumerator: Bool, _ record: @autoclosure () -> DrillRecord) {
        denominator += 1
        if inNumerator { numerator += 1 }
        if keep.on {
            let r = record()
            guard keep.wants(r) else { return }
            if keep.only != nil { flagged.insert(r); return }
            denominatorKept.append(r)
            if inNumerator { numeratorKept.append(r) }
        }
    }

    mutating func countOnly(_ record: @autoclosure () -> DrillRecord) {
        numerator += 1
        if keep.on {
            let r = record()
            guard keep.wants(r) else { return }
            if keep.only != nil { flagged.insert(r) } else { numeratorKept.append(r) }
        }
    }

    mutating func warn(_ n: Int, _ text: String) { if n > 0 { warnings.append("\(n) \(text)") } }

    func percent(_ id: String, _ period: Period) -> MeasureResult {
        finished(
            MeasureResult(
                id: id, unit: .percent, period: period, numerator: Double(numerator), denominator: Double(denominator),
                value: denominator == 0 ? nil : 100 * Double(numerator) / Double(denominator), warnings: warnings,
                numeratorRecords: numeratorRecords, denominatorRecords: denominatorRecords))
    }

    func count(_ id: String, _ period: Period) -> MeasureResult {
        finished(
            MeasureResult(
                id: id, unit: .count, period: period, numerator: Double(numerator), denominator: nil, value: Double(numerator),
                warnings: warnings, numeratorRecords: numeratorRecords, denominatorRecords: []))
    }
}

/// Which records a result carries: none, all, or only those read from some rows
/// (`MeasureParameters.recordsOnlyFrom`).
struct RecordKeep {
    /// Whether records are made at all.
    let on: Bool
    let only: Set<RecordOrigin>?

    init(_ p: MeasureParameters) {
        on = p.includeRecords
        only = p.includeRecords ? p.recordsOnlyFrom : nil
    }

    func wants(_ r: DrillRecord) -> Bool {
        guard let only else { return true }
        return r.origin.map(only.contains) ?? false
    }

    /// `records` as kept.
    func filter(_ records: [DrillRecord]) -> [DrillRecord] {
        guard on else { return [] }
        return only == nil ? records : records.filter(wants)
    }
}

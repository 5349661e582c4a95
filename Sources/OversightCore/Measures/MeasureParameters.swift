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

    public init(population: Int? = nil, supervisionIntervalDays: Int = 28, supervisionIntervalByWorker: [String: Int] = [:],
                includeRecords: Bool = false) {
        self.population = population
        self.supervisionIntervalDays = supervisionIntervalDays
        self.supervisionIntervalByWorker = supervisionIntervalByWorker
        self.includeRecords = includeRecords
    }
}

/// Collects a measure's numerator and denominator records and warnings as it is computed.
struct Tally {
    var numerator = 0
    var denominator = 0
    var numeratorRecords: [DrillRecord] = []
    var denominatorRecords: [DrillRecord] = []
    var warnings: [String] = []
    let keep: Bool

    init(keep: Bool) { self.keep = keep }

    mutating func count(_ inNumerator: Bool, _ record: @autoclosure () -> DrillRecord) {
        denominator += 1
        if inNumerator { numerator += 1 }
        if keep {
            let r = record()
            denominatorRecords.append(r)
            if inNumerator { numeratorRecords.append(r) }
        }
    }

    mutating func countOnly(_ record: @autoclosure () -> DrillRecord) {
        numerator += 1
        if keep { numeratorRecords.append(record()) }
    }

    mutating func warn(_ n: Int, _ text: String) { if n > 0 { warnings.append("\(n) \(text)") } }

    func percent(_ id: String, _ period: Period) -> MeasureResult {
        MeasureResult(id: id, unit: .percent, period: period, numerator: Double(numerator), denominator: Double(denominator),
                      value: denominator == 0 ? nil : 100 * Double(numerator) / Double(denominator), warnings: warnings,
                      numeratorRecords: numeratorRecords, denominatorRecords: denominatorRecords)
    }

    func count(_ id: String, _ period: Period) -> MeasureResult {
        MeasureResult(id: id, unit: .count, period: period, numerator: Double(numerator), denominator: nil, value: Double(numerator),
                      warnings: warnings, numeratorRecords: numeratorRecords, denominatorRecords: [])
    }
}

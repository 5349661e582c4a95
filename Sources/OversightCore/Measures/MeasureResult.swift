/// What a measure's value is.
public enum MeasureUnit: String, Codable, Sendable {
    /// A number of children or records; `value` is the count, no denominator.
    case count
    /// 100 x numerator / denominator; undefined (nil) when the denominator is 0.
    case percent
    /// Numerator per 10,000 children aged 0-17 (denominator: the population).
    case rate
    /// A ratio such as a kappa statistic.
    case ratio
}

/// Which way is better.
public enum Polarity: String, Codable, Sendable {
    /// Lower is better.
    case low
    /// Higher is better.
    case high
    /// Context only.
    case none
}

/// One record behind a number: the child and the record's key and dates, for drill-down.
public struct DrillRecord: Hashable, Codable, Sendable {
    public var child: String
    /// What the record is (`referral`, `episode`, `plan`, `assessment`, `review`, `missing`, `child`, ...).
    public var kind: String
    /// The record's natural key within the child (usually its start date, ISO).
    public var key: String
    public var start: Day?
    public var end: Day?
    /// Where the record was read from, to flag numbers computed from rows with validation errors.
    public var origin: RecordOrigin?
    public init(child: String, kind: String, key: String, start: Day? = nil, end: Day? = nil, origin: RecordOrigin? = nil) {
        self.child = child; self.kind = kind; self.key = key; self.start = start; self.end = end; self.origin = origin
    }
}

/// A measure computed for one period.
public struct MeasureResult: Hashable, Sendable {
    public var id: String
    public var unit: MeasureUnit
    public var period: Period
    /// The count (count and rate measures), or the percentage's numerator.
    public var numerator: Double?
    /// nil for counts; the population for rates; the base of a percentage.
    public var denominator: Double?
    /// The count, the rate per 10,000, or the percentage; nil when undefined.
    public var value: Double?
    public var warnings: [String]
    public var numeratorRecords: [DrillRecord]
    public var denominatorRecords: [DrillRecord]
    /// How many of the records behind the numerator and denominator (each counted once) were read
    /// from rows with an error-severity validation finding; 0 when none were or it was not checked.
    public var recordsFromRowsWithErrors: Int = 0

    public init(
        id: String, unit: MeasureUnit, period: Period, numerator: Double?, denominator: Double?, value: Double?,
        warnings: [String] = [], numeratorRecords: [DrillRecord] = [], denominatorRecords: [DrillRecord] = []
    ) {
        self.id = id; self.unit = unit; self.period = period; self.numerator = numerator; self.denominator = denominator
        self.value = value; self.warnings = warnings; self.numeratorRecords = numeratorRecords; self.denominatorRecords = denominatorRecords
    }
}

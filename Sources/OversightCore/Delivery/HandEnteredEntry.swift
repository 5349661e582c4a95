import Foundation

/// A value of a hand-entered measure (`HandEnteredMeasures`) for one period: a value, or a
/// numerator and denominator (for a percentage), where it came from, who entered it and when.
public struct HandEnteredEntry: Hashable, Sendable, Codable {
    /// A `HandEnteredMeasures` id.
    public var measureID: String
    public var period: Period
    /// The value in the measure's unit (a count, or a percentage as 18.5); nil when given as
    /// numerator and denominator.
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    /// Where the figure came from (a report, a partner, a team's spreadsheet).
    public var source: String
    /// Who entered it.
    public var enteredBy: String
    public var enteredAt: Date
    /// Why a correction was made; empty for a first entry.
    public var note: String

    public init(
        measureID: String, period: Period, value: Double? = nil, numerator: Double? = nil, denominator: Double? = nil,
        source: String, enteredBy: String, enteredAt: Date, note: String = ""
    ) {
        self.measureID = measureID; self.period = period; self.value = value; self.numerator = numerator
        self.denominator = denominator; self.source = source; self.enteredBy = enteredBy; self.enteredAt = enteredAt; self.note = note
    }

    /// The measure's definition; nil for an id `HandEnteredMeasures` does not know.
    public var definition: MeasureDefinition? { HandEnteredMeasures.definition(measureID) }

    /// The value the entry gives: `value`, or 100 x numerator / denominator for a percentage
    /// given as a fraction (nil when the denominator is 0), or the numerator of a count.
    public var effectiveValue: Double? {
        if let value { return value }
        guard let n = numerator else { return nil }
        if definition?.unit == .count { return n }
        guard let d = denominator, d > 0 else { return nil }
        return 100 * n / d
    }

    /// The entry as a measure result for its own period.
    public var result: MeasureResult {
        let unit = definition?.unit ?? .count
        return MeasureResult(
            id: measureID, unit: unit, period: period,
            numerator: numerator ?? (unit == .count ? effectiveValue : nil),
            denominator: denominator, value: effectiveValue)
    }

    /// Why the entry cannot be accepted, in plain words, each naming its field (empty when it
    /// is valid). See `HandEntryProblem` for the rules.
    public var problems: [HandEntryProblem] { HandEntryProblem.check(self) }
}

/// Why a hand-entered value was not recorded.
public struct HandEntryRejected: Error, Hashable, Sendable, CustomStringConvertible {
    public var measureID: String
    public var period: Period
    public var problems: [HandEntryProblem]
    public init(measureID: String, period: Period, problems: [HandEntryProblem]) {
        self.measureID = measureID; self.period = period; self.problems = problems
    }
    public var description: String {
        "the value of \(measureID) for \(period) was refused: " + problems.map(\.description).joined(separator: "; ")
    }
}

/// The hand-entered values of one authority: the current entry for each measure and period, and
/// every entry a correction replaced. Turns them into `MeasureResult`s so KPIs show them like
/// any other measure.
public struct HandEnteredValues: Sendable, Hashable {
    /// The entry in force for each measure and period.
    public private(set) var current: [HandEnteredEntry] = []
    /// Entries replaced by corrections, oldest first.
    public private(set) var superseded: [HandEnteredEntry] = []

    public init() {}

    /// Values as stored: the current entries and those corrections replaced.
    public init(current: [HandEnteredEntry], superseded: [HandEnteredEntry] = []) {
        self.current = current; self.superseded = superseded
    }

    /// Records an entry after checking it (`HandEnteredEntry.problems`). An entry for a measure
    /// and period that already has one is a correction: the earlier entry moves to `superseded`.
    /// Returns the entry it replaced, if any. Throws `HandEntryRejected` with the reasons.
    @discardableResult
    public mutating func record(_ entry: HandEnteredEntry) throws -> HandEnteredEntry? {
        let problems = entry.problems
        guard problems.isEmpty else { throw HandEntryRejected(measureID: entry.measureID, period: entry.period, problems: problems) }
        if let i = current.firstIndex(where: { $0.measureID == entry.measureID && $0.period == entry.period }) {
            let old = current[i]
            superseded.append(old)
            current[i] = entry
            return old
        }
        current.append(entry)
        return nil
    }

    /// The entry in force for a measure and period.
    public func entry(_ measureID: String, period: Period) -> HandEnteredEntry? {
        current.first { $0.measureID == measureID && $0.period == period }
    }

    /// Every entry a measure and period has had, oldest first, the current one last.
    public func history(_ measureID: String, period: Period) -> [HandEnteredEntry] {
        (superseded + current).filter { $0.measureID == measureID && $0.period == period }.sorted { $0.enteredAt < $1.enteredAt }
    }

    /// The measure's result for `period`:
    /// - the entry for exactly that period when there is one;
    /// - otherwise, when whole-month entries cover every month of the period: a count is their
    ///   sum; a percentage given as numerators and denominators is the sum of numerators over the
    ///   sum of denominators; a percentage given as values only is the latest month's value, with
    ///   a warning saying so;
    /// - otherwise nil (no data).
    public func result(_ measureID: String, period: Period) -> MeasureResult? {
        if let e = entry(measureID, period: period) { return e.result }
        guard let definition = HandEnteredMeasures.definition(measureID) else { return nil }
        let months = current.filter {
            $0.measureID == measureID && period.contains($0.period.start) && period.contains($0.period.end)
                && $0.period.start.dayOfMonth == 1 && $0.period.end == $0.period.start.endOfMonth
        }
        .sorted { $0.period.start < $1.period.start }
        guard let first = months.first, first.period.start == period.start, months.last!.period.end == period.end else { return nil }
        for (a, b) in zip(months, months.dropFirst()) where a.period.end.adding(days: 1) != b.period.start { return nil }
        switch definition.unit {
        case .percent:
            if months.allSatisfy({ $0.numerator != nil && $0.denominator != nil }) {
                let n = months.reduce(0) { $0 + $1.numerator! }, d = months.reduce(0) { $0 + $1.denominator! }
                return MeasureResult(id: measureID, unit: .percent, period: period, numerator: n, denominator: d, value: d > 0 ? 100 * n / d : nil)
            }
            let last = months.last!
            return MeasureResult(
                id: measureID, unit: .percent, period: period, numerator: nil, denominator: nil, value: last.effectiveValue,
                warnings: ["the latest month's value (\(last.period.start.iso.prefix(7))): the monthly entries have no denominators to pool"])
        default:
            let total = months.reduce(0.0) { $0 + ($1.effectiveValue ?? 0) }
            return MeasureResult(id: measureID, unit: definition.unit, period: period, numerator: total, denominator: nil, value: total)
        }
    }

    /// Results for every hand-entered measure that has data for `period`.
    public func results(period: Period) -> [MeasureResult] {
        HandEnteredMeasures.all.compactMap { result($0.id, period: period) }
    }

    /// A measure lookup for `KPIEvaluator`: hand-entered ids from these values, every other id
    /// from `otherwise`.
    public func lookup(otherwise: @escaping KPIEvaluator.MeasureLookup) -> KPIEvaluator.MeasureLookup {
        let copy = self
        return { id, period in
            id.hasPrefix("hand_") ? copy.result(id, period: period) : otherwise(id, period)
        }
    }
}

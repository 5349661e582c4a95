/// How often a KPI is reported.
public enum Cadence: String, Codable, Sendable, Hashable, CaseIterable {
    case monthly, quarterly, annual
}

/// Which published figure a KPI is set beside.
public enum ComparatorChoice: String, Codable, Sendable, Hashable, CaseIterable {
    /// The mean of the statistical neighbours' published values.
    case snMean = "sn_mean"
    /// The median of the statistical neighbours' published values.
    case snMedian = "sn_median"
    /// The England figure.
    case england
    /// No comparator.
    case none
}

/// One step of a KPI's trajectory: the target that applies to periods ending on or after `end`
/// (until the next step), with the label the plan gives it.
public struct TrajectoryPoint: Hashable, Sendable {
    /// The last day of the period the step is set for.
    public var end: Day
    /// The plan's name for the step (`Q4 2020`, `March 2021`); empty when it has none.
    public var label: String
    /// The target value for periods ending on or after `end`.
    public var value: Double

    public init(end: Day, label: String = "", value: Double) {
        self.end = end; self.label = label; self.value = value
    }
}

/// A key performance indicator (KPI): one line of an ambition's "Key Performance Indicators",
/// bound to one measure with a target, a polarity and a comparator.
///
/// A plan line that names two measures (for example "% and number of children with a missing
/// incident") is held as two KPIs with the same wording, one for each measure.
public struct KPI: Hashable, Sendable {
    /// The KPI exactly as the plan words it.
    public var wording: String
    /// A `MeasureCatalogue` id or a `HandEnteredMeasures` id.
    public var measure: String
    public var target: Target
    /// Optional steps towards the target; see `target(for:)`.
    public var trajectory: [TrajectoryPoint]
    /// Which way is better for this KPI (usually the measure's own polarity).
    public var polarity: Polarity
    public var comparator: ComparatorChoice
    public var cadence: Cadence

    public init(
        wording: String, measure: String, target: Target, trajectory: [TrajectoryPoint] = [],
        polarity: Polarity, comparator: ComparatorChoice = .none, cadence: Cadence = .monthly
    ) {
        self.wording = wording; self.measure = measure; self.target = target; self.trajectory = trajectory
        self.polarity = polarity; self.comparator = comparator; self.cadence = cadence
    }

    /// The target that applies to a period ending on `end`: the value of the latest trajectory
    /// step whose `end` is on or before `end`; `target` itself when there is no trajectory or the
    /// period ends before its first step.
    public func target(forPeriodEndingOn end: Day) -> Target {
        let steps = trajectory.filter { $0.end <= end }
        guard let step = steps.max(by: { $0.end < $1.end }) else { return target }
        return .value(step.value)
    }
}

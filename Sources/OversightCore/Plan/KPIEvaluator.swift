/// Where a KPI's value stands against its published comparator.
public struct ComparatorPosition: Hashable, Sendable {
    public var choice: ComparatorChoice
    /// The comparator's figure (the neighbours' mean or median, or England); nil when unpublished.
    public var value: Double?
    /// Our value against `value`, judged by the KPI's polarity: `improving` reads "better than",
    /// `worsening` "worse than", `same` equal to one decimal place, `higher`/`lower` for polarity
    /// `none`, `unknown` when either is missing.
    public var relation: Trend
    /// Everything published for the measure, including the authority's rank and quartile.
    public var summary: ComparatorSummary

    public init(choice: ComparatorChoice, value: Double?, relation: Trend, summary: ComparatorSummary) {
        self.choice = choice; self.value = value; self.relation = relation; self.summary = summary
    }
}

/// One KPI judged for one period.
public struct KPIEvaluation: Hashable, Sendable {
    /// The number of the ambition the KPI belongs to.
    public var ambition: Int
    public var kpi: KPI
    public var period: Period
    /// The measure's result for the period; nil when the engine has none.
    public var result: MeasureResult?
    /// The measure's value for the period; nil when unknown or undefined.
    public var value: Double?
    /// The target that applied (a trajectory step replaces the KPI's target).
    public var target: Target
    /// The target as a number: the fixed value, last year's value, or the neighbours' average.
    public var targetValue: Double?
    public var status: KPIStatus
    /// The value for the previous period of the same length.
    public var previousValue: Double?
    /// The value for the same period one year earlier.
    public var lastYearValue: Double?
    public var trendVsPrevious: Trend
    public var trendVsLastYear: Trend
    /// nil when the KPI has no comparator or no lookup was given or it had nothing.
    public var comparator: ComparatorPosition?
}

/// Judges every KPI of a plan for a period, from measure results supplied by the caller.
///
/// The evaluator computes nothing from data: `measure(id, period)` returns the measure engine's
/// (or the hand-entered store's) result, and `comparators(id, period)` what the published
/// statistics say. Both may return nil.
public struct KPIEvaluator: Sendable {
    /// Returns a measure's result for a period.
    public typealias MeasureLookup = (_ measureID: String, _ period: Period) -> MeasureResult?
    /// Returns the published comparators of a measure for the reporting year that best matches a period.
    public typealias ComparatorLookup = (_ measureID: String, _ period: Period) -> ComparatorSummary?

    public init() {}

    /// Evaluates every KPI of `plan` for `period`, in plan order.
    ///
    /// For each KPI: the value for `period`, `previousPeriod(of: period)` and `period.yearEarlier`; the
    /// target that applies (`KPI.target(forPeriodEndingOn:)`); the status by `KPIRules.status`
    /// (last year's value for year-on-year targets, the neighbours' mean or median from the
    /// comparator lookup for neighbour-average targets); trends by `KPIRules.trend` with the KPI's
    /// polarity; and the comparator position when the KPI names a comparator.
    public func evaluate(
        plan: Plan, period: Period, measure: MeasureLookup,
        comparators: ComparatorLookup? = nil
    ) -> [KPIEvaluation] {
        plan.allKPIs.map { evaluate(kpi: $0.kpi, ambition: $0.ambition, period: period, measure: measure, comparators: comparators) }
    }

    /// The period a trend "against the previous period" compares with: for a period of whole
    /// calendar months (starting on a 1st, ending on a month's last day) the same number of whole
    /// months just before it (the reporting year 2023-24 before 2024-25, whatever leap days);
    /// otherwise the period of the same number of days ending the day before it starts.
    public static func previousPeriod(of period: Period) -> Period {
        let s = period.start, e = period.end
        guard s.dayOfMonth == 1, e == e.endOfMonth else { return period.previous }
        let months = (e.year - s.year) * 12 + (e.month - s.month) + 1
        return Period(start: s.adding(months: -months), end: s.adding(days: -1))!
    }

    /// Evaluates one KPI for `period` (see `evaluate(plan:period:measure:comparators:)`).
    public func evaluate(
        kpi: KPI, ambition: Int, period: Period, measure: MeasureLookup,
        comparators: ComparatorLookup? = nil
    ) -> KPIEvaluation {
        let result = measure(kpi.measure, period)
        let value = result?.value
        let previous = measure(kpi.measure, KPIEvaluator.previousPeriod(of: period))?.value
        let lastYear = measure(kpi.measure, period.yearEarlier)?.value
        let summary = comparators?(kpi.measure, period)
        let target = kpi.target(forPeriodEndingOn: period.end)
        var average: Double?
        if case .statisticalNeighbourAverage(let kind) = target {
            average = kind == .mean ? summary?.neighbourMean : summary?.neighbourMedian
        }
        let judged = KPIRules.status(
            value: value, target: target, polarity: kpi.polarity,
            lastYear: lastYear, neighbourAverage: average)
        var position: ComparatorPosition?
        if kpi.comparator != .none, let summary {
            let c = summary.value(for: kpi.comparator)
            position = ComparatorPosition(
                choice: kpi.comparator, value: c,
                relation: KPIRules.trend(from: c, to: value, polarity: kpi.polarity), summary: summary)
        }
        return KPIEvaluation(
            ambition: ambition, kpi: kpi, period: period, result: result, value: value, target: target,
            targetValue: judged.targetValue, status: judged.status, previousValue: previous,
            lastYearValue: lastYear,
            trendVsPrevious: KPIRules.trend(from: previous, to: value, polarity: kpi.polarity),
            trendVsLastYear: KPIRules.trend(from: lastYear, to: value, polarity: kpi.polarity),
            comparator: position)
    }
}

import OversightCore

/// One month of a measure's monthly series: the month (any day in it; the first by convention)
/// and the value, nil when undefined or not loaded.
public struct SeriesPoint: Sendable, Hashable {
    public var month: Day
    public var value: Double?
    public init(month: Day, value: Double?) { self.month = month; self.value = value }

    /// A series from measure results, one a month, in month order.
    public static func series(_ results: [MeasureResult]) -> [SeriesPoint] {
        results.sorted { $0.period.end < $1.period.end }.map { SeriesPoint(month: $0.period.end.startOfMonth, value: $0.value) }
    }

    /// For each point of `series`, the value of the same month one year earlier in `history`
    /// (nil where `history` has none).
    public static func lastYear(of series: [SeriesPoint], in history: [SeriesPoint]) -> [Double?] {
        var byMonth: [Day: Double?] = [:]
        for p in history { byMonth[p.month.startOfMonth] = p.value }
        return series.map { p in byMonth[p.month.startOfMonth.adding(years: -1)] ?? nil }
    }
}

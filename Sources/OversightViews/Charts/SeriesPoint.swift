import OversightCore

/// One month of a measure's monthly series: the month (any day in it; the first by convention)
/// and the value, nil when undefined or not loaded.
public struct SeriesPoint: Sendable, Hashable {
    public var month: Day
    public var value: Double?
    /// How many months the value covers, ending with `month`: 1 for the month alone, 12 for the
    /// 12 months to its end (the measures' monthly series are rolling 12 months).
    public var months: Int
    public init(month: Day, value: Double?, months: Int = 1) { self.month = month; self.value = value; self.months = months }

    /// A series from measure results, one a month, in month order.
    public static func series(_ results: [MeasureResult]) -> [SeriesPoint] {
        results.sorted { $0.period.end < $1.period.end }.map { r in
            // Months by length (28 to 31 days is one, 365 or 366 twelve), so a 12 months that starts
            // on 29 February still counts as 12.
            let days = Double(r.period.end.ordinal - r.period.start.ordinal + 1)
            return SeriesPoint(month: r.period.end.startOfMonth, value: r.value, months: max(1, Int((days / 30.44).rounded())))
        }
    }

    /// What a chart of `series` plots, as its heading: "Month by month", or "12 months to the end of
    /// each month" for a rolling series (a point is then not the month's own figure).
    public static func heading(_ series: [SeriesPoint]) -> String {
        let months = series.first?.months ?? 1
        return months == 1 ? "Month by month" : "\(months) months to the end of each month"
    }

    /// For each point of `series`, the value of the same month one year earlier in `history`
    /// (nil where `history` has none).
    public static func lastYear(of series: [SeriesPoint], in history: [SeriesPoint]) -> [Double?] {
        var byMonth: [Day: Double?] = [:]
        for p in history { byMonth[p.month.startOfMonth] = p.value }
        return series.map { p in byMonth[p.month.startOfMonth.adding(years: -1)] ?? nil }
    }
}

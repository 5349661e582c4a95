import Dispatch

extension MeasureEngine {
    /// A monthly series: for each month-end in `period`, the measure over the 12 months to it
    /// (snapshots at that month-end). Each point equals
    /// `compute(id, period: .rolling12Months(endingOn:))`; see `series(_:endingOn:parameters:)`.
    public func monthlySeries(_ id: String, over period: Period, parameters: MeasureParameters = MeasureParameters()) -> [MeasureResult] {
        series(id, endingOn: Self.monthEnds(in: period), parameters: parameters)
    }

    /// For each day of `ends`, the measure over the 12 months to it (snapshots at that day), the
    /// same results as `compute(id, period: .rolling12Months(endingOn:))` point by point.
    ///
    /// The records are read once for the whole series: each is placed in the range of points
    /// whose window holds it (or at whose end it is open) and counted there with a difference
    /// array, so the series costs about one period plus a little per point. When the results
    /// must carry their records (`includeRecords`) or `ends` is not strictly ascending, each
    /// point is computed on its own instead.
    public func series(_ id: String, endingOn ends: [Day], parameters p: MeasureParameters = MeasureParameters()) -> [MeasureResult] {
        guard let measure = Measures.byID[MeasureID(id)] else { return [] }
        return series(measure, endingOn: ends, parameters: p)
    }

    /// `series(_:endingOn:parameters:)` of `measure`.
    public func series(_ measure: Measure, endingOn ends: [Day], parameters p: MeasureParameters = MeasureParameters()) -> [MeasureResult] {
        if measure.unit == .rate && p.population == nil { return [] }
        guard !p.includeRecords, let seriesOf = measure.series, let points = SeriesPoints(ends: ends), !ends.isEmpty else {
            return ends.compactMap { compute(measure, period: .rolling12Months(endingOn: $0), parameters: p) }
        }
        let tallies = seriesOf(self, points, p)
        let id = measure.id.rawValue
        var out: [MeasureResult] = []
        out.reserveCapacity(ends.count)
        for (period, t) in zip(points.periods, tallies) {
            guard var r = finish(t, id, measure.unit, period, p) else { continue }
            r.warnings = coverageWarnings(measure.source, period) + r.warnings
            out.append(r)
        }
        return out
    }

    /// Series of the named measures (all of them when `ids` is nil) for each day of `ends`: one
    /// list per point, sorted by id, as `computeAll` gives for that point's rolling 12 months.
    /// As `computeAll`, the measures are computed on every core when their records are not wanted.
    public func seriesAll(endingOn ends: [Day], ids: [String]? = nil, parameters: MeasureParameters = MeasureParameters()) -> [[MeasureResult]] {
        let list = (ids ?? Self.measureIDs).sorted()
        let each = ConcurrentSlots<[MeasureResult]>(count: list.count)
        if parameters.includeRecords || list.count < 2 {
            for (i, id) in list.enumerated() { each.set(i, series(id, endingOn: ends, parameters: parameters)) }
        } else {
            DispatchQueue.concurrentPerform(iterations: list.count) { i in each.set(i, series(list[i], endingOn: ends, parameters: parameters)) }
        }
        var points = Array(repeating: [MeasureResult](), count: ends.count)
        for i in list.indices {
            guard let s = each.take(i), s.count == ends.count else { continue }
            for (k, r) in s.enumerated() { points[k].append(r) }
        }
        return points
    }

    /// Calls `body` for each child and each point at whose end the child has an open episode,
    /// with that day's open episode (the latest-starting, as `openEpisode(on:)` picks it).
    /// Children come in index order, and one child's points in ascending order. With `yearEarlier`,
    /// the snapshots are a year before each point's end.
    func forEachOpenEpisode(_ pts: SeriesPoints, yearEarlier: Bool = false, _ body: (Int, Int, CLAIndex.Episode) -> Void) {
        let days = yearEarlier ? pts.ends.map { $0.adding(years: -1) } : []
        var chosen = Array(repeating: -1, count: pts.count)
        for (ci, c) in cla.children.enumerated() {
            var lo = pts.count, hi = 0
            // Episodes are sorted by start, so a later open one always wins.
            for (j, e) in c.episodes.enumerated() {
                let k = yearEarlier ? SeriesPoints.open(on: days, from: e.start, until: e.stop) : pts.open(from: e.start, until: e.stop)
                if k.isEmpty { continue }
                lo = min(lo, k.lowerBound); hi = max(hi, k.upperBound)
                for kk in k { chosen[kk] = j }
            }
            if lo >= hi { continue }
            for kk in lo..<hi where chosen[kk] >= 0 {
                body(ci, kk, c.episodes[chosen[kk]])
                chosen[kk] = -1
            }
        }
    }

    /// Builds one tally per point from counts per point; `warnings` are added in order, each
    /// only where its count is above zero (as `Tally.warn` does).
    static func tallies(_ n: Int, numerator: [Int], denominator: [Int]? = nil, warnings: [([Int], String)] = []) -> [Tally] {
        (0..<n).map { k in
            var t = Tally(keep: RecordKeep(MeasureParameters()))
            t.numerator = numerator[k]
            t.denominator = denominator?[k] ?? 0
            for (counts, text) in warnings { t.warn(counts[k], text) }
            return t
        }
    }

    /// The same count at every point.
    static func constant(_ value: Int, _ n: Int) -> [Int] { Array(repeating: value, count: n) }

    /// Adds two lists of counts point by point.
    static func sum(_ a: [Int], _ b: [Int]) -> [Int] { zip(a, b).map { $0 + $1 } }
}

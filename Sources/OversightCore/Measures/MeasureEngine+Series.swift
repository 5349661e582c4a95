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
        guard let def = MeasureCatalogue.definition(id), def.source != .qualityAssurance, def.source != .handEntered else { return [] }
        if def.unit == .rate && p.population == nil { return [] }
        guard !p.includeRecords, let points = SeriesPoints(ends: ends), !ends.isEmpty, let tallies = seriesTallies(id, def.source, points, p) else {
            return ends.compactMap { compute(id, period: .rolling12Months(endingOn: $0), parameters: p) }
        }
        var out: [MeasureResult] = []
        out.reserveCapacity(ends.count)
        for (period, t) in zip(points.periods, tallies) {
            let result: MeasureResult?
            switch def.unit {
            case .count: result = t.count(id, period)
            case .percent: result = t.percent(id, period)
            case .rate: result = rate(id, t, period, p)
            case .ratio: result = nil
            }
            guard var r = result else { continue }
            r.warnings = coverageWarnings(def.source, period) + r.warnings
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

    /// Each point's numerator, denominator and warnings, or nil where the measure has no series
    /// form (the caller then computes point by point).
    func seriesTallies(_ id: String, _ source: MeasureSource, _ points: SeriesPoints, _ p: MeasureParameters) -> [Tally]? {
        switch source {
        case .cin: return seriesCIN(id, points)
        case .ssda903: return seriesCLA(id, points)
        case .localMissing: return seriesLocalMissing(id, points)
        case .supervision: return seriesSupervision(id, points, p)
        default: return nil
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

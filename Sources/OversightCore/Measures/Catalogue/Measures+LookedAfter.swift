/// Children looked after, starting and ceasing, from the SSDA903 return.
extension Measures {
    /// `cla_at_end`: distinct children looked after on the period's last day.
    public static let claAtEnd = Measure(
        "cla_at_end", .count, .none, "Children looked after at period end", reads: [.episodes],
        period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: false) { _ in true } },
        series: { e, pts, _ in e.lookedAfterAtEndSeries(pts) { _ in true } })

    /// `cla_rate_per_10k`: `cla_at_end` per 10,000 children.
    public static let claRatePer10k = Measure(
        "cla_rate_per_10k", .rate, .none, "Children looked after per 10,000 children", reads: [.episodes],
        period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: false) { _ in true } },
        series: { e, pts, _ in e.lookedAfterAtEndSeries(pts) { _ in true } })

    /// `cla_starts`: distinct children starting to be looked after (an episode with `RNE` S) in the period.
    public static let claStarts = Measure(
        "cla_starts", .count, .none, "Children starting to be looked after", reads: [.episodes],
        period: { e, period, p in e.careStarts(period, p) },
        series: { e, pts, _ in e.careStartsSeries(pts) })

    /// `cla_starts_rate_per_10k`: `cla_starts` per 10,000 children.
    public static let claStartsRatePer10k = Measure(
        "cla_starts_rate_per_10k", .rate, .none, "Children starting to be looked after per 10,000 children", reads: [.episodes],
        period: { e, period, p in e.careStarts(period, p) },
        series: { e, pts, _ in e.careStartsSeries(pts) })

    /// `cla_ceased`: distinct children with an episode ceasing in the period (`REC` not X1).
    public static let claCeased = Measure(
        "cla_ceased", .count, .none, "Children ceasing to be looked after", reads: [.episodes],
        period: { e, period, p in e.ceased(period, p, percent: false) { _ in true } },
        series: { e, pts, _ in e.ceasedSeries(pts) { _ in true } })

    /// The looked-after, starting and ceasing measures, in the spec's order.
    static let lookedAfterMeasures: [Measure] = [claAtEnd, claRatePer10k, claStarts, claStartsRatePer10k, claCeased]
}

extension MeasureEngine {
    /// The children looked after on the period's last day, each with that day's open episode:
    /// those `counting` takes are counted; with `percent`, all of them are the base.
    func lookedAfterAtEnd(_ period: Period, _ p: MeasureParameters, percent: Bool, counting: (CLAIndex.Episode) -> Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for c in cla.children {
            guard let e = c.openEpisode(on: period.end) else { continue }
            if percent { t.count(counting(e), childRecord(c, e)) } else if counting(e) { t.countOnly(childRecord(c, e)) }
        }
        t.warn(cla.invalidEpisodes, Self.invalidEpisodeNote)
        return t
    }

    /// `lookedAfterAtEnd` for a series: the children looked after at each point's end are the
    /// base, those `counting` takes the numerator.
    func lookedAfterAtEndSeries(_ pts: SeriesPoints, counting: (CLAIndex.Episode) -> Bool) -> [Tally] {
        let n = pts.count
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        forEachOpenEpisode(pts) { _, k, e in
            bases[k] += 1
            if counting(e) { numbers[k] += 1 }
        }
        return Self.tallies(n, numerator: numbers, denominator: bases, warnings: [invalidEpisodeWarning(n)])
    }

    /// Reads DECOM and RNE only: an episode whose DEC is not a date still starts care.
    fileprivate func careStarts(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for (child, starts) in cla.careStarts {
            guard let s = starts.first(where: { period.contains($0.day) }) else { continue }
            t.countOnly(episodeRecord(child, s.index))
        }
        t.warn(cla.invalidStarts, "episodes with an invalid start date were left out")
        return t
    }

    /// `careStarts` for a series: a child counts once at a point.
    fileprivate func careStartsSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        var ranges: [Range<Int>] = []
        for (_, starts) in cla.careStarts {
            ranges.removeAll(keepingCapacity: true)
            for s in starts {
                let k = pts.containing(s.day)
                if !k.isEmpty { ranges.append(k) }
            }
            SeriesPoints.union(&ranges)
            for k in ranges { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals,
            warnings: [
                (Self.constant(cla.invalidStarts, n), "episodes with an invalid start date were left out")
            ])
    }

    /// Reads DEC and REC only. Per child, the last episode ceased in the period (REC not X1):
    /// the latest DEC, then the latest DECOM, then the later row. Those whose REC `counting`
    /// takes are counted; with `percent`, all of them are the base.
    func ceased(_ period: Period, _ p: MeasureParameters, percent: Bool, counting: (String?) -> Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for (child, ceasings) in cla.ceasings {
            guard let last = ceasings.last(where: { period.contains($0.end) }) else { continue }
            let counted = counting(last.rec)
            if percent { t.count(counted, episodeRecord(child, last.index)) } else if counted { t.countOnly(episodeRecord(child, last.index)) }
        }
        t.warn(cla.invalidEnds, "episodes with an invalid end date were left out")
        return t
    }

    /// `ceased` for a series: per child and point, the last episode ceased in the window (the
    /// child's ceasings are in order, so the last one placed at a point wins).
    func ceasedSeries(_ pts: SeriesPoints, counting: (String?) -> Bool) -> [Tally] {
        let n = pts.count
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        var chosen = Array(repeating: -1, count: n)
        for (_, ceasings) in cla.ceasings {
            var lo = n, hi = 0
            for (j, c) in ceasings.enumerated() {
                let k = pts.containing(c.end)
                if k.isEmpty { continue }
                lo = min(lo, k.lowerBound); hi = max(hi, k.upperBound)
                for kk in k { chosen[kk] = j }
            }
            if lo >= hi { continue }
            for kk in lo..<hi where chosen[kk] >= 0 {
                let counted = counting(ceasings[chosen[kk]].rec)
                chosen[kk] = -1
                bases[kk] += 1
                if counted { numbers[kk] += 1 }
            }
        }
        return Self.tallies(
            n, numerator: numbers, denominator: bases,
            warnings: [
                (Self.constant(cla.invalidEnds, n), "episodes with an invalid end date were left out")
            ])
    }

    /// The SSDA903 measures' warning of episodes left out of `CLAIndex.children`, at each of `n` points.
    func invalidEpisodeWarning(_ n: Int) -> ([Int], String) {
        (Self.constant(cla.invalidEpisodes, n), Self.invalidEpisodeNote)
    }
}

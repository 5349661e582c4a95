/// Children in need at the period end, from the CIN census.
extension Measures {
    /// `cin_at_end`: distinct children with an episode open at the period end.
    public static let cinAtEnd = Measure(
        "cin_at_end", .count, .none, "Children in need at period end", reads: [.cin],
        period: { e, period, p in e.childrenInNeedAtEnd(period, p) },
        series: { e, pts, _ in e.childrenInNeedAtEndSeries(pts) })

    /// `cin_rate_per_10k`: `cin_at_end` per 10,000 children.
    public static let cinRatePer10k = Measure(
        "cin_rate_per_10k", .rate, .none, "Children in need per 10,000 children", reads: [.cin],
        period: { e, period, p in e.childrenInNeedAtEnd(period, p) },
        series: { e, pts, _ in e.childrenInNeedAtEndSeries(pts) })

    /// The children in need measures, in the spec's order.
    static let childrenInNeedMeasures: [Measure] = [cinAtEnd, cinRatePer10k]
}

extension MeasureEngine {
    /// `cin_at_end` (and its rate) for one period: each child counted once, with its first episode open at the end.
    fileprivate func childrenInNeedAtEnd(_ period: Period, _ p: MeasureParameters) -> Tally {
        let eps = data.cinEpisodes
        let keep = RecordKeep(p)
        var children: [ChildID: Int] = [:]
        var invalid = 0
        for sp in cin.spans {
            if sp.hasInvalidDate { invalid += 1; continue }
            guard let r = sp.referral, r <= period.end, !sp.isNFA else { continue }
            if let c = sp.closure, c <= period.end { continue }
            let child = eps[sp.episode].child
            if children[child] == nil { children[child] = sp.episode }
        }
        var t = Tally(keep: keep)
        if keep.on {
            for (_, i) in children.sorted(by: { $0.key < $1.key }) { t.countOnly(referralRecord(eps[i])) }
        } else {
            t.numerator = children.count
        }
        t.warn(invalid, "episodes with an invalid referral or closure date were left out")
        return t
    }

    /// A child counts at a point when any of its episodes is open then.
    fileprivate func childrenInNeedAtEndSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        var invalid = 0
        var ranges: [Range<Int>] = []
        for child in 0..<cin.childCount {
            ranges.removeAll(keepingCapacity: true)
            for i in cin.episodes(ofChild: child) {
                let sp = cin.spans[i]
                if sp.hasInvalidDate { invalid += 1; continue }
                guard let r = sp.referral, !sp.isNFA else { continue }
                let k = pts.open(from: r, until: sp.closure)
                if !k.isEmpty { ranges.append(k) }
            }
            SeriesPoints.union(&ranges)
            for k in ranges { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals,
            warnings: [
                (Self.constant(invalid, n), "episodes with an invalid referral or closure date were left out")
            ])
    }
}

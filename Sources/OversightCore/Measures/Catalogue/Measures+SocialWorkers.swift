/// Changes of social worker of children looked after, from the SSDA903 social worker episodes.
extension Measures {
    /// `sw_changes_3plus_pct`: of `cla_at_end`, children with 3 or more social workers in the 12
    /// months to the end.
    public static let swChanges3plusPct = Measure(
        "sw_changes_3plus_pct", .percent, .low, "Children looked after with 3 or more social workers in 12 months",
        reads: [.episodes, .socialWorkerEpisodes],
        period: { e, period, p in e.socialWorkerChanges(period, p) },
        series: { e, pts, _ in e.socialWorkerChangesSeries(pts) })

    /// The social worker measures, in the spec's order.
    static let socialWorkerMeasures: [Measure] = [swChanges3plusPct]
}

extension MeasureEngine {
    /// `sw_changes_3plus_pct` for one period: the distinct workers of each child's social worker episodes overlapping the 12 months to the end.
    fileprivate func socialWorkerChanges(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        let end = period.end
        let window = Period.rolling12Months(endingOn: end)
        var workers: [ChildID: Set<String>] = [:]
        var invalid = 0
        for s in data.socialWorkerEpisodes {
            let last = data.leftOpen.lastOpenDay(of: s)
            guard let st = s.start.day, last != nil || !s.end.isInvalid else { invalid += 1; continue }
            let stop = last.map { $0.adding(days: 1) } ?? s.end.day
            let overlaps = window.contains(st) || (st <= window.start && (stop.map { $0 > window.start } ?? true))
            if overlaps, let w = s.workerID { workers[s.child, default: []].insert(w) }
        }
        for c in cla.children {
            guard let e = c.openEpisode(on: end) else { continue }
            t.count((workers[c.id]?.count ?? 0) >= 3, childRecord(c, e))
        }
        t.warn(invalid, "social worker episodes with an invalid date were left out")
        t.warn(cla.invalidEpisodes, Self.invalidEpisodeNote)
        return t
    }

    /// Each looked-after child's social worker episodes, with the points whose window each overlaps.
    fileprivate func socialWorkerChangesSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        var workers: [[(Range<Int>, String)]] = Array(repeating: [], count: cla.children.count)
        var invalid = 0
        for s in data.socialWorkerEpisodes {
            let last = data.leftOpen.lastOpenDay(of: s)
            guard let st = s.start.day, last != nil || !s.end.isInvalid else { invalid += 1; continue }
            guard let w = s.workerID, let i = cla.position[s.child] else { continue }
            let k = pts.overlapping(start: st, stop: last.map { $0.adding(days: 1) } ?? s.end.day)
            if !k.isEmpty { workers[i].append((k, w)) }
        }
        var seen: [String] = []
        forEachOpenEpisode(pts) { ci, k, _ in
            seen.removeAll(keepingCapacity: true)
            for (r, w) in workers[ci] where r.contains(k) && !seen.contains(w) { seen.append(w) }
            bases[k] += 1
            if seen.count >= 3 { numbers[k] += 1 }
        }
        return Self.tallies(
            n, numerator: numbers, denominator: bases,
            warnings: [
                (Self.constant(invalid, n), "social worker episodes with an invalid date were left out"), invalidEpisodeWarning(n),
            ])
    }
}

/// Children looked after who went missing or were away from placement, from the SSDA903 Missing table.
extension Measures {
    /// `missing_children_pct`: of the children looked after on some day of the period, those
    /// with a Missing row of kind M, while looked after, in or open at the start of the period.
    public static let missingChildrenPct = Measure(
        "missing_children_pct", .percent, .low, "Children looked after who went missing", reads: [.episodes, .missing],
        period: { e, period, p in e.childrenMissingFromCare("M", period, p) },
        series: { e, pts, _ in e.childrenMissingFromCareSeries("M", pts) })

    /// `away_children_pct`: as `missing_children_pct`, with rows of kind A (away without authorisation).
    public static let awayChildrenPct = Measure(
        "away_children_pct", .percent, .low, "Children looked after who were away without authorisation", reads: [.episodes, .missing],
        period: { e, period, p in e.childrenMissingFromCare("A", period, p) },
        series: { e, pts, _ in e.childrenMissingFromCareSeries("A", pts) })

    /// `missing_incidents`: Missing rows of kind M starting in the period while the child is looked after.
    public static let missingIncidents = Measure(
        "missing_incidents", .count, .low, "Missing incidents of children looked after", reads: [.episodes, .missing],
        period: { e, period, p in e.missingIncidents(period, p) },
        series: { e, pts, _ in e.missingIncidentsSeries(pts) })

    /// The missing-from-care measures, in the spec's order.
    static let missingFromCareMeasures: [Measure] = [missingChildrenPct, awayChildrenPct, missingIncidents]
}

extension MeasureEngine {
    /// `kind`: the Missing table's `MISSING` code counted (M or A).
    fileprivate func childrenMissingFromCare(_ kind: String, _ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var counted: Set<ChildID> = []
        var invalid = 0
        for m in data.claMissing where m.kind == kind {
            guard let s = m.start.day, !m.end.isInvalid else { invalid += 1; continue }
            let inPeriod = period.contains(s) || (s <= period.start && (m.end.day.map { $0 > period.start } ?? true))
            guard inPeriod, let i = cla.position[m.child], cla.children[i].isLookedAfter(on: s) else { continue }
            counted.insert(m.child)
        }
        for c in cla.children where c.isLookedAfterOnSomeDay(of: period) {
            t.count(counted.contains(c.id), childRecord(c))
        }
        t.warn(invalid, "missing rows with an invalid date were left out")
        t.warn(cla.invalidEpisodes, Self.invalidEpisodeNote)
        return t
    }

    /// A child is in the base at a point when looked after on some day of the window, and in the
    /// numerator when also one of its rows counted for that window.
    fileprivate func childrenMissingFromCareSeries(_ kind: String, _ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n)
        var counted: [Int: [Range<Int>]] = [:]
        var invalid = 0
        for m in data.claMissing where m.kind == kind {
            guard let s = m.start.day, !m.end.isInvalid else { invalid += 1; continue }
            let k = pts.overlapping(start: s, stop: m.end.day)
            guard !k.isEmpty, let i = cla.position[m.child], cla.children[i].isLookedAfter(on: s) else { continue }
            counted[i, default: []].append(k)
        }
        var ranges: [Range<Int>] = []
        for (ci, c) in cla.children.enumerated() {
            ranges.removeAll(keepingCapacity: true)
            for e in c.episodes {
                let k = pts.coveringSomeDay(start: e.start, end: e.stop)
                if !k.isEmpty { ranges.append(k) }
            }
            SeriesPoints.union(&ranges)
            for k in ranges { den.add(k) }
            guard var rows = counted[ci] else { continue }
            SeriesPoints.union(&rows)
            for k in SeriesPoints.intersection(ranges, rows) { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (Self.constant(invalid, n), "missing rows with an invalid date were left out"), invalidEpisodeWarning(n),
            ])
    }

    /// `missing_incidents` for one period.
    fileprivate func missingIncidents(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for m in data.claMissing where m.kind == "M" {
            guard let s = m.start.day else { if m.start.isInvalid { invalid += 1 }; continue }
            guard period.contains(s), let i = cla.position[m.child], cla.children[i].isLookedAfter(on: s) else { continue }
            t.countOnly(DrillRecord(child: m.child.rawValue, kind: "missing", key: s.iso, start: s, end: m.end.day, origin: m.origin))
        }
        t.warn(invalid, "missing rows with an invalid start date were left out")
        t.warn(cla.invalidEpisodes, Self.invalidEpisodeNote)
        return t
    }

    /// `missing_incidents` for a series.
    fileprivate func missingIncidentsSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        var invalid = 0
        for m in data.claMissing where m.kind == "M" {
            guard let s = m.start.day else { if m.start.isInvalid { invalid += 1 }; continue }
            let k = pts.containing(s)
            guard !k.isEmpty, let i = cla.position[m.child], cla.children[i].isLookedAfter(on: s) else { continue }
            num.add(k)
        }
        return Self.tallies(
            n, numerator: num.totals,
            warnings: [
                (Self.constant(invalid, n), "missing rows with an invalid start date were left out"), invalidEpisodeWarning(n),
            ])
    }
}

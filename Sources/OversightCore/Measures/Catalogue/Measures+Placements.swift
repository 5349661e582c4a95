/// Placements of children looked after, from the SSDA903 return: stability, placements with
/// parents, moves and external placements.
extension Measures {
    /// `placement_stability_short_pct`: of `cla_at_end`, children with 3 or more placements in
    /// the 12 months to the end.
    public static let placementStabilityShortPct = Measure(
        "placement_stability_short_pct", .percent, .low, "Children looked after with 3 or more placements in 12 months", reads: [.episodes],
        period: { e, period, p in e.placementStabilityShort(period, p) },
        series: { e, pts, _ in e.placementStabilityShortSeries(pts) })

    /// `placement_stability_long_pct`: of the children under 16 looked after 2.5 years or more,
    /// those in the same placement for 2 years (or placed for adoption after it).
    public static let placementStabilityLongPct = Measure(
        "placement_stability_long_pct", .percent, .high, "Children looked after 2.5 years or more in the same placement for 2 years",
        reads: [.episodes, .header],
        period: { e, period, p in e.placementStabilityLong(period, p) },
        series: { e, pts, _ in e.placementStabilityLongSeries(pts) })

    /// `placed_with_parents_at_end`: children in `cla_at_end` placed with parents (P1).
    public static let placedWithParentsAtEnd = Measure(
        "placed_with_parents_at_end", .count, .low, "Children placed with parents at period end", reads: [.episodes],
        period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: false, counting: isPlacedWithParents) },
        series: { e, pts, _ in e.lookedAfterAtEndSeries(pts, counting: isPlacedWithParents) })

    /// `placed_with_parents_pct`: `placed_with_parents_at_end` / `cla_at_end`.
    public static let placedWithParentsPct = Measure(
        "placed_with_parents_pct", .percent, .low, "Children looked after placed with parents", reads: [.episodes],
        period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: true, counting: isPlacedWithParents) },
        series: { e, pts, _ in e.lookedAfterAtEndSeries(pts, counting: isPlacedWithParents) })

    /// `placed_with_parents_change_pct`: the change in `placed_with_parents_at_end` over the year
    /// to the end, as a percentage of the figure a year before.
    public static let placedWithParentsChangePct = Measure(
        "placed_with_parents_change_pct", .percent, .low, "Change in children placed with parents over a year", reads: [.episodes],
        result: { e, period, p in e.placedWithParentsChange(period, p) },
        series: { e, pts, _ in e.placedWithParentsChangeSeries(pts) })

    /// `placement_moves_planned_children`: distinct children with a planned placement move (CARPL) in the period.
    public static let placementMovesPlannedChildren = Measure(
        "placement_moves_planned_children", .count, .low, "Children looked after with a planned placement move", reads: [.episodes],
        period: { e, period, p in e.placementMoves(.planned, period, p) },
        series: { e, pts, _ in e.placementMovesSeries(.planned, pts) })

    /// `placement_moves_unplanned_children`: distinct children with an unplanned placement move in the period.
    public static let placementMovesUnplannedChildren = Measure(
        "placement_moves_unplanned_children", .count, .low, "Children looked after with an unplanned placement move", reads: [.episodes],
        period: { e, period, p in e.placementMoves(.unplanned, period, p) },
        series: { e, pts, _ in e.placementMovesSeries(.unplanned, pts) })

    /// `external_placements_at_end`: children in `cla_at_end` placed by a private or voluntary provider (PR4, PR5).
    public static let externalPlacementsAtEnd = Measure(
        "external_placements_at_end", .count, .low, "Children in private or voluntary placements at period end", reads: [.episodes],
        period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: false, counting: isExternal) },
        series: { e, pts, _ in e.lookedAfterAtEndSeries(pts, counting: isExternal) })

    /// `external_placements_pct`: `external_placements_at_end` / `cla_at_end`.
    public static let externalPlacementsPct = Measure(
        "external_placements_pct", .percent, .low, "Children looked after in private or voluntary placements", reads: [.episodes],
        period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: true, counting: isExternal) },
        series: { e, pts, _ in e.lookedAfterAtEndSeries(pts, counting: isExternal) })

    /// `external_residential_at_end`: children in `external_placements_at_end` in a children's home (K2).
    public static let externalResidentialAtEnd = Measure(
        "external_residential_at_end", .count, .low, "Children in external children's homes at period end", reads: [.episodes],
        period: { e, period, p in e.lookedAfterAtEnd(period, p, percent: false, counting: isExternalResidential) },
        series: { e, pts, _ in e.lookedAfterAtEndSeries(pts, counting: isExternalResidential) })

    /// The placement measures, in the spec's order.
    static let placementMeasures: [Measure] = [
        placementStabilityShortPct, placementStabilityLongPct, placedWithParentsAtEnd, placedWithParentsPct, placedWithParentsChangePct,
        placementMovesPlannedChildren, placementMovesUnplannedChildren, externalPlacementsAtEnd, externalPlacementsPct, externalResidentialAtEnd,
    ]

    /// Placed with parents: `PLACE` P1.
    @Sendable fileprivate static func isPlacedWithParents(_ e: CLAIndex.Episode) -> Bool { e.place == "P1" }

    /// Placed by a private or voluntary provider: `PLACE_PROVIDER` PR4 or PR5.
    @Sendable fileprivate static func isExternal(_ e: CLAIndex.Episode) -> Bool {
        let provider = e.provider ?? ""
        return provider == "PR4" || provider == "PR5"
    }

    /// Placed by a private or voluntary provider in a children's home (K2).
    @Sendable fileprivate static func isExternalResidential(_ e: CLAIndex.Episode) -> Bool { isExternal(e) && e.place == "K2" }
}

extension MeasureEngine {
    /// Whether child `c` is in `placement_stability_long_pct`'s numerator on `day`, given its
    /// current period of care `period` (holding the open episode, whose `PLACE` is `place`): the
    /// current placement (that period's last placement starting by `day`) began on or before
    /// `cut`, or the child is placed for adoption (A3-A6) and the placement before it began on
    /// or before `cut`. A period of care with no placement (temporary episodes only) is not stable.
    static func isStable(_ c: CLAIndex.Child, period: Int, on day: Day, cut: Day, place: String?) -> Bool {
        var current: CLAIndex.Placement?, previous: CLAIndex.Placement?
        for pl in c.placements where pl.period == period && pl.start <= day {
            previous = current
            current = pl
        }
        guard let current else { return false }
        if current.start <= cut { return true }
        guard ["A3", "A4", "A5", "A6"].contains(place ?? ""), let previous else { return false }
        return previous.start <= cut
    }

    /// `placement_stability_short_pct` for one period.
    fileprivate func placementStabilityShort(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        let end = period.end
        let window = Period.rolling12Months(endingOn: end)
        var short = 0
        for c in cla.children {
            guard let e = c.openEpisode(on: end) else { continue }
            let n = c.placements.filter { $0.overlaps(window) }.count
            t.count(n >= 3, childRecord(c, e))
            if let h = claHistoryStart, window.start < h, c.episodes[0].start <= h { short += 1 }
        }
        t.warn(short, "children were looked after before the first loaded year, so placements before it are not counted")
        t.warn(cla.invalidEpisodes, Self.invalidEpisodeNote)
        return t
    }

    /// `placement_stability_short_pct` for a series.
    fileprivate func placementStabilityShortSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        let windows = pts.periods
        var short = Array(repeating: 0, count: n)
        let h = claHistoryStart
        forEachOpenEpisode(pts) { ci, k, _ in
            let c = cla.children[ci]
            var count = 0
            for pl in c.placements where pl.overlaps(windows[k]) { count += 1 }
            bases[k] += 1
            if count >= 3 { numbers[k] += 1 }
            if let h, windows[k].start < h, c.episodes[0].start <= h { short[k] += 1 }
        }
        return Self.tallies(
            n, numerator: numbers, denominator: bases,
            warnings: [
                (short, "children were looked after before the first loaded year, so placements before it are not counted"), invalidEpisodeWarning(n),
            ])
    }

    /// `placement_stability_long_pct` for one period.
    fileprivate func placementStabilityLong(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        let end = period.end
        let careCut = end.adding(months: -30)
        let placeCut = end.adding(years: -2)
        var noBirthDate = 0, short = 0
        for c in cla.children {
            guard let e = c.openEpisode(on: end) else { continue }
            guard let dob = data.claHeaders[c.id]?.birthDate.day else { noBirthDate += 1; continue }
            guard dob.adding(years: 16) > end else { continue }
            // The current period of care holds the open episode (the latest-starting one open).
            let pi = c.period(holding: e.position)
            guard c.periods[pi].start <= careCut else { continue }
            if let h = claHistoryStart, c.periods[pi].start <= h { short += 1 }
            let stable = Self.isStable(c, period: pi, on: end, cut: placeCut, place: e.place)
            t.count(stable, childRecord(c, e))
        }
        t.warn(noBirthDate, "children with no valid date of birth in the Header table were left out")
        t.warn(short, "children's periods of care began before the first loaded year, so earlier placements are not known")
        t.warn(cla.invalidEpisodes, Self.invalidEpisodeNote)
        return t
    }

    /// `placement_stability_long_pct` for a series.
    fileprivate func placementStabilityLongSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        let careCuts = pts.ends.map { $0.adding(months: -30) }, placeCuts = pts.ends.map { $0.adding(years: -2) }
        var noBirthDate = Array(repeating: 0, count: n), short = Array(repeating: 0, count: n)
        let h = claHistoryStart
        var lastChild = -1
        var dob: Day?
        forEachOpenEpisode(pts) { ci, k, e in
            let c = cla.children[ci]
            let end = pts.ends[k]
            if ci != lastChild { lastChild = ci; dob = data.claHeaders[c.id]?.birthDate.day }
            guard let dob else { noBirthDate[k] += 1; return }
            guard dob.adding(years: 16) > end else { return }
            let pi = c.period(holding: e.position)
            guard c.periods[pi].start <= careCuts[k] else { return }
            if let h, c.periods[pi].start <= h { short[k] += 1 }
            let stable = Self.isStable(c, period: pi, on: end, cut: placeCuts[k], place: e.place)
            bases[k] += 1
            if stable { numbers[k] += 1 }
        }
        return Self.tallies(
            n, numerator: numbers, denominator: bases,
            warnings: [
                (noBirthDate, "children with no valid date of birth in the Header table were left out"),
                (short, "children's periods of care began before the first loaded year, so earlier placements are not known"),
                invalidEpisodeWarning(n),
            ])
    }

    /// `placed_with_parents_change_pct` for one period: the children placed with parents at the end less those a year before, of those a year before.
    fileprivate func placedWithParentsChange(_ period: Period, _ p: MeasureParameters) -> MeasureResult {
        let keep = RecordKeep(p)
        let end = period.end
        let before = end.adding(years: -1)
        var now: [DrillRecord] = [], then: [DrillRecord] = []
        for c in cla.children {
            if let e = c.openEpisode(on: end), e.place == "P1" { now.append(childRecord(c, e)) }
            if let e = c.openEpisode(on: before), e.place == "P1" { then.append(childRecord(c, e)) }
        }
        let num = now.count - then.count
        return MeasureResult(
            id: "placed_with_parents_change_pct", unit: .percent, period: period, numerator: Double(num), denominator: Double(then.count),
            value: then.isEmpty ? nil : 100 * Double(num) / Double(then.count),
            warnings: cla.invalidEpisodes > 0 ? ["\(cla.invalidEpisodes) \(Self.invalidEpisodeNote)"] : [],
            numeratorRecords: keep.filter(now), denominatorRecords: keep.filter(then))
    }

    /// `placed_with_parents_change_pct` for a series.
    fileprivate func placedWithParentsChangeSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        forEachOpenEpisode(pts) { _, k, e in if e.place == "P1" { numbers[k] += 1 } }
        forEachOpenEpisode(pts, yearEarlier: true) { _, k, e in if e.place == "P1" { bases[k] += 1 } }
        return Self.tallies(n, numerator: Self.sum(numbers, bases.map { -$0 }), denominator: bases, warnings: [invalidEpisodeWarning(n)])
    }

    /// Distinct children with a placement move of reason `wanted` in the period.
    fileprivate func placementMoves(_ wanted: CLAIndex.MoveReason, _ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var unknown = 0
        for c in cla.children {
            if let m = c.moves.first(where: { $0.reason == wanted && period.contains($0.day) }) {
                t.countOnly(childRecord(c, c.episodes[m.episode]))
            }
            if c.episodes[0].rne != "S" && period.contains(c.episodes[0].start) { unknown += 1 }
        }
        t.warn(unknown, "children's loaded episodes begin in the period without starting care (RNE S), so a move on that day is not known")
        t.warn(cla.invalidEpisodes, Self.invalidEpisodeNote)
        return t
    }

    /// `placementMoves` for a series.
    fileprivate func placementMovesSeries(_ wanted: CLAIndex.MoveReason, _ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), unknown = PointCounts(n)
        var ranges: [Range<Int>] = []
        for c in cla.children {
            ranges.removeAll(keepingCapacity: true)
            for m in c.moves where m.reason == wanted {
                let k = pts.containing(m.day)
                if !k.isEmpty { ranges.append(k) }
            }
            SeriesPoints.union(&ranges)
            for k in ranges { num.add(k) }
            if c.episodes[0].rne != "S" { unknown.add(pts.containing(c.episodes[0].start)) }
        }
        return Self.tallies(
            n, numerator: num.totals,
            warnings: [
                (unknown.totals, "children's loaded episodes begin in the period without starting care (RNE S), so a move on that day is not known"),
                invalidEpisodeWarning(n),
            ])
    }
}

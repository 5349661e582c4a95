extension MeasureEngine {
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

    /// The SSDA903 measures of a series (see `computeCLA` for each measure's rules).
    func seriesCLA(_ id: String, _ pts: SeriesPoints) -> [Tally]? {
        let n = pts.count
        let invalidEpisodes = (Self.constant(cla.invalidEpisodes, n), "episodes with an invalid start or end date were left out")
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        var num = PointCounts(n), den = PointCounts(n)

        switch id {
        case "cla_at_end", "cla_rate_per_10k", "placed_with_parents_at_end", "placed_with_parents_pct", "external_placements_at_end",
             "external_placements_pct", "external_residential_at_end":
            forEachOpenEpisode(pts) { _, k, e in
                let provider = e.provider ?? ""
                let external = provider == "PR4" || provider == "PR5"
                let counted: Bool
                switch id {
                case "cla_at_end", "cla_rate_per_10k": counted = true
                case "placed_with_parents_at_end", "placed_with_parents_pct": counted = e.place == "P1"
                case "external_placements_at_end", "external_placements_pct": counted = external
                default: counted = external && e.place == "K2"
                }
                bases[k] += 1
                if counted { numbers[k] += 1 }
            }
            return Self.tallies(n, numerator: numbers, denominator: bases, warnings: [invalidEpisodes])

        case "placed_with_parents_change_pct":
            forEachOpenEpisode(pts) { _, k, e in if e.place == "P1" { numbers[k] += 1 } }
            forEachOpenEpisode(pts, yearEarlier: true) { _, k, e in if e.place == "P1" { bases[k] += 1 } }
            return Self.tallies(n, numerator: Self.sum(numbers, bases.map { -$0 }), denominator: bases, warnings: [invalidEpisodes])

        case "cla_starts", "cla_starts_rate_per_10k":
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
            return Self.tallies(n, numerator: num.totals, warnings: [
                (Self.constant(cla.invalidStarts, n), "episodes with an invalid start date were left out"),
            ])

        case "cla_ceased", "sgo_exits", "sgo_exits_pct":
            // Per child and point, the last episode ceased in the window: the child's ceasings are
            // in order, so the last one placed at a point wins.
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
                    let sgo = Self.sgoCodes.contains(ceasings[chosen[kk]].rec ?? "")
                    chosen[kk] = -1
                    bases[kk] += 1
                    if id == "cla_ceased" || sgo { numbers[kk] += 1 }
                }
            }
            return Self.tallies(n, numerator: numbers, denominator: bases, warnings: [
                (Self.constant(cla.invalidEnds, n), "episodes with an invalid end date were left out"),
            ])

        case "placement_moves_planned_children", "placement_moves_unplanned_children":
            let wanted: CLAIndex.MoveReason = id == "placement_moves_planned_children" ? .planned : .unplanned
            var unknown = PointCounts(n)
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
            return Self.tallies(n, numerator: num.totals, warnings: [
                (unknown.totals, "children's loaded episodes begin in the period without starting care (RNE S), so a move on that day is not known"),
                invalidEpisodes,
            ])

        case "placement_stability_short_pct":
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
            return Self.tallies(n, numerator: numbers, denominator: bases, warnings: [
                (short, "children were looked after before the first loaded year, so placements before it are not counted"), invalidEpisodes,
            ])

        case "placement_stability_long_pct":
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
            return Self.tallies(n, numerator: numbers, denominator: bases, warnings: [
                (noBirthDate, "children with no valid date of birth in the Header table were left out"),
                (short, "children's periods of care began before the first loaded year, so earlier placements are not known"),
                invalidEpisodes,
            ])

        case "missing_children_pct", "away_children_pct":
            // A child is in the base at a point when looked after on some day of the window, and
            // in the numerator when also one of its rows counted for that window.
            let kind = id == "missing_children_pct" ? "M" : "A"
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
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
                (Self.constant(invalid, n), "missing rows with an invalid date were left out"), invalidEpisodes,
            ])

        case "missing_incidents":
            var invalid = 0
            for m in data.claMissing where m.kind == "M" {
                guard let s = m.start.day else { if m.start.isInvalid { invalid += 1 }; continue }
                let k = pts.containing(s)
                guard !k.isEmpty, let i = cla.position[m.child], cla.children[i].isLookedAfter(on: s) else { continue }
                num.add(k)
            }
            return Self.tallies(n, numerator: num.totals, warnings: [
                (Self.constant(invalid, n), "missing rows with an invalid start date were left out"), invalidEpisodes,
            ])

        case "sw_changes_3plus_pct":
            // Each looked-after child's social worker episodes, with the points whose window each overlaps.
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
            return Self.tallies(n, numerator: numbers, denominator: bases, warnings: [
                (Self.constant(invalid, n), "social worker episodes with an invalid date were left out"), invalidEpisodes,
            ])

        case "cla_review_participation_pct", "review_participation_16plus_pct":
            let sixteenPlus = id == "review_participation_16plus_pct"
            var invalid = 0
            var noBirthDate = PointCounts(n)
            for r in data.claReviews {
                guard let d = r.date.day else { if r.date.isInvalid { invalid += 1 }; continue }
                guard let code = r.participationCode, Self.reviewCodesCounted.contains(code) else { continue }
                let k = pts.containing(d)
                if k.isEmpty { continue }
                if sixteenPlus {
                    guard let dob = data.claHeaders[r.child]?.birthDate.day else { noBirthDate.add(k); continue }
                    guard dob.adding(years: 16) <= d else { continue }
                }
                den.add(k)
                if Self.reviewCodesParticipating.contains(code) { num.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
                (noBirthDate.totals, "reviews of children with no valid date of birth in the Header table were left out"),
                (Self.constant(invalid, n), "reviews with an invalid date were left out"),
            ])

        case "care_leavers_eet_pct", "care_leavers_suitable_accom_pct", "care_leavers_in_touch_pct":
            return seriesCareLeavers(id, pts)

        default:
            return nil
        }
    }

    /// `careLeavers` for a series: per young person and point, the latest of the 19th-21st
    /// birthdays in the window and the OC3 row of that birthday's collection year.
    func seriesCareLeavers(_ id: String, _ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var rowsByChild: [ChildID: [CareLeaverRecord]] = [:]
        for r in data.careLeavers { rowsByChild[r.child, default: []].append(r) }
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n), noRow = Array(repeating: 0, count: n)
        var noBirthDate = 0
        for (child, rows) in rowsByChild {
            guard let dob = rows.lazy.compactMap({ $0.birthDate.day }).last ?? data.claHeaders[child]?.birthDate.day else { noBirthDate += 1; continue }
            // 0: no OC3 row, 1: left out (died or returned home), 2: in the base, 3: also in the numerator.
            let outcomes: [(range: Range<Int>, outcome: Int)] = [21, 20, 19].map { age in
                let birthday = dob.adding(years: age)
                let k = pts.containing(birthday)
                if k.isEmpty { return (k, 0) }
                let year = birthday.collectionYear
                guard let row = rows.last(where: { $0.collectionYear == year }) ?? rows.last(where: { $0.collectionYear == nil }) else { return (k, 0) }
                let inTouch = row.inTouch ?? ""
                if inTouch == "DIED" || inTouch == "RHOM" { return (k, 1) }
                let hit: Bool
                switch id {
                case "care_leavers_eet_pct":
                    let a = row.activity ?? ""
                    hit = Self.validActivity.contains(a) && (a.hasPrefix("F") || a.hasPrefix("P"))
                case "care_leavers_suitable_accom_pct": hit = Self.suitableAccommodation.contains(row.accommodation ?? "")
                default: hit = inTouch == "YES"
                }
                return (k, hit ? 3 : 2)
            }
            let lo = outcomes.map(\.range.lowerBound).min()!, hi = outcomes.map(\.range.upperBound).max()!
            if lo >= hi { continue }
            for k in lo..<hi {
                guard let o = outcomes.first(where: { $0.range.contains(k) })?.outcome else { continue }
                switch o {
                case 0: noRow[k] += 1
                case 1: break
                default:
                    bases[k] += 1
                    if o == 3 { numbers[k] += 1 }
                }
            }
        }
        return Self.tallies(n, numerator: numbers, denominator: bases, warnings: [
            (noRow, "young people with a birthday in the period have no OC3 row for that collection year and were left out"),
            (Self.constant(noBirthDate, n), "care leavers with no valid date of birth were left out"),
        ])
    }
}

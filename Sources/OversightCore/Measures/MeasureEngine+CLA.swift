extension MeasureEngine {
    static let sgoCodes: Set<String> = ["E43", "E44", "E45", "E46", "E47", "E48"]
    static let validActivity: Set<String> = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"]
    static let suitableAccommodation: Set<String> = Set("BCDEGHKRTUVWYZ".map { "\($0)1" })

    /// `REVIEW_CODE`s in the review participation measures' denominators (PN0, child under 4,
    /// and blank or invalid codes are left out).
    static let reviewCodesCounted: Set<String> = ["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    /// The codes where the child communicated their views (PN4: attended but conveyed no views;
    /// PN7: neither attended nor conveyed views).
    static let reviewCodesParticipating: Set<String> = ["PN1", "PN2", "PN3", "PN5", "PN6"]

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

    func computeCLA(_ id: String, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        let keep = RecordKeep(p)
        let end = period.end
        var t = Tally(keep: keep)
        func childRecord(_ c: CLAIndex.Child, _ e: CLAIndex.Episode? = nil) -> DrillRecord {
            DrillRecord(child: c.id.rawValue, kind: e == nil ? "child" : "cla_episode", key: e?.start.iso ?? c.id.rawValue, start: e?.start, end: e?.end,
                        origin: e.map { data.claEpisodes[$0.index].origin })
        }
        func episodeRecord(_ child: ChildID, _ index: Int) -> DrillRecord {
            let e = data.claEpisodes[index]
            return DrillRecord(child: child.rawValue, kind: "cla_episode", key: e.start.day?.iso ?? "", start: e.start.day,
                               end: data.leftOpen.lastOpenDay(of: e) == nil ? e.end.day : nil, origin: e.origin)
        }
        let invalidNote = "episodes with an invalid start or end date were left out"

        switch id {
        case "cla_at_end", "cla_rate_per_10k", "placed_with_parents_at_end", "placed_with_parents_pct", "external_placements_at_end",
             "external_placements_pct", "external_residential_at_end":
            for c in cla.children {
                guard let e = c.openEpisode(on: end) else { continue }
                let provider = e.provider ?? ""
                let external = provider == "PR4" || provider == "PR5"
                switch id {
                case "cla_at_end", "cla_rate_per_10k": t.countOnly(childRecord(c, e))
                case "placed_with_parents_at_end": if e.place == "P1" { t.countOnly(childRecord(c, e)) }
                case "placed_with_parents_pct": t.count(e.place == "P1", childRecord(c, e))
                case "external_placements_at_end": if external { t.countOnly(childRecord(c, e)) }
                case "external_placements_pct": t.count(external, childRecord(c, e))
                default: if external && e.place == "K2" { t.countOnly(childRecord(c, e)) }
                }
            }
            t.warn(cla.invalidEpisodes, invalidNote)
            switch id {
            case "cla_rate_per_10k": return rate(id, t, period, p)
            case "placed_with_parents_pct", "external_placements_pct": return t.percent(id, period)
            default: return t.count(id, period)
            }

        case "placed_with_parents_change_pct":
            let before = end.adding(years: -1)
            var now: [DrillRecord] = [], then: [DrillRecord] = []
            for c in cla.children {
                if let e = c.openEpisode(on: end), e.place == "P1" { now.append(childRecord(c, e)) }
                if let e = c.openEpisode(on: before), e.place == "P1" { then.append(childRecord(c, e)) }
            }
            let num = now.count - then.count
            return MeasureResult(id: id, unit: .percent, period: period, numerator: Double(num), denominator: Double(then.count),
                                 value: then.isEmpty ? nil : 100 * Double(num) / Double(then.count),
                                 warnings: cla.invalidEpisodes > 0 ? ["\(cla.invalidEpisodes) \(invalidNote)"] : [],
                                 numeratorRecords: keep.filter(now), denominatorRecords: keep.filter(then))

        case "cla_starts", "cla_starts_rate_per_10k":
            // Reads DECOM and RNE only: an episode whose DEC is not a date still starts care.
            for (child, starts) in cla.careStarts {
                guard let s = starts.first(where: { period.contains($0.day) }) else { continue }
                t.countOnly(episodeRecord(child, s.index))
            }
            t.warn(cla.invalidStarts, "episodes with an invalid start date were left out")
            return id == "cla_starts" ? t.count(id, period) : rate(id, t, period, p)

        case "cla_ceased", "sgo_exits", "sgo_exits_pct":
            // Reads DEC and REC only. Per child, the last episode ceased in the period (REC not
            // X1): the latest DEC, then the latest DECOM, then the later row.
            for (child, ceasings) in cla.ceasings {
                guard let last = ceasings.last(where: { period.contains($0.end) }) else { continue }
                let sgo = Self.sgoCodes.contains(last.rec ?? "")
                let record = episodeRecord(child, last.index)
                switch id {
                case "cla_ceased": t.countOnly(record)
                case "sgo_exits": if sgo { t.countOnly(record) }
                default: t.count(sgo, record)
                }
            }
            t.warn(cla.invalidEnds, "episodes with an invalid end date were left out")
            return id == "sgo_exits_pct" ? t.percent(id, period) : t.count(id, period)

        case "placement_moves_planned_children", "placement_moves_unplanned_children":
            let wanted: CLAIndex.MoveReason = id == "placement_moves_planned_children" ? .planned : .unplanned
            var unknown = 0
            for c in cla.children {
                if let m = c.moves.first(where: { $0.reason == wanted && period.contains($0.day) }) {
                    t.countOnly(childRecord(c, c.episodes[m.episode]))
                }
                if c.episodes[0].rne != "S" && period.contains(c.episodes[0].start) { unknown += 1 }
            }
            t.warn(unknown, "children's loaded episodes begin in the period without starting care (RNE S), so a move on that day is not known")
            t.warn(cla.invalidEpisodes, invalidNote)
            return t.count(id, period)

        case "placement_stability_short_pct":
            let window = Period.rolling12Months(endingOn: end)
            var short = 0
            for c in cla.children {
                guard let e = c.openEpisode(on: end) else { continue }
                let n = c.placements.filter { $0.overlaps(window) }.count
                t.count(n >= 3, childRecord(c, e))
                if let h = claHistoryStart, window.start < h, c.episodes[0].start <= h { short += 1 }
            }
            t.warn(short, "children were looked after before the first loaded year, so placements before it are not counted")
            t.warn(cla.invalidEpisodes, invalidNote)
            return t.percent(id, period)

        case "placement_stability_long_pct":
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
            t.warn(cla.invalidEpisodes, invalidNote)
            return t.percent(id, period)

        case "missing_children_pct", "away_children_pct":
            let kind = id == "missing_children_pct" ? "M" : "A"
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
            t.warn(cla.invalidEpisodes, invalidNote)
            return t.percent(id, period)

        case "missing_incidents":
            var invalid = 0
            for m in data.claMissing where m.kind == "M" {
                guard let s = m.start.day else { if m.start.isInvalid { invalid += 1 }; continue }
                guard period.contains(s), let i = cla.position[m.child], cla.children[i].isLookedAfter(on: s) else { continue }
                t.countOnly(DrillRecord(child: m.child.rawValue, kind: "missing", key: s.iso, start: s, end: m.end.day, origin: m.origin))
            }
            t.warn(invalid, "missing rows with an invalid start date were left out")
            t.warn(cla.invalidEpisodes, invalidNote)
            return t.count(id, period)

        case "sw_changes_3plus_pct":
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
            t.warn(cla.invalidEpisodes, invalidNote)
            return t.percent(id, period)

        case "cla_review_participation_pct", "review_participation_16plus_pct":
            let sixteenPlus = id == "review_participation_16plus_pct"
            var invalid = 0, noBirthDate = 0
            for r in data.claReviews {
                guard let d = r.date.day else { if r.date.isInvalid { invalid += 1 }; continue }
                guard period.contains(d), let code = r.participationCode, Self.reviewCodesCounted.contains(code) else { continue }
                if sixteenPlus {
                    guard let dob = data.claHeaders[r.child]?.birthDate.day else { noBirthDate += 1; continue }
                    guard dob.adding(years: 16) <= d else { continue }
                }
                t.count(Self.reviewCodesParticipating.contains(code), DrillRecord(child: r.child.rawValue, kind: "review", key: d.iso, start: d, origin: r.origin))
            }
            t.warn(noBirthDate, "reviews of children with no valid date of birth in the Header table were left out")
            t.warn(invalid, "reviews with an invalid date were left out")
            return t.percent(id, period)

        case "care_leavers_eet_pct", "care_leavers_suitable_accom_pct", "care_leavers_in_touch_pct":
            return careLeavers(id, period, keep)

        default:
            return nil
        }
    }

    /// Young people whose 19th, 20th or 21st birthday falls in the period, each with the OC3 row
    /// of the return for the collection year holding that birthday.
    func careLeavers(_ id: String, _ period: Period, _ keep: RecordKeep) -> MeasureResult {
        var t = Tally(keep: keep)
        var rowsByChild: [ChildID: [CareLeaverRecord]] = [:]
        var order: [ChildID] = []
        for r in data.careLeavers {
            if rowsByChild[r.child] == nil { order.append(r.child) }
            rowsByChild[r.child, default: []].append(r)
        }
        var noRow = 0, noBirthDate = 0
        for child in order.sorted() {
            let rows = rowsByChild[child]!
            guard let dob = rows.lazy.compactMap({ $0.birthDate.day }).last ?? data.claHeaders[child]?.birthDate.day else { noBirthDate += 1; continue }
            // The latest of the 19th-21st birthdays in the period.
            guard let birthday = [21, 20, 19].map({ dob.adding(years: $0) }).first(where: period.contains) else { continue }
            let year = birthday.collectionYear
            guard let row = rows.last(where: { $0.collectionYear == year }) ?? rows.last(where: { $0.collectionYear == nil }) else { noRow += 1; continue }
            let inTouch = row.inTouch ?? ""
            if inTouch == "DIED" || inTouch == "RHOM" { continue }
            let record = DrillRecord(child: child.rawValue, kind: "care_leaver", key: String(year), start: birthday, origin: row.origin)
            switch id {
            case "care_leavers_eet_pct":
                let a = row.activity ?? ""
                t.count(Self.validActivity.contains(a) && (a.hasPrefix("F") || a.hasPrefix("P")), record)
            case "care_leavers_suitable_accom_pct":
                t.count(Self.suitableAccommodation.contains(row.accommodation ?? ""), record)
            default:
                t.count(inTouch == "YES", record)
            }
        }
        t.warn(noRow, "young people with a birthday in the period have no OC3 row for that collection year and were left out")
        t.warn(noBirthDate, "care leavers with no valid date of birth were left out")
        return t.percent(id, period)
    }
}

/// Missing episodes and return home interviews, from local records (or the Annex A missing
/// list), any child, looked after or not.
extension Measures {
    /// `missing_episodes`: episodes starting in the period.
    public static let missingEpisodes = Measure(
        "missing_episodes", .count, .low, "Missing episodes", reads: [.localMissing],
        period: { e, period, p in e.missingEpisodes(period, p) },
        series: { e, pts, _ in e.missingEpisodesSeries(pts) })

    /// `missing_children`: distinct children with an episode of kind M (missing, not away)
    /// starting in the period.
    public static let missingChildren = Measure(
        "missing_children", .count, .low, "Children who went missing", reads: [.localMissing],
        period: { e, period, p in e.missingChildren(period, p) },
        series: { e, pts, _ in e.missingChildrenSeries(pts) })

    /// `rhi_offered_72h_pct`: of the episodes whose return is in the period, those with a return
    /// home interview offered within 72 hours of the return.
    public static let rhiOffered72hPct = Measure(
        "rhi_offered_72h_pct", .percent, .high, "Return home interviews offered within 72 hours", reads: [.localMissing],
        period: { e, period, p in e.returnInterviews(period, p, reading: { $0.rhiOffered }) },
        series: { e, pts, _ in e.returnInterviewsSeries(pts, reading: { $0.rhiOffered }) })

    /// `rhi_accepted_pct`: of the episodes whose return is in the period and with an interview
    /// offered, those where it was accepted.
    public static let rhiAcceptedPct = Measure(
        "rhi_accepted_pct", .percent, .high, "Return home interviews accepted", reads: [.localMissing],
        period: { e, period, p in e.returnInterviews(period, p, reading: { $0.rhiOffered }, accepted: true) },
        series: { e, pts, _ in e.returnInterviewsSeries(pts, reading: { $0.rhiOffered }, accepted: true) })

    /// `rhi_completed_72h_pct`: of the episodes whose return is in the period, those with a
    /// return home interview completed within 72 hours of the return.
    public static let rhiCompleted72hPct = Measure(
        "rhi_completed_72h_pct", .percent, .high, "Return home interviews completed within 72 hours", reads: [.localMissing],
        period: { e, period, p in e.returnInterviews(period, p, reading: { $0.rhiCompleted }) },
        series: { e, pts, _ in e.returnInterviewsSeries(pts, reading: { $0.rhiCompleted }) })

    /// The local missing-episode measures, in the spec's order.
    static let localMissingMeasures: [Measure] = [missingEpisodes, missingChildren, rhiOffered72hPct, rhiAcceptedPct, rhiCompleted72hPct]
}

extension MeasureEngine {
    /// `missing_episodes` for one period. An episode whose start is not a date-time is left out (and counted).
    fileprivate func missingEpisodes(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for m in data.missingEpisodes {
            guard let s = m.start.time else { if m.start.isInvalid { invalid += 1 }; continue }
            if period.contains(s.day) { t.countOnly(Self.missingEpisodeRecord(m)) }
        }
        t.warn(invalid, "missing episodes with an invalid date-time were left out")
        return t
    }

    /// `missing_episodes` for a series.
    fileprivate func missingEpisodesSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        var invalid = 0
        for m in data.missingEpisodes {
            guard let s = m.start.time else { if m.start.isInvalid { invalid += 1 }; continue }
            num.add(pts.containing(s.day))
        }
        return Self.tallies(n, numerator: num.totals, warnings: [(Self.constant(invalid, n), "missing episodes with an invalid date-time were left out")])
    }

    /// An episode whose start is not a date-time is left out (and counted); one of another or no
    /// kind is not counted.
    fileprivate func missingChildren(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var first: [ChildID: Int] = [:]
        var invalid = 0
        for (i, m) in data.missingEpisodes.enumerated() where m.kind == "M" {
            guard let s = m.start.time else { if m.start.isInvalid { invalid += 1 }; continue }
            if period.contains(s.day) && first[m.child] == nil { first[m.child] = i }
        }
        for (_, i) in first.sorted(by: { $0.key < $1.key }) { t.countOnly(Self.missingEpisodeRecord(data.missingEpisodes[i])) }
        t.warn(invalid, "missing episodes with an invalid start date-time were left out")
        return t
    }

    /// A child counts once at a point when any of its missing (M) episodes starts in the window.
    fileprivate func missingChildrenSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        var invalid = 0
        var byChild: [ChildID: [Range<Int>]] = [:]
        for m in data.missingEpisodes where m.kind == "M" {
            guard let s = m.start.time else { if m.start.isInvalid { invalid += 1 }; continue }
            let k = pts.containing(s.day)
            if !k.isEmpty { byChild[m.child, default: []].append(k) }
        }
        for (_, var ranges) in byChild {
            SeriesPoints.union(&ranges)
            for k in ranges { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals,
            warnings: [
                (Self.constant(invalid, n), "missing episodes with an invalid start date-time were left out")
            ])
    }

    /// The episodes whose return is in the period, without those where `field` (the interview's
    /// offer or completion) is present but not a date-time. Counted: those where `field` is within
    /// 72 hours of the return; with `accepted`, of those with `field` (the offer), the ones accepted.
    fileprivate func returnInterviews(
        _ period: Period, _ p: MeasureParameters, reading field: (MissingEpisode) -> DayTimeField,
        accepted: Bool = false
    ) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for m in data.missingEpisodes {
            guard let r = m.returned.time else { if m.returned.isInvalid { invalid += 1 }; continue }
            guard period.contains(r.day) else { continue }
            let f = field(m)
            if f.isInvalid { invalid += 1; continue }
            if accepted {
                guard f.time != nil else { continue }
                t.count(m.rhiAccepted == true, Self.missingEpisodeRecord(m))
            } else {
                t.count(Self.isWithin72Hours(f, of: r), Self.missingEpisodeRecord(m))
            }
        }
        t.warn(invalid, "missing episodes with an invalid date-time were left out")
        return t
    }

    /// An invalid return is counted at every point; an invalid `field` only where the return falls.
    fileprivate func returnInterviewsSeries(_ pts: SeriesPoints, reading field: (MissingEpisode) -> DayTimeField, accepted: Bool = false) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n), invalidInWindow = PointCounts(n)
        var invalidEverywhere = 0
        for m in data.missingEpisodes {
            guard let r = m.returned.time else { if m.returned.isInvalid { invalidEverywhere += 1 }; continue }
            let k = pts.containing(r.day)
            if k.isEmpty { continue }
            let f = field(m)
            if f.isInvalid { invalidInWindow.add(k); continue }
            if accepted {
                guard f.time != nil else { continue }
                den.add(k)
                if m.rhiAccepted == true { num.add(k) }
            } else {
                den.add(k)
                if Self.isWithin72Hours(f, of: r) { num.add(k) }
            }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (Self.sum(invalidInWindow.totals, Self.constant(invalidEverywhere, n)), "missing episodes with an invalid date-time were left out")
            ])
    }

    /// Whether `f` is a date-time 0 to 72 hours after `r`.
    fileprivate static func isWithin72Hours(_ f: DayTimeField, of r: DayTime) -> Bool {
        guard let x = f.time else { return false }
        let d = x.minutes - r.minutes
        return d >= 0 && d <= 72 * 60
    }

    /// A missing episode behind a number.
    fileprivate static func missingEpisodeRecord(_ m: MissingEpisode) -> DrillRecord {
        DrillRecord(
            child: m.child.rawValue, kind: "missing_episode", key: m.start.time?.iso ?? "", start: m.start.time?.day,
            end: m.returned.time?.day, origin: m.origin)
    }
}

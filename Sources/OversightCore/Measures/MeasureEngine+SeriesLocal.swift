extension MeasureEngine {
    /// The local missing-episode measures of a series (see `computeLocalMissing`).
    func seriesLocalMissing(_ id: String, _ pts: SeriesPoints) -> [Tally]? {
        let n = pts.count
        let note = "missing episodes with an invalid date-time were left out"
        var num = PointCounts(n), den = PointCounts(n), invalidInWindow = PointCounts(n)
        var invalidEverywhere = 0
        let limit: Int64 = 72 * 60
        if id == "missing_episodes" {
            for m in data.missingEpisodes {
                guard let s = m.start.time else { if m.start.isInvalid { invalidEverywhere += 1 }; continue }
                num.add(pts.containing(s.day))
            }
            return Self.tallies(n, numerator: num.totals, warnings: [(Self.constant(invalidEverywhere, n), note)])
        }
        if id == "missing_children" {
            // A child counts once at a point when any of its missing (M) episodes starts in the window.
            var byChild: [ChildID: [Range<Int>]] = [:]
            for m in data.missingEpisodes where m.kind == "M" {
                guard let s = m.start.time else { if m.start.isInvalid { invalidEverywhere += 1 }; continue }
                let k = pts.containing(s.day)
                if !k.isEmpty { byChild[m.child, default: []].append(k) }
            }
            for (_, var ranges) in byChild {
                SeriesPoints.union(&ranges)
                for k in ranges { num.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, warnings: [
                (Self.constant(invalidEverywhere, n), "missing episodes with an invalid start date-time were left out"),
            ])
        }
        guard ["rhi_offered_72h_pct", "rhi_accepted_pct", "rhi_completed_72h_pct"].contains(id) else { return nil }
        for m in data.missingEpisodes {
            // An invalid return is counted at every point; the other invalid fields only where the return falls.
            guard let r = m.returned.time else { if m.returned.isInvalid { invalidEverywhere += 1 }; continue }
            let k = pts.containing(r.day)
            if k.isEmpty { continue }
            func within(_ f: DayTimeField) -> Bool {
                guard let x = f.time else { return false }
                let d = x.minutes - r.minutes
                return d >= 0 && d <= limit
            }
            switch id {
            case "rhi_offered_72h_pct":
                if m.rhiOffered.isInvalid { invalidInWindow.add(k); continue }
                den.add(k)
                if within(m.rhiOffered) { num.add(k) }
            case "rhi_accepted_pct":
                if m.rhiOffered.isInvalid { invalidInWindow.add(k); continue }
                guard m.rhiOffered.time != nil else { continue }
                den.add(k)
                if m.rhiAccepted == true { num.add(k) }
            default:
                if m.rhiCompleted.isInvalid { invalidInWindow.add(k); continue }
                den.add(k)
                if within(m.rhiCompleted) { num.add(k) }
            }
        }
        return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
            (Self.sum(invalidInWindow.totals, Self.constant(invalidEverywhere, n)), note),
        ])
    }

    /// The supervision measures of a series (see `computeSupervision`).
    func seriesSupervision(_ id: String, _ pts: SeriesPoints, _ p: MeasureParameters) -> [Tally]? {
        let n = pts.count
        let index = p.supervisionIntervalDays == SupervisionIndex.defaultInterval && p.supervisionIntervalByWorker.isEmpty
            ? supervision : SupervisionIndex(data: data, defaultInterval: p.supervisionIntervalDays, byWorker: p.supervisionIntervalByWorker)
        var num = PointCounts(n), den = PointCounts(n)
        switch id {
        case "supervision_in_standard_pct":
            for d in index.due {
                let k = pts.containing(d.due)
                den.add(k)
                if d.held { num.add(k) }
            }
        case "supervision_reflective_pct":
            for s in index.formal {
                let k = pts.containing(s.date)
                den.add(k)
                if s.reflective == true { num.add(k) }
            }
        default: return nil
        }
        return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
            (Self.constant(index.invalid, n), "supervision sessions with an invalid date were left out"),
        ])
    }
}

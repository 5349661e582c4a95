extension MeasureEngine {
    func computeLocalMissing(_ id: String, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        var t = Tally(keep: RecordKeep(p))
        if id == "missing_children" { return missingChildren(period, &t) }
        var invalid = 0
        let limit: Int64 = 72 * 60
        for m in data.missingEpisodes {
            func record() -> DrillRecord {
                DrillRecord(child: m.child.rawValue, kind: "missing_episode", key: m.start.time?.iso ?? "", start: m.start.time?.day,
                            end: m.returned.time?.day, origin: m.origin)
            }
            if id == "missing_episodes" {
                guard let s = m.start.time else { if m.start.isInvalid { invalid += 1 }; continue }
                if period.contains(s.day) { t.countOnly(record()) }
                continue
            }
            guard let r = m.returned.time else { if m.returned.isInvalid { invalid += 1 }; continue }
            guard period.contains(r.day) else { continue }
            func within(_ f: DayTimeField) -> Bool {
                guard let x = f.time else { return false }
                let d = x.minutes - r.minutes
                return d >= 0 && d <= limit
            }
            switch id {
            case "rhi_offered_72h_pct":
                if m.rhiOffered.isInvalid { invalid += 1; continue }
                t.count(within(m.rhiOffered), record())
            case "rhi_accepted_pct":
                if m.rhiOffered.isInvalid { invalid += 1; continue }
                guard m.rhiOffered.time != nil else { continue }
                t.count(m.rhiAccepted == true, record())
            case "rhi_completed_72h_pct":
                if m.rhiCompleted.isInvalid { invalid += 1; continue }
                t.count(within(m.rhiCompleted), record())
            default: return nil
            }
        }
        t.warn(invalid, "missing episodes with an invalid date-time were left out")
        return id == "missing_episodes" ? t.count(id, period) : t.percent(id, period)
    }

    /// `missing_children`: distinct children with an episode of kind M (missing, not away)
    /// starting in the period, any child, looked after or not. An episode whose start is not a
    /// date-time is left out (and counted); one of another or no kind is not counted.
    func missingChildren(_ period: Period, _ t: inout Tally) -> MeasureResult {
        var first: [ChildID: Int] = [:]
        var invalid = 0
        for (i, m) in data.missingEpisodes.enumerated() where m.kind == "M" {
            guard let s = m.start.time else { if m.start.isInvalid { invalid += 1 }; continue }
            if period.contains(s.day) && first[m.child] == nil { first[m.child] = i }
        }
        for (_, i) in first.sorted(by: { $0.key < $1.key }) {
            let m = data.missingEpisodes[i]
            t.countOnly(DrillRecord(child: m.child.rawValue, kind: "missing_episode", key: m.start.time?.iso ?? "", start: m.start.time?.day,
                                    end: m.returned.time?.day, origin: m.origin))
        }
        t.warn(invalid, "missing episodes with an invalid start date-time were left out")
        return t.count("missing_children", period)
    }

    func computeSupervision(_ id: String, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        var t = Tally(keep: RecordKeep(p))
        let index = p.supervisionIntervalDays == SupervisionIndex.defaultInterval && p.supervisionIntervalByWorker.isEmpty
            ? supervision : SupervisionIndex(data: data, defaultInterval: p.supervisionIntervalDays, byWorker: p.supervisionIntervalByWorker)
        switch id {
        case "supervision_in_standard_pct":
            for d in index.due[index.range(of: period, in: index.dueDays)] {
                t.count(d.held, DrillRecord(child: d.worker, kind: "supervision_due", key: d.due.iso, start: d.session, end: d.next))
            }
        case "supervision_reflective_pct":
            for s in index.formal[index.range(of: period, in: index.formalDays)] {
                t.count(s.reflective == true, DrillRecord(child: s.worker, kind: "supervision", key: s.date.iso, start: s.date))
            }
        default: return nil
        }
        t.warn(index.invalid, "supervision sessions with an invalid date were left out")
        return t.percent(id, period)
    }
}

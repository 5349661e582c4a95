extension MeasureEngine {
    func computeLocalMissing(_ id: String, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        var t = Tally(keep: p.includeRecords)
        var invalid = 0
        let limit: Int64 = 72 * 60
        for m in data.missingEpisodes {
            let record = DrillRecord(child: m.child.rawValue, kind: "missing_episode", key: m.start.time?.iso ?? "",
                                     start: m.start.time?.day, end: m.returned.time?.day)
            if id == "missing_episodes" {
                guard let s = m.start.time else { if m.start.isInvalid { invalid += 1 }; continue }
                if period.contains(s.day) { t.countOnly(record) }
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
                t.count(within(m.rhiOffered), record)
            case "rhi_accepted_pct":
                if m.rhiOffered.isInvalid { invalid += 1; continue }
                guard m.rhiOffered.time != nil else { continue }
                t.count(m.rhiAccepted == true, record)
            case "rhi_completed_72h_pct":
                if m.rhiCompleted.isInvalid { invalid += 1; continue }
                t.count(within(m.rhiCompleted), record)
            default: return nil
            }
        }
        t.warn(invalid, "missing episodes with an invalid date-time were left out")
        return id == "missing_episodes" ? t.count(id, period) : t.percent(id, period)
    }

    func computeSupervision(_ id: String, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        var t = Tally(keep: p.includeRecords)
        var invalid = 0
        var formal: [String: Set<Day>] = [:]
        var reflective: [(String, Day, Bool?)] = []
        for s in data.supervisions where s.kind == "formal" {
            guard let d = s.date.day else { if s.date.isInvalid { invalid += 1 }; continue }
            formal[s.worker, default: []].insert(d)
            reflective.append((s.worker, d, s.reflective))
        }
        switch id {
        case "supervision_in_standard_pct":
            for worker in formal.keys.sorted() {
                let days = formal[worker]!.sorted()
                let interval = p.supervisionIntervalByWorker[worker] ?? p.supervisionIntervalDays
                for (i, d) in days.enumerated() {
                    let due = d.adding(days: interval)
                    guard period.contains(due) else { continue }
                    let held = i + 1 < days.count && days[i + 1] <= due
                    t.count(held, DrillRecord(child: worker, kind: "supervision_due", key: due.iso, start: d, end: i + 1 < days.count ? days[i + 1] : nil))
                }
            }
        case "supervision_reflective_pct":
            for (worker, d, r) in reflective where period.contains(d) {
                t.count(r == true, DrillRecord(child: worker, kind: "supervision", key: d.iso, start: d))
            }
        default: return nil
        }
        t.warn(invalid, "supervision sessions with an invalid date were left out")
        return t.percent(id, period)
    }
}

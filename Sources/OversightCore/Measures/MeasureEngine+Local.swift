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

/// Formal supervision sessions prepared once: each session's due date for the next one (the
/// session + the worker's interval) and whether the next was held by then, sorted by due date.
struct SupervisionIndex: Sendable {
    static let defaultInterval = 28
    struct Due: Sendable { var worker: String; var session: Day; var due: Day; var next: Day?; var held: Bool }
    struct Formal: Sendable { var worker: String; var date: Day; var reflective: Bool? }
    var due: [Due] = []
    var formal: [Formal] = []
    var dueDays: [Day] = []
    var formalDays: [Day] = []
    var invalid = 0

    init(data: CaseData, defaultInterval: Int = SupervisionIndex.defaultInterval, byWorker: [String: Int] = [:]) {
        var days: [String: Set<Day>] = [:]
        for s in data.supervisions where s.kind == "formal" {
            guard let d = s.date.day else { if s.date.isInvalid { invalid += 1 }; continue }
            days[s.worker, default: []].insert(d)
            formal.append(Formal(worker: s.worker, date: d, reflective: s.reflective))
        }
        for (worker, set) in days {
            let sorted = set.sorted()
            let interval = byWorker[worker] ?? defaultInterval
            for (i, d) in sorted.enumerated() {
                let next = i + 1 < sorted.count ? sorted[i + 1] : nil
                let dueDay = d.adding(days: interval)
                due.append(Due(worker: worker, session: d, due: dueDay, next: next, held: next.map { $0 <= dueDay } ?? false))
            }
        }
        due.sort { ($0.due, $0.worker) < ($1.due, $1.worker) }
        formal.sort { ($0.date, $0.worker) < ($1.date, $1.worker) }
        dueDays = due.map(\.due)
        formalDays = formal.map(\.date)
    }

    /// The indices of sorted `days` that fall in `period`.
    func range(of period: Period, in days: [Day]) -> Range<Int> {
        func lowerBound(_ d: Day) -> Int {
            var lo = 0, hi = days.count
            while lo < hi { let m = (lo + hi) / 2; if days[m] < d { lo = m + 1 } else { hi = m } }
            return lo
        }
        return lowerBound(period.start)..<lowerBound(period.end.adding(days: 1))
    }
}

/// Formal supervision sessions prepared once: each session's due date for the next one (the
/// session + the worker's interval) and whether the next was held by then, sorted by due date.
struct SupervisionIndex: Sendable {
    /// The practice standard's days between formal sessions, unless the parameters say otherwise.
    static let defaultInterval = 28
    /// A session's next one falling due: held by `due` when `next` is on or before it.
    struct Due: Sendable { var worker: String; var session: Day; var due: Day; var next: Day?; var held: Bool }
    /// A formal session held.
    struct Formal: Sendable { var worker: String; var date: Day; var reflective: Bool? }
    /// Every formal session's next one falling due, by due date.
    var due: [Due] = []
    /// Every formal session, by date.
    var formal: [Formal] = []
    /// `due`'s due dates, for finding a period's.
    var dueDays: [Day] = []
    /// `formal`'s dates, for finding a period's.
    var formalDays: [Day] = []
    /// Formal sessions whose date is present but not a date.
    var invalid = 0

    /// Indexes the formal sessions of `data`, each worker's due `byWorker[worker]` days (else
    /// `defaultInterval`) after the session.
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

/// Who holds a child on a day, and in which team: the children's allocations to workers and the
/// workers' spells in teams (the local files), with the SSDA903 SWEpisodes for a looked-after
/// child that no allocation covers.
public struct Organisation: Sendable {
    /// A team on a day: its name, its service and the workers in it then.
    public struct Team: Sendable, Hashable, Codable {
        public var name: String
        public var service: String?
        public var workers: [String]
    }

    /// Who holds a child on a day: the worker (nil: unallocated) and their team (nil: the
    /// worker is in no team that day, or unallocated).
    public struct Holder: Sendable, Hashable {
        public var worker: String?
        public var team: String?
        public var service: String?
        public init(worker: String?, team: String?, service: String?) { self.worker = worker; self.team = team; self.service = service }
    }

    private let allocationsByChild: [ChildID: [Allocation]]
    private let socialWorkerEpisodesByChild: [ChildID: [SocialWorkerEpisode]]
    private let spellsByWorker: [String: [WorkerRecord]]
    /// Every worker spell, in the order the files gave them.
    public let workers: [WorkerRecord]

    public init(_ data: CaseData) {
        allocationsByChild = Dictionary(grouping: data.allocations, by: \.child)
        socialWorkerEpisodesByChild = Dictionary(grouping: data.socialWorkerEpisodes, by: \.child)
        spellsByWorker = Dictionary(grouping: data.workers, by: \.id)
        workers = data.workers
    }

    /// Whether any worker or allocation was loaded.
    public var isEmpty: Bool { workers.isEmpty && allocationsByChild.isEmpty }

    /// The worker holding `child` on `day`: the allocation covering the day (the latest to start
    /// when two do), else the SSDA903 social worker episode covering it; nil when neither does.
    public func worker(of child: ChildID, on day: Day) -> String? {
        if let a = allocationsByChild[child]?.filter({ $0.covers(day) }).max(by: { ($0.from.day ?? .distantPast) < ($1.from.day ?? .distantPast) }) {
            return a.worker
        }
        let sw = socialWorkerEpisodesByChild[child]?.filter { e in
            guard let s = e.start.day, s <= day else { return false }
            return e.end.day.map { day <= $0 } ?? true
        }
        return sw?.max { ($0.start.day ?? .distantPast) < ($1.start.day ?? .distantPast) }?.workerID
    }

    /// The worker's spell covering `day`; nil when none does.
    public func spell(of worker: String, on day: Day) -> WorkerRecord? {
        spellsByWorker[worker]?.first { $0.covers(day) }
    }

    /// Who holds `child` on `day`.
    public func holder(of child: ChildID, on day: Day) -> Holder {
        guard let w = worker(of: child, on: day) else { return Holder(worker: nil, team: nil, service: nil) }
        let s = spell(of: w, on: day)
        return Holder(worker: w, team: s?.team, service: s?.service)
    }

    /// The teams on `day`, by name, each with its service and the workers in it then.
    public func teams(on day: Day) -> [Team] {
        var byName: [String: Team] = [:]
        for w in workers where w.covers(day) {
            byName[w.team, default: Team(name: w.team, service: w.service, workers: [])].workers.append(w.id)
        }
        return byName.values.map { t in
            var t = t
            t.workers = Array(Set(t.workers)).sorted()
            return t
        }.sorted { ($0.service ?? "", $0.name) < ($1.service ?? "", $1.name) }
    }

    /// The names of the teams, and of the services, with a worker in them on any day of `period`.
    public func names(during period: Period) -> (teams: Set<String>, services: Set<String>) {
        let spells = workers.filter { w in
            guard !w.start.isInvalid, w.start.day.map({ $0 <= period.end }) ?? true else { return false }
            return w.leave.day.map { $0 >= period.start } ?? true
        }
        return (Set(spells.map(\.team)), Set(spells.compactMap(\.service)))
    }

    /// The children each worker holds on `day` (their caseload), by worker id.
    public func caseloads(on day: Day, children: some Sequence<ChildID>) -> [String: Int] {
        var out: [String: Int] = [:]
        for c in children { if let w = worker(of: c, on: day) { out[w, default: 0] += 1 } }
        return out
    }
}

extension Organisation {
    /// Kinds of record that happen on a day rather than last from a start to an end.
    public static let eventKinds: Set<String> = ["referral", "review", "supervision", "audit", "child", "supervision_due"]

    /// The day a measure's record counts on for "who held the child": an event's day; for a
    /// span, its last day within the period (the period's end while it is open); the period's
    /// end when the record has no dates.
    public static func referenceDay(_ r: DrillRecord, period: Period) -> Day {
        guard let s = r.start else { return r.end.map { min($0, period.end) } ?? period.end }
        if eventKinds.contains(r.kind) { return s }
        return max(s, min(r.end ?? period.end, period.end))
    }

    /// Who held the record's child on its reference day.
    public func holder(of r: DrillRecord, period: Period) -> Holder {
        holder(of: ChildID(r.child), on: Self.referenceDay(r, period: period))
    }
}

extension Day {
    /// A day before any real one, for ordering missing dates first.
    public static let distantPast = Day(ordinal: Int32.min)
}

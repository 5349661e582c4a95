import OversightCore

/// The organisation behind the numbers: who holds each child, the teams and the workers.
extension AuthorityNumbers {
    /// The authority's organisation as its data holds it (the workers and allocations files,
    /// and the SSDA903 social worker episodes).
    /// Built once per data version of each authority (numbers read from files build it each time).
    public func organisation(_ snapshot: AuthoritySnapshot) -> Organisation {
        let key = snapshot.authority, version = snapshot.version
        guard version != "files" else { return Organisation(snapshot.engine.data) }
        if let kept = organisations.withLock({ $0[key] }), kept.version == version { return kept.organisation }
        let made = Organisation(snapshot.engine.data)
        organisations.withLock { $0[key] = (version, made) }
        return made
    }

    /// One team on a day: its name, service, workers and the children they hold.
    public struct TeamSummary: Sendable, Hashable, Codable {
        public var name: String
        public var service: String?
        public var workers: [String]
        /// Children held by the team's workers on the day.
        public var children: Int
        /// The distribution of the workers' caseloads that day: the fewest, the median and the most children a worker held.
        public var caseloadMin: Int
        public var caseloadMedian: Double
        public var caseloadMax: Int
    }

    /// The median of `values` (the mean of the middle two for an even count); 0 for none.
    static func median(_ values: [Int]) -> Double {
        let v = values.sorted()
        guard !v.isEmpty else { return 0 }
        return v.count % 2 == 1 ? Double(v[v.count / 2]) : Double(v[v.count / 2 - 1] + v[v.count / 2]) / 2
    }

    /// Every team on `day`, with the number of children each holds (every child of the CIN
    /// census or the SSDA903 return that a worker held that day).
    public func teams(_ snapshot: AuthoritySnapshot, on day: Day) -> [TeamSummary] {
        let org = organisation(snapshot)
        let loads = org.caseloads(on: day, children: Self.children(snapshot.engine.data))
        return org.teams(on: day).map { t in
            let caseloads = t.workers.map { loads[$0] ?? 0 }
            return TeamSummary(
                name: t.name, service: t.service, workers: t.workers, children: caseloads.reduce(0, +), caseloadMin: caseloads.min() ?? 0,
                caseloadMedian: Self.median(caseloads), caseloadMax: caseloads.max() ?? 0)
        }
    }

    /// One worker on a day: their spell in a team and the children they hold (their caseload).
    public struct WorkerSummary: Sendable, Hashable, Codable {
        public var id: String
        public var name: String?
        public var role: String?
        public var fte: Double?
        public var employment: String?
        public var team: String
        public var service: String?
        public var start: String
        public var leave: String?
        public var caseload: Int
    }

    /// Every worker in a team on `day`, with their caseload that day, by team then id.
    public func workers(_ snapshot: AuthoritySnapshot, on day: Day) -> [WorkerSummary] {
        let org = organisation(snapshot)
        let loads = org.caseloads(on: day, children: Self.children(snapshot.engine.data))
        return org.workers.filter { $0.covers(day) }.map { w in
            WorkerSummary(
                id: w.id, name: w.name, role: w.role, fte: w.fte, employment: w.employment, team: w.team, service: w.service,
                start: w.start.day?.iso ?? "", leave: w.leave.day?.iso, caseload: loads[w.id] ?? 0)
        }.sorted { ($0.team, $0.id) < ($1.team, $1.id) }
    }

    /// Every child the returns hold.
    static func children(_ d: CaseData) -> Set<ChildID> {
        var all = Set(d.cinChildren.keys).union(d.claHeaders.keys)
        all.formUnion(d.claEpisodes.map(\.child))
        all.formUnion(d.cinEpisodes.map(\.child))
        return all
    }

    /// The authority's caseloads on a day: workers in a team, their FTE, the children they hold,
    /// the average per worker and per FTE, and how many workers hold how many children.
    public struct CaseloadSummary: Sendable, Hashable {
        public var workers: Int
        /// Their FTE (a worker with none given counts as 1).
        public var fte: Double
        public var children: Int
        public var perWorker: Double
        public var perFTE: Double
        /// Workers by caseload band, in order: none, 1 to 5, 6 to 10, 11 to 15, 16 to 20, 21 to 25, 26 or more.
        public var bands: [Band]

        public struct Band: Sendable, Hashable {
            public var label: String
            public var workers: Int
        }
    }

    /// The bands of `CaseloadSummary.bands`: (label, lowest, highest) children.
    public static let caseloadBands: [(String, Int, Int)] = [
        ("None", 0, 0), ("1 to 5", 1, 5), ("6 to 10", 6, 10), ("11 to 15", 11, 15), ("16 to 20", 16, 20), ("21 to 25", 21, 25), ("26 or more", 26, Int.max),
    ]

    /// The caseload summary of `workers` (as `workers(_:on:)` gives them).
    public static func caseloadSummary(_ workers: [WorkerSummary]) -> CaseloadSummary {
        let children = workers.reduce(0) { $0 + $1.caseload }
        let fte = workers.reduce(0.0) { $0 + ($1.fte ?? 1) }
        return CaseloadSummary(
            workers: workers.count, fte: fte, children: children, perWorker: workers.isEmpty ? 0 : Double(children) / Double(workers.count),
            perFTE: fte > 0 ? Double(children) / fte : 0,
            bands: caseloadBands.map { b in CaseloadSummary.Band(label: b.0, workers: workers.filter { $0.caseload >= b.1 && $0.caseload <= b.2 }.count) })
    }
}

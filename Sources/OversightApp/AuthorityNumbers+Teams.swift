import OversightCore

/// Every measure by team and by service: the same computation as the authority's, its records
/// kept for the children a team (or service) held on each record's reference day.
extension AuthorityNumbers {
    /// Which part of the authority a figure is for.
    public enum Part: Sendable, Hashable {
        /// How the part is named on a page or a report: the team's or the service's name, "Worker
        /// SW042", "Unallocated children".
        public var label: String {
            switch self {
            case .team(let t): t
            case .service(let s): s
            case .worker(let w): "Worker \(w)"
            case .unallocated: "Unallocated children"
            }
        }

        /// The part as a query value: `team:NAME`, `service:NAME`, `worker:ID` or `unallocated`.
        public var key: String {
            switch self {
            case .team(let t): "team:\(t)"
            case .service(let s): "service:\(s)"
            case .worker(let w): "worker:\(w)"
            case .unallocated: "unallocated"
            }
        }

        /// Reads `key` (nil for a blank or unknown one: the whole authority).
        public init?(key: String) {
            let k = key.trimmingCharacters(in: .whitespaces)
            if k == "unallocated" { self = .unallocated; return }
            guard let colon = k.firstIndex(of: ":") else { return nil }
            let name = String(k[k.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            switch k[..<colon] {
            case "team": self = .team(name)
            case "service": self = .service(name)
            case "worker": self = .worker(name)
            default: return nil
            }
        }

        case team(String)
        case service(String)
        /// One worker's children (a performance clinic of a worker).
        case worker(String)
        /// Children no worker in a team held on the record's day (no worker, or a worker in no team then).
        case unallocated

        /// Whether a holder belongs to the part.
        public func contains(_ h: Organisation.Holder) -> Bool {
            switch self {
            case .team(let t): return h.worker != nil && h.team == t
            case .service(let s): return h.worker != nil && h.service == s
            case .worker(let w): return h.worker == w
            case .unallocated: return h.worker == nil || h.team == nil
            }
        }
    }

    /// The authority's result kept to `part`: its numerator and denominator records filtered to
    /// the children the part held on each record's reference day, the figures recounted from
    /// them. A count counts the records kept (or the children, where the authority's count is
    /// of distinct children); a percentage is 100 x kept numerator / kept denominator. Nil for a
    /// rate (a team has no population) or a measure whose records do not account for its figures.
    public static func restrict(_ r: MeasureResult, to part: Part, organisation: Organisation) -> MeasureResult? {
        guard let counting = counting(r) else { return nil }
        func kept(_ records: [DrillRecord]) -> [DrillRecord] { records.filter { part.contains(organisation.holder(of: $0, period: r.period)) } }
        return recounted(r, numerator: kept(r.numeratorRecords), denominator: kept(r.denominatorRecords), counting: counting)
    }

    /// How the authority's figures are counted from their records: for the numerator and the
    /// denominator, true when each record counts, false when each distinct child does; nil when
    /// the measure cannot be split (a rate or ratio, or records that do not account for a figure).
    static func counting(_ r: MeasureResult) -> (numerator: Bool, denominator: Bool)? {
        func byRecords(_ all: [DrillRecord], _ figure: Double?) -> Bool? {
            guard let figure else { return nil }
            if Double(all.count) == figure { return true }
            if Double(Set(all.map(\.child)).count) == figure { return false }
            return nil
        }
        switch r.unit {
        case .count:
            return byRecords(r.numeratorRecords, r.numerator).map { ($0, true) }
        case .percent:
            guard let n = byRecords(r.numeratorRecords, r.numerator), let d = byRecords(r.denominatorRecords, r.denominator) else { return nil }
            return (n, d)
        case .rate, .ratio:
            return nil
        }
    }

    /// `r` holding only the records given, its figures counted from them as `counting` says.
    static func recounted(
        _ r: MeasureResult, numerator: [DrillRecord], denominator: [DrillRecord], counting: (numerator: Bool, denominator: Bool)
    ) -> MeasureResult {
        func count(_ records: [DrillRecord], _ byRecords: Bool) -> Double { Double(byRecords ? records.count : Set(records.map(\.child)).count) }
        var x = r
        x.numeratorRecords = numerator
        x.denominatorRecords = denominator
        let n = count(numerator, counting.numerator)
        x.numerator = n
        if r.unit == .percent {
            let d = count(denominator, counting.denominator)
            x.denominator = d
            x.value = d == 0 ? nil : 100 * n / d
        } else {
            x.denominator = nil
            x.value = n
        }
        return x
    }

    /// Who held each record's child on its day, looked up once per child and day however many
    /// measures and teams ask.
    public struct Holders {
        let organisation: Organisation
        private var memo: [Key: Organisation.Holder] = [:]
        struct Key: Hashable { var child: String; var day: Int32 }

        public init(_ organisation: Organisation) { self.organisation = organisation }

        /// The holder of `r`'s child on its reference day in `period`.
        public mutating func holder(of r: DrillRecord, period: Period) -> Organisation.Holder {
            let day = Organisation.referenceDay(r, period: period)
            let key = Key(child: r.child, day: day.ordinal)
            if let h = memo[key] { return h }
            let h = organisation.holder(of: ChildID(r.child), on: day)
            memo[key] = h
            return h
        }
    }

    /// The result split by team: for each team that held a child behind it, and for the
    /// unallocated, its records and its figures recounted (as `restrict` gives each, but each
    /// record's holder found once). Empty when the measure cannot be split.
    public static func split(_ r: MeasureResult, holders: inout Holders) -> [Part: MeasureResult] {
        guard let counting = counting(r) else { return [:] }
        func part(_ h: Organisation.Holder) -> Part { h.worker != nil && h.team != nil ? .team(h.team!) : .unallocated }
        var num: [Part: [DrillRecord]] = [:], den: [Part: [DrillRecord]] = [:]
        for rec in r.numeratorRecords { num[part(holders.holder(of: rec, period: r.period)), default: []].append(rec) }
        for rec in r.denominatorRecords { den[part(holders.holder(of: rec, period: r.period)), default: []].append(rec) }
        var out: [Part: MeasureResult] = [:]
        for p in Set(num.keys).union(den.keys) { out[p] = recounted(r, numerator: num[p] ?? [], denominator: den[p] ?? [], counting: counting) }
        return out
    }

    /// One measure for one period, for `part` of the authority (nil when it cannot be split).
    public func measure(_ id: String, period: Period, snapshot: AuthoritySnapshot, part: Part) -> MeasureResult? {
        guard let all = measure(id, period: period, snapshot: snapshot, includeRecords: true) else { return nil }
        return Self.restrict(all, to: part, organisation: organisation(snapshot))
    }

    /// Every measure for the period for `part`, those that can be split (see `restrict`).
    public func allMeasures(period: Period, snapshot: AuthoritySnapshot, part: Part, ids: [String]? = nil) -> [MeasureResult] {
        let org = organisation(snapshot)
        var holders = Holders(org)
        return allMeasures(period: period, snapshot: snapshot, ids: ids, includeRecords: true).compactMap { r in
            switch part {
            case .service, .worker: return Self.restrict(r, to: part, organisation: org)
            case .team, .unallocated: break
            }
            let parts = Self.split(r, holders: &holders)
            guard !parts.isEmpty else { return nil }
            // A part holding none of the records has a figure of 0 (or no percentage).
            return parts[part] ?? Self.restrict(r, to: part, organisation: org)
        }
    }

    /// One row of a comparison of the teams on a measure.
    public struct TeamFigure: Sendable, Hashable {
        public var part: Part
        public var service: String?
        public var result: MeasureResult
    }

    /// The measure for every team that held a child behind it, then the children no one held,
    /// each with its figures and records; empty when the measure cannot be split.
    public func teamComparison(_ id: String, period: Period, snapshot: AuthoritySnapshot) -> [TeamFigure] {
        guard let all = measure(id, period: period, snapshot: snapshot, includeRecords: true) else { return [] }
        var holders = Holders(organisation(snapshot))
        var services: [String: String?] = [:]
        for r in all.numeratorRecords + all.denominatorRecords {
            let h = holders.holder(of: r, period: period)
            if h.worker != nil, let t = h.team { services[t] = h.service }
        }
        let split = Self.split(all, holders: &holders)
        guard !split.isEmpty else { return [] }
        let teams = services.keys.sorted { ((services[$0] ?? nil) ?? "", $0) < ((services[$1] ?? nil) ?? "", $1) }
        var empty = all
        empty.numeratorRecords = []; empty.denominatorRecords = []; empty.numerator = 0
        empty.denominator = all.unit == .percent ? 0 : nil; empty.value = all.unit == .percent ? nil : 0
        return teams.map { t in TeamFigure(part: .team(t), service: services[t] ?? nil, result: split[.team(t)] ?? empty) }
            + [TeamFigure(part: .unallocated, service: nil, result: split[.unallocated] ?? empty)]
    }
}

extension AuthorityNumbers {
    /// The plan's KPIs for the period for `part` of the authority: each KPI's measure counted for
    /// the part (`allMeasures(period:snapshot:part:)`, the rule of every figure by team), judged
    /// against the plan's targets and the part's own previous period and year before. Measures
    /// that cannot be split by team (rates per 10,000, hand-entered and QA figures) have no value;
    /// there are no statistical-neighbour comparators (they compare authorities) and no series.
    /// Cached per snapshot version, period and part.
    public func kpis(period: Period, snapshot: AuthoritySnapshot, part: Part) async -> KPIReport {
        let key = "\(snapshot.version)|\(snapshot.plan.id)|\(period.start.iso)|\(period.end.iso)|part|\(part.key)"
        if snapshot.version != "files", let hit = await cache.kpis(snapshot.authority, key) { return hit }
        let plan = snapshot.plan(for: period)
        let ids = Array(Set(plan.allKPIs.map(\.kpi.measure))).sorted()
        // Each period the evaluator asks for (the period, the one before, the year before) is
        // counted once for every KPI measure.
        var byPeriod: [Period: [String: MeasureResult]] = [:]
        for p in [period, KPIEvaluator.previousPeriod(of: period), period.yearEarlier] where byPeriod[p] == nil {
            byPeriod[p] = Dictionary(allMeasures(period: p, snapshot: snapshot, part: part, ids: ids).map { ($0.id, $0) }) { a, _ in a }
        }
        let counted = byPeriod
        let evaluations = KPIEvaluator().evaluate(plan: plan, period: period, measure: { id, p in counted[p]?[id] })
        let report = KPIReport(period: period, plan: plan, evaluations: evaluations, series: [:], version: snapshot.version)
        if snapshot.version != "files" { await cache.store(snapshot.authority, key, report) }
        return report
    }
}

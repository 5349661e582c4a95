import OversightCore

/// Every measure by team and by service: the same computation as the authority's, its records
/// kept for the children a team (or service) held on each record's reference day.
extension AuthorityNumbers {
    /// Which part of the authority a figure is for.
    public enum Part: Sendable, Hashable {
        case team(String)
        case service(String)
        /// Children no worker in a team held on the record's day (no worker, or a worker in no team then).
        case unallocated

        /// Whether a holder belongs to the part.
        func contains(_ h: Organisation.Holder) -> Bool {
            switch self {
            case .team(let t): return h.worker != nil && h.team == t
            case .service(let s): return h.worker != nil && h.service == s
            case .unallocated: return h.worker == nil || h.team == nil
            }
        }

        /// "Assessment team 1", "Front door (service)", "Unallocated".
        public var label: String {
            switch self {
            case .team(let t): return t
            case .service(let s): return "\(s) (service)"
            case .unallocated: return "Unallocated"
            }
        }
    }

    /// The authority's result kept to `part`: its numerator and denominator records filtered to
    /// the children the part held on each record's reference day, the figures recounted from
    /// them. A count counts the records kept (or the children, where the authority's count is
    /// of distinct children); a percentage is 100 x kept numerator / kept denominator. Nil for a
    /// rate (a team has no population) or a measure whose records do not account for its figures.
    public static func restrict(_ r: MeasureResult, to part: Part, organisation: Organisation) -> MeasureResult? {
        guard r.unit != .rate else { return nil }
        func kept(_ records: [DrillRecord]) -> [DrillRecord] { records.filter { part.contains(organisation.holder(of: $0, period: r.period)) } }
        /// The figure the records give, counted as the authority's figure was (records or distinct children).
        func recount(_ all: [DrillRecord], _ kept: [DrillRecord], figure: Double?) -> Double? {
            guard let figure else { return nil }
            if Double(all.count) == figure { return Double(kept.count) }
            if Double(Set(all.map(\.child)).count) == figure { return Double(Set(kept.map(\.child)).count) }
            return nil
        }
        let num = kept(r.numeratorRecords), den = kept(r.denominatorRecords)
        var out = r
        out.numeratorRecords = num
        out.denominatorRecords = den
        out.warnings = r.warnings
        guard let n = recount(r.numeratorRecords, num, figure: r.numerator) else { return nil }
        out.numerator = n
        switch r.unit {
        case .percent:
            guard let d = recount(r.denominatorRecords, den, figure: r.denominator) else { return nil }
            out.denominator = d
            out.value = d == 0 ? nil : 100 * n / d
        case .count:
            out.denominator = nil
            out.value = n
        case .ratio, .rate:
            return nil
        }
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
        return allMeasures(period: period, snapshot: snapshot, ids: ids, includeRecords: true).compactMap { Self.restrict($0, to: part, organisation: org) }
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
        let org = organisation(snapshot)
        var teams: [String: String?] = [:]
        for r in all.numeratorRecords + all.denominatorRecords {
            let h = org.holder(of: r, period: period)
            if h.worker != nil, let t = h.team { teams[t] = h.service }
        }
        let parts = teams.keys.sorted { ((teams[$0] ?? nil) ?? "", $0) < ((teams[$1] ?? nil) ?? "", $1) }.map { Part.team($0) } + [.unallocated]
        return parts.compactMap { p in
            guard let r = Self.restrict(all, to: p, organisation: org) else { return nil }
            if case .team(let t) = p { return TeamFigure(part: p, service: teams[t] ?? nil, result: r) }
            return TeamFigure(part: p, service: nil, result: r)
        }
    }
}

import Foundation

/// Computes the catalogue's measures (../spec/measures.md, `Measures.all`) over one local authority's
/// `CaseData`, for any period.
///
/// The engine indexes the data once (referral look-backs, plan histories, placements, periods of
/// care); each period then costs one linear pass over the records its measures read. A series
/// (`series`, `monthlySeries`) reads the records once for all its points (MeasureEngine+Series).
public struct MeasureEngine: Sendable {
    /// The case data the measures read.
    public let data: CaseData
    /// Working days, for the measures timed in working days.
    let calendar: WorkingDayCalendar
    /// The CIN census indexed.
    let cin: CINIndex
    /// The SSDA903 episodes indexed.
    let cla: CLAIndex
    /// Formal supervision sessions indexed with the default practice standard.
    let supervision: SupervisionIndex

    /// Indexes `data`: the three indexes are built at once, on as many cores as there are.
    public init(data: CaseData, calendar: WorkingDayCalendar = .england) {
        self.data = data
        self.calendar = calendar
        let cin = ConcurrentSlots<CINIndex>(count: 1), cla = ConcurrentSlots<CLAIndex>(count: 1)
        let supervision = ConcurrentSlots<SupervisionIndex>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            switch i {
            case 0: cin.set(0, CINIndex(data: data))
            case 1: cla.set(0, CLAIndex(data: data))
            default: supervision.set(0, SupervisionIndex(data: data))
            }
        }
        self.cin = cin.take(0)!
        self.cla = cla.take(0)!
        self.supervision = supervision.take(0)!
    }

    /// Every measure id the engine computes from case data, with `{group}` ids expanded, sorted.
    public static var measureIDs: [String] { sortedIDs }

    /// `measureIDs`, sorted once.
    static let sortedIDs: [String] = Measures.all.map(\.id.rawValue).sorted()

    /// Computes one measure, or nil for an id the engine does not know. Rate measures without a
    /// population return nil.
    public func compute(_ id: String, period: Period, parameters: MeasureParameters = MeasureParameters()) -> MeasureResult? {
        guard let measure = Measures.byID[MeasureID(id)] else { return nil }
        return compute(measure, period: period, parameters: parameters)
    }

    /// Computes `measure` for `period`, its coverage warnings first; nil for a rate without a population.
    public func compute(_ measure: Measure, period: Period, parameters: MeasureParameters = MeasureParameters()) -> MeasureResult? {
        if measure.unit == .rate && parameters.population == nil { return nil }
        guard var r = measure.period(self, period, parameters) else { return nil }
        r.warnings = coverageWarnings(measure.source, period) + r.warnings
        return r
    }

    /// Computes the named measures (all of them when `ids` is nil), sorted by id. Unknown ids and
    /// rate measures without a population are left out.
    /// Measures without their records are computed on every core; with records (which can take
    /// much memory at national scale) one at a time.
    public func computeAll(period: Period, ids: [String]? = nil, parameters: MeasureParameters = MeasureParameters()) -> [MeasureResult] {
        let list = (ids ?? Self.measureIDs).sorted()
        guard !parameters.includeRecords, list.count > 1 else {
            return list.compactMap { compute($0, period: period, parameters: parameters) }
        }
        let results = ConcurrentSlots<MeasureResult>(count: list.count)
        DispatchQueue.concurrentPerform(iterations: list.count) { i in
            if let r = compute(list[i], period: period, parameters: parameters) { results.set(i, r) }
        }
        return results.values
    }

    /// The month-ends that fall in `period`.
    public static func monthEnds(in period: Period) -> [Day] {
        var out: [Day] = []
        var d = period.start.endOfMonth
        while d <= period.end {
            out.append(d)
            d = d.adding(days: 1).endOfMonth
        }
        return out
    }

    /// The tables and files the named measures read, from each measure's `reads`: `cin` (CIN
    /// census), SSDA903 table names (`Episodes`, `Header`, ...), `missing-local` and
    /// `supervision-local` (`CaseTable.rawValue`). Lets a reader skip files no requested measure
    /// needs. Ids of no case-data measure add nothing.
    public static func sourcesNeeded(for ids: [String]) -> Set<String> {
        var out: Set<String> = []
        for id in ids {
            guard let measure = Measures.byID[MeasureID(id)] else { continue }
            for table in measure.reads { out.insert(table.rawValue) }
        }
        return out
    }

    // MARK: Coverage

    /// The warnings every result of a measure of `source` begins with: no data of the source, or
    /// data ending before the period does.
    func coverageWarnings(_ source: MeasureSource, _ period: Period) -> [String] {
        switch source {
        case .cin:
            if !data.hasCIN { return ["no CIN data"] }
            if let last = data.cinYears.last, period.end > Period.reportingYear(last).end {
                return ["data ends on \(Period.reportingYear(last).end.uk)"]
            }
        case .ssda903:
            if !data.hasSSDA903 { return ["no SSDA903 data"] }
            if let last = data.claYears.last, period.end > Period.reportingYear(last).end {
                return ["data ends on \(Period.reportingYear(last).end.uk)"]
            }
        case .localMissing:
            if !data.hasLocalMissing { return ["no missing-episode data"] }
        case .supervision:
            if !data.hasSupervision { return ["no supervision data"] }
        case .earlyHelp:
            if !data.hasEarlyHelp && !data.hasContacts { return ["no early help data"] }
        case .workforce:
            if !data.hasFile(format: ["csww"]) { return ["no workforce census data"] }
        case .training:
            if !data.hasFile(format: ["training-local"]) { return ["no training data"] }
        case .fostering:
            if !data.hasFile(format: ["fostering-local"]) { return ["no fostering households data"] }
        case .specialGuardianship:
            if !data.hasFile(format: ["sgo-local"]) { return ["no special guardianship data"] }
        case .careProceedings:
            if !data.hasFile(format: ["care-proceedings-local"]) { return ["no care proceedings data"] }
        case .pathways:
            if !data.hasFile(format: ["pathways-local"]) { return ["no pathways data"] }
        default: break
        }
        return []
    }

    /// The first day of the first loaded CIN census collection year, when known.
    var cinHistoryStart: Day? { data.cinYears.first.map { Period.reportingYear($0).start } }
    /// The first day of the first loaded SSDA903 collection year, when known.
    var claHistoryStart: Day? { data.claYears.first.map { Period.reportingYear($0).start } }
}

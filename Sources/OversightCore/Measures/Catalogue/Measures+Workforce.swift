/// The social work workforce, from the children's social work workforce census (CSWW) the
/// authority returns each year as at 30 September, and training from the local training file.
/// docs/measures.md defines each, with worked examples.
extension Measures {
    /// `sw_vacancy_rate_pct`: FTE vacancies / (FTE vacancies + FTE of employed social workers in
    /// post), on the census date in the period.
    public static let swVacancyRatePct = Measure(
        "sw_vacancy_rate_pct", .percent, .low, "Social worker vacancy rate (FTE)", reads: [.workforce],
        result: { e, period, _ in e.workforce("sw_vacancy_rate_pct", .percent, period) { $0.vacancyRate } }, series: nil)

    /// `sw_agency_rate_pct`: FTE of agency social workers / FTE of agency and employed social
    /// workers in post, on the census date in the period.
    public static let swAgencyRatePct = Measure(
        "sw_agency_rate_pct", .percent, .low, "Agency social worker rate (FTE)", reads: [.workforce],
        result: { e, period, _ in e.workforce("sw_agency_rate_pct", .percent, period) { $0.agencyRate } }, series: nil)

    /// `sw_turnover_rate_pct`: FTE of employed social workers who left in the 12 months to the
    /// census date / FTE of employed social workers in post on it.
    public static let swTurnoverRatePct = Measure(
        "sw_turnover_rate_pct", .percent, .low, "Social worker turnover rate (FTE)", reads: [.workforce],
        result: { e, period, _ in e.workforce("sw_turnover_rate_pct", .percent, period) { $0.turnoverRate } }, series: nil)

    /// `sw_average_caseload`: cases held on the census date / FTE of the social workers holding them.
    public static let swAverageCaseload = Measure(
        "sw_average_caseload", .ratio, .low, "Average caseload of case-holding social workers (per FTE)", reads: [.workforce],
        result: { e, period, _ in e.workforce("sw_average_caseload", .ratio, period) { $0.caseload } }, series: nil)

    /// `training_rrp_completed_pct`: of the workers in post on the period's last day (the
    /// organisation's workers file), those who completed the Restorative Relational Practice
    /// programme on or before it.
    public static let trainingRRPCompletedPct = Measure(
        "training_rrp_completed_pct", .percent, .high, "Staff who completed the Restorative Relational Practice programme",
        reads: [.training, .workers],
        result: { e, period, p in e.trainingCompleted(period, p) }, series: nil)

    /// The workforce and training measures, in the order docs/measures.md gives them.
    static let workforceMeasures: [Measure] = [swVacancyRatePct, swAgencyRatePct, swTurnoverRatePct, swAverageCaseload, trainingRRPCompletedPct]
}

/// One workforce census's figures: the numerators and bases of the workforce measures.
struct WorkforceCensusFigures {
    let censusDate: Day
    var vacancies: Double?
    var employedFTE = 0.0
    var agencyFTE = 0.0
    var leaversFTE = 0.0
    var cases = 0
    var caseHoldersFTE = 0.0
    var workersWithoutFTE = 0

    typealias Fraction = (numerator: Double, denominator: Double)

    var vacancyRate: Fraction? { vacancies.map { ($0, $0 + employedFTE) } }
    var agencyRate: Fraction { (agencyFTE, agencyFTE + employedFTE) }
    var turnoverRate: Fraction { (leaversFTE, employedFTE) }
    var caseload: Fraction { (Double(cases), caseHoldersFTE) }

    /// The figures of the census taken on `day`: workers in post on it (`WorkforceWorker.inPost`),
    /// employed unless `AgencyWorker` is 1; agency FTE from the workers flagged agency, else the
    /// return's `NoAgencyFTE`; leavers are employed workers whose `RoleEndDate` is in the 12
    /// months to the day; case holders are workers in post holding at least one case, at their
    /// `FTE30` (else `FTE`).
    init(day: Day, workers: [WorkforceWorker], vacancies: WorkforceVacancies?) {
        censusDate = day
        self.vacancies = vacancies?.vacancies
        let yearBefore = day.adding(years: -1)
        var agencyFromWorkers = 0.0, anyAgency = false
        for w in workers {
            guard let fte = w.fte else { workersWithoutFTE += 1; continue }
            if w.inPost(on: day) {
                if w.agency == true {
                    agencyFromWorkers += fte; anyAgency = true
                } else {
                    employedFTE += fte
                }
                if let c = w.cases, c > 0 {
                    cases += c
                    caseHoldersFTE += w.fteAtCensus ?? fte
                }
            } else if w.agency != true, let end = w.end.day, end > yearBefore, end <= day {
                leaversFTE += fte
            }
        }
        agencyFTE = anyAgency ? agencyFromWorkers : (vacancies?.agencyFTE ?? 0)
    }
}

extension MeasureEngine {
    /// A workforce measure for `period`: from the census whose date is the latest in the period;
    /// nil-valued when no census was loaded, none was taken in the period, or the base is 0.
    func workforce(
        _ id: String, _ unit: MeasureUnit, _ period: Period, _ fraction: (WorkforceCensusFigures) -> WorkforceCensusFigures.Fraction?
    ) -> MeasureResult? {
        let s = data.services
        let days = Set((s.workforceWorkers.map(\.censusDate) + s.workforceVacancies.map(\.censusDate)).compactMap(\.day))
        guard let day = days.filter(period.contains).max() else {
            let why = data.hasFile(format: ["csww"]) ? ["no workforce census was taken in the period (the census date is 30 September)"] : []
            return MeasureResult(id: id, unit: unit, period: period, numerator: nil, denominator: nil, value: nil, warnings: why)
        }
        let figures = WorkforceCensusFigures(
            day: day, workers: s.workforceWorkers.filter { $0.censusDate.day == day },
            vacancies: s.workforceVacancies.last { $0.censusDate.day == day })
        var warnings = ["the workforce census of \(day.uk)"]
        if figures.workersWithoutFTE > 0 { warnings.append("\(figures.workersWithoutFTE) workers with no FTE were left out") }
        guard let f = fraction(figures) else {
            warnings.append("the census gives no vacancies")
            return MeasureResult(id: id, unit: unit, period: period, numerator: nil, denominator: nil, value: nil, warnings: warnings)
        }
        let value: Double? = f.denominator > 0 ? (unit == .percent ? 100 * f.numerator / f.denominator : f.numerator / f.denominator) : nil
        return MeasureResult(id: id, unit: unit, period: period, numerator: f.numerator, denominator: f.denominator, value: value, warnings: warnings)
    }

    /// Whether `course` names the Restorative Relational Practice programme: `RRP`, or a name
    /// holding "restorative".
    static func isRRP(_ course: String) -> Bool {
        let t = course.trimmed.lowercased()
        return t == "rrp" || t.contains("restorative")
    }

    fileprivate func trainingCompleted(_ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        let id = "training_rrp_completed_pct"
        guard data.hasFile(format: ["training-local"]) else {
            return MeasureResult(id: id, unit: .percent, period: period, numerator: nil, denominator: nil, value: nil)
        }
        guard !data.workers.isEmpty else {
            return MeasureResult(
                id: id, unit: .percent, period: period, numerator: nil, denominator: nil, value: nil,
                warnings: ["no workers data: the organisation's workers file says who is in post"])
        }
        let end = period.end
        var completed: [String: TrainingCompletion] = [:]
        var invalid = 0
        for c in data.services.training where Self.isRRP(c.course) {
            if c.completed.isInvalid { invalid += 1; continue }
            if let d = c.completed.day, d <= end, completed[c.worker] == nil { completed[c.worker] = c }
        }
        var inPost: [String: WorkerRecord] = [:]
        for w in data.workers {
            if w.start.isInvalid || w.leave.isInvalid { continue }
            if let s = w.start.day, s > end { continue }
            if let l = w.leave.day, l <= end { continue }
            inPost[w.id] = w
        }
        var t = Tally(keep: RecordKeep(p))
        for (worker, w) in inPost.sorted(by: { $0.key < $1.key }) {
            let c = completed[worker]
            t.count(
                c != nil,
                DrillRecord(child: worker, kind: "worker", key: c?.completed.day?.iso ?? "", start: w.start.day, end: w.leave.day, origin: w.origin))
        }
        t.warn(invalid, "training records with an invalid date were left out")
        return t.percent(id, period)
    }
}

import OversightCore

/// Everything a report shows, gathered beforehand: the reports are pure functions of it.
public struct ReportInput: Sendable {
    /// The authority's name (`Trafford`).
    public var authority: String
    public var plan: Plan
    /// The period reported on.
    public var period: Period
    /// The day the report is made (shown on the cover; the daily list is as at this day).
    public var generatedOn: Day
    /// Every KPI of the plan judged for `period`, in plan order.
    public var evaluations: [KPIEvaluation]
    /// Monthly values of each measure (by measure id), oldest first, for charts and the monthly pack.
    public var series: [String: [MeasureResult]]
    /// Results of every measure for `period` (the monthly pack, the weekly report, the clinic).
    public var results: [MeasureResult]
    /// Results for the period before `period` (the weekly report's comparison).
    public var previousResults: [MeasureResult]
    /// Published comparators per measure id, where there are any.
    public var comparators: [String: ComparatorSummary]
    public var actions: [PlanAction]
    /// The leads' commentary for `period`, by ambition number.
    public var commentary: [Int: AmbitionCommentary]
    public var audit: AuditSummary?
    public var dataQuality: DataQualitySummary?
    /// The daily list's contents (the daily report only).
    public var frontLine: FrontLineList?
    /// The part of the authority the report covers (a team, a service or a worker), by name;
    /// nil for the whole authority.
    public var team: String?
    /// The clinic's comparison: the same measures for the wider part (the team's service, the
    /// worker's team, or the authority), named by `comparisonLabel`.
    public var comparison: [MeasureResult] = []
    public var comparisonLabel: String?
    /// The leads' accounts of red KPIs for `period`, by measure id (the board pack prints them).
    public var kpiCommentary: [String: KPICommentary] = [:]
    /// The clinic's lines: each plan KPI for the part, against the wider part, the period before
    /// and the target.
    public var clinic: [ClinicFigure] = []
    /// The clinic's part as a query value (`team:NAME`), to find the actions agreed at its clinics.
    public var clinicPart: String?
    /// The period the clinic's "before" column is for.
    public var previousPeriod: Period?
    /// Small numbers shown as "c" for versions shared beyond the authority.
    public var suppression: Suppression

    public init(
        authority: String, plan: Plan, period: Period, generatedOn: Day, evaluations: [KPIEvaluation] = [],
        series: [String: [MeasureResult]] = [:], results: [MeasureResult] = [], previousResults: [MeasureResult] = [],
        comparators: [String: ComparatorSummary] = [:], actions: [PlanAction] = [],
        commentary: [Int: AmbitionCommentary] = [:], audit: AuditSummary? = nil, dataQuality: DataQualitySummary? = nil,
        frontLine: FrontLineList? = nil, team: String? = nil, suppression: Suppression = .off
    ) {
        self.authority = authority; self.plan = plan; self.period = period; self.generatedOn = generatedOn
        self.evaluations = evaluations; self.series = series; self.results = results; self.previousResults = previousResults
        self.comparators = comparators; self.actions = actions; self.commentary = commentary; self.audit = audit
        self.dataQuality = dataQuality; self.frontLine = frontLine; self.team = team; self.suppression = suppression
    }

    /// Whether the period has any data: a KPI or measure with a value other than 0, or a
    /// percentage with a denominator. Counts of 0 alone are what the engine gives for a period the
    /// data does not reach, so they do not count as data.
    public var hasData: Bool {
        func real(_ r: MeasureResult?) -> Bool { (r?.value ?? 0) != 0 || (r?.denominator ?? 0) > 0 }
        return evaluations.contains { real($0.result) || ($0.result == nil && ($0.value ?? 0) != 0) } || results.contains { real($0) }
    }
}

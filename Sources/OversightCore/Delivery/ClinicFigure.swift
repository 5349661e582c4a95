/// One line of a performance clinic: a plan KPI's measure for the team (or worker, or service),
/// beside the wider part it is compared with, the period before, and the KPI's target.
public struct ClinicFigure: Hashable, Sendable {
    public var measure: String
    /// The KPI's wording in the plan.
    public var wording: String
    public var unit: MeasureUnit
    public var value: MeasureResult?
    /// The same measure for the wider part (the service, the team, or the authority).
    public var comparison: MeasureResult?
    /// The same measure for the period before.
    public var previous: MeasureResult?
    /// The target for the period.
    public var target: Target
    /// The figure the status is judged against (a fixed target, or the part's own last-year
    /// figure for a target against last year); nil when there is none.
    public var targetValue: Double?
    public var status: KPIStatus

    /// The clinic lines for `plan`'s KPIs, in plan order (a measure once): each judged with
    /// `KPIRules.status` against its target, a last-year target against `lastYear`'s figure for
    /// the same part, a neighbours' target left as monitor (a team has no published neighbours).
    public static func lines(
        plan: Plan, period: Period, results: [MeasureResult], comparison: [MeasureResult], previous: [MeasureResult], lastYear: [MeasureResult]
    ) -> [ClinicFigure] {
        var seen: Set<String> = []
        var out: [ClinicFigure] = []
        for (_, kpi) in plan.allKPIs where !seen.contains(kpi.measure) {
            guard let value = results.first(where: { $0.id == kpi.measure }) else { continue }
            seen.insert(kpi.measure)
            let target = kpi.target(forPeriodEndingOn: period.end)
            let judged: (status: KPIStatus, targetValue: Double?) =
                if case .statisticalNeighbourAverage = target { (.monitor, nil) } else {
                    KPIRules.status(
                        value: value.value, target: target, polarity: kpi.polarity, lastYear: lastYear.first { $0.id == kpi.measure }?.value)
                }
            out.append(
                ClinicFigure(
                    measure: kpi.measure, wording: kpi.wording, unit: value.unit, value: value,
                    comparison: comparison.first { $0.id == kpi.measure }, previous: previous.first { $0.id == kpi.measure }, target: target,
                    targetValue: judged.targetValue, status: judged.status))
        }
        return out
    }
}

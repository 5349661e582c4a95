import OversightCore
import OversightFormats

/// The JSON contract of the plan's KPIs, the same from `oversight kpis --format json` and
/// `GET /api/v1/kpis`.
public enum KPIOutput {
    /// `{"period":…, "plan": title, "neighbour_average": …, "kpis": [...]}`, KPIs in plan order.
    public static func json(_ report: KPIReport) -> JSONValue {
        .object([
            ("period", MeasureOutput.json(report.period)), ("plan", .string(report.plan.title)),
            ("neighbour_average", .string("median")),
            (
                "kpis",
                .array(
                    report.evaluations.map { e in
                        .object([
                            ("ambition", .number(Double(e.ambition))), ("wording", .string(e.kpi.wording)), ("measure", .string(e.kpi.measure)),
                            ("value", .number(e.value)), ("target", .string(e.target.token)), ("target_value", .number(e.targetValue)),
                            ("status", .string(e.status.rawValue)), ("previous", .number(e.previousValue)), ("last_year", .number(e.lastYearValue)),
                            ("trend_vs_previous", .string(e.trendVsPrevious.rawValue)), ("trend_vs_last_year", .string(e.trendVsLastYear.rawValue)),
                            ("comparator", .number(e.comparator?.value)),
                        ])
                    })
            ),
        ])
    }
}

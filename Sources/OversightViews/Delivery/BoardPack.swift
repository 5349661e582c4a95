import Foundation
import OversightCore

/// The Quality & Performance Board pack: cover, contents, the KPI summary by ambition with RAG
/// status and trend, one section per ambition (KPI charts with targets, tables of the same
/// figures, comparators, the lead's commentary, actions' progress, audit findings), and the data
/// quality summary. A standalone HTML document; headless Chromium prints the same HTML to PDF.
public enum BoardPack {
    /// The board pack for `input`.
    public static func render(_ input: ReportInput) -> HTML {
        var body = cover(input) + contents(input) + summary(input)
        for a in input.plan.ambitions { body += ambition(a, input) }
        body += dataQuality(input)
        return ReportDocument.document(
            title: "\(input.plan.title): board pack, \(ReportDocument.periodText(input.period))",
            footer: "\(input.authority) board pack, \(ReportDocument.periodText(input.period))"
                + (input.suppression.enabled ? " (small numbers suppressed)" : ""),
            body: body)
    }

    /// The anchor of an ambition's section.
    public static func anchor(_ ambition: Int) -> String { "ambition-\(ambition)" }

    static func cover(_ input: ReportInput) -> HTML {
        var h = HTML.raw("<section class=\"ov-page ov-cover\" id=\"cover\">")
        h += ReportDocument.paragraph(input.authority, "ov-hint")
        h += HTML.raw("<h1 class=\"ov-heading-xl\">") + HTML.text("Quality and Performance Board pack") + HTML.raw("</h1>")
        h += ReportDocument.heading(2, "l", input.plan.title)
        h += ReportDocument.paragraph("Period: \(ReportDocument.periodText(input.period))")
        h += ReportDocument.paragraph("Produced on \(ReportDocument.dayText(input.generatedOn))")
        if input.suppression.enabled {
            h += ReportDocument.paragraph("Small numbers are suppressed in this version: counts from 1 to 4, and figures worked from them, are shown as \"c\".")
        }
        if !input.hasData { h += ReportDocument.noData("There is no data for this period: no KPI has a value for \(ReportDocument.periodText(input.period)).") }
        return h + HTML.raw("</section>")
    }

    static func contents(_ input: ReportInput) -> HTML {
        var h = HTML.raw("<section class=\"ov-page ov-contents\" id=\"contents\">") + ReportDocument.heading(2, "l", "Contents")
        h += HTML.raw("<ol class=\"ov-body\">")
        h += HTML.raw("<li><a href=\"#summary\">") + HTML.text("Summary of KPIs by ambition") + HTML.raw("</a></li>")
        for a in input.plan.ambitions {
            h += HTML.raw("<li><a href=\"#\(anchor(a.number))\">") + HTML.text("Ambition \(a.number): \(a.title)") + HTML.raw("</a></li>")
        }
        h += HTML.raw("<li><a href=\"#data-quality\">") + HTML.text("Data quality") + HTML.raw("</a></li></ol>")
        return h + HTML.raw("</section>")
    }

    static func summary(_ input: ReportInput) -> HTML {
        var h = HTML.raw("<section class=\"ov-page\" id=\"summary\">") + ReportDocument.heading(2, "l", "Summary of KPIs by ambition")
        let counts = Dictionary(grouping: input.evaluations, by: \.status).mapValues(\.count)
        h += ReportDocument.paragraph(
            "Green \(counts[.green] ?? 0), amber \(counts[.amber] ?? 0), red \(counts[.red] ?? 0), monitored without a target \(counts[.monitor] ?? 0), no data \(counts[.noData] ?? 0)."
        )
        if !input.hasData { h += ReportDocument.noData("There is no data for this period.") }
        for a in input.plan.ambitions {
            let evals = input.evaluations.filter { $0.ambition == a.number }
            guard !evals.isEmpty else { continue }
            h += ReportDocument.table(
                caption: "Ambition \(a.number): \(a.title)",
                headings: ["KPI", "Value", "Target", "Status", "Against last period", "Against last year"],
                rows: evals.map { e in
                    let unit = Plan.measureDefinition(e.kpi.measure)?.unit ?? .count
                    return [
                        HTML.text(e.kpi.wording), HTML.text(ReportDocument.value(e.result ?? nilResult(e), unit, input.suppression)),
                        HTML.text(ReportDocument.target(e.target, value: e.targetValue, unit: unit)),
                        ReportDocument.tag(e.status), HTML.text(ReportDocument.trend(e.trendVsPrevious)),
                        HTML.text(ReportDocument.trend(e.trendVsLastYear)),
                    ]
                }, numeric: [1])
        }
        return h + HTML.raw("</section>")
    }

    static func nilResult(_ e: KPIEvaluation) -> MeasureResult? {
        e.value.map {
            MeasureResult(
                id: e.kpi.measure, unit: Plan.measureDefinition(e.kpi.measure)?.unit ?? .count, period: e.period,
                numerator: nil, denominator: nil, value: $0)
        }
    }

    static func ambition(_ a: Ambition, _ input: ReportInput) -> HTML {
        var h = HTML.raw("<section class=\"ov-page\" id=\"\(anchor(a.number))\">")
        h += ReportDocument.heading(2, "l", "Ambition \(a.number): \(a.title)")
        h += ReportDocument.paragraph(a.statement)
        if !a.leads.isEmpty { h += ReportDocument.paragraph("Lead: " + a.leads.joined(separator: ", "), "ov-hint") }
        h += ReportDocument.heading(3, "m", "Key performance indicators")
        let evals = input.evaluations.filter { $0.ambition == a.number }
        if evals.isEmpty { h += ReportDocument.noData("This ambition has no KPIs.") }
        if !evals.isEmpty && !evals.contains(where: { $0.value != nil }) {
            h += ReportDocument.noData("There is no data for this ambition's KPIs in \(ReportDocument.periodText(input.period)).")
        }
        for e in evals { h += kpi(e, input) }
        h += ReportDocument.heading(3, "m", "Lead's commentary")
        if let c = input.commentary[a.number] {
            h += HTML.raw("<div class=\"ov-commentary\">") + HTML.text(c.text) + HTML.raw("</div>")
            h += ReportDocument.paragraph("\(c.by), \(c.at.formatted(.iso8601.year().month().day()))", "ov-hint")
        } else {
            h += ReportDocument.paragraph("No commentary has been written for this period.", "ov-hint")
        }
        h += ReportDocument.heading(3, "m", "Actions")
        h += actions(input.actions.filter { $0.ambition == a.number }, today: input.generatedOn)
        h += ReportDocument.heading(3, "m", "Audit findings and learning")
        let findings = input.audit?.findings.filter { $0.ambition == a.number } ?? []
        if findings.isEmpty {
            h += ReportDocument.paragraph(input.audit == nil ? "No audit results are held for this period." : "No audit findings were recorded for this ambition.", "ov-hint")
        } else {
            h += HTML.raw("<ul class=\"ov-body\">")
            for f in findings { h += HTML.raw("<li>") + HTML.text(f.text) + HTML.raw("</li>") }
            h += HTML.raw("</ul>")
        }
        return h + HTML.raw("</section>")
    }

    static func kpi(_ e: KPIEvaluation, _ input: ReportInput) -> HTML {
        let unit = Plan.measureDefinition(e.kpi.measure)?.unit ?? .count
        var h = HTML.raw("<div class=\"ov-kpi\">") + ReportDocument.heading(4, "s", e.kpi.wording)
        h +=
            HTML.raw("<p class=\"ov-body\">") + ReportDocument.tag(e.status)
            + HTML.text(
                " \(ReportDocument.value(e.result ?? nilResult(e), unit, input.suppression)) against a target of \(ReportDocument.target(e.target, value: e.targetValue, unit: unit).lowercased()); \(e.trendVsLastYear == .unknown ? "no figure for last year" : e.trendVsLastYear.words(than: "last year").lowercased())."
            )
            + HTML.raw("</p>")
        if let c = input.kpiCommentary[e.kpi.measure] {
            h += HTML.raw("<p class=\"ov-body\"><strong>Why it is off track:</strong> ") + HTML.text(c.why) + HTML.raw("</p>")
            h += HTML.raw("<p class=\"ov-body\"><strong>What is being done:</strong> ") + HTML.text(c.doing) + HTML.raw("</p>")
        }
        let series = input.series[e.kpi.measure] ?? []
        if series.contains(where: { $0.value != nil }) {
            let points = series.map { r in
                LineChart.Point(
                    label: ReportDocument.monthLabel(r.period.start),
                    value: input.suppression.hides(r) ? nil : r.value,
                    target: targetValue(e.kpi.target(forPeriodEndingOn: r.period.end), e))
            }
            h +=
                HTML.raw("<figure>")
                + LineChart.svg(
                    points, unit: unit, description: "\(e.kpi.wording): monthly values from \(points.first!.label) to \(points.last!.label), with the target as a dashed line")
            h += HTML.raw("</figure>")
            // The chart's figures as a table, months across, so each KPI keeps to a third of a page.
            h += ReportDocument.table(
                caption: nil, headings: ["Month"] + series.map { ReportDocument.monthLabel($0.period.start) },
                rows: [
                    [HTML.text("Value")] + series.map { HTML.text(ReportDocument.value($0, unit, input.suppression)) },
                    [HTML.text("Target")]
                        + series.map { r in
                            HTML.text(targetValue(e.kpi.target(forPeriodEndingOn: r.period.end), e).map { ReportDocument.value($0, unit) } ?? "–")
                        },
                ], numeric: Set(1...series.count), compact: true)
        } else {
            h += ReportDocument.noData("No monthly figures for this KPI in the period.")
        }
        if let c = e.comparator {
            let s = c.summary
            var parts: [String] = []
            if let v = s.england { parts.append("England \(ReportDocument.value(v, unit))") }
            if let r = s.region, let n = s.regionName { parts.append("\(n) \(ReportDocument.value(r, unit))") }
            if let m = s.neighbourMedian { parts.append("statistical neighbours' median \(ReportDocument.value(m, unit))") }
            if let rank = s.rank { parts.append("ranked \(rank) of \(s.rankedCount)") }
            h += ReportDocument.paragraph(
                "Published comparators (\(s.year - 1)-\(String(s.year).suffix(2))): " + (parts.isEmpty ? "none published" : parts.joined(separator: ", ")) + ".", "ov-hint")
        }
        return h + HTML.raw("</div>")
    }

    /// A target as a number for the chart: fixed values as they are, others as the evaluation resolved them.
    static func targetValue(_ t: Target, _ e: KPIEvaluation) -> Double? {
        if case .value(let v) = t { return v }
        return t.isMonitorOnly ? nil : e.targetValue
    }

    /// The actions table of an ambition.
    public static func actions(_ actions: [PlanAction], today: Day) -> HTML {
        guard !actions.isEmpty else { return ReportDocument.paragraph("No actions are tracked for this ambition yet.", "ov-hint") }
        return ReportDocument.table(
            caption: nil, headings: ["Action", "Owner", "Due", "Status", "Latest progress"],
            rows: actions.map { a in
                var status = ReportDocument.tag(a.status)
                if a.isOverdue(on: today) { status += HTML.text(" ") + ReportDocument.tag("Overdue", .red) }
                let latest =
                    a.latestUpdate.map {
                        "\($0.text)" + ($0.evidence.isEmpty ? "" : " Evidence: \($0.evidence)")
                            + ($0.attachments.isEmpty ? "" : " Files: \($0.attachments.joined(separator: ", "))")
                    } ?? "No update yet"
                return [HTML.text(a.text), HTML.text(a.owner), HTML.text(a.due.map(Format.date) ?? "Not set"), status, HTML.text(latest)]
            })
    }

    static func dataQuality(_ input: ReportInput) -> HTML {
        var h = HTML.raw("<section class=\"ov-page\" id=\"data-quality\">") + ReportDocument.heading(2, "l", "Data quality")
        guard let q = input.dataQuality else {
            return h + ReportDocument.paragraph("No data quality findings are held for this period.", "ov-hint") + HTML.raw("</section>")
        }
        h += ReportDocument.paragraph("Outstanding findings: \(q.errors) errors, and \(q.warnings) warnings and queries. Figures computed from rows with errors may be wrong.")
        if !q.rules.isEmpty {
            h += ReportDocument.table(
                caption: "Findings by rule", headings: ["Rule", "Severity", "What the rule checks", "Rows"],
                rows: q.rules.prefix(40).map { [HTML.text($0.rule), HTML.text($0.severity), HTML.text($0.message), HTML.text(String($0.count))] },
                numeric: [3])
        }
        if !q.sources.isEmpty {
            h += ReportDocument.heading(3, "m", "Data used")
            h += HTML.raw("<ul class=\"ov-body\">")
            for s in q.sources.prefix(60) { h += HTML.raw("<li>") + HTML.text(s) + HTML.raw("</li>") }
            h += HTML.raw("</ul>")
        }
        return h + HTML.raw("</section>")
    }
}

import OversightCore

/// The weekly report: new child protection plans, children newly looked after, missing episodes
/// (this week against last), audits completed and moderated, and the imports and their findings.
public enum WeeklyReport {
    /// The measures the weekly report shows, in order.
    public static let measures = ["cpp_starts", "cla_starts", "missing_episodes", "missing_incidents", "referrals", "s47_enquiries"]

    /// The weekly report for `input` (`results` for the week, `previousResults` for the week before).
    public static func render(_ input: ReportInput) -> HTML {
        ReportDocument.report(id: "weekly", authority: input.authority, title: title(input), body: body(input))
    }

    /// "Weekly report: Assessment team 1, 24 March 2025 to 30 March 2025".
    public static func title(_ input: ReportInput) -> String {
        "Weekly report\(input.team.map { ": \($0)" } ?? ""), \(ReportDocument.periodText(input.period))"
    }

    /// The report's sections.
    public static func body(_ input: ReportInput) -> HTML {
        var h = HTML.raw("")
        if !input.hasData { h += ReportDocument.noData("There is no data for this week.") }
        let rows: [[HTML]] = measures.compactMap { id in
            guard let d = MeasureCatalogue.definition(id) else { return nil }
            let now = input.results.first { $0.id == id }, before = input.previousResults.first { $0.id == id }
            return [
                HTML.text(d.title), HTML.text(ReportDocument.value(now, d.unit, input.suppression)),
                HTML.text(ReportDocument.value(before, d.unit, input.suppression)),
            ]
        }
        h += ReportDocument.table(caption: "This week against last week", headings: ["Measure", "This week", "Last week"], rows: rows, numeric: [1, 2])
        h += ReportDocument.heading(2, "m", "Audits")
        if let a = input.audit {
            h += ReportDocument.paragraph(
                "Completed: \(input.suppression.text(count: a.completed)); moderated: \(input.suppression.text(count: a.moderated)); due: \(a.due); overdue: \(a.overdue).")
        } else {
            h += ReportDocument.paragraph("No audit results are held for this week.", "ov-hint")
        }
        h += ReportDocument.heading(2, "m", "Imports and findings")
        if let q = input.dataQuality {
            h += ReportDocument.paragraph("\(q.sources.count) files; \(q.errors) errors, and \(q.warnings) warnings and queries, outstanding.")
        } else {
            h += ReportDocument.paragraph("No imports are recorded.", "ov-hint")
        }
        return h
    }
}

import OversightCore

/// The performance clinic: one team's or one worker's measures for the period, each with the
/// children behind its numerator (the results must carry their drill-down records).
public enum PerformanceClinic {
    /// The clinic for `input` (`team` and `results` with records).
    public static func render(_ input: ReportInput) -> HTML {
        let p = ReportDocument.periodText(input.period)
        let who = input.team ?? "All teams"
        var h = HTML.raw("<section class=\"ov-page\" id=\"clinic\">") + ReportDocument.paragraph(input.authority, "ov-hint")
        h += HTML.raw("<h1 class=\"ov-heading-l\">") + HTML.text("Performance clinic: \(who), \(p)") + HTML.raw("</h1>")
        if !input.hasData { h += ReportDocument.noData("There is no data for \(who) in this period.") }
        for r in input.results where r.value != nil {
            guard let d = Plan.measureDefinition(r.id) else { continue }
            h += HTML.raw("<div class=\"ov-kpi\">") + ReportDocument.heading(2, "s", d.title)
            var line = "Value: \(ReportDocument.value(r, d.unit, input.suppression))"
            if d.unit == .percent, let n = r.numerator, let den = r.denominator, !input.suppression.hides(r) { line += " (\(Int(n)) of \(Int(den)))" }
            h += ReportDocument.paragraph(line)
            let children = Array(Set(r.numeratorRecords.map(\.child))).sorted()
            if !children.isEmpty && !input.suppression.enabled {
                h += ReportDocument.table(
                    caption: nil, headings: ["Child", "Record", "Date"],
                    rows: r.numeratorRecords.prefix(200).map { rec in
                        [HTML.text(rec.child), HTML.text(rec.kind), HTML.text(rec.start.map(Format.date) ?? rec.key)]
                    })
                if r.numeratorRecords.count > 200 { h += ReportDocument.paragraph("And \(r.numeratorRecords.count - 200) more records.", "ov-hint") }
            }
            h += HTML.raw("</div>")
        }
        return ReportDocument.document(
            title: "Performance clinic: \(who), \(p)", footer: "\(input.authority) performance clinic, \(who), \(p)",
            body: h + HTML.raw("</section>"))
    }
}

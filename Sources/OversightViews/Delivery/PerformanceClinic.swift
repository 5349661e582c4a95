import OversightCore

/// The performance clinic: one team's, service's or worker's plan KPIs for the period, against
/// the wider part (the service, the team, or the authority), the period before and the target,
/// each with the children behind its numerator; then the actions agreed at earlier clinics.
public enum PerformanceClinic {
    /// "Performance clinic: Assessment team 1, June 2025".
    public static func title(_ input: ReportInput) -> String {
        "Performance clinic: \(input.team ?? "All teams"), \(ReportDocument.periodText(input.period))"
    }

    /// The clinic for `input` as a document.
    public static func render(_ input: ReportInput) -> HTML {
        ReportDocument.report(id: "clinic", authority: input.authority, title: title(input), body: body(input))
    }

    /// The clinic's sections. `child` writes a child's id (a link on the web); `measure` writes
    /// a measure's title (a link to its page on the web).
    public static func body(
        _ input: ReportInput, child: (String) -> HTML = { HTML.text($0) }, measure: (String, String) -> HTML = { _, title in HTML.text(title) }
    ) -> HTML {
        let who = input.team ?? "All teams"
        var h = HTML.raw("")
        if !input.hasData { h += ReportDocument.noData("There is no data for \(who) in this period.") }
        let s = input.suppression
        let before = input.previousPeriod.map(ReportDocument.periodText) ?? "Before"
        if !input.clinic.isEmpty {
            let rows: [[HTML]] = input.clinic.map { f in
                [
                    measure(f.measure, f.wording), HTML.text(ReportDocument.value(f.value, f.unit, s)),
                    HTML.text(ReportDocument.value(f.comparison, f.unit, s)), HTML.text(ReportDocument.value(f.previous, f.unit, s)),
                    HTML.text(f.targetValue.map { ReportDocument.value($0, f.unit) } ?? (f.target.isMonitorOnly ? "Monitor" : "–")),
                    HTML.text(f.status.words),
                ]
            }
            h += ReportDocument.table(
                caption: "The plan's measures", headings: ["Measure", who, input.comparisonLabel ?? "The authority", before, "Target", "Status"],
                rows: rows, numeric: [1, 2, 3, 4])
        }
        h += agreed(input)
        for f in input.clinic {
            guard let r = f.value, r.value != nil, !r.numeratorRecords.isEmpty, !s.enabled else { continue }
            h += HTML.raw("<div class=\"ov-kpi\">") + ReportDocument.heading(2, "s", f.wording)
            var line = "\(who): \(ReportDocument.value(r, f.unit, s))"
            if f.unit == .percent, let n = r.numerator, let den = r.denominator { line += " (\(Int(n)) of \(Int(den)))" }
            h += ReportDocument.paragraph(line)
            h += ReportDocument.table(
                caption: nil, headings: ["Child", "Record", "Date"],
                rows: r.numeratorRecords.prefix(200).map { rec in [child(rec.child), HTML.text(DrillList.kindWords(rec.kind)), HTML.text(rec.start.map(Format.date) ?? rec.key)] })
            if r.numeratorRecords.count > 200 { h += ReportDocument.paragraph("And \(r.numeratorRecords.count - 200) more records.", "ov-hint") }
            h += HTML.raw("</div>")
        }
        return h
    }

    /// The actions agreed at this clinic and at the earlier clinics of the same part, in the
    /// order agreed, each with its owner, due date and status.
    static func agreed(_ input: ReportInput) -> HTML {
        guard let part = input.clinicPart else { return HTML.raw("") }
        let actions = input.actions.filter { $0.clinic?.part == part && $0.clinic!.period.start <= input.period.end }
            .sorted { ($0.clinic!.period.start, $0.id ?? 0) < ($1.clinic!.period.start, $1.id ?? 0) }
        var h = ReportDocument.heading(2, "m", "Actions agreed at clinics", id: "agreed")
        guard !actions.isEmpty else { return h + ReportDocument.paragraph("No actions have been agreed at this clinic yet.", "ov-hint") }
        h += ReportDocument.table(
            caption: nil, headings: ["Agreed at", "Action", "Owner", "Due", "Status"],
            rows: actions.map { a in
                [
                    HTML.text(ReportDocument.periodText(a.clinic!.period)), HTML.text(a.text), HTML.text(a.owner),
                    HTML.text(a.due.map(Format.date) ?? "Not set"), HTML.text(a.status.label),
                ]
            })
        return h
    }
}

import OversightCore

/// The daily list for front-line managers (`ReportInput.frontLine`): children back from a
/// missing episode in the last 72 hours with no return home interview offered, interviews due
/// today, audits due or overdue, and supervisions overdue.
public enum DailyListReport {
    /// The daily list for `input`; says so when there is nothing to list or no data to list from.
    public static func render(_ input: ReportInput) -> HTML {
        let day = ReportDocument.dayText(input.generatedOn)
        var h = HTML.raw("<section class=\"ov-page\" id=\"daily\">")
        h += ReportDocument.paragraph(input.authority, "ov-hint") + HTML.raw("<h1 class=\"ov-heading-l\">") + HTML.text("Daily list, \(day)") + HTML.raw("</h1>")
        guard let list = input.frontLine else {
            return wrap(input, h + ReportDocument.noData("There is no data for this day: no case data is loaded.") + HTML.raw("</section>"))
        }
        h += ReportDocument.heading(2, "m", "Return home interviews due today")
        if !list.hasMissingData {
            h += ReportDocument.noData("No missing-episodes file is loaded, so return home interviews cannot be listed.")
        } else if list.rhiDueToday.isEmpty {
            h += ReportDocument.paragraph("None due today.", "ov-hint")
        } else {
            h += returns(list.rhiDueToday)
        }
        h += ReportDocument.heading(2, "m", "Back from missing in the last 72 hours, no interview offered")
        if list.hasMissingData {
            h += list.returnedWithoutRHI.isEmpty ? ReportDocument.paragraph("None.", "ov-hint") : returns(list.returnedWithoutRHI)
        } else {
            h += ReportDocument.noData("No missing-episodes file is loaded.")
        }
        h += ReportDocument.heading(2, "m", "Audits due or overdue")
        h +=
            list.auditsDue.isEmpty
            ? ReportDocument.paragraph("No audits are due or overdue (or no audit programme is held).", "ov-hint")
            : ReportDocument.table(
                caption: nil, headings: ["Audit", "Child", "Auditor", "Due", "Days overdue"],
                rows: list.auditsDue.map { a in
                    [HTML.text(a.reference), HTML.text(a.child), HTML.text(a.auditor), HTML.text(Format.date(a.due)), HTML.text(String(max(0, a.due.days(to: input.generatedOn))))]
                }, numeric: [4])
        h += ReportDocument.heading(2, "m", "Supervisions overdue")
        if !list.hasSupervisionData {
            h += ReportDocument.noData("No supervision file is loaded, so overdue supervisions cannot be listed.")
        } else if list.supervisionsOverdue.isEmpty {
            h += ReportDocument.paragraph("None overdue.", "ov-hint")
        } else {
            h += ReportDocument.table(
                caption: nil, headings: ["Worker", "Last formal supervision", "Was due", "Days overdue"],
                rows: list.supervisionsOverdue.map { s in
                    [HTML.text(s.worker), HTML.text(s.lastSession.map(Format.date) ?? "None recorded"), HTML.text(Format.date(s.due)), HTML.text(String(s.daysOverdue))]
                }, numeric: [3])
        }
        return wrap(input, h + HTML.raw("</section>"))
    }

    static func returns(_ rows: [FrontLineList.MissingReturn]) -> HTML {
        ReportDocument.table(
            caption: nil, headings: ["Child", "Returned", "Interview to be offered by"],
            rows: rows.map { r in
                [HTML.text(r.child), HTML.text(r.returned.iso), HTML.text(r.rhiDue.iso)]
            })
    }

    static func wrap(_ input: ReportInput, _ body: HTML) -> HTML {
        ReportDocument.document(
            title: "Daily list, \(ReportDocument.dayText(input.generatedOn))",
            footer: "\(input.authority) daily list, \(ReportDocument.dayText(input.generatedOn))", body: body)
    }
}

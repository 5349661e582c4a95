import OversightCore

/// The daily list for front-line managers (`ReportInput.frontLine`): assessments nearing their
/// 45 working days, initial conferences and looked-after reviews due, return home interviews
/// (due today, and still not offered), visits overdue, audits due or overdue, and supervisions
/// overdue. The same sections serve the printed report and the web's Lists page.
public enum DailyListReport {
    /// The daily list for `input` as a document; says so when there is nothing to list or no data to list from.
    public static func render(_ input: ReportInput) -> HTML {
        ReportDocument.report(id: "daily", authority: input.authority, title: title(input), body: body(input))
    }

    /// "Daily list, 10 June 2025", with the team or service it is for.
    public static func title(_ input: ReportInput) -> String {
        "Daily list\(input.team.map { ": \($0)" } ?? ""), \(ReportDocument.dayText(input.generatedOn))"
    }

    /// The list's sections (level-2 headings and their tables). `child` writes a child's id
    /// (a link to their timeline on the web; the id alone in a printed report).
    public static func body(_ input: ReportInput, child: (String) -> HTML = { HTML.text($0) }) -> HTML {
        guard let list = input.frontLine else { return ReportDocument.noData("There is no data for this day: no case data is loaded.") }
        let day = input.generatedOn
        var h = HTML.raw("")
        func section(_ title: String, id: String, count: Int) {
            h += ReportDocument.heading(2, "m", count > 0 ? "\(title) (\(count))" : title, id: id)
        }
        func none(_ text: String) { h += ReportDocument.paragraph(text, "ov-hint") }
        func date(_ d: Day?) -> HTML { HTML.text(d.map(Format.date) ?? "None recorded") }

        section("Assessments at 35 working days or more, not authorised", id: "assessments", count: list.assessments.count)
        if !list.hasCINData {
            h += ReportDocument.noData("No CIN census is loaded, so assessments cannot be listed.")
        } else if list.assessments.isEmpty {
            none("None.")
        } else {
            h += ReportDocument.table(
                caption: nil, headings: ["Child", "Started", "Working days so far", "45 working days on"],
                rows: list.assessments.map { [child($0.child), date($0.started), HTML.text(String($0.workingDays)), date($0.due)] }, numeric: [2])
        }
        section("Initial child protection conferences due", id: "conferences", count: list.conferences.count)
        if !list.hasCINData {
            h += ReportDocument.noData("No CIN census is loaded, so conferences cannot be listed.")
        } else if list.conferences.isEmpty {
            none("None due in the next \(FrontLineList.lookAheadDays) days.")
        } else {
            h += ReportDocument.table(
                caption: nil, headings: ["Child", "Enquiry started", "Conference due", "Days overdue"],
                rows: list.conferences.map { [child($0.child), date($0.enquiryStarted), date($0.due), HTML.text(String(max(0, $0.due.days(to: day))))] },
                numeric: [3])
        }
        section("Looked-after reviews due", id: "reviews", count: list.reviews.count)
        if !list.hasLookedAfterData {
            h += ReportDocument.noData("No SSDA903 return is loaded, so reviews cannot be listed.")
        } else if list.reviews.isEmpty {
            none("None due in the next \(FrontLineList.lookAheadDays) days.")
        } else {
            h += ReportDocument.table(
                caption: nil, headings: ["Child", "Looked after since", "Last review", "Next review due", "Days overdue"],
                rows: list.reviews.map {
                    [child($0.child), date($0.lookedAfterSince), date($0.lastReview), date($0.due), HTML.text(String(max(0, $0.due.days(to: day))))]
                }, numeric: [4])
        }
        section("Return home interviews due today", id: "rhi-today", count: list.rhiDueToday.count)
        if !list.hasMissingData {
            h += ReportDocument.noData("No missing-episodes file is loaded, so return home interviews cannot be listed.")
        } else {
            if list.rhiDueToday.isEmpty { none("None due today.") } else { h += returns(list.rhiDueToday, child: child) }
            section("Back from missing in the last 72 hours, no interview offered", id: "rhi-recent", count: list.returnedWithoutRHI.count)
            if list.returnedWithoutRHI.isEmpty { none("None.") } else { h += returns(list.returnedWithoutRHI, child: child) }
            section("Return home interviews outstanding past 72 hours", id: "rhi-outstanding", count: list.rhiOutstanding.count)
            if list.rhiOutstanding.isEmpty {
                none("None in the last \(FrontLineList.outstandingRHIDays) days.")
            } else {
                h += returns(list.rhiOutstanding, child: child)
            }
        }
        section("Visits overdue", id: "visits", count: list.visitsOverdue.count)
        if !list.hasVisitsData {
            h += ReportDocument.noData("No visits file is loaded, so overdue visits cannot be listed.")
        } else if list.visitsOverdue.isEmpty {
            none("None overdue.")
        } else {
            h += ReportDocument.table(
                caption: nil, headings: ["Child", "Plan", "Last visit", "Was due", "Days overdue"],
                rows: list.visitsOverdue.map { [child($0.child), HTML.text($0.plan), date($0.lastVisit), date($0.due), HTML.text(String($0.daysOverdue))] },
                numeric: [4])
        }
        section("Audits due or overdue", id: "audits", count: list.auditsDue.count)
        if list.auditsDue.isEmpty {
            none("No audits are due or overdue (or no audit programme is held).")
        } else {
            h += ReportDocument.table(
                caption: nil, headings: ["Audit", "Child", "Auditor", "Due", "Days overdue"],
                rows: list.auditsDue.map { a in
                    [HTML.text(a.reference), child(a.child), HTML.text(a.auditor), date(a.due), HTML.text(String(max(0, a.due.days(to: day))))]
                }, numeric: [4])
        }
        section("Supervisions overdue", id: "supervisions", count: list.supervisionsOverdue.count)
        if !list.hasSupervisionData {
            h += ReportDocument.noData("No supervision file is loaded, so overdue supervisions cannot be listed.")
        } else if list.supervisionsOverdue.isEmpty {
            none("None overdue.")
        } else {
            h += ReportDocument.table(
                caption: nil, headings: ["Worker", "Last formal supervision", "Was due", "Days overdue"],
                rows: list.supervisionsOverdue.map { s in [HTML.text(s.worker), date(s.lastSession), date(s.due), HTML.text(String(s.daysOverdue))] },
                numeric: [3])
        }
        return h
    }

    static func returns(_ rows: [FrontLineList.MissingReturn], child: (String) -> HTML) -> HTML {
        ReportDocument.table(
            caption: nil, headings: ["Child", "Returned", "Interview to be offered by"],
            rows: rows.map { r in [child(r.child), HTML.text(r.returned.iso), HTML.text(r.rhiDue.iso)] })
    }
}

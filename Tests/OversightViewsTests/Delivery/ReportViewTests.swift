import Foundation
import OversightCore
import Testing
@testable import OversightViews

@Suite struct ReportViewTests {
    static let june = Period.month(year: 2025, month: 6)
    static let kpi = KPI(wording: "Reduce re-referrals to 18%", measure: "rereferrals_12m_pct", target: .value(18), polarity: .low)
    static let plan = Plan(
        id: "p", title: "Improvement plan",
        ambitions: [
            Ambition(number: 1, title: "Right help <first>", statement: "Families get help early.", leads: ["Head of early help"], kpis: [kpi]),
            Ambition(number: 2, title: "Stable homes", statement: "Children live in stable homes.", kpis: []),
        ])

    static func result(_ month: Int, _ v: Double?, n: Double? = nil, d: Double? = nil) -> MeasureResult {
        MeasureResult(id: "rereferrals_12m_pct", unit: .percent, period: .month(year: 2025, month: month), numerator: n, denominator: d, value: v)
    }

    static func input(value: Double?, suppression: Suppression = .off) -> ReportInput {
        let e = KPIEvaluator().evaluate(
            plan: plan, period: june,
            measure: { id, p in
                p == june ? value.map { v in result(6, v, n: 3, d: 3 * 100 / v) } : nil
            })
        return ReportInput(
            authority: "Trafford", plan: plan, period: june, generatedOn: Day(year: 2025, month: 7, day: 3)!, evaluations: e,
            series: value == nil ? [:] : ["rereferrals_12m_pct": [result(4, 21), result(5, nil), result(6, value)]],
            actions: [
                PlanAction(
                    id: 7, ambition: 1, text: "Triage at the front door", owner: "Service manager",
                    due: Day(year: 2025, month: 6, day: 1), status: .atRisk, by: "x", at: Date(timeIntervalSince1970: 0))
            ],
            suppression: suppression)
    }

    @Test func boardPackHasContentsAnchorsSummaryAndAmbitionPages() {
        let html = BoardPack.render(Self.input(value: 20)).markup
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4 portrait"))
        #expect(html.contains("counter(page)"))
        #expect(html.contains("<li><a href=\"#ambition-1\">Ambition 1: Right help &lt;first&gt;</a></li>"))
        #expect(html.contains("<section class=\"ov-page\" id=\"ambition-1\">"))
        #expect(html.contains("<section class=\"ov-page\" id=\"ambition-2\">"))
        #expect(html.contains("<td>Reduce re-referrals to 18%</td><td class=\"ov-num\">20.0%</td><td>18.0%</td><td><strong class=\"ov-tag ov-tag--red\">Off track</strong></td>"))
        #expect(html.contains("stroke-dasharray=\"6 4\" class=\"ov-chart-target\""))
        #expect(html.contains("<table class=\"ov-table ov-table--compact\"><thead><tr><th scope=\"col\">Month</th><th scope=\"col\" class=\"ov-num\">Apr 2025</th>"))
        #expect(html.contains("<tr><td>Value</td><td class=\"ov-num\">21.0%</td><td class=\"ov-num\">–</td><td class=\"ov-num\">20.0%</td></tr>"))
        #expect(html.contains("<tr><td>Target</td><td class=\"ov-num\">18.0%</td><td class=\"ov-num\">18.0%</td><td class=\"ov-num\">18.0%</td></tr>"))
        #expect(html.contains("<strong class=\"ov-tag ov-tag--amber\">At risk</strong> <strong class=\"ov-tag ov-tag--red\">Overdue</strong>"))
        #expect(html.contains("No commentary has been written for this period."))
        #expect(!html.contains("There is no data for this period"))
    }

    @Test func aPeriodWithNoDataSaysSo() {
        let html = BoardPack.render(Self.input(value: nil)).markup
        #expect(html.contains("<p class=\"ov-body ov-nodata\">There is no data for this period: no KPI has a value for June 2025.</p>"))
        #expect(html.contains("No monthly figures for this KPI in the period."))
        for report in [WeeklyReport.render, MonthlyPack.render, PerformanceClinic.render] {
            #expect(report(Self.input(value: nil)).markup.contains("There is no data for"))
        }
        #expect(DailyListReport.render(Self.input(value: nil)).markup.contains("There is no data for this day"))
    }

    @Test func suppressionShowsSmallNumbersAsC() {
        let html = BoardPack.render(Self.input(value: 20, suppression: .on)).markup
        #expect(html.contains("<td class=\"ov-num\">c</td>"))
        #expect(html.contains("Small numbers are suppressed in this version"))
    }

    @Test func chartDrawsValuesWithGapsAndADashedTarget() {
        let svg = LineChart.svg(
            [
                .init(label: "Apr 2025", value: 10, target: 20), .init(label: "May 2025", value: 30, target: 20),
                .init(label: "Jun 2025", value: nil, target: 20),
            ], unit: .count, description: "d", width: 200, height: 100
        ).markup
        #expect(svg.contains("<path d=\"M48.0 53.3 L118.0 12.0\" fill=\"none\" stroke=\"#1d70b8\""))
        #expect(svg.contains("<path d=\"M48.0 32.7 L118.0 32.7 L188.0 32.7\" fill=\"none\" stroke=\"#d4351c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""))
        #expect(svg.components(separatedBy: "<circle").count == 3)
    }

    @Test func entryFormLinksErrorsToFieldsAndKeepsInput() {
        let html = HandEntryForm.render(
            input: .init(measure: "hand_sw_vacancy_rate", period: "2025-06", numerator: "80", denominator: "72", source: "HR <report>"),
            problems: [HandEntryProblem(field: "numerator", message: "the numerator (80) cannot be more than the denominator (72)")],
            csrf: "tok\"en", action: "/measures/hand"
        ).markup
        #expect(
            html.contains(
                "<div class=\"ov-error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"ov-heading-m\">There is a problem</h2><ul><li><a href=\"#entry-numerator\">the numerator (80) cannot be more than the denominator (72)</a></li></ul></div>"
            ))
        #expect(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"tok&quot;en\">"))
        #expect(html.contains("<option value=\"hand_sw_vacancy_rate\" selected>Social work vacancy rate (%)</option>"))
        #expect(html.contains("id=\"entry-numerator\" name=\"numerator\" value=\"80\""))
        #expect(html.contains("value=\"HR &lt;report&gt;\""))
        #expect(html.contains("<div class=\"ov-form-group ov-form-group--error\"><label class=\"ov-label\" for=\"entry-numerator\">Numerator</label>"))
    }

    @Test func actionCardsShowOwnerDueStatusAndLastUpdateWithLinksToChangeThem() {
        let input = Self.input(value: 20)
        var action = input.actions[0]
        action.addUpdate(ActionUpdate(text: "Pilot started <Monday>", by: "j.lead", at: Date(timeIntervalSince1970: 1_750_000_000)))
        let html = ActionPages.cards([action], today: input.generatedOn, canUpdate: true).markup
        #expect(html.contains("<h3 class=\"ov-summary-card__title\" id=\"action-7\"><a href=\"/plan/actions/7\">Triage at the front door</a></h3>"))
        #expect(html.contains("<a href=\"/plan/actions/7/update\">Update progress<span class=\"ov-visually-hidden\"> of Triage at the front door</span></a>"))
        #expect(html.contains("href=\"/plan/actions/7/change/owner\""))
        #expect(html.contains("href=\"/plan/actions/7/change/due\""))
        #expect(html.contains("<dd class=\"ov-summary-list__value\">1 June 2025</dd>"))
        #expect(html.contains("ov-tag--amber\">At risk</strong> <strong class=\"ov-tag ov-tag--red\">Overdue</strong>"))
        #expect(html.contains("by j.lead: Pilot started &lt;Monday&gt;"))
        #expect(html.contains("1 action: 1 at risk; 1 overdue."))
        #expect(html.contains("<dt class=\"ov-summary-list__key\">RAG</dt><dd class=\"ov-summary-list__value\"><strong class=\"ov-tag ov-tag--red\">Red</strong>"))
        let readOnly = ActionPages.cards([action], today: input.generatedOn, canUpdate: false).markup
        #expect(!readOnly.contains("/update"))
    }

    @Test func theUpdateIsCheckedBeforeItIsSavedAndTheCheckPageCarriesTheAnswers() {
        let a = Self.input(value: 20).actions[0]
        let empty = ActionPages.UpdateInput(text: " ", status: "")
        #expect(empty.errors.map(\.fieldID) == ["text", "status"])
        let form = ActionPages.updateForm(a, input: empty, errors: empty.errors, csrf: "abc").markup
        #expect(form.contains("<a href=\"#text\">Write what progress was made</a>"))
        #expect(form.contains("action=\"/plan/actions/7/update\""))
        let good = ActionPages.UpdateInput(text: "Done & dusted", evidence: "", status: "complete")
        #expect(good.errors.isEmpty)
        let check = ActionPages.updateCheck(a, input: good, csrf: "abc").markup
        #expect(check.contains("Check your update before saving it"))
        #expect(check.contains("Complete (was At risk)"))
        #expect(check.contains("<input type=\"hidden\" name=\"text\" value=\"Done &amp; dusted\">"))
        #expect(check.contains("action=\"/plan/actions/7\" enctype=\"multipart/form-data\""))
        #expect(check.contains("href=\"/plan/actions/7/update?text=Done%20%26%20dusted&amp;status=complete#text\""))
    }

    @Test func aDueDateIsTypedInThreeBoxesAndAMissingPartIsNamed() {
        #expect(DateParts(day: "31", month: "3", year: "2026").date == Day(year: 2026, month: 3, day: 31))
        #expect(DateParts(day: "1", month: "Apr", year: "2026").date == Day(year: 2026, month: 4, day: 1))
        #expect(DateParts(day: "31", month: "", year: "2026").problem == "The date must include a month")
        #expect(DateParts(day: "", month: "", year: "2026").problem == "The date must include a day and a month")
        #expect(DateParts(day: "30", month: "2", year: "2026").problem == "The date must be a real date, for example 31 3 2026")
        #expect(DateParts(day: "3", month: "2", year: "26").problem == "The year must be 4 numbers, for example 2026")
        let a = Self.input(value: 20).actions[0]
        let bad = ActionPages.ChangeInput(fields: ["due-day": "31", "due-month": "2", "due-year": "2026"])
        #expect(bad.errors(.due).map(\.fieldID) == ["due-day"])
        let form = ActionPages.changeForm(a, field: .due, input: bad, errors: bad.errors(.due), csrf: "c").markup
        #expect(form.contains("id=\"due-day\" name=\"due-day\" type=\"text\" inputmode=\"numeric\" value=\"31\""))
        #expect(form.contains("<a href=\"#due-day\">"))
        let cleared = ActionPages.ChangeInput(fields: [:])
        #expect(cleared.errors(.due).isEmpty && cleared.words(.due) == "Not set")
        let check = ActionPages.changeCheck(a, field: .owner, input: ActionPages.ChangeInput(owner: "Jo Smith"), csrf: "c").markup
        #expect(check.contains("<dt class=\"ov-summary-list__key\">Owner now</dt><dd class=\"ov-summary-list__value\">Service manager</dd>"))
        #expect(check.contains("<input type=\"hidden\" name=\"step\" value=\"confirm\"><input type=\"hidden\" name=\"owner\" value=\"Jo Smith\">"))
        #expect(ActionPages.ChangeInput(owner: "").errors(.owner).map(\.fieldID) == ["owner"])
    }
}

@Suite struct HandEntryFormParseTests {
    @Test func typedInputBecomesAnEntryOrPlainReasons() {
        let at = Date(timeIntervalSince1970: 0)
        let ok = HandEntryForm.Input(measure: "hand_sw_vacancy_rate", period: "2025-06", value: "12.5%", source: "HR").parse(by: "analyst", at: at)
        #expect(ok.problems.isEmpty && ok.entry?.value == 12.5 && ok.entry?.period == .month(year: 2025, month: 6))
        let count = HandEntryForm.Input(measure: "hand_households_recruited", period: "2025Q1", value: "1,200", source: "Fostering").parse(by: "a", at: at)
        #expect(count.problems.isEmpty && count.entry?.value == 1200)
        let bad = HandEntryForm.Input(measure: "hand_sw_vacancy_rate", period: "June", value: "twelve", source: "HR").parse(by: "a", at: at)
        #expect(bad.entry == nil && bad.problems.map(\.field) == ["period", "value"])
        let over = HandEntryForm.Input(measure: "hand_sw_vacancy_rate", period: "2025-06", numerator: "80", denominator: "72", source: "HR").parse(by: "a", at: at)
        #expect(over.entry != nil && over.problems.map(\.field) == ["numerator"])
    }
}

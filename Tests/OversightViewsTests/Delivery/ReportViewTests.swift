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

    @Test func actionsPageShowsTagsAndAnUpdateForm() {
        let input = Self.input(value: 20)
        let html = ActionsPage.render(
            ambition: Self.plan.ambitions[0], actions: input.actions, today: input.generatedOn, csrf: "abc",
            updateAction: { "/plan/actions/\($0)/updates" }
        ).markup
        #expect(html.contains("action=\"/plan/actions/7/updates\""))
        #expect(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"abc\">"))
        #expect(html.contains("<option value=\"at_risk\" selected>At risk</option>"))
        #expect(html.contains("<td>Triage at the front door</td><td>Service manager</td><td>01/06/2025</td>"))
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

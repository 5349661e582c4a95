import Testing
import OversightCore
@testable import OversightViews

@Suite struct AmbitionPageTests {
    static func model() -> AmbitionPage.Model {
        let monthly =
            Samples.monthly()
            + (0..<12).map { i in
                MeasureResult(
                    id: "rereferrals_12m_pct", unit: .percent, period: .month(year: 2022 + (i + 3) / 12, month: (i + 3) % 12 + 1),
                    numerator: nil, denominator: nil, value: 26)
            }
        return AmbitionPage.Model.make(
            plan: Samples.plan, ambition: Samples.plan.ambitions[0], evaluations: Samples.evaluations(),
            monthly: ["rereferrals_12m_pct": monthly], period: Samples.year2025,
            periodOptions: [FormOption(value: "2025", label: "2024-25")], selectedPeriod: "2025")
    }

    @Test func kpiChartShowsTwentyFourMonthsWithLastYearAndTarget() throws {
        let k = try #require(Self.model().kpis.first)
        #expect(k.series.count == 24)
        #expect(k.series.first?.month == Samples.day("2023-04-01"))
        #expect(k.lastYear.prefix(12).allSatisfy { $0 == 26 })
        #expect(k.lastYear[12] == 24.0)
        #expect(k.target == 18)
        #expect(k.comparators?.neighbourMean == 21.3)
    }

    @Test func pageHasLeadsStatementChartsTablesActionsAndAchievements() {
        let h = AmbitionPage.render(Self.model()).markup
        #expect(Check.count("<h1", in: h) == 1)
        #expect(h.contains("Right help, right time</h1>"))
        #expect(h.contains("Head of early help"))
        #expect(h.contains("Children get the right help at the right time."))
        // The plan's actions are tracked on the Actions tab, not listed on the KPIs tab.
        #expect(!h.contains("<li>Review the front door</li>"))
        #expect(h.contains("aria-current=\"page\">KPIs</a>"))
        #expect(h.contains("<li>New MASH opened</li>"))
        #expect(h.contains("Restorative practice."))
        #expect(h.contains("No monthly figures yet."))
        #expect(Check.chartsWithoutTitleAndDesc(h) == 0)
        #expect(Check.tablesWithoutCaption(h) == 0)
        #expect(Check.count("class=\"ov-chart\"", in: h) == 1)
        #expect(AmbitionPage.title(Self.model()) == "Ambition 1: Right help, right time")
    }

    @Test func hostileAmbitionTextIsEscaped() {
        let a = Samples.plan.ambitions[1]
        let m = AmbitionPage.Model.make(
            plan: Samples.plan, ambition: a, evaluations: Samples.evaluations(), monthly: [:], period: Samples.year2025,
            periodOptions: [], selectedPeriod: "2025")
        let h = AmbitionPage.render(m).markup
        #expect(!h.contains("<script>"))
    }
}

extension AmbitionPageTests {
    @Test func targetRowDoesNotRepeatTheWordTarget() {
        #expect(KPIDetail.withoutLeadingTarget("Target 18.0%") == "18.0%")
        #expect(KPIDetail.withoutLeadingTarget("Target: lower than last year (20.0%)") == "Lower than last year (20.0%)")
        #expect(KPIDetail.withoutLeadingTarget("No target: monitored") == "No target: monitored")
        #expect(AmbitionPage.render(Self.model()).markup.contains("<dt class=\"ov-summary-list__key\">Target</dt><dd class=\"ov-summary-list__value\">18.0%</dd>"))
    }
}

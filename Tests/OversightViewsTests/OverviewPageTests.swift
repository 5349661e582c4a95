import Foundation
import Testing
import OversightCore
@testable import OversightViews

@Suite struct OverviewPageTests {
    @Test func tileShowsValueTargetStatusTrendAndNeighbours() throws {
        let tiles = Samples.overview().ambitions[0].tiles
        let t = try #require(tiles.first)
        #expect(t.value == 18.5)
        #expect(t.status == .amber) // 18.5 against 18 (low is better): within 5% (0.9)
        #expect(t.targetText == "Target 18.0%")
        #expect(t.trendText == "Better than last year (20.0%)")
        #expect(t.trendArrow == "\u{25BC}")
        #expect(t.comparatorText == "Neighbours' mean 21.3%; rank 40 of 152 in England (2023-24)")
        #expect(t.series.count == 24)
        let h = t.render(id: "s1").markup
        #expect(h.contains("<p class=\"ov-tile__value\">18.5%</p>"))
        #expect(h.contains("Close to target"))
        #expect(h.contains("href=\"/measures/rereferrals_12m_pct?period=2024-04-01..2025-03-31\""))
    }

    @Test func kpiWithoutDataSaysNoDataYet() throws {
        let t = try #require(Samples.overview().ambitions[0].tiles.last)
        #expect(t.value == nil)
        #expect(t.status == .noData)
        let h = t.render(id: "s2").markup
        #expect(h.contains("No data yet"))
        #expect(!h.contains("<svg"))
    }

    @Test func rateReadsPer10000AndMonitorHasNoTarget() throws {
        let t = try #require(Samples.overview().ambitions[1].tiles.first)
        #expect(Format.value(t.value, unit: t.unit) == "67.0 per 10,000")
        #expect(t.targetText == "No target: monitored")
        #expect(StatusTag.words(t.status) == "No target")
    }

    @Test func pageHasOneHeadingPerLevelOnePeriodFormAndEscapesPlanText() {
        let h = OverviewPage.render(Samples.overview()).markup
        #expect(Check.count("<h1", in: h) == 1)
        #expect(h.contains("<form method=\"get\" action=\"/\""))
        #expect(h.contains("<option value=\"2025\" selected>2024-25</option>"))
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(Check.chartsWithoutTitleAndDesc(h) == 0)
        #expect(!h.contains("<script>"))
        #expect(h.contains("Ambition 2: &lt;script&gt;"))
        #expect(h.contains("3 KPIs: <a href=\"/?period=2025&amp;status=amber\">1 close to target</a>"))
    }
}

extension OverviewPageTests {
    @Test func neighbourRankCountsTheNeighboursThatDoBetter() throws {
        // Low is better: 19.5 beats 21 and 22.5, loses to 18 and 19: rank 3 of 5.
        #expect(KPITile.neighbourRank(la: 19.5, neighbours: [18, 19, 21, 22.5, nil], polarity: .low)! == (3, 5))
        #expect(KPITile.neighbourRank(la: 19.5, neighbours: [18, 19, 21], polarity: .high)! == (2, 4))
        #expect(KPITile.neighbourRank(la: nil, neighbours: [18], polarity: .low) == nil)
        let m = OverviewPage.Model.make(
            plan: Samples.plan, evaluations: Samples.evaluations(), monthly: [:], period: Samples.year2025,
            periodOptions: [], selectedPeriod: "2025",
            neighbours: [
                "rereferrals_12m_pct": [
                    NeighbourValue(code: "901", name: "A", value: 18),
                    NeighbourValue(code: "902", name: "B", value: 25),
                ]
            ])
        #expect(m.ambitions[0].tiles[0].comparatorText == "Neighbours' mean 21.3%; rank 2 of 3 with neighbours (2023-24)")
    }
}

/// Issue 18: "two [cards] are titled 'Increase in % of children living in stable placement.' with
/// opposite directions; three read 'To be agreed and determined by partners'". The plan's wording
/// stays (it is the authority's), and tiles that share a wording name their measure.
@Suite struct SharedWordingTests {
    static func tile(_ wording: String, _ measure: String) -> KPITile {
        KPITile(
            wording: wording, measureID: measure, unit: .percent, value: nil, targetText: "", status: .noData, trendText: "", trendArrow: "",
            series: [], comparatorText: nil)
    }

    @Test func everyTileNamesWhatItsMeasureCountsUnderThePlansWords() throws {
        let t = try #require(Samples.overview().ambitions[0].tiles.first)
        #expect(t.measureTitle == Plan.measureDefinition("rereferrals_12m_pct")?.title)
        #expect(t.render(id: "t").markup.contains("<p class=\"ov-tile__measure\">\(t.measureTitle!)</p>"))
    }

    @Test func aChangeOnLastYearReadsAsARiseOrAFallNotAsANegativeTarget() {
        #expect(KPITile.valueWords(25, measureID: "placed_with_parents_change_pct", unit: .percent) == "Up 25.0% on last year")
        #expect(KPITile.valueWords(-12.5, measureID: "placed_with_parents_change_pct", unit: .percent) == "Down 12.5% on last year")
        #expect(KPITile.changeTargetWords(-20, unit: .percent) == "Target: down 20.0% or more on last year")
        #expect(KPITile.valueWords(25, measureID: "rereferrals_12m_pct", unit: .percent) == "25.0%")
    }

    @Test func statusCountsOpenTheKPIsOfThatStatusAndKeepThePeriod() {
        let all = OverviewPage.render(Samples.overview()).markup
        #expect(all.contains("3 KPIs: <a href=\"/?period=2025&amp;status=amber\">1 close to target</a>, <a href=\"/?period=2025&amp;status=monitor\">1 no target</a>"))
        var m = Samples.overview()
        m.statusFilter = .amber
        let only = OverviewPage.render(m).markup
        #expect(OverviewPage.title(m) == "KPIs close to target")
        #expect(only.contains("<strong>1 close to target</strong>"))
        #expect(only.contains("Re-referrals within 12 months") && !only.contains("Foster households recruited</a>"))
        #expect(only.contains("<a href=\"/?period=2025\">Show every KPI</a>"))
        #expect(only.contains("<input type=\"hidden\" name=\"status\" value=\"amber\">"))
    }

    @Test func ambitionsFoldWithTheirStatusCountsAndHandEnteredKPIsSayWhoOwesThem() {
        let m = OverviewPage.Model.make(
            plan: Samples.plan, evaluations: Samples.evaluations(), monthly: [:], period: Samples.year2025, periodOptions: [], selectedPeriod: "2025",
            loaded: Date(timeIntervalSince1970: 1_746_000_000), canEnterValues: true)
        let h = OverviewPage.render(m).markup
        #expect(
            h.contains(
                "<details class=\"ov-ambition\" open><summary class=\"ov-ambition__summary\"><h3 class=\"ov-heading-m ov-ambition__title\" id=\"ambition-1\">Ambition 1: Right help, right time</h3><span class=\"ov-ambition__counts\">1 close to target, 1 no data yet</span></summary>"
            ))
        #expect(h.contains("Entered by hand; owed by Head of early help"))
        #expect(h.contains("<a href=\"/plan/entries?measure=hand_households_recruited&amp;period=2024-04-01..2025-03-31\">Enter value"))
        #expect(h.contains("Data last loaded 30 April 2025"))
        let readOnly = OverviewPage.Model.make(
            plan: Samples.plan, evaluations: Samples.evaluations(), monthly: [:], period: Samples.year2025, periodOptions: [], selectedPeriod: "2025")
        #expect(!OverviewPage.render(readOnly).markup.contains("Enter value"))
    }

    /// Issue 14: owners see their overdue actions, and those due soon, on their home page.
    @Test func yourActionsListsTheOwnersOverdueAndDueSoon() {
        let today = Day(year: 2025, month: 6, day: 1)!
        func a(_ id: Int, _ owner: String, due: Int?, _ status: ActionStatus = .onTrack) -> PlanAction {
            PlanAction(
                id: id, ambition: 1, text: "Action \(id)", owner: owner, due: due.map { today.adding(days: $0) }, status: status, by: "x", at: Date(timeIntervalSince1970: 0))
        }
        let actions = [a(1, "Jo Smith", due: -3), a(2, "jo smith ", due: 12), a(3, "Jo Smith", due: 90), a(4, "Sam Lee", due: -3), a(5, "Jo Smith", due: -3, .complete)]
        let h = OverviewPage.yourActions(actions, owner: "Jo Smith", today: today).markup
        #expect(h.contains("Your actions"))
        #expect(h.contains("<a href=\"/plan/actions/1\">Action 1</a>: overdue since 29 May 2025"))
        #expect(h.contains("<a href=\"/plan/actions/2\">Action 2</a>: due 13 June 2025"))
        #expect(!h.contains("Action 3") && !h.contains("Action 4") && !h.contains("Action 5"))
        #expect(OverviewPage.yourActions(actions, owner: "Nobody", today: today) == .empty)
    }

    @Test func needsAttentionGivesTheChangeSinceLastMonthAndTheLatestActionUpdate() {
        var t = Samples.overview().ambitions[0].tiles[0]
        t.series = [SeriesPoint(month: Day(year: 2025, month: 2, day: 28)!, value: 17.3), SeriesPoint(month: Day(year: 2025, month: 3, day: 31)!, value: 18.5)]
        #expect(OverviewPage.changeSinceLastMonth(t) == "Up 1.2 points")
        t.series[0].value = nil
        #expect(OverviewPage.changeSinceLastMonth(t) == nil)
        var action = PlanAction(id: 4, ambition: 1, text: "Front door review", owner: "Head of early help", by: "x", at: Date(timeIntervalSince1970: 0))
        action.addUpdate(ActionUpdate(text: "Review began", by: "lead", at: Date(timeIntervalSince1970: 1_746_000_000)))
        var m = Samples.overview()
        m.latestUpdates = OverviewPage.ActionNote.latest([action])
        m.ambitions[0].tiles[0].status = .red
        let h = OverviewPage.render(m).markup
        #expect(h.contains("Latest action update"))
        #expect(h.contains("<a href=\"/plan/actions/4\">Review began</a>"))
    }
}

/// Issue 18: "The overview answers 'what needs my attention'": a list of the KPIs off track or
/// worse than last year, each linked to its measure on the overview's period.
@Suite struct NeedsAttentionTests {
    static func tile(_ wording: String, _ status: KPIStatus, _ trend: Trend) -> KPITile {
        var t = KPITile(
            wording: wording, measureID: "rereferrals_12m_pct", unit: .percent, value: 20, targetText: "Target 18.0%", status: status,
            trendText: trend.words(than: "last year"), trendArrow: "", series: [], comparatorText: nil)
        t.trend = trend
        t.period = .reportingYear(2025)
        return t
    }

    @Test func offTrackThenWorseningKPIsAreListed() {
        let model = OverviewPage.Model(
            planTitle: "Plan", period: .reportingYear(2025), periodOptions: [], selectedPeriod: "2025",
            ambitions: [
                .init(number: 1, title: "One", tiles: [Self.tile("Getting worse", .green, .worsening), Self.tile("Fine", .green, .improving)]),
                .init(number: 2, title: "Two", tiles: [Self.tile("Off track", .red, .improving)]),
            ])
        let h = OverviewPage.render(model).markup
        let list = String(h[h.range(of: "Needs attention")!.lowerBound...])
        #expect(list.contains(">Off track</a>") && list.contains(">Getting worse</a>"))
        #expect(list.range(of: ">Off track</a>")!.lowerBound < list.range(of: ">Getting worse</a>")!.lowerBound)
        let table = String(list[..<(list.range(of: "</table>")?.upperBound ?? list.endIndex)])
        #expect(!table.contains(">Fine</a>"))
        #expect(table.contains("href=\"/measures/rereferrals_12m_pct?period=2024-04-01..2025-03-31\""))
        let calm = OverviewPage.Model(
            planTitle: "Plan", period: .reportingYear(2025), periodOptions: [], selectedPeriod: "2025",
            ambitions: [.init(number: 1, title: "One", tiles: [Self.tile("Fine", .green, .improving)])])
        #expect(OverviewPage.render(calm).markup.contains("No KPI is off track or worse than last year."))
    }
}

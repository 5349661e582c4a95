import Foundation
import OversightCore
@testable import OversightViews
@testable import OversightWeb
import Testing
import VaporTesting

/// Issue 18: "The period is lost on the way down: set the overview to '12 months to 31 December
/// 2024', open the re-referrals card, and the measure page shows 2024-25; the Measures tab resets
/// it too." The period now travels in the URL: the tiles, the navigation and the measure page
/// carry and read `period=`.
@Suite(.serialized) struct PeriodTravelTests {
    static let period = "2024-01-01..2024-12-31"

    @Test func theOverviewsPeriodReachesTheMeasurePageAndTheTabs() async throws {
        let h = try await WebHarness.start()
        let overview = try await h.send(.GET, "/?period=\(Self.period)", as: .analyst)
        #expect(overview.status == .ok)
        let html = overview.body.string
        #expect(html.contains("href=\"/measures/rereferrals_12m_pct?period=\(Self.period)\""), "the tile does not carry the period")
        #expect(html.contains("href=\"/measures?period=\(Self.period)\""), "the Measures tab does not carry the period")
        let measure = try await h.send(.GET, "/measures/rereferrals_12m_pct?period=\(Self.period)", as: .analyst)
        #expect(measure.status == .ok)
        #expect(measure.body.string.contains("Figures for January to December 2024"), "the measure page is not on the overview's period")
        #expect(!measure.body.string.contains("Figures for 2024-25"))
        // It leads with the plan's words for the KPI, then its status and target for that period.
        #expect(measure.body.string.contains("<span class=\"ov-caption-l\">Reduction in number and % of re- referrals</span>"))
        #expect(measure.body.string.contains("<dt class=\"ov-summary-list__key\">Status</dt>"))
        #expect(measure.body.string.contains("<dt class=\"ov-summary-list__key\">Target</dt>"))
        // The manager goes down to the children behind it and back, the period kept on both tabs.
        #expect(measure.body.string.contains("records=all#children\" id=\"tab-all\">All ("))
        #expect(measure.body.string.contains("kind=rolling&amp;rolling=2024-12&amp;records=all#children"))
        // The records say which team and worker held each child, and filter by them (issue 18).
        #expect(measure.body.string.contains(">Team (worker)</th>"))
        let team = try #require(measure.body.string.firstMatch(of: /<option value="([^"]+)">\1<\/option>/)?.output.1)
        let teamPage = try await h.send(
            .GET, "/measures/rereferrals_12m_pct?period=\(Self.period)&team=\(String(team).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
            as: .analyst)
        #expect(teamPage.body.string.contains("match the filter."))
        #expect(teamPage.body.string.contains("<option value=\"\(team)\" selected>"))
        // From the measure page (its own form's fields), the tabs keep the period too.
        let chosen = try await h.send(.GET, "/measures/rereferrals_12m_pct?kind=month&month=2024-06", as: .analyst)
        #expect(chosen.body.string.contains("href=\"/?period=2024-06-01..2024-06-30\""))
        // The measures list links each measure on its period.
        let list = try await h.send(.GET, "/measures?period=\(Self.period)", as: .analyst)
        #expect(list.body.string.contains("href=\"/measures/rereferrals_12m_pct?period=\(Self.period)\""))
        await h.shutdown()
    }

    @Test(arguments: [
        (Period.reportingYear(2025), PeriodChoice.Kind.year), (.month(year: 2024, month: 6), .month), (.quarter(year: 2024, quarter: 3), .quarter),
        (.rolling12Months(endingOn: Day(year: 2024, month: 12, day: 31)!), .rolling),
        (Period(start: Day(year: 2024, month: 5, day: 3)!, end: Day(year: 2024, month: 7, day: 9)!)!, .range),
    ])
    func aPeriodBecomesTheChoiceThatGivesIt(_ period: Period, _ kind: PeriodChoice.Kind) throws {
        let choice = PeriodChoice(query: ["period": period.description], defaultYear: 2025)
        #expect(choice.kind == kind)
        #expect(try choice.resolve().get() == period)
    }
}

/// Issue 18: "the header reads 'Local authority 358', not the authority's name".
@Suite(.serialized) struct AuthorityNameTests {
    @Test func theHeaderNamesTheAuthority() async throws {
        let h = try await WebHarness.start(importData: false, withStatistics: true)
        let page = try await h.send(.GET, "/users", as: .administrator)
        #expect(page.body.string.contains("Trafford"))
        #expect(!page.body.string.contains("Local authority 358"))
        #expect(h.app.services.authorityName("358") == "Trafford")
        await h.shutdown()
    }
}

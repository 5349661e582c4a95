import Foundation
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor

/// Actions, hand-entered values and reports in the web application.
@Suite(.serialized) struct PlanDeliveryWebTests {
    @Test func actionsAreSeededFromThePlanAndUpdatedWithHistory() async throws {
        let h = try await WebHarness.start(importData: false)
        #expect(try await h.send(.GET, "/plan", as: .strategicLead).status == .ok)
        let actions = try await h.store.actions(authority: WebFixtures.authority).all(ambition: 2)
        let first = try #require(actions.first)
        let res = try await h.send(
            .POST, "/plan/actions/\(try #require(first.id))", as: .strategicLead,
            form: ["text": "Front door review done.", "evidence": "Minutes of 3 March", "status": "on_track"])
        #expect(res.status == .seeOther)
        let after = try #require(try await h.store.actions(authority: WebFixtures.authority).action(id: first.id!))
        #expect(after.updates.last?.text == "Front door review done.")
        #expect(after.history.count > first.history.count)
        #expect(try await h.send(.POST, "/plan/actions/\(first.id!)", as: .boardMember, form: ["text": "x"]).status == .forbidden)
        await h.shutdown()
    }

    @Test func aBadHandEnteredValueIsRefusedWithItsReasonAndAGoodOneShowsOnTheMeasure() async throws {
        let h = try await WebHarness.start(importData: false)
        let bad = try await h.send(
            .POST, "/plan/entries", as: .analyst,
            form: ["measure": "hand_rrp_completed_pct", "period": "2025", "numerator": "80", "denominator": "60", "source": "HR"])
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.string.contains("There is a problem"))
        #expect(bad.body.string.contains("value=\"80\""))
        #expect(try await h.store.handEntries(authority: WebFixtures.authority).values().current.isEmpty)
        let good = try await h.send(
            .POST, "/plan/entries", as: .analyst,
            form: ["measure": "hand_rrp_completed_pct", "period": "2025", "numerator": "45", "denominator": "60", "source": "HR"])
        #expect(good.status == .ok)
        let api = try await h.send(.GET, "/api/v1/measures/hand_rrp_completed_pct?period=2025", as: .analyst)
        #expect(api.body.string.contains("\"value\":75"))
        await h.shutdown()
    }

    @Test func theBoardPackIsMadeOnTheReportsPage() async throws {
        let h = try await WebHarness.start()
        let made = try await h.send(.POST, "/reports", as: .analyst, form: ["period": "2025", "suppress": "no"])
        #expect(made.status == .ok)
        #expect(made.body.string.contains("The board pack is ready"))
        let list = try await h.send(.GET, "/reports", as: .boardMember)
        let name = "board-pack-358-2024-04-01-2025-03-31.html"
        #expect(list.body.string.contains(name))
        let file = try await h.send(.GET, "/reports/\(name)", as: .boardMember)
        #expect(file.status == .ok)
        #expect(file.body.string.contains("Ambition 1") || file.body.string.contains("Leadership"))
        #expect(try await h.send(.POST, "/reports", as: .boardMember, form: ["period": "2025"]).status == .forbidden)
        #expect(try await h.send(.GET, "/reports/..%2Fsecret.html", as: .analyst).status == .notFound)
        await h.shutdown()
    }

    @Test func aLeadWritesTheCommentaryForTheBoardPack() async throws {
        let h = try await WebHarness.start()
        let res = try await h.send(.POST, "/plan/ambitions/2/commentary", as: .strategicLead, form: ["period": "2025", "text": "Re-referrals fell after the front door review."])
        #expect(res.status == .seeOther)
        let page = try await h.send(.GET, "/plan/ambitions/2?period=2025", as: .boardMember)
        #expect(page.body.string.contains("Re-referrals fell after the front door review."))
        #expect(try await h.send(.POST, "/plan/ambitions/2/commentary", as: .analyst, form: ["period": "2025", "text": "x"]).status == .forbidden)
        await h.shutdown()
    }

    @Test func tablesDownloadAsExcelWorkbooksWithTypedCells() async throws {
        let h = try await WebHarness.start()
        let xlsx = try await h.send(.GET, "/measures/cla_at_end/numerator.xlsx?kind=year&year=2025", as: .analyst)
        #expect(xlsx.status == .ok)
        #expect(xlsx.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
        #expect(Array(xlsx.body.readableBytesView.prefix(2)) == [0x50, 0x4B]) // a ZIP container
        let csv = try await h.send(.GET, "/measures/cla_at_end/numerator.csv?kind=year&year=2025", as: .analyst)
        #expect(csv.body.string.hasPrefix("child,kind,key,start,end,from_row_with_errors"))
        #expect(try await h.send(.GET, "/activity.xlsx", as: .administrator).status == .ok)
        #expect(try await h.send(.GET, "/measures/cla_at_end/numerator.xlsx", as: .boardMember).status == .forbidden)
        await h.shutdown()
    }

    @Test func theBoardPackCadenceNamesThePeriodDue() {
        let day = Day(year: 2025, month: 5, day: 3)!
        #expect(BoardPackCadence.monthly.period(today: day) == .rolling12Months(endingOn: Day(year: 2025, month: 4, day: 30)!))
        #expect(BoardPackCadence.quarterly.period(today: day) == .rolling12Months(endingOn: Day(year: 2025, month: 3, day: 31)!))
    }

    @Test func everyListDownloads() async throws {
        let h = try await WebHarness.start()
        let measures = try await h.send(.GET, "/measures.csv?period=2025", as: .boardMember)
        #expect(measures.status == .ok && measures.body.string.contains("cla_at_end"))
        #expect(try await h.send(.GET, "/plan/actions.xlsx", as: .strategicLead).status == .ok)
        #expect(try await h.send(.GET, "/audits/all.csv", as: .manager).status == .ok)
        #expect(try await h.send(.GET, "/audits/all.csv", as: .boardMember).status == .forbidden)
        await h.shutdown()
    }
}

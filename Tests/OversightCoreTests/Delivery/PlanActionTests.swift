import Foundation
import Testing
@testable import OversightCore

@Suite struct PlanActionTests {
    static let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func everyChangeIsKeptInTheHistory() {
        var a = PlanAction(
            ambition: 2, text: "Launch the edge of care service", owner: "Head of service", due: Day(year: 2025, month: 9, day: 30),
            by: "lead", at: Self.t0)
        #expect(a.history.map(\.field) == ["created"])
        let made = a.edit(owner: "Head of service", due: .some(Day(year: 2025, month: 12, day: 31)), status: .onTrack, by: "lead", at: Self.t0)
        #expect(made.map(\.field) == ["due", "status"])
        #expect(made[0].from == "2025-09-30" && made[0].to == "2025-12-31")
        a.addUpdate(
            ActionUpdate(
                text: "Recruitment delayed", evidence: "Panel minutes 3 June", attachments: ["minutes.pdf"], status: .atRisk,
                by: "owner", at: Self.t0.addingTimeInterval(60)))
        #expect(a.status == .atRisk)
        #expect(a.history.map(\.field) == ["created", "due", "status", "update", "status"])
        #expect(a.history.last?.from == "on_track" && a.history.last?.to == "at_risk")
        #expect(a.latestUpdate?.attachments == ["minutes.pdf"])
        a.edit(due: .some(nil), by: "lead", at: Self.t0)
        #expect(a.due == nil && a.history.last?.field == "due" && a.history.last?.to == "")
    }

    @Test func leadsSeeOverdueOffTrackAndAtRiskActions() {
        let today = Day(year: 2025, month: 7, day: 1)!
        func action(_ text: String, due: Day?, status: ActionStatus, owner: String = "A") -> PlanAction {
            PlanAction(ambition: 1, text: text, owner: owner, due: due, status: status, by: "x", at: Self.t0)
        }
        let actions = [
            action("late", due: Day(year: 2025, month: 6, day: 1), status: .onTrack),
            action("late but done", due: Day(year: 2025, month: 6, day: 1), status: .complete),
            action("at risk", due: nil, status: .atRisk),
            action("off track", due: Day(year: 2025, month: 8, day: 1), status: .offTrack, owner: "B"),
            action("fine", due: today, status: .onTrack),
        ]
        let list = ActionWatchList.select(actions, today: today)
        #expect(list.map(\.action.text) == ["late", "off track", "at risk"])
        #expect(list[0].reasons == [.overdue])
        #expect(ActionWatchList.select(actions, today: today, owner: "b").map(\.action.text) == ["off track"])
        #expect(action("", due: nil, status: .onTrack, owner: " ").problems.count == 2)
    }
}

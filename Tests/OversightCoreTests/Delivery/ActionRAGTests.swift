import Foundation
import OversightCore
import Testing

/// An action's RAG from its status and due date (issue 14).
@Suite struct ActionRAGTests {
    static let today = Day(year: 2025, month: 6, day: 1)!

    static func action(_ status: ActionStatus, due: Day?) -> PlanAction {
        PlanAction(id: 1, ambition: 1, text: "A", owner: "O", due: due, status: status, by: "x", at: Date(timeIntervalSince1970: 0))
    }

    @Test(arguments: [
        (ActionStatus.notStarted, -1, ActionRAG.red), // overdue
        (.onTrack, -1, .red), // overdue whatever it says
        (.offTrack, 90, .red),
        (.atRisk, 90, .amber),
        (.notStarted, 30, .amber), // due within 30 days
        (.notStarted, 31, .grey),
        (.onTrack, 10, .amber),
        (.onTrack, 90, .green),
        (.complete, -10, .green), // done, however late
        (.closed, -10, .grey), // ended without completing: never overdue, not rated
    ])
    func ragFollowsStatusAndDueDate(status: ActionStatus, dueIn: Int, expected: ActionRAG) {
        #expect(Self.action(status, due: Self.today.adding(days: dueIn)).rag(on: Self.today) == expected)
    }

    @Test func noDueDateIsNeverOverdueOrDueSoon() {
        let a = Self.action(.notStarted, due: nil)
        #expect(!a.isOverdue(on: Self.today) && !a.isDueSoon(on: Self.today) && a.rag(on: Self.today) == .grey)
    }
}

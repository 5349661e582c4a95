import Foundation
import Testing
@testable import OversightCore

/// The learning summary over the worked-example audits of `QAMeasuresTests`.
@Suite struct LearningSummaryTests {
    @Test func summarisesTheMonth() throws {
        var audits = try QAMeasuresTests.audits()
        audits[0].learningThemes = ["Chronology"]
        audits[0].strengths = ["Voice", "visits"]
        audits[1].strengths = ["voice"]
        audits[1].areasForDevelopment = ["Plans"]
        try audits[0].addAction("Update chronology", owner: "w1", due: day("2026-04-20"), by: "a", at: QAFixtures.noon("2026-04-09"))
        try audits[0].addAction("Visit", owner: "w1", due: day("2026-06-20"), by: "a", at: QAFixtures.noon("2026-04-09"))
        try audits[0].completeAction(2, by: "w1", at: QAFixtures.noon("2026-04-15"))
        let s = LearningSummary.compute(audits: audits, period: QAMeasuresTests.april, reportDate: QAMeasuresTests.reportDate)
        // Submitted in April: A1 Good, A2 Inadequate (moderated), A6 RI (moderated), A7 Good, A8 Inadequate; all team North.
        #expect(s.audits == 5)
        #expect(s.gradesByTeam == ["North": [.good: 2, .inadequate: 2, .requiresImprovement: 1]])
        #expect(s.gradesByTheme == ["Chronology": [.good: 1]])
        #expect(s.moderations == 3 && s.moderationsAgreeing == 1 && abs(s.kappa! - 0.5) < 1e-12)
        #expect(s.strengths == [.init(text: "Voice", count: 2), .init(text: "visits", count: 1)])
        #expect(s.areasForDevelopment == [.init(text: "Plans", count: 1)])
        #expect(s.outstandingActions.map(\.action.text) == ["Update chronology"] && s.outstandingActions[0].isOverdue)
        #expect(s.plainText.contains("Moderation: 1 of 3 agreed with the auditor; weighted kappa 0.50"))
        #expect(s.plainText.contains("- North: Outstanding 0, Good 2, Requires improvement to be good 1, Inadequate 2"))
        #expect(!s.plainText.contains("C-A1"))
    }
}

import Testing
@testable import OversightCore

/// Template validation names the section, question and field.
@Suite struct AuditTemplateTests {
    @Test func theFixturesAreValid() {
        #expect(QAFixtures.caseFile.problems().isEmpty)
        #expect(QAFixtures.supervision.problems().isEmpty)
        #expect(QAFixtures.multiAgency.problems().isEmpty)
    }

    @Test func problemsNameTheQuestionAndField() {
        var t = QAFixtures.caseFile
        t.sections[1].questions[1].feeds = .livedExperience
        t.sections[1].questions[1].evidencedAnswers = ["yes"]
        t.sections[2].questions[1].id = "lived"
        t.sections[2].agency = .police
        let p = t.problems()
        #expect(p.contains("section assessment, question quality: feeds lived-experience, which an earlier question feeds"))
        #expect(p.contains("section assessment, question quality: evidenced answer 'yes' is not one of outstanding, good, requires-improvement, inadequate"))
        #expect(p.contains("section oversight, question lived: id is used by an earlier question"))
        #expect(p.contains("section oversight: agency police is only allowed in multi-agency templates"))
        #expect(p.count == 4)
    }

    @Test func gradesOrderBestFirst() {
        #expect(Grade.outstanding < .good && Grade.good < .requiresImprovement && Grade.requiresImprovement < .inadequate)
        #expect(Grade.allCases.filter(\.isRequiresImprovementOrBetter).count == 3)
        #expect(AuditSubject(stored: AuditSubject.worker("W1").stored) == .worker("W1"))
        #expect(AuditSubject(stored: AuditSubject.child(cid("C1")).stored) == .child(cid("C1")))
    }
}

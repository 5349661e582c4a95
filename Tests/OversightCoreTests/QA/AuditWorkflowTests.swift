import Foundation
import Testing
@testable import OversightCore

/// The audit state machine: the happy path, each illegal step refused with a typed error, and
/// the rules on who may do what.
@Suite struct AuditWorkflowTests {
    let t = QAFixtures.caseFile
    let at = QAFixtures.noon("2026-04-01")

    func assigned(_ id: String = "X1") -> Audit {
        Audit.assign(
            id: AuditID(id), template: t, subject: .child(cid("C9")), caseKind: .cp, team: "North",
            auditor: "alice", due: day("2026-04-30"), by: "manager", at: at)
    }

    var fullAnswers: [String: AuditAnswer] {
        [
            "lived": .init(value: "yes", evidence: "voice recorded"), "strengths": .init(value: "partly"),
            "quality": .init(value: "good"), "oversight": .init(value: "no"),
        ]
    }

    func submitted(grade: Grade = .good) throws -> Audit {
        var a = assigned()
        try a.saveDraft(answers: fullAnswers, grade: grade, gradeRationale: "clear plan", template: t, by: "alice", at: at)
        try a.submit(template: t, by: "alice", at: at.addingTimeInterval(3600))
        return a
    }

    @Test func walksTheWholeWorkflowRecordingWhoAndWhen() throws {
        var a = try submitted(grade: .requiresImprovement)
        #expect(a.status == .submitted && a.evidenced == [.livedExperience: true, .strengthsBased: false, .managementOversight: false])
        try a.selectForModeration(by: "manager", at: at)
        try a.moderate(grade: .good, rationale: "impact is clear", by: "bob", at: at)
        #expect(a.moderation?.agrees == false && a.finalGrade == .good && a.grade == .requiresImprovement)
        try a.addAction("Update the chronology", owner: "worker7", due: day("2026-05-15"), by: "alice", at: at)
        try a.giveFeedback("Discussed with worker and manager", by: "alice", at: at)
        #expect(a.status == .feedbackGiven)
        try a.completeAction(1, by: "worker7", at: at)
        #expect(a.status == .actionsComplete)
        let next = try a.reAudit(newID: AuditID("X2"), template: t, auditor: "carol", due: day("2026-07-31"), by: "manager", at: at)
        #expect(next.reAuditOf == a.id && next.status == .assigned && next.subject == a.subject && next.auditor == "carol")
        #expect(
            a.events.map(\.step) == [
                .assigned, .draftSaved, .submitted, .selectedForModeration, .moderated, .actionAdded,
                .feedbackGiven, .actionDone, .actionsComplete, .reAuditCreated,
            ])
        #expect(a.events.map(\.by) == ["manager", "alice", "alice", "manager", "bob", "alice", "alice", "worker7", "worker7", "manager"])
    }

    @Test func refusesIllegalTransitions() throws {
        var a = assigned()
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .assigned, step: .moderated)) {
            try a.moderate(grade: .good, rationale: nil, by: "bob", at: at)
        }
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .assigned, step: .selectedForModeration)) {
            try a.selectForModeration(by: "m", at: at)
        }
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .assigned, step: .feedbackGiven)) {
            try a.giveFeedback("x", by: "m", at: at)
        }
        a = try submitted()
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .submitted, step: .draftSaved)) {
            try a.saveDraft(answers: [:], template: t, by: "alice", at: at)
        }
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .submitted, step: .submitted)) {
            try a.submit(template: t, by: "alice", at: at)
        }
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .submitted, step: .moderated)) {
            try a.moderate(grade: .good, rationale: nil, by: "bob", at: at)
        }
        try a.selectForModeration(by: "m", at: at)
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .selectedForModeration, step: .feedbackGiven)) {
            try a.giveFeedback("too early", by: "m", at: at)
        }
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .selectedForModeration, step: .reAuditCreated)) {
            _ = try a.reAudit(newID: AuditID("Z"), template: t, auditor: "c", due: day("2026-06-01"), by: "m", at: at)
        }
        try a.moderate(grade: .good, rationale: nil, by: "bob", at: at)
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .moderated, step: .moderated)) {
            try a.moderate(grade: .good, rationale: nil, by: "bob", at: at)
        }
        try a.addAction("Visit", owner: "w", due: day("2026-05-01"), by: "alice", at: at)
        try a.giveFeedback("Done", by: "alice", at: at)
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .feedbackGiven, step: .actionsComplete)) {
            try a.completeActions(by: "m", at: at)
        }
        #expect(throws: AuditWorkflowError.unknownAction(audit: a.id, number: 9)) { try a.completeAction(9, by: "m", at: at) }
    }

    @Test func aModeratorCannotModerateTheirOwnAudit() throws {
        var a = try submitted()
        try a.selectForModeration(by: "m", at: at)
        #expect(throws: AuditWorkflowError.moderatorIsAuditor(audit: a.id, user: "alice")) {
            try a.moderate(grade: .good, rationale: nil, by: "alice", at: at)
        }
        #expect(throws: AuditWorkflowError.blank(audit: a.id, field: "rationale")) {
            try a.moderate(grade: .inadequate, rationale: "  ", by: "bob", at: at)
        }
        try a.moderate(grade: .good, rationale: nil, by: "bob", at: at)
        #expect(a.moderation?.agrees == true)
    }

    @Test func submissionNamesEveryMissingRequiredAnswer() throws {
        var a = assigned()
        try a.saveDraft(
            answers: ["strengths": .init(value: "yes"), "notes": .init(value: "optional words")],
            template: t, by: "alice", at: at)
        #expect(a.status == .inProgress)
        let expected = [
            MissingAnswer(questionID: "lived", sectionID: "experience", text: "Is the child's lived experience evidenced?"),
            MissingAnswer(questionID: "quality", sectionID: "assessment", text: "Quality of assessment"),
            MissingAnswer(questionID: "oversight", sectionID: "oversight", text: "Is management oversight in line with standards?"),
            MissingAnswer(questionID: "grade", sectionID: "overall", text: "Overall grade"),
            MissingAnswer(questionID: "grade-rationale", sectionID: "overall", text: "Reasons for the overall grade"),
        ]
        #expect(throws: AuditWorkflowError.missingAnswers(audit: a.id, expected)) { try a.submit(template: t, by: "alice", at: at) }
        #expect(a.status == .inProgress && a.submittedAt == nil)
        // Evidence alone is not an answer.
        try a.saveDraft(answers: ["lived": .init(value: nil, evidence: "notes only")], template: t, by: "alice", at: at)
        #expect(a.missingAnswers(template: t).first?.questionID == "lived")
    }

    @Test func onlyTheAuditorDraftsAndSubmits() throws {
        var a = assigned()
        #expect(throws: AuditWorkflowError.notPermitted(audit: a.id, user: "mallory", step: .draftSaved)) {
            try a.saveDraft(answers: [:], template: t, by: "mallory", at: at)
        }
        try a.saveDraft(answers: fullAnswers, grade: .good, gradeRationale: "ok", template: t, by: "alice", at: at)
        #expect(throws: AuditWorkflowError.notPermitted(audit: a.id, user: "bob", step: .submitted)) {
            try a.submit(template: t, by: "bob", at: at)
        }
    }

    @Test func answersMustBeOptionsOfKnownQuestions() {
        var a = assigned()
        #expect(throws: AuditWorkflowError.invalidAnswer(audit: a.id, questionID: "lived", value: "maybe")) {
            try a.saveDraft(answers: ["lived": .init(value: "maybe")], template: t, by: "alice", at: at)
        }
        #expect(throws: AuditWorkflowError.invalidAnswer(audit: a.id, questionID: "nope", value: "yes")) {
            try a.saveDraft(answers: ["nope": .init(value: "yes")], template: t, by: "alice", at: at)
        }
        #expect(a.answers.isEmpty && a.status == .assigned)
    }

    @Test func aNewTemplateVersionNeverAltersAnAudit() throws {
        var a = try submitted()
        var v2 = t
        v2.version = 2
        v2.sections[0].questions[0].evidencedAnswers = ["yes", "partly"]
        #expect(throws: AuditWorkflowError.templateMismatch(audit: AuditID("X3"), expected: "case-file v1", given: "case-file v2")) {
            var b = assigned("X3")
            try b.saveDraft(answers: [:], template: v2, by: "alice", at: at)
        }
        #expect(a.templateVersion == 1 && a.evidenced[.livedExperience] == true)
        try a.giveFeedback("fine", by: "alice", at: at)
        try a.completeActions(by: "alice", at: at)
        let next = try a.reAudit(newID: AuditID("X4"), template: v2, auditor: "carol", due: day("2026-06-30"), by: "m", at: at)
        #expect(next.templateVersion == 2)
    }

    @Test func inadequateAuditsAreModeratedBeforeFeedback() throws {
        var a = try submitted(grade: .inadequate)
        #expect(throws: AuditWorkflowError.inadequateNeedsModeration(audit: a.id)) { try a.giveFeedback("x", by: "alice", at: at) }
        #expect(throws: AuditWorkflowError.blank(audit: a.id, field: "feedback")) {
            try a.selectForModeration(by: "m", at: at)
            try a.moderate(grade: .inadequate, rationale: nil, by: "bob", at: at)
            try a.giveFeedback("  ", by: "alice", at: at)
        }
    }

    @Test func partnerAuditorsAnswerOnlyTheirAgencysSection() throws {
        let m = QAFixtures.multiAgency
        var a = Audit.assign(
            id: AuditID("M1"), template: m, subject: .child(cid("C5")), caseKind: .cp, team: nil, auditor: "lead",
            partnerAuditors: [.police: "pc1", .health: "nurse1"], due: day("2026-04-30"), by: "manager", at: at)
        try a.saveDraft(answers: ["police-sharing": .init(value: "yes")], grade: .outstanding, template: m, by: "pc1", at: at)
        #expect(a.answers["police-sharing"]?.value == "yes" && a.grade == nil)
        #expect(throws: AuditWorkflowError.notPermitted(audit: a.id, user: "pc1", step: .draftSaved)) {
            try a.saveDraft(answers: ["health-sharing": .init(value: "yes")], template: m, by: "pc1", at: at)
        }
        #expect(throws: AuditWorkflowError.notPermitted(audit: a.id, user: "pc1", step: .submitted)) {
            try a.submit(template: m, by: "pc1", at: at)
        }
    }

    /// Issue 18: "a partner auditor can save a draft but not submit their section".
    @Test func aPartnerAuditorSubmitsTheirSectionOnceAnsweredAndCannotChangeItAfter() throws {
        let m = QAFixtures.multiAgency
        var a = Audit.assign(
            id: AuditID("M2"), template: m, subject: .child(cid("C6")), caseKind: .cp, team: nil, auditor: "lead",
            partnerAuditors: [.police: "pc1", .health: "nurse1"], due: day("2026-04-30"), by: "manager", at: at)
        #expect(throws: AuditWorkflowError.missingAnswers(audit: a.id, [MissingAnswer(questionID: "police-sharing", sectionID: "police", text: "Did Police share information?")])) {
            try a.submitSections(template: m, by: "pc1", at: at)
        }
        try a.saveDraft(answers: ["police-sharing": .init(value: "partly")], template: m, by: "pc1", at: at)
        #expect(try a.submitSections(template: m, by: "pc1", at: at) == [.police])
        #expect(a.submittedSections == [.police])
        #expect(a.events.last == AuditEvent(step: .sectionSubmitted, by: "pc1", at: at, detail: "police"))
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .inProgress, step: .draftSaved)) {
            try a.saveDraft(answers: ["police-sharing": .init(value: "no")], template: m, by: "pc1", at: at)
        }
        #expect(throws: AuditWorkflowError.illegalTransition(audit: a.id, from: .inProgress, step: .sectionSubmitted)) {
            try a.submitSections(template: m, by: "pc1", at: at)
        }
        #expect(throws: AuditWorkflowError.notPermitted(audit: a.id, user: "lead", step: .sectionSubmitted)) {
            try a.submitSections(template: m, by: "lead", at: at)
        }
        // The lead auditor still completes every section and the audit.
        try a.saveDraft(answers: ["police-sharing": .init(value: "yes")], template: m, by: "lead", at: at)
        #expect(a.answers["police-sharing"]?.value == "yes")
    }

    @Test func errorsReadAsPlainSentences() {
        let e = AuditWorkflowError.missingAnswers(audit: AuditID("A"), [MissingAnswer(questionID: "lived", sectionID: "s", text: "Lived?")])
        #expect(e.description.contains("lived (Lived?)"))
        #expect(AuditWorkflowError.moderatorIsAuditor(audit: AuditID("A"), user: "u").description.contains("cannot moderate"))
    }
}

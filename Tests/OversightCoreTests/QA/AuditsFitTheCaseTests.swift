import Foundation
import Testing

@testable import OversightCore

/// Audits that fit the case (issue 14, part 6): templates per kind of case, care leavers in the
/// cohort, alerts to the team manager with a recorded response, escalation of overdue audits,
/// and what multi-agency audits find, agency by agency.
@Suite struct AuditsFitTheCaseTests {
    static func template(_ id: String, kinds: [CaseKind] = [], type: AuditType = .caseFile) -> AuditTemplate {
        AuditTemplate(
            id: id, version: 1, type: type, title: id, caseKinds: kinds,
            sections: [
                AuditSection(
                    id: "s", title: "S", method: .familyConversation,
                    questions: [
                        AuditQuestion(id: "plan", text: "Is the plan SMART?", kind: .yesPartlyNo, required: true),
                        AuditQuestion(
                            id: "concern", text: "A safeguarding concern that needs action now?", kind: .yesNo, required: true,
                            alertAnswers: ["yes"]),
                    ])
            ])
    }

    @Test func aGenericTemplateGivesWayToTheOneForTheCasesKind() {
        let generic = Self.template("case-file"), cp = Self.template("case-file-cp", kinds: [.cp])
        let leaver = Self.template("case-file-care-leaver", kinds: [.careLeaver])
        let latest = [generic, cp, leaver]
        #expect(AuditTemplate.forCase(.cp, round: generic, latest: latest).id == "case-file-cp")
        #expect(AuditTemplate.forCase(.careLeaver, round: generic, latest: latest).id == "case-file-care-leaver")
        #expect(AuditTemplate.forCase(.cin, round: generic, latest: latest).id == "case-file") // none for CIN
        // A round on a template written for one kind keeps it for every case.
        #expect(AuditTemplate.forCase(.cin, round: cp, latest: latest).id == "case-file-cp")
        #expect(AuditTemplate.forCase(nil, round: generic, latest: latest).id == "case-file")
    }

    @Test func templatesNameTheirProblemsWithKindsAndAlerts() {
        var t = Self.template("s", kinds: [.cla], type: .supervision)
        #expect(t.problems().contains("template s: case kinds are only allowed in case file templates"))
        t = Self.template("c")
        t.sections[0].questions[0].alertAnswers = ["maybe"]
        #expect(t.problems().contains("section s, question plan: alert answer 'maybe' is not one of yes, partly, no"))
        #expect(Self.template("c").methods == [.familyConversation])
        #expect(AuditSection(id: "x", title: "X", questions: []).method == .recordReview)
    }

    /// Care leavers join the cohort: aged 17 to 21 on the day, an OC3 row of this collection year
    /// or the one before, not died or returned home, and no other open case.
    @Test func careLeaversAreInTheCohortAsTheirOwnKind() {
        let d = day("2025-03-31") // collection year 2025
        let data = caseData(
            cla: [episode("L4", "2025-01-01")],
            headers: [CLAHeader(child: cid("L5"), birthDate: df("2006-05-01"))],
            oc3: [
                CareLeaverRecord(child: cid("L1"), birthDate: df("2006-06-01"), inTouch: "YES", collectionYear: 2025), // 18
                CareLeaverRecord(child: cid("L2"), birthDate: df("2003-03-31"), inTouch: "YES", collectionYear: 2025), // 22 today: out
                CareLeaverRecord(child: cid("L3"), birthDate: df("2006-06-01"), inTouch: "DIED", collectionYear: 2025),
                CareLeaverRecord(child: cid("L4"), birthDate: df("2007-01-01"), inTouch: "YES", collectionYear: 2025), // looked after
                CareLeaverRecord(child: cid("L5"), birthDate: .missing, inTouch: "NO", collectionYear: 2024), // header's birth date
                CareLeaverRecord(child: cid("L6"), birthDate: df("2006-06-01"), inTouch: "YES", collectionYear: 2023), // too old a return
                CareLeaverRecord(child: cid("L7"), birthDate: df("2008-04-01"), inTouch: "YES", collectionYear: 2025), // 17 tomorrow
            ])
        #expect(AuditCohort.careLeavers(data, on: d).map(\.rawValue).sorted() == ["L1", "L4", "L5"])
        let cohort = AuditCohort.compute(.allOpenCases, data: data, on: d)
        #expect(cohort.map { "\($0.child.rawValue):\($0.caseKind.rawValue)" } == ["L1:care-leaver", "L4:cla", "L5:care-leaver"])
    }

    func submitted(_ answers: [String: String], grade: Grade, template t: AuditTemplate) throws -> Audit {
        var a = Audit.assign(
            id: AuditID("A1"), template: t, subject: .child(cid("C1")), caseKind: .cp, team: "CP team 1", auditor: "auditor1",
            due: day("2026-04-30"), by: "lead", at: QAFixtures.noon("2026-04-01"))
        try a.saveDraft(
            answers: answers.mapValues { AuditAnswer(value: $0) }, grade: grade, gradeRationale: "as the file shows", template: t,
            by: "auditor1", at: QAFixtures.noon("2026-04-02"))
        try a.submit(template: t, by: "auditor1", at: QAFixtures.noon("2026-04-03"))
        return a
    }

    @Test func aSafeguardingConcernOrInadequateAlertsAndWaitsForAResponse() throws {
        let t = Self.template("case-file-cp", kinds: [.cp])
        let quiet = try submitted(["plan": "yes", "concern": "no"], grade: .good, template: t)
        #expect(quiet.alert == nil)
        var a = try submitted(["plan": "no", "concern": "yes"], grade: .inadequate, template: t)
        let alert = try #require(a.alert)
        #expect(alert.reasons == [.inadequate, .safeguarding] && alert.isOpen && alert.team == "CP team 1")
        #expect(alert.raisedAt == QAFixtures.noon("2026-04-03"))
        #expect(throws: AuditWorkflowError.blank(audit: a.id, field: "response")) {
            try a.respondToAlert("  ", by: "tm1", at: QAFixtures.noon("2026-04-04"))
        }
        try a.respondToAlert("Strategy discussion held the same day", by: "tm1", at: QAFixtures.noon("2026-04-04"))
        #expect(a.alert?.isOpen == false && a.alert?.response == "Strategy discussion held the same day" && a.alert?.respondedBy == "tm1")
        // Once answered it stays answered.
        #expect(throws: AuditWorkflowError.self) { try a.respondToAlert("again", by: "tm1", at: QAFixtures.noon("2026-04-05")) }
        // No alert, no response.
        var b = quiet
        #expect(throws: AuditWorkflowError.self) { try b.respondToAlert("nothing to say", by: "tm1", at: QAFixtures.noon("2026-04-05")) }
    }

    @Test func aModeratorsInadequateAlertsWhenTheAuditorsDidNot() throws {
        let t = Self.template("case-file-cp", kinds: [.cp])
        var a = try submitted(["plan": "partly", "concern": "no"], grade: .requiresImprovement, template: t)
        #expect(a.alert == nil)
        try a.selectForModeration(by: "system", at: QAFixtures.noon("2026-04-03"))
        try a.moderate(grade: .inadequate, rationale: "risk not assessed", by: "mod1", at: QAFixtures.noon("2026-04-06"))
        #expect(a.alert?.reasons == [.inadequate] && a.alert?.raisedAt == QAFixtures.noon("2026-04-06"))
    }

    @Test func anOverdueAuditIsEscalatedOnce() {
        var a = Audit.assign(
            id: AuditID("A2"), template: Self.template("case-file"), subject: .child(cid("C2")), caseKind: .cin, team: nil,
            auditor: "auditor1", due: day("2026-04-30"), by: "lead", at: QAFixtures.noon("2026-04-01"))
        #expect(!a.isOverdue(on: day("2026-04-30")) && a.isOverdue(on: day("2026-05-01")))
        let early = a.escalate(to: ["tm1"], on: day("2026-04-30"), by: "system", at: QAFixtures.noon("2026-04-30"))
        let late = a.escalate(to: ["tm1"], on: day("2026-05-01"), by: "system", at: QAFixtures.noon("2026-05-01"))
        let again = a.escalate(to: ["tm1"], on: day("2026-05-02"), by: "system", at: QAFixtures.noon("2026-05-02"))
        #expect(!early && late && !again)
        #expect(a.isEscalated && a.events.filter { $0.step == .escalated }.map(\.detail) == ["tm1"])
    }

    /// Two multi-agency audits in April: police graded Good and Inadequate, health Good; one
    /// audit overall Requires improvement, the other Inadequate.
    @Test func multiAgencyAuditsGiveAQualityMeasureAndFindingsByAgency() throws {
        let sections = [PartnerAgency.police, .health].map { ag in
            AuditSection(
                id: ag.rawValue, title: ag.title, agency: ag,
                questions: [
                    AuditQuestion(id: "\(ag.rawValue)-sharing", text: "Shared information?", kind: .yesPartlyNo, required: true),
                    AuditQuestion(id: "\(ag.rawValue)-grade", text: "The agency's work", kind: .judgement, required: true),
                ])
        }
        let t = AuditTemplate(id: "multi-agency", version: 1, type: .multiAgency, title: "Multi-agency", sections: sections)
        func audit(_ id: String, overall: Grade, police: (String, Grade), health: (String, Grade)?) throws -> Audit {
            var a = Audit.assign(
                id: AuditID(id), template: t, subject: .child(cid("C-\(id)")), caseKind: .cp, team: nil, auditor: "lead1",
                partnerAuditors: [.police: "pc1"], due: day("2026-04-30"), by: "qa", at: QAFixtures.noon("2026-04-01"))
            try a.saveDraft(
                answers: ["police-sharing": AuditAnswer(value: police.0), "police-grade": AuditAnswer(value: police.1.rawValue)], template: t,
                by: "pc1", at: QAFixtures.noon("2026-04-02"))
            try a.submitSections(template: t, by: "pc1", at: QAFixtures.noon("2026-04-02"))
            var rest: [String: AuditAnswer] = [:]
            if let health { rest = ["health-sharing": AuditAnswer(value: health.0), "health-grade": AuditAnswer(value: health.1.rawValue)] }
            try a.saveDraft(answers: rest, grade: overall, gradeRationale: "as found", template: t, by: "lead1", at: QAFixtures.noon("2026-04-03"))
            if health == nil { return a } // not submittable: health's section is unanswered
            try a.submit(template: t, by: "lead1", at: QAFixtures.noon("2026-04-04"))
            return a
        }
        let audits = [
            try audit("M1", overall: .requiresImprovement, police: ("yes", .good), health: ("partly", .good)),
            try audit("M2", overall: .inadequate, police: ("no", .inadequate), health: ("yes", .good)),
            try audit("M3", overall: .good, police: ("yes", .good), health: nil), // a draft: counts nowhere
        ]
        let april = Period.month(year: 2026, month: 4)
        let r = try #require(QAMeasures.compute(id: "multi_agency_audits_ri_or_better_pct", audits: audits, period: april, reportDate: day("2026-04-30")))
        #expect(r.numerator == 1 && r.denominator == 2 && r.value == 50)
        let findings = AgencyFinding.compute(audits: audits, templates: [t], period: april, reportDate: day("2026-04-30"))
        #expect(findings.map(\.agency) == [.police, .health])
        #expect(findings[0].audits == 2 && findings[0].grades == [.good: 1, .inadequate: 1] && findings[0].riOrBetterPercent == 50)
        #expect(findings[0].answered == 2 && findings[0].yes == 1 && findings[0].yesPercent == 50)
        #expect(findings[1].grades == [.good: 2] && findings[1].yesPercent == 50)
        // Without the template version the audits were done on, there is nothing to say.
        #expect(AgencyFinding.compute(audits: audits, templates: [], period: april, reportDate: day("2026-04-30")).isEmpty)
        let summary = LearningSummary.compute(audits: audits, templates: [t], period: april, reportDate: day("2026-04-30"))
        #expect(summary.agencies == findings && summary.plainText.contains("- Police: 2 audit(s); Outstanding 0, Good 1"))
    }
}

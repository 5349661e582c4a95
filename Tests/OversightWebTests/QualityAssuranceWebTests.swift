import Foundation
import NIOCore
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor

/// The quality assurance pages as auditors, moderators and partners use them.
@Suite(.serialized) struct QualityAssuranceWebTests {
    /// A case file audit of a fixture child assigned to `auditor`, on the shipped template.
    static func assign(_ h: WebHarness, to auditor: String, partners: [PartnerAgency: String] = [:], template: String = "case-file") async throws -> Audit {
        let repo = h.store.audits()
        if try await repo.latestTemplates(authority: WebFixtures.authority).isEmpty {
            _ = try await repo.installShippedTemplates(authority: WebFixtures.authority, by: "test")
        }
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let child = try #require(snapshot.engine.data.cinChildren.keys.sorted { $0.rawValue < $1.rawValue }.first)
        return try await repo.assign(
            templateID: template, subject: .child(child), caseKind: .cin, team: "Assessment", auditor: auditor,
            partnerAuditors: partners, due: Day(year: 2025, month: 3, day: 31)!, authority: WebFixtures.authority, by: "test")
    }

    /// Every required answer of the template, as the form posts them.
    static func completeForm(_ template: AuditTemplate) -> [String: String] {
        var form: [String: String] = ["intent": "submit", "grade": Grade.good.rawValue, "grade-rationale": "Clear plan, child's voice heard."]
        for q in template.questions {
            form["answer-\(q.id)"] = q.kind.options.first ?? "Evidence in the record."
            form["evidence-\(q.id)"] = "Seen in the case record."
        }
        return form
    }

    @Test func anAuditIsCompletedSubmittedAndModeratedButNeverByItsAuditor() async throws {
        let h = try await WebHarness.start()
        let audit = try await Self.assign(h, to: "user-auditor")
        let mine = try await h.send(.GET, "/audits", as: .auditor)
        #expect(mine.body.string.contains("/audits/\(audit.id.rawValue)"))
        // Another auditor may not open it.
        #expect(try await h.send(.GET, "/audits/\(audit.id.rawValue)", as: .manager).status == .forbidden)
        // Submitting with answers missing: the error summary links to each question; nothing is submitted.
        let incomplete = try await h.send(.POST, "/audits/\(audit.id.rawValue)", as: .auditor, form: ["intent": "submit"])
        #expect(incomplete.status == .unprocessableEntity)
        #expect(incomplete.body.string.contains("There is a problem"))
        #expect(incomplete.body.string.contains("href=\"#q-"))
        let template = try await h.store.audits().template(of: audit, authority: WebFixtures.authority)
        let done = try await h.send(.POST, "/audits/\(audit.id.rawValue)", as: .auditor, form: Self.completeForm(template))
        #expect(done.status == .seeOther)
        let submitted = try #require(try await h.store.audits().audit(audit.id, authority: WebFixtures.authority))
        #expect(submitted.status.isSubmitted && submitted.grade == .good)
        // Moderation: by a moderator, not by the auditor.
        _ = try await h.store.audits().selectForModeration(audit.id, authority: WebFixtures.authority, by: "test")
        #expect(try await h.send(.GET, "/audits/moderation", as: .moderator).body.string.contains("/audits/\(audit.id.rawValue)/moderate"))
        let noRationale = try await h.send(.POST, "/audits/\(audit.id.rawValue)/moderate", as: .moderator, form: ["grade": Grade.requiresImprovement.rawValue])
        #expect(noRationale.status == .unprocessableEntity)
        let moderated = try await h.send(
            .POST, "/audits/\(audit.id.rawValue)/moderate", as: .moderator,
            form: ["grade": Grade.requiresImprovement.rawValue, "rationale": "Plan not SMART."])
        #expect(moderated.status == .seeOther)
        #expect(try await h.store.audits().audit(audit.id, authority: WebFixtures.authority)?.finalGrade == .requiresImprovement)
        // The QA measures on the measure page count it.
        let page = try await h.send(.GET, "/measures/audits_ri_or_better_pct?kind=year&year=2025", as: .analyst)
        #expect(page.status == .ok)
        await h.shutdown()
    }

    @Test func aModeratorCannotModerateTheirOwnAudit() async throws {
        let h = try await WebHarness.start()
        let audit = try await Self.assign(h, to: "user-moderator")
        let template = try await h.store.audits().template(of: audit, authority: WebFixtures.authority)
        #expect(try await h.send(.POST, "/audits/\(audit.id.rawValue)", as: .moderator, form: Self.completeForm(template)).status == .seeOther)
        _ = try await h.store.audits().selectForModeration(audit.id, authority: WebFixtures.authority, by: "test")
        #expect(!(try await h.send(.GET, "/audits/moderation", as: .moderator).body.string.contains(audit.id.rawValue)))
        let own = try await h.send(
            .POST, "/audits/\(audit.id.rawValue)/moderate", as: .moderator,
            form: ["grade": Grade.good.rawValue, "rationale": "Agree."])
        #expect(own.status == .forbidden)
        await h.shutdown()
    }

    @Test func partnerAuditorsSeeOnlyTheirAgencysSectionOfTheirAudits() async throws {
        let h = try await WebHarness.start()
        let theirs = try await Self.assign(h, to: "user-manager", partners: [.police: "user-partner-auditor"], template: "multi-agency")
        let other = try await Self.assign(h, to: "user-manager")
        let list = try await h.send(.GET, "/audits", as: .partnerAuditor)
        #expect(list.body.string.contains(theirs.id.rawValue) && !list.body.string.contains(other.id.rawValue))
        let form = try await h.send(.GET, "/audits/\(theirs.id.rawValue)", as: .partnerAuditor)
        #expect(form.status == .ok)
        #expect(form.body.string.contains("Police") && !form.body.string.contains("Overall grade"))
        #expect(try await h.send(.GET, "/audits/\(other.id.rawValue)", as: .partnerAuditor).status == .forbidden)
        #expect(try await h.send(.GET, "/", as: .partnerAuditor).headers.first(name: .location) == "/audits")
        await h.shutdown()
    }

    @Test func feedbackAndActionsAreTrackedToCompletion() async throws {
        let h = try await WebHarness.start()
        let audit = try await Self.assign(h, to: "user-auditor")
        let template = try await h.store.audits().template(of: audit, authority: WebFixtures.authority)
        #expect(try await h.send(.POST, "/audits/\(audit.id.rawValue)", as: .auditor, form: Self.completeForm(template)).status == .seeOther)
        // The auditor sees the review of their submitted audit but cannot give feedback.
        #expect(try await h.send(.GET, "/audits/\(audit.id.rawValue)/review", as: .auditor).status == .ok)
        #expect(try await h.send(.POST, "/audits/\(audit.id.rawValue)/feedback", as: .auditor, form: ["feedback": "x"]).status == .forbidden)
        let blank = try await h.send(.POST, "/audits/\(audit.id.rawValue)/feedback", as: .manager, form: ["feedback": " "])
        #expect(blank.status == .unprocessableEntity)
        #expect(try await h.send(.POST, "/audits/\(audit.id.rawValue)/feedback", as: .manager, form: ["feedback": "Good work on the plan."]).status == .seeOther)
        #expect(
            try await h.send(
                .POST, "/audits/\(audit.id.rawValue)/actions", as: .manager,
                form: ["text": "Update the chronology", "owner": "user-auditor", "due": "2025-05-30"]
            ).status == .seeOther)
        #expect(try await h.send(.POST, "/audits/\(audit.id.rawValue)/actions/1/done", as: .manager).status == .seeOther)
        let done = try #require(try await h.store.audits().audit(audit.id, authority: WebFixtures.authority))
        #expect(done.status == .actionsComplete && done.feedback == "Good work on the plan." && done.actions.allSatisfy(\.isDone))
        await h.shutdown()
    }

    @Test func supervisionSessionsAreEnteredWithTheirErrorsShown() async throws {
        let h = try await WebHarness.start(importData: false)
        let bad = try await h.send(.POST, "/audits/supervision", as: .manager, form: ["worker": "W7", "date": "14/03/2025", "kind": "formal"])
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.string.contains("href=\"#date\"") && bad.body.string.contains("href=\"#reflective\""))
        #expect(bad.body.string.contains("value=\"W7\""))
        let ok = try await h.send(.POST, "/audits/supervision", as: .manager, form: ["worker": "W7", "date": "2025-03-14", "kind": "formal", "reflective": "Y"])
        #expect(ok.status == .ok)
        #expect(try await h.store.audits().supervisionSessions(authority: WebFixtures.authority).count == 1)
        #expect(try await h.send(.POST, "/audits/supervision/standards", as: .manager, form: ["role": "social worker", "days": "0"]).status == .unprocessableEntity)
        #expect(try await h.send(.POST, "/audits/supervision/standards", as: .manager, form: ["role": "social worker", "days": "21"]).status == .ok)
        #expect(try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority).supervisionIntervalDays == 21)
        let text = try await h.send(.GET, "/audits/learning.txt", as: .strategicLead)
        #expect(text.status == .ok && text.headers.contentType?.subType == "plain")
        await h.shutdown()
    }

    @Test func aMultiAgencyAuditIsStartedWithAPartnerForAnAgencysSection() async throws {
        let h = try await WebHarness.start()
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let child = try #require(snapshot.engine.data.cinChildren.keys.sorted { $0.rawValue < $1.rawValue }.first).rawValue
        let bad = try await h.send(.POST, "/audits/multi-agency", as: .manager, form: ["child": "NO-SUCH-CHILD", "auditor": "", "due": "soon"])
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.string.contains("href=\"#child\"") && bad.body.string.contains("href=\"#auditor\"") && bad.body.string.contains("href=\"#due\""))
        let ok = try await h.send(
            .POST, "/audits/multi-agency", as: .manager,
            form: ["child": child, "auditor": "user-manager", "partner-police": "user-partner-auditor", "due": "2025-06-30"])
        #expect(ok.status == .ok)
        let mine = try await h.send(.GET, "/audits", as: .partnerAuditor)
        #expect(mine.body.string.contains("/audits/"))
        #expect(try await h.store.audits().allAudits(authority: WebFixtures.authority).contains { $0.partnerAuditors[.police] == "user-partner-auditor" })
        await h.shutdown()
    }
}

/// Issue 18: "Audit rounds: each round's name links back to the rounds page (no page per round)".
@Suite(.serialized) struct RoundPageWebTests {
    @Test func eachRoundHasItsOwnPage() async throws {
        let h = try await WebHarness.start(importData: false)
        let round = AuditRound(
            id: "round-march", name: "March case files", month: .month(year: 2025, month: 3), cohort: .team("Assessment"),
            cohortDay: Day(year: 2025, month: 3, day: 1)!, sampleSize: 4, seed: 7, moderationRatePercent: 25,
            dueDate: Day(year: 2025, month: 3, day: 28)!, templateID: "case-file")
        _ = try await h.store.audits().installShippedTemplates(authority: WebFixtures.authority, by: "test")
        try await h.store.audits().insert(rounds: [round], audits: [], authority: WebFixtures.authority, by: "test")
        let list = try await h.send(.GET, "/audits/rounds", as: .manager)
        #expect(list.body.string.contains("href=\"/audits/rounds/round-march\""), "the round's name does not open its page")
        let page = try await h.send(.GET, "/audits/rounds/round-march", as: .manager)
        #expect(page.status == .ok)
        #expect(page.body.string.contains("March case files") && page.body.string.contains("Moderation rate"))
        #expect(try await h.send(.GET, "/audits/rounds/no-such-round", as: .manager).status == .notFound)
        #expect(try await h.send(.GET, "/audits/rounds/round-march", as: .auditor).status == .forbidden)
        await h.shutdown()
    }
}

/// Issue 18: "'What we learned' covers the 12 months to today whatever the data's period, with no
/// period choice". It opens on the 12 months to the latest submitted audit and offers the periods.
@Suite(.serialized) struct LearningPeriodWebTests {
    @Test func theLearningPageOpensOnTheAuditsThereAreAndOffersPeriods() async throws {
        let h = try await WebHarness.start()
        let audit = try await QualityAssuranceWebTests.assign(h, to: "user-auditor")
        // Submitted in February 2025, long before today.
        let past = h.store.audits(clock: { Date(timeIntervalSince1970: 1_739_000_000) })
        let template = try await past.template(of: audit, authority: WebFixtures.authority)
        var answers: [String: AuditAnswer] = [:]
        for q in template.questions { answers[q.id] = AuditAnswer(value: q.kind.options.first ?? "Evidence in the record.", evidence: "Seen.") }
        try await past.saveDraft(
            audit.id, answers: answers, grade: .good, gradeRationale: "Clear plan.", strengths: ["Child's voice heard"], authority: WebFixtures.authority,
            by: "user-auditor")
        try await past.submit(audit.id, authority: WebFixtures.authority, by: "user-auditor")
        let page = try await h.send(.GET, "/audits/learning", as: .manager)
        #expect(page.status == .ok)
        let html = page.body.string
        #expect(html.contains("1 audit submitted in the period"), "the default period missed the audit submitted in February 2025")
        #expect(html.contains("12 months to February 2025") && html.contains(">2024-25<"))
        #expect(html.contains("name=\"period\""))
        #expect(html.contains("/audits/learning.txt?period="))
        let year = try await h.send(.GET, "/audits/learning?period=2023-24", as: .manager)
        #expect(year.body.string.contains("0 audits submitted in the period"))
        await h.shutdown()
    }
}

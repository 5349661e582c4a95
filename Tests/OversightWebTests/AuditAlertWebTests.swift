import Foundation
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor

/// Audits that alert (issue 14, part 6): a safeguarding concern alerts the child's team manager
/// at once, by e-mail through a real SMTP server on loopback (aiosmtpd, Debian's
/// python3-aiosmtpd) and on their home page, until they record a response; overdue audits are
/// escalated to the auditor's manager; the learning page shows findings by agency.
@Suite(.serialized) struct AuditAlertWebTests {
    @Test func aSafeguardingConcernAlertsTheTeamManagerAtOnceAndWaitsForTheirResponse() async throws {
        try #require(ReminderTests.hasServer, "install the Debian package python3-aiosmtpd (a real SMTP server for this test)")
        let server = try ReminderTests.MailServer()
        defer { server.stop() }
        let h = try await WebHarness.start(mailer: SMTPMailer(host: "127.0.0.1", port: server.port, from: "oversight@council.example"))
        let la = WebFixtures.authority
        let accounts = h.store.accounts(hasher: TestHasher())
        // The harness's manager has no team: the service's manager, alerted when no team manager matches.
        try await accounts.setEmail(username: "user-manager", authority: la, email: "manager@example.org")
        let audit = try await QualityAssuranceWebTests.assign(h, to: "user-auditor", template: "case-file-cp")
        let template = try await h.store.audits().template(of: audit, authority: la)
        #expect(template.question("safeguarding-concern") != nil)
        var form = QualityAssuranceWebTests.completeForm(template)
        form["answer-safeguarding-concern"] = "yes"
        form["evidence-safeguarding-concern"] = "Synthetic: bruising seen at the visit, not followed up."
        let submitted = try await h.send(.POST, "/audits/\(audit.id.rawValue)", as: .auditor, form: form)
        #expect(submitted.status == .seeOther)

        // At once (a job this process runs straight away): one e-mail to the manager, naming
        // the audit and why, never the child.
        var mail = server.messages()
        for _ in 0..<100 where mail.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            mail = server.messages()
        }
        try #require(mail.count == 1)
        #expect(mail[0].contains("To: <manager@example.org>") && mail[0].contains("Subject: Oversight: audit \(audit.id.rawValue) needs your response"))
        #expect(mail[0].contains("- Safeguarding concern recorded") && !mail[0].contains(audit.subject.child?.rawValue ?? "?"))
        // On the manager's home page, and the alerts page.
        #expect(try await h.send(.GET, "/", as: .manager).body.string.contains("1 audit alert waits for your response"))
        let page = try await h.send(.GET, "/audits/alerts", as: .manager)
        #expect(page.status == .ok && page.body.string.contains("Waiting for a response (1)") && page.body.string.contains("Yours"))
        #expect(try await h.send(.GET, "/audits/alerts", as: .boardMember).status == .forbidden)

        // The review page asks for the response; a blank one is refused, naming the field.
        let review = try await h.send(.GET, "/audits/\(audit.id.rawValue)/review", as: .manager)
        #expect(review.body.string.contains("Alert to the team manager") && review.body.string.contains("Record the response"))
        let blank = try await h.send(.POST, "/audits/\(audit.id.rawValue)/alert-response", as: .manager, form: ["response": " "])
        #expect(blank.status == .unprocessableEntity && blank.body.string.contains("Enter your response"))
        // A moderator is not the manager alerted.
        #expect(try await h.send(.POST, "/audits/\(audit.id.rawValue)/alert-response", as: .moderator, form: ["response": "x"]).status == .forbidden)
        let answered = try await h.send(
            .POST, "/audits/\(audit.id.rawValue)/alert-response", as: .manager, form: ["response": "Strategy discussion held today."])
        #expect(answered.status == .seeOther)
        let stored = try #require(try await h.store.audits().audit(audit.id, authority: la))
        #expect(stored.alert?.response == "Strategy discussion held today." && stored.alert?.respondedBy == "user-manager")
        #expect(!(try await h.send(.GET, "/", as: .manager).body.string.contains("audit alert waits")))
        #expect(try await h.send(.GET, "/audits/alerts", as: .manager).body.string.contains("Answered (latest 1)"))
        // Nothing more is sent for an alert already sent.
        #expect(server.messages().count == 1)
        await h.shutdown()
    }

    @Test func overdueAuditsAreEscalatedToTheAuditorsManagerOnce() async throws {
        try #require(ReminderTests.hasServer, "install the Debian package python3-aiosmtpd (a real SMTP server for this test)")
        let server = try ReminderTests.MailServer()
        defer { server.stop() }
        let h = try await WebHarness.start()
        let la = WebFixtures.authority
        let accounts = h.store.accounts(hasher: TestHasher())
        try await accounts.addUser(
            authority: la, username: "ann.auditor", displayName: "Ann Auditor", role: .auditor, password: WebFixtures.password, team: "CP team 1")
        try await accounts.addUser(
            authority: la, username: "tess.manager", displayName: "Tess Manager", role: .manager, password: WebFixtures.password,
            team: "CP team 1", email: "tess@example.org")
        // Due 31 March 2025 (the fixture's assignment), and not submitted.
        let audit = try await QualityAssuranceWebTests.assign(h, to: "ann.auditor")
        let today = Day(year: 2025, month: 4, day: 3)!
        let service = ReminderService(
            store: h.store, mailer: SMTPMailer(host: "127.0.0.1", port: server.port, from: "oversight@council.example"), link: "https://oversight.example")
        let first = try await service.send(authority: la, today: today)
        #expect(first.escalated == [audit.id] && first.sent == ["tess@example.org"])
        let mail = server.messages()
        try #require(mail.count == 1)
        #expect(mail[0].contains("Subject: Oversight: 1 overdue audit escalated to you") && mail[0].contains("auditor ann.auditor"))
        #expect(mail[0].contains("3 days ago"))
        let stored = try #require(try await h.store.audits().audit(audit.id, authority: la))
        #expect(stored.isEscalated && stored.events.last?.detail == "tess.manager")
        // Once: the next day's run escalates nothing more.
        let next = try await service.send(authority: la, today: today.adding(days: 1))
        #expect(next.escalated.isEmpty && server.messages().count == 1)
        await h.shutdown()
    }

    @Test func theLearningPageShowsMultiAgencyFindingsByAgency() async throws {
        let h = try await WebHarness.start()
        let la = WebFixtures.authority
        let audit = try await QualityAssuranceWebTests.assign(h, to: "user-manager", partners: [.police: "user-partner-auditor"], template: "multi-agency")
        let template = try await h.store.audits().template(of: audit, authority: la)
        var answers: [String: AuditAnswer] = [:]
        for q in template.questions { answers[q.id] = AuditAnswer(value: q.kind == .judgement ? "good" : q.kind.options.first ?? "Notes") }
        let repo = h.store.audits()
        try await repo.saveDraft(audit.id, answers: answers, grade: .good, gradeRationale: "Partners worked well together", authority: la, by: "user-manager")
        _ = try await repo.submit(audit.id, authority: la, by: "user-manager")
        let submittedOn = Day(try #require(try await repo.audit(audit.id, authority: la)?.submittedAt))
        let page = try await h.send(.GET, "/audits/learning?period=\(Period.reportingYear(submittedOn.collectionYear).description)", as: .analyst)
        #expect(page.status == .ok && page.body.string.contains("Multi-agency audits: findings by agency"))
        #expect(page.body.string.contains("<td>Police</td>") && page.body.string.contains("<td>Early help</td>"))
        await h.shutdown()
    }
}

import Foundation
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Issue 16, finding 7: starting a multi-agency audit assigns only the authority's own users: a
/// lead who may audit, and for each agency's section a partner auditor of that agency.
@Suite(.serialized) struct MultiAgencyTests {
    @Test func onlyTheAuthoritysUsersWithTheRightRoleAndAgencyAreAssigned() async throws {
        let h = try await WebHarness.start()
        let accounts = h.store.accounts(hasher: TestHasher())
        try await accounts.addUser(authority: "352", username: "elsewhere", displayName: "Other authority", role: .auditor, password: "pebble orchard falcon")
        try await accounts.addUser(
            authority: "352", username: "other-police", displayName: "Other police", role: .partnerAuditor,
            password: "pebble orchard falcon", agency: "police")
        try await accounts.addUser(authority: WebFixtures.authority, username: "gone", displayName: "Gone", role: .auditor, password: "pebble orchard falcon")
        try await accounts.setDisabled(true, username: "gone", authority: WebFixtures.authority)
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let child = try #require(snapshot.engine.data.cinChildren.keys.sorted().first).rawValue
        let good = ["child": child, "auditor": "user-auditor", "partner-police": "user-partner-auditor", "due": "2025-06-30"]

        for (label, change, field) in [
            ("a lead from another authority", ["auditor": "elsewhere"], "auditor"),
            ("a lead who does not audit", ["auditor": "user-board-member"], "auditor"),
            ("a disabled lead", ["auditor": "gone"], "auditor"),
            ("a lead nobody has", ["auditor": "nobody-at-all"], "auditor"),
            ("a partner from another authority", ["partner-police": "other-police"], "partner-police"),
            ("a partner of another agency", ["partner-police": "", "partner-health": "user-partner-auditor"], "partner-health"),
            ("a partner who is not a partner auditor", ["partner-police": "user-manager"], "partner-police"),
        ] {
            let res = try await h.send(.POST, "/audits/multi-agency", as: .manager, form: good.merging(change) { _, new in new })
            #expect(res.status == .unprocessableEntity, "\(label)")
            #expect(res.body.string.contains("href=\"#\(field)\""), "\(label): no error on \(field)")
        }
        #expect(try await h.store.audits().allAudits(authority: WebFixtures.authority).isEmpty)
        #expect(try await h.store.audits().allAudits(authority: "352").isEmpty)

        let ok = try await h.send(.POST, "/audits/multi-agency", as: .manager, form: good)
        #expect(ok.status == .ok)
        #expect(try await h.store.audits().allAudits(authority: WebFixtures.authority).count == 1)
        await h.shutdown()
    }

    /// Issue 18: "a partner auditor can save a draft but not submit their section".
    @Test func aPartnerAuditorSubmitsTheirSectionAndTheLeadSeesIt() async throws {
        let h = try await WebHarness.start()
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let child = try #require(snapshot.engine.data.cinChildren.keys.sorted().first).rawValue
        let started = try await h.send(
            .POST, "/audits/multi-agency", as: .manager,
            form: ["child": child, "auditor": "user-auditor", "partner-police": "user-partner-auditor", "due": "2025-06-30"])
        #expect(started.status == .ok)
        let audit = try #require(try await h.store.audits().allAudits(authority: WebFixtures.authority).first)
        let path = "/audits/\(audit.id.rawValue)"
        let form = try await h.send(.GET, path, as: .partnerAuditor).body.string
        #expect(form.contains("value=\"submit\">Submit my section</button>"))
        // Unanswered: the error summary names the questions; nothing is submitted.
        let early = try await h.send(.POST, path, as: .partnerAuditor, form: ["intent": "submit"])
        #expect(early.status == .unprocessableEntity)
        #expect(early.body.string.contains("href=\"#q-police-information-sharing\""))
        #expect(try await h.store.audits().allAudits(authority: WebFixtures.authority).first?.submittedSections.isEmpty == true)
        let answers = [
            "answer-police-information-sharing": "yes", "answer-police-contribution": "partly", "answer-police-child-voice": "yes",
            "answer-police-grade": "good",
        ]
        let done = try await h.send(.POST, path, as: .partnerAuditor, form: answers.merging(["intent": "submit"]) { a, _ in a })
        #expect(done.headers.first(name: .location) == "/audits?notice=section")
        #expect(try await h.store.audits().allAudits(authority: WebFixtures.authority).first?.submittedSections == [.police])
        // Afterwards the partner sees that it is submitted, and the lead sees who submitted it.
        #expect(try await h.send(.GET, path, as: .partnerAuditor).body.string.contains("You submitted your section on"))
        #expect(try await h.send(.GET, path, as: .auditor).body.string.contains("Submitted by user-partner-auditor"))
        #expect(try await h.send(.POST, path, as: .partnerAuditor, form: ["answer-police-contribution": "no", "intent": "save"]).status == .unprocessableEntity)
        await h.shutdown()
    }
}

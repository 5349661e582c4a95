import Foundation
import OversightApp
import OversightCore
import OversightFormats
@testable import OversightStore
import SQLKit
import Synchronization
import Testing

extension StoreTests {
    /// `FeedbackRepository` and `FeedbackLinks` on SQLite (and PostgreSQL when configured): forms
    /// and their versions, responses recorded by a practitioner, one-time links (token kept only as
    /// a hash, expiry, single use, withdrawal), every number-changing write raising the revision,
    /// and the feedback measures served by `AuthorityNumbers`.
    @Suite struct FeedbackRepositoryTests {
        static let start = Date(timeIntervalSince1970: Double(Day(year: 2025, month: 1, day: 10)!.ordinal) * 86_400 + 43_200)
        static let answers = ["right-help": "agree", "better": "strongly-agree", "lasted": "agree", "comments": "Thank you"]

        /// A clock the test moves on.
        final class Clock: Sendable {
            let now = Mutex(FeedbackRepositoryTests.start)
            var read: @Sendable () -> Date { { self.now.withLock { $0 } } }
            func advance(days: Double) { now.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
        }

        @Test(arguments: TestBackend.all)
        func practitionerResponsesRaiseTheRevisionAndFeedTheMeasures(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = Clock()
            let repo = store.feedback(authority: "358", clock: clock.read)
            #expect(try await repo.forms().map(\.id) == ["family-help", "tdas"])
            for i in 0..<5 {
                let before = try await store.revision(authority: "358")
                let r = try await repo.record(
                    formID: "family-help", answers: i == 0 ? ["right-help": "disagree", "better": "agree", "lasted": "agree"] : Self.answers,
                    respondent: .parentCarer, team: "Team A", child: "C000001", by: "worker")
                #expect(try await store.revision(authority: "358") == before + 1)
                #expect(r.child == "C000001")
                #expect(r.channel == .practitioner)
            }
            // Refused answers store nothing and leave the revision.
            let before = try await store.revision(authority: "358")
            await #expect(throws: FeedbackRejected.self) {
                try await repo.record(formID: "family-help", answers: ["right-help": "maybe"], respondent: .parentCarer, team: nil, child: nil, by: "w")
            }
            #expect(try await store.revision(authority: "358") == before)
            let stored = try await repo.responses()
            #expect(stored.count == 5)
            #expect(stored[1].answers["comments"] == "Thank you")
            #expect(try await store.feedback(authority: "999").responses().isEmpty)

            let numbers = AuthorityNumbers(store: store, statistics: nil, defaultPlan: try PlanLoader.defaultPlan(), clock: clock.read)
            let snapshot = try await numbers.snapshot(authority: "358")
            let period = Period.reportingYear(2025)
            let m = try #require(numbers.measure("feedback_right_help_families", period: period, snapshot: snapshot))
            #expect(m.value == 4)
            let pct = try #require(numbers.measure("feedback_right_help_pct", period: period, snapshot: snapshot))
            #expect(pct.value == 80)
            let all = numbers.allMeasures(period: period, snapshot: snapshot, ids: ["feedback_responses", "feedback_tdas_confidence_pct"])
            #expect(all.map(\.id) == ["feedback_responses", "feedback_tdas_confidence_pct"])
            #expect(all[0].value == 5)
            #expect(all[1].value == nil && all[1].warnings == ["no responses"])
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func linksAreHashedExpireAndWorkOnce(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock = Clock()
            let repo = store.feedback(authority: "358", clock: clock.read)
            let links = store.feedbackLinks(clock: clock.read)

            let revision = try await store.revision(authority: "358")
            let made = try await repo.createLink(formID: "tdas", team: "Team B", by: "worker")
            #expect(try await store.revision(authority: "358") == revision) // a link changes no number
            #expect(made.token.count == 64)
            #expect(made.link.expiresAt == Self.start.addingTimeInterval(14 * 86_400))
            // Only the hash is stored.
            let rows = try await store.sql.raw("SELECT token_hash FROM feedback_links").all()
            let hash = try rows[0].decode(column: "token_hash", as: String.self)
            #expect(hash != made.token && !hash.contains(made.token) && hash.count == 64)
            #expect(try await repo.openLinks().map(\.id) == [made.link.id])
            #expect(try await links.form(token: made.token)?.id == "tdas")
            #expect(try await links.form(token: String(repeating: "0", count: 64)) == nil)
            #expect(try await links.form(token: "not-a-token") == nil)

            // Refused answers leave the link open.
            guard case .refused(_, let problems) = try await links.submit(token: made.token, answers: [:], respondent: .childYoungPerson) else {
                Issue.record("empty answers accepted"); return
            }
            #expect(problems.count == 3)
            let answers = ["confidence": "agree", "relationships": "agree", "resilience": "neither"]
            guard case .accepted(let response) = try await links.submit(token: made.token, answers: answers, respondent: .childYoungPerson) else {
                Issue.record("the open link refused"); return
            }
            #expect(try await store.revision(authority: "358") == revision + 1)
            #expect(response.child == nil && response.channel == .familyLink && response.team == "Team B")
            // Used once: a second submission and a second look find nothing.
            guard case .unusable = try await links.submit(token: made.token, answers: answers, respondent: .childYoungPerson) else {
                Issue.record("a used link accepted a second submission"); return
            }
            #expect(try await links.form(token: made.token) == nil)
            #expect(try await store.revision(authority: "358") == revision + 1)
            #expect(try await repo.openLinks().isEmpty)
            #expect(try await repo.responses().count == 1)

            // Expiry: 14 days by default.
            let expiring = try await repo.createLink(formID: "family-help", team: nil, by: "worker")
            clock.advance(days: 13.9)
            #expect(try await links.form(token: expiring.token) != nil)
            clock.advance(days: 0.2)
            #expect(try await links.form(token: expiring.token) == nil)
            guard case .unusable = try await links.submit(token: expiring.token, answers: Self.answers, respondent: .parentCarer) else {
                Issue.record("an expired link accepted a submission"); return
            }
            let short = try await repo.createLink(formID: "family-help", team: nil, days: 2, by: "worker")
            #expect(short.link.expiresAt == clock.read().addingTimeInterval(2 * 86_400))
            await #expect(throws: StoreError.self) { try await repo.createLink(formID: "family-help", team: nil, days: 0, by: "w") }
            await #expect(throws: StoreError.self) { try await repo.createLink(formID: "no-such-form", team: nil, by: "w") }

            // Withdrawn: closed; another authority cannot withdraw it.
            let withdrawn = try await repo.createLink(formID: "family-help", team: nil, by: "worker")
            #expect(try await store.feedback(authority: "999", clock: clock.read).withdrawLink(id: withdrawn.link.id, by: "x") == false)
            #expect(try await repo.withdrawLink(id: withdrawn.link.id, by: "manager"))
            #expect(try await repo.withdrawLink(id: withdrawn.link.id, by: "manager") == false)
            #expect(try await links.form(token: withdrawn.token) == nil)
            guard case .unusable = try await links.submit(token: withdrawn.token, answers: Self.answers, respondent: .parentCarer) else {
                Issue.record("a withdrawn link accepted a submission"); return
            }
            #expect(try await repo.openLinks().map(\.id) == [short.link.id])
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func twoSubmissionsAtOnceStoreOne(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let made = try await store.feedback(authority: "358").createLink(formID: "family-help", team: nil, by: "worker")
            let links = store.feedbackLinks()
            let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        if case .accepted = try await links.submit(token: made.token, answers: Self.answers, respondent: .parentCarer) { return true }
                        return false
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(accepted == 1)
            #expect(try await store.feedback(authority: "358").responses().count == 1)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func formsAreVersioned(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let repo = store.feedback(authority: "358")
            var reworded = ShippedFeedbackForms.familyHelp
            reworded.questions[0].wording = "We had the right help when we needed it"
            let before = try await store.revision(authority: "358")
            let saved = try await repo.saveForm(reworded, by: "admin")
            #expect(saved.version == 2)
            #expect(try await store.revision(authority: "358") == before + 1)
            #expect(try await repo.saveForm(reworded, by: "admin").version == 2) // unchanged: not stored again
            #expect(try await repo.latestForm(id: "family-help")?.questions[0].wording == "We had the right help when we needed it")
            #expect(try await repo.form(id: "family-help", version: 1) == ShippedFeedbackForms.familyHelp)
            let own = FeedbackForm(id: "early-help", title: "Early help", questions: [FeedbackQuestion(id: "q1", wording: "Was it useful?", kind: .yesNo)])
            #expect(try await repo.saveForm(own, by: "admin").version == 1)
            #expect(try await repo.forms().map(\.id) == ["early-help", "family-help", "tdas"])
            #expect(try await store.feedback(authority: "999").forms().map(\.id) == ["family-help", "tdas"])
            await #expect(throws: StoreError.self) { try await repo.saveForm(FeedbackForm(id: "bad id", title: "", questions: []), by: "admin") }
            await store.close()
        }
    }
}

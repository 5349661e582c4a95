import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import SQLKit
import Testing

extension StoreTests {
    /// The QA tables and `AuditRepository` on SQLite (and PostgreSQL when configured): a round
    /// from sampling to re-audit, the queues, the learning summary and measures, template
    /// versions, supervision entries, and the schema's constraints.
    @Suite struct AuditRepositoryTests {
        static let now = Date(timeIntervalSince1970: Double(Day(year: 2026, month: 4, day: 10)!.ordinal) * 86_400 + 43_200)

        /// Six open cases on 1 April 2026 (synthetic ids): four CIN, one CP, one looked after.
        static var data: CaseData {
            var b = CaseDataBuilder()
            let f = b.addFile(SourceFile(path: "cin.xml", format: "cin", table: "CINdetails", collectionYear: 2026))
            let d = { (s: String) in DateField.iso(s) }
            var episodes = (1...4).map { CINEpisode(child: ChildID("QA\($0)"), referralDate: d("2025-0\($0 + 1)-01"), referralNFA: false) }
            episodes.append(
                CINEpisode(
                    child: ChildID("QA5"), referralDate: d("2025-06-01"), referralNFA: false,
                    protectionPlans: [ProtectionPlan(startDate: d("2025-07-01"), initialCategory: "NEG")]))
            b.add(cinEpisodes: episodes, file: f)
            let e = b.addFile(SourceFile(path: "episodes.csv", format: "ssda903", table: "Episodes", collectionYear: 2026))
            b.add(claEpisodes: [CLAEpisode(child: ChildID("QA6"), start: d("2025-01-01"), reasonNewEpisode: "S", legalStatus: "C2", placement: "P1")], file: e)
            return b.build()
        }

        static func fullAnswers(_ t: AuditTemplate, lived: String = "yes") -> [String: AuditAnswer] {
            var out: [String: AuditAnswer] = [:]
            for q in t.questions {
                switch q.kind {
                case .judgement: out[q.id] = AuditAnswer(value: "good")
                case .yesPartlyNo: out[q.id] = AuditAnswer(value: q.feeds == .livedExperience ? lived : "yes", evidence: "seen on file")
                case .yesNo: out[q.id] = AuditAnswer(value: "no")
                case .freeText: out[q.id] = AuditAnswer(value: "Some words")
                }
            }
            return out
        }

        func round(rate: Int, size: Int = 4, name: String = "April 2026") -> AuditRound {
            AuditRound(
                id: "", name: name, month: .month(year: 2026, month: 4), cohort: .allOpenCases, cohortDay: Day(year: 2026, month: 4, day: 1)!,
                sampleSize: size, seed: 2026, moderationRatePercent: rate, dueDate: Day(year: 2026, month: 4, day: 30)!, templateID: "case-file")
        }

        @Test(arguments: TestBackend.all)
        func anAuditGoesFromSamplingToReAudit(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let repo = store.audits(clock: { Self.now })
            #expect(try await repo.installShippedTemplates(authority: "999", by: "admin").count == AuditTemplateReader.shippedNames.count)
            #expect(try await repo.installShippedTemplates(authority: "999", by: "admin").isEmpty)

            let (r, audits) = try await repo.createRound(round(rate: 100), data: Self.data, auditors: ["alice", "bob"], authority: "999", by: "manager")
            #expect(audits.count == 4 && Set(audits.compactMap(\.subject.child)).count == 4)
            // The round's template is for every kind of case, so each case gets its kind's template.
            #expect(audits.allSatisfy { $0.templateID == "case-file-" + ($0.caseKind?.rawValue ?? "?") })
            #expect(try await repo.rounds(authority: "999") == [r])
            #expect(try await repo.audits(round: r.id, authority: "999").count == 4)
            await #expect(throws: StoreError.self) {
                _ = try await repo.createRound(round(rate: 100), data: Self.data, auditors: ["alice"], authority: "999", by: "manager")
            }

            let mine = try await repo.myAudits(user: "alice", authority: "999")
            #expect(mine.count == 2 && mine.allSatisfy { $0.auditor == "alice" && $0.status == .assigned })
            let id = mine[0].id
            let t = try await repo.template(of: mine[0], authority: "999")

            // A draft with a required answer missing cannot be submitted, and nothing changes.
            var partial = Self.fullAnswers(t)
            partial["lived-experience"] = nil
            try await repo.saveDraft(
                id, answers: partial, grade: .requiresImprovement, gradeRationale: "Plan lacks focus",
                learningThemes: ["Chronology"], strengths: ["Child's voice"], areasForDevelopment: ["SMART plans"],
                authority: "999", by: "alice")
            await #expect(throws: AuditWorkflowError.self) { try await repo.submit(id, authority: "999", by: "alice") }
            #expect(try await repo.audit(id, authority: "999")?.status == .inProgress)

            try await repo.saveDraft(id, answers: ["lived-experience": AuditAnswer(value: "partly")], authority: "999", by: "alice")
            let submitted = try await repo.submit(id, authority: "999", by: "alice")
            #expect(submitted.status == .selectedForModeration && submitted.events.last?.by == "system")
            #expect(submitted.evidenced[.livedExperience] == false && submitted.evidenced[.strengthsBased] == true)

            #expect(try await repo.moderationQueue(authority: "999", excludingAuditor: "alice").isEmpty)
            #expect(try await repo.moderationQueue(authority: "999").map(\.id) == [id])
            await #expect(throws: AuditWorkflowError.moderatorIsAuditor(audit: id, user: "alice")) {
                try await repo.moderate(id, grade: .good, rationale: nil, authority: "999", by: "alice")
            }
            try await repo.moderate(id, grade: .good, rationale: "Impact is clear from the visits", authority: "999", by: "bob")
            try await repo.addAction(
                id, text: "Update the chronology", owner: "worker9", due: Day(year: 2026, month: 5, day: 15)!,
                authority: "999", by: "alice")
            try await repo.giveFeedback(id, text: "Talked it through with the worker and manager", authority: "999", by: "alice")

            let summary = try await repo.learningSummary(period: .month(year: 2026, month: 4), reportDate: Day(year: 2026, month: 4, day: 30)!, authority: "999")
            #expect(summary.audits == 1 && summary.moderations == 1 && summary.moderationsAgreeing == 0)
            #expect(summary.gradesByTheme["Chronology"] == [.good: 1])
            #expect(summary.strengths.map(\.text) == ["Child's voice"] && summary.outstandingActions.count == 1)

            let done = try await repo.completeAction(id, number: 1, authority: "999", by: "worker9")
            #expect(done.status == .actionsComplete && done.actions[0].doneBy == "worker9")
            let again = try await repo.reAudit(id, auditor: "carol", due: Day(year: 2026, month: 7, day: 31)!, authority: "999", by: "manager")
            #expect(again.reAuditOf == id)

            // The stored audit reads back whole, with every step's who and when.
            let stored = try #require(try await repo.audit(id, authority: "999"))
            #expect(stored == done.withEvent(.reAuditCreated, by: "manager", at: Self.now, detail: again.id.rawValue))
            #expect(
                stored.events.map(\.step) == [
                    .assigned, .draftSaved, .draftSaved, .submitted, .selectedForModeration, .moderated,
                    .actionAdded, .feedbackGiven, .actionDone, .actionsComplete, .reAuditCreated,
                ])
            let child = try #require(stored.subject.child)
            #expect(try await repo.audits(child: child, authority: "999").map(\.id) == [again.id, id])
            #expect(try await repo.audit(id, authority: "111") == nil)

            let measures = try await repo.measures(period: .month(year: 2026, month: 4), reportDate: Day(year: 2026, month: 4, day: 30)!, authority: "999")
            let byID = Dictionary(uniqueKeysWithValues: measures.map { ($0.id, $0) })
            #expect(byID["audits_completed_pct"]?.numerator == 1 && byID["audits_completed_pct"]?.denominator == 4)
            #expect(byID["audits_moderated_pct"]?.value == 100 && byID["audits_lived_experience_pct"]?.value == 0)
            #expect(byID["moderation_agreement_pct"]?.value == 0)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func aNewTemplateVersionLeavesStartedAuditsAlone(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let repo = store.audits(clock: { Self.now })
            try await repo.installShippedTemplates(authority: "999", by: "admin")
            let first = try await repo.assign(
                templateID: "supervision", subject: .worker("SW1"), caseKind: nil, team: "North",
                auditor: "alice", due: Day(year: 2026, month: 4, day: 30)!, authority: "999", by: "manager")
            var t = try #require(try await repo.latestTemplates(authority: "999").first { $0.id == "supervision" })
            t.sections[0].questions[1].text = "Reworded: is supervision reflective?"
            let v2 = try await repo.saveNewVersion(t, authority: "999", by: "admin")
            #expect(v2.version == 2)
            #expect(try await repo.latestTemplates(authority: "999").first { $0.id == "supervision" }?.version == 2)
            #expect(try await repo.template(of: first, authority: "999").version == 1)
            let second = try await repo.assign(
                templateID: "supervision", subject: .worker("SW2"), caseKind: nil, team: nil,
                auditor: "alice", due: Day(year: 2026, month: 4, day: 30)!, authority: "999", by: "manager")
            #expect(second.templateVersion == 2)
            t.sections[0].questions[1].feeds = nil
            t.sections[0].questions[2].feeds = .reflectiveSupervision
            t.sections[0].questions[2].evidencedAnswers = ["sometimes"]
            await #expect(throws: StoreError.self) { _ = try await repo.saveNewVersion(t, authority: "999", by: "admin") }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func preparedRoundsAndAuditsAreStoredAsTheyAre(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let repo = store.audits(clock: { Self.now })
            try await repo.installShippedTemplates(authority: "999", by: "admin")
            let t = try #require(try await repo.latestTemplates(authority: "999").first { $0.id == "case-file" })
            let r = round(rate: 50)
            let prepared = AuditRound(
                id: "demo-2026-04", name: r.name, month: r.month, cohort: .neglect, cohortDay: r.cohortDay,
                sampleSize: 1, seed: UInt64.max, moderationRatePercent: 50, dueDate: r.dueDate, templateID: "case-file")
            var a = Audit.assign(
                id: AuditID("demo-2026-04-1"), template: t, subject: .child(ChildID("QA5")), caseKind: .cp, team: "North",
                auditor: "alice", partnerAuditors: [.police: "pc1"], due: r.dueDate, roundID: prepared.id, by: "qa-lead", at: Self.now)
            try a.saveDraft(
                answers: Self.fullAnswers(t), grade: .inadequate, gradeRationale: "Risk not analysed", learningThemes: ["Neglect"],
                template: t, by: "alice", at: Self.now)
            try a.submit(template: t, by: "alice", at: Self.now)
            try a.selectForModeration(by: "system", at: Self.now)
            try await repo.insert(rounds: [prepared], audits: [a], authority: "999", by: "demo")
            #expect(try await repo.round("demo-2026-04", authority: "999") == prepared)
            #expect(try await repo.audit(a.id, authority: "999") == a)
            #expect(try await repo.moderationQueue(authority: "999").map(\.id) == [a.id])
            #expect(try await repo.myAudits(user: "pc1", authority: "999").isEmpty)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func supervisionSessionsAndPracticeStandards(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let repo = store.audits(clock: { Self.now })
            try await repo.addSupervisionSession(
                worker: "SW1", date: Day(year: 2026, month: 3, day: 2)!, kind: "formal", reflective: true,
                authority: "999", by: "manager")
            try await repo.addSupervisionSession(
                worker: "SW1", date: Day(year: 2026, month: 2, day: 1)!, kind: "formal", reflective: false,
                authority: "999", by: "manager")
            await #expect(throws: StoreError.self) {
                try await repo.addSupervisionSession(
                    worker: " ", date: Day(year: 2026, month: 2, day: 1)!, kind: nil, reflective: nil,
                    authority: "999", by: "manager")
            }
            let sessions = try await repo.supervisionSessions(authority: "999")
            #expect(sessions.map(\.date.day) == [Day(year: 2026, month: 2, day: 1)!, Day(year: 2026, month: 3, day: 2)!])
            #expect(try await repo.supervisionSessions(authority: "111").isEmpty)
            try await repo.setPracticeStandard(PracticeStandard(role: "Social worker", supervisionIntervalDays: 28), authority: "999", by: "admin")
            try await repo.setPracticeStandard(PracticeStandard(role: "Social worker", supervisionIntervalDays: 21), authority: "999", by: "admin")
            #expect(try await repo.practiceStandards(authority: "999") == [PracticeStandard(role: "Social worker", supervisionIntervalDays: 21)])
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func theSchemaHoldsTheInvariants(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let repo = store.audits(clock: { Self.now })
            try await repo.installShippedTemplates(authority: "999", by: "admin")
            let a = try await repo.assign(
                templateID: "case-file", subject: .child(ChildID("QA1")), caseKind: .cin, team: nil,
                auditor: "alice", due: Day(year: 2026, month: 4, day: 30)!, authority: "999", by: "manager")
            let sql = store.sql
            // A second moderation of one audit, an answer to no audit, an audit on a template
            // version that does not exist, and a missing auditor are all refused.
            let moderation =
                "INSERT INTO moderations (la_code, audit_id, moderator, grade, agrees, moderated_at) VALUES ('999', \(a.id.rawValue.quoted), 'bob', 'good', \(backend == .sqlite ? "1" : "true"), \(backend == .sqlite ? "'2026-04-10'" : "now()"))"
            try await sql.raw(SQLQueryString(moderation)).run()
            await #expect(throws: (any Error).self) { try await sql.raw(SQLQueryString(moderation)).run() }
            await #expect(throws: (any Error).self) {
                try await sql.raw("INSERT INTO audit_answers (la_code, audit_id, question_id) VALUES ('999', 'no-such-audit', 'q')").run()
            }
            let audit = { (version: Int, auditor: String) in
                "INSERT INTO audits (id, la_code, type, subject, auditor, partner_auditors, due_date, template_id, template_version, status, learning_themes, strengths, areas_for_development, evidenced) VALUES ('x\(version)', '999', 'case-file', 'child:QA1', \(auditor), '{}', '2026-04-30', 'case-file', \(version), 'assigned', '[]', '[]', '[]', '{}')"
            }
            await #expect(throws: (any Error).self) { try await sql.raw(SQLQueryString(audit(7, "'alice'"))).run() }
            await #expect(throws: (any Error).self) { try await sql.raw(SQLQueryString(audit(1, "NULL"))).run() }
            try await sql.raw(SQLQueryString(audit(1, "'alice'"))).run()
            await store.close()
        }
    }
}

extension String {
    /// The string as an SQL literal (test statements only; ids here never hold quotes).
    var quoted: String { "'\(self)'" }
}

extension Audit {
    /// The audit with one more event (to compare a stored audit with an expected one).
    func withEvent(_ step: AuditStep, by: String, at: Date, detail: String?) -> Audit {
        var a = self
        a.events.append(AuditEvent(step: step, by: by, at: at, detail: detail))
        return a
    }
}

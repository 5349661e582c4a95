import Synchronization
import FluentKit
import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import SQLKit
import Testing

extension StoreTests {
    /// One revision per authority: every write of data a measure, KPI or report reads raises it by
    /// exactly one in its own transaction, leaves other authorities' alone, and a write that fails
    /// leaves it as it was; another store on the same database sees it at once; the measure cache
    /// serves nothing computed under another revision or definition version.
    @Suite struct RevisionTests {
        static let now = Date(timeIntervalSince1970: Double(Day(year: 2026, month: 4, day: 10)!.ordinal) * 86_400 + 43_200)
        static let june = Period.month(year: 2025, month: 6)
        /// The authority written to.
        static let la = "358"
        /// Another authority, at revision 1 before each test's writes.
        static let other = "999"

        /// A fresh store, with `other` at revision 1.
        static func fresh(_ backend: TestBackend, in folder: TempFolder) async throws -> Store {
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            try await store.database.transaction { try await AuthorityRevision.bump(other, on: $0) }
            #expect(try await store.revision(authority: other) == 1)
            #expect(try await store.revision(authority: la) == 0)
            return store
        }

        /// Runs `write`, expecting `la`'s revision one higher after it and `other`'s unchanged.
        @discardableResult
        static func bumps<T>(
            _ store: Store, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
            _ write: () async throws -> T
        ) async throws -> T {
            let before = try await store.revision(authority: la)
            let result = try await write()
            #expect(try await store.revision(authority: la) == before + 1, "\(what)", sourceLocation: sourceLocation)
            #expect(try await store.revision(authority: other) == 1, "\(what): another authority's revision moved", sourceLocation: sourceLocation)
            return result
        }

        /// Runs `write`, expecting it to throw and no revision to change.
        static func failsLeavingIt(
            _ store: Store, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
            _ write: () async throws -> Void
        ) async throws {
            let before = try await store.revision(authority: la)
            await #expect(throws: (any Error).self, "\(what)", sourceLocation: sourceLocation) { try await write() }
            #expect(try await store.revision(authority: la) == before, "\(what): a failed write moved the revision", sourceLocation: sourceLocation)
            #expect(try await store.revision(authority: other) == 1, sourceLocation: sourceLocation)
        }

        /// Runs `write`, expecting it to succeed and no revision to change.
        @discardableResult
        static func leavesIt<T>(
            _ store: Store, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
            _ write: () async throws -> T
        ) async throws -> T {
            let before = try await store.revision(authority: la)
            let result = try await write()
            #expect(try await store.revision(authority: la) == before, "\(what)", sourceLocation: sourceLocation)
            #expect(try await store.revision(authority: other) == 1, sourceLocation: sourceLocation)
            return result
        }

        struct Refused: Error {}

        @Test(arguments: TestBackend.all)
        func importsAndUndosRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            let outcome = try await Self.bumps(store, "an import") {
                try await store.imports().importFiles(paths: [years.y2024], authority: Self.la, user: "u")
            }
            guard case .imported(let first) = outcome else { Issue.record("not stored"); return }
            try await Self.leavesIt(store, "the same files again store nothing") {
                guard case .unchanged = try await store.imports().importFiles(paths: [years.y2024], authority: Self.la, user: "u") else {
                    Issue.record("stored again"); return
                }
            }
            try await Self.failsLeavingIt(store, "a missing path") {
                _ = try await store.imports().importFiles(paths: [folder.path("none")], authority: Self.la, user: "u")
            }
            var failing = store.imports()
            failing.midway = { throw Refused() }
            try await Self.failsLeavingIt(store, "an import rolled back half-way") {
                _ = try await failing.importFiles(paths: [years.y2025], authority: Self.la, user: "u")
            }
            #expect(try await store.imports().list(authority: Self.la).count == 1)
            try await Self.bumps(store, "an undo") { try await store.imports().undo(first.id, authority: Self.la) }
            try await Self.failsLeavingIt(store, "an undo of an undone import") { try await store.imports().undo(first.id, authority: Self.la) }
            try await Self.failsLeavingIt(store, "an undo of another authority's import") {
                try await store.imports().undo(first.id, authority: Self.other)
            }
            #expect(try await store.revision(authority: Self.la) == 2)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func templatesRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let repo = store.audits(clock: { Self.now })
            let installed = try await Self.bumps(store, "installing the shipped templates") {
                try await repo.installShippedTemplates(authority: Self.la, by: "admin")
            }
            #expect(installed.count == AuditTemplateReader.shippedNames.count)
            let again = try await Self.leavesIt(store, "installing them again stores none") {
                try await repo.installShippedTemplates(authority: Self.la, by: "admin")
            }
            #expect(again.isEmpty)
            var t = try #require(try await repo.latestTemplates(authority: Self.la).first { $0.id == "supervision" })
            t.sections[0].questions[1].text = "Reworded: is supervision reflective?"
            let edited = t
            try await Self.bumps(store, "a new template version") { _ = try await repo.saveNewVersion(edited, authority: Self.la, by: "admin") }
            t.sections[0].questions[1].feeds = nil
            t.sections[0].questions[2].feeds = .reflectiveSupervision
            t.sections[0].questions[2].evidencedAnswers = ["sometimes"]
            let invalid = t
            try await Self.failsLeavingIt(store, "an invalid template") { _ = try await repo.saveNewVersion(invalid, authority: Self.la, by: "admin") }
            await store.close()
        }

        static func round(name: String = "April 2026", rate: Int = 100) -> AuditRound {
            AuditRound(
                id: "", name: name, month: .month(year: 2026, month: 4), cohort: .allOpenCases, cohortDay: Day(year: 2026, month: 4, day: 1)!,
                sampleSize: 4, seed: 2026, moderationRatePercent: rate, dueDate: Day(year: 2026, month: 4, day: 30)!, templateID: "case-file")
        }

        @Test(arguments: TestBackend.all)
        func roundsAndPreparedAuditsRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let repo = store.audits(clock: { Self.now })
            try await repo.installShippedTemplates(authority: Self.la, by: "admin")
            let data = AuditRepositoryTests.data
            let created = try await Self.bumps(store, "a round with its audits") {
                try await repo.createRound(Self.round(), data: data, auditors: ["alice", "bob"], authority: Self.la, by: "m")
            }
            #expect(created.audits.count == 4)
            try await Self.failsLeavingIt(store, "a round whose name is taken") {
                _ = try await repo.createRound(Self.round(), data: data, auditors: ["alice"], authority: Self.la, by: "m")
            }
            try await Self.failsLeavingIt(store, "a round without auditors") {
                _ = try await repo.createRound(Self.round(name: "May"), data: data, auditors: [], authority: Self.la, by: "m")
            }
            let t = try #require(try await repo.latestTemplates(authority: Self.la).first { $0.id == "case-file" })
            var prepared = Self.round(name: "Prepared")
            prepared.id = "prepared-1"
            let a = Audit.assign(
                id: AuditID("prepared-audit-1"), template: t, subject: .child(ChildID("QA5")), caseKind: .cp, team: nil,
                auditor: "alice", due: prepared.dueDate, roundID: prepared.id, by: "qa-lead", at: Self.now)
            try await Self.bumps(store, "prepared rounds and audits") {
                try await repo.insert(rounds: [prepared], audits: [a], authority: Self.la, by: "demo")
            }
            var another = prepared
            another.id = "prepared-2"; another.name = "Prepared again"
            try await Self.failsLeavingIt(store, "prepared rounds rolled back on a duplicate") {
                try await repo.insert(rounds: [another, prepared], audits: [], authority: Self.la, by: "demo")
            }
            #expect(try await repo.round("prepared-2", authority: Self.la) == nil)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func auditStepsRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let repo = store.audits(clock: { Self.now })
            try await repo.installShippedTemplates(authority: Self.la, by: "admin")
            let due = Day(year: 2026, month: 4, day: 30)!
            let assigned = try await Self.bumps(store, "an audit assigned") {
                try await repo.assign(
                    templateID: "case-file", subject: .child(ChildID("QA1")), caseKind: .cin, team: nil, auditor: "alice",
                    due: due, authority: Self.la, by: "m")
            }
            try await Self.failsLeavingIt(store, "an audit on an unknown template") {
                _ = try await repo.assign(
                    templateID: "no-such", subject: .child(ChildID("QA1")), caseKind: .cin, team: nil, auditor: "alice",
                    due: due, authority: Self.la, by: "m")
            }
            let id = assigned.id
            let t = try await repo.template(of: assigned, authority: Self.la)
            var partial = AuditRepositoryTests.fullAnswers(t)
            partial["lived-experience"] = nil
            let draft = partial
            try await Self.bumps(store, "a draft saved") {
                try await repo.saveDraft(
                    id, answers: draft, grade: .good, gradeRationale: "Clear plan", learningThemes: ["Neglect"],
                    authority: Self.la, by: "alice")
            }
            try await Self.failsLeavingIt(store, "an incomplete audit submitted") { try await repo.submit(id, authority: Self.la, by: "alice") }
            try await Self.failsLeavingIt(store, "a step on another authority's audit") {
                try await repo.saveDraft(id, answers: [:], authority: Self.other, by: "alice")
            }
            try await Self.bumps(store, "the draft completed") {
                try await repo.saveDraft(id, answers: ["lived-experience": AuditAnswer(value: "partly")], authority: Self.la, by: "alice")
            }
            try await Self.failsLeavingIt(store, "a selection for moderation before submission") {
                try await repo.selectForModeration(id, authority: Self.la, by: "lead")
            }
            let submitted = try await Self.bumps(store, "a submission") { try await repo.submit(id, authority: Self.la, by: "alice") }
            #expect(submitted.status == .submitted)
            try await Self.failsLeavingIt(store, "feedback with no words") { try await repo.giveFeedback(id, text: " ", authority: Self.la, by: "alice") }
            try await Self.bumps(store, "feedback") { try await repo.giveFeedback(id, text: "Talked it through", authority: Self.la, by: "alice") }
            try await Self.bumps(store, "an action added") {
                try await repo.addAction(id, text: "Update the chronology", owner: "worker9", due: due, authority: Self.la, by: "alice")
            }
            try await Self.failsLeavingIt(store, "actions completed with one outstanding") { try await repo.completeActions(id, authority: Self.la, by: "w") }
            try await Self.failsLeavingIt(store, "an unknown action done") { try await repo.completeAction(id, number: 9, authority: Self.la, by: "w") }
            let done = try await Self.bumps(store, "the last action done") { try await repo.completeAction(id, number: 1, authority: Self.la, by: "worker9") }
            #expect(done.status == .actionsComplete)
            try await Self.failsLeavingIt(store, "an action added to a closed audit") {
                try await repo.addAction(id, text: "More", owner: "worker9", due: due, authority: Self.la, by: "alice")
            }
            try await Self.bumps(store, "a re-audit") { _ = try await repo.reAudit(id, auditor: "carol", due: due, authority: Self.la, by: "m") }
            try await Self.failsLeavingIt(store, "a re-audit of an unknown audit") {
                _ = try await repo.reAudit(AuditID("none"), auditor: "carol", due: due, authority: Self.la, by: "m")
            }

            // Selection by hand, and closing an audit that had no actions.
            let second = try await repo.assign(
                templateID: "case-file", subject: .child(ChildID("QA2")), caseKind: .cin, team: nil, auditor: "bob",
                due: due, authority: Self.la, by: "m")
            try await repo.saveDraft(
                second.id, answers: AuditRepositoryTests.fullAnswers(t), grade: .good, gradeRationale: "Clear plan",
                authority: Self.la, by: "bob")
            #expect(try await repo.submit(second.id, authority: Self.la, by: "bob").status == .submitted)
            try await Self.bumps(store, "a selection for moderation") { try await repo.selectForModeration(second.id, authority: Self.la, by: "lead") }
            try await repo.moderate(second.id, grade: .good, rationale: nil, authority: Self.la, by: "alice")
            try await repo.giveFeedback(second.id, text: "Agreed", authority: Self.la, by: "bob")
            try await Self.bumps(store, "an audit closed") { try await repo.completeActions(second.id, authority: Self.la, by: "bob") }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func moderationsRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let repo = store.audits(clock: { Self.now })
            try await repo.installShippedTemplates(authority: Self.la, by: "admin")
            let a = try await repo.assign(
                templateID: "case-file", subject: .child(ChildID("QA1")), caseKind: .cin, team: nil, auditor: "alice",
                due: Day(year: 2026, month: 4, day: 30)!, authority: Self.la, by: "m")
            let t = try await repo.template(of: a, authority: Self.la)
            try await repo.saveDraft(
                a.id, answers: AuditRepositoryTests.fullAnswers(t), grade: .inadequate, gradeRationale: "Risk",
                authority: Self.la, by: "alice")
            #expect(try await repo.submit(a.id, authority: Self.la, by: "alice").status == .selectedForModeration)
            try await Self.failsLeavingIt(store, "a moderation by the audit's own auditor") {
                try await repo.moderate(a.id, grade: .good, rationale: nil, authority: Self.la, by: "alice")
            }
            try await Self.bumps(store, "a moderation") {
                try await repo.moderate(a.id, grade: .requiresImprovement, rationale: "Some impact", authority: Self.la, by: "bob")
            }
            try await Self.failsLeavingIt(store, "a second moderation") {
                try await repo.moderate(a.id, grade: .good, rationale: nil, authority: Self.la, by: "carol")
            }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func supervisionSessionsAndPracticeStandardsRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let repo = store.audits(clock: { Self.now })
            let day = Day(year: 2026, month: 3, day: 2)!
            try await Self.bumps(store, "a supervision session") {
                try await repo.addSupervisionSession(worker: "SW1", date: day, kind: "formal", reflective: true, authority: Self.la, by: "m")
            }
            try await Self.failsLeavingIt(store, "a session with no worker") {
                try await repo.addSupervisionSession(worker: " ", date: day, kind: nil, reflective: nil, authority: Self.la, by: "m")
            }
            try await Self.bumps(store, "a practice standard") {
                try await repo.setPracticeStandard(PracticeStandard(role: "Social worker", supervisionIntervalDays: 28), authority: Self.la, by: "a")
            }
            try await Self.bumps(store, "a practice standard replaced") {
                try await repo.setPracticeStandard(PracticeStandard(role: "Social worker", supervisionIntervalDays: 21), authority: Self.la, by: "a")
            }
            try await Self.failsLeavingIt(store, "a practice standard of 0 days") {
                try await repo.setPracticeStandard(PracticeStandard(role: "Social worker", supervisionIntervalDays: 0), authority: Self.la, by: "a")
            }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func handEntriesAndCorrectionsRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let entries = store.handEntries(authority: Self.la)
            let entry = HandEnteredEntry(
                measureID: "hand_sw_vacancy_rate", period: Self.june, numerator: 9, denominator: 72,
                source: "HR establishment report", enteredBy: "analyst", enteredAt: Self.now)
            #expect(try await Self.bumps(store, "a hand entry") { try await entries.record(entry) } == nil)
            var corrected = entry
            corrected.numerator = 8
            let correction = corrected
            #expect(try await Self.bumps(store, "a correction") { try await entries.record(correction) }?.numerator == 9)
            var invalid = entry
            invalid.numerator = 80
            let rejected = invalid
            try await Self.failsLeavingIt(store, "a numerator over its denominator") { try await entries.record(rejected) }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func plansAndTheirCurrentVersionRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let plans = store.plans(authority: Self.la, clock: { Self.now })
            let yaml = try PlanFileWriter().yaml(try PlanLoader.defaultPlan())
            let v1 = try await Self.bumps(store, "a plan imported") { try await plans.importPlan(yaml: yaml, by: "analyst") }
            try await Self.bumps(store, "a plan imported, not made current") { try await plans.importPlan(yaml: yaml, by: "analyst", makeCurrent: false) }
            try await Self.failsLeavingIt(store, "a plan file that cannot be read") { try await plans.importPlan(yaml: "id: x\ntitle: y\n", by: "a") }
            try await Self.bumps(store, "a version made current") { try await plans.makeCurrent(key: v1.key, version: 2) }
            try await Self.failsLeavingIt(store, "an unknown version made current") { try await plans.makeCurrent(key: v1.key, version: 9) }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func targetChangesAndCommentaryRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let plans = store.plans(authority: Self.la, clock: { Self.now })
            try await Self.bumps(store, "a target change") {
                try await plans.changeTarget(
                    .init(
                        ambition: 1, measure: "rereferrals_12m_pct", effectiveFrom: Day(year: 2025, month: 4, day: 1)!,
                        target: .value(18), trajectory: [], by: "lead", at: Self.now, reason: "board decision"))
            }
            try await Self.bumps(store, "commentary") { try await plans.writeCommentary(ambition: 2, period: Self.june, text: "Improving", by: "lead") }
            try await Self.failsLeavingIt(store, "blank commentary") { try await plans.writeCommentary(ambition: 2, period: Self.june, text: " ", by: "lead") }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func actionsAndTheirUpdatesRaiseIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let actions = store.actions(authority: Self.la, clock: { Self.now })
            let created = try await Self.bumps(store, "an action") {
                try await actions.create(PlanAction(ambition: 3, text: "Open the family hub", owner: "Early help lead", by: "lead", at: Self.now))
            }
            let id = try #require(created.id)
            try await Self.failsLeavingIt(store, "an action with no owner") {
                _ = try await actions.create(PlanAction(ambition: 3, text: "Something", owner: " ", by: "lead", at: Self.now))
            }
            try await Self.bumps(store, "an edit") { try await actions.edit(id: id, status: .onTrack, by: "lead") }
            try await Self.failsLeavingIt(store, "an edit leaving no owner") { try await actions.edit(id: id, owner: " ", by: "lead") }
            try await Self.failsLeavingIt(store, "an edit of another authority's action") {
                try await store.actions(authority: Self.other).edit(id: id, status: .atRisk, by: "lead")
            }
            try await Self.bumps(store, "an update with evidence") {
                try await actions.addUpdate(
                    actionID: id, text: "Building handed over", status: .atRisk,
                    files: [.init(fileName: "minutes.txt", bytes: Data("minutes".utf8))], by: "owner")
            }
            try await Self.failsLeavingIt(store, "an empty update") { try await actions.addUpdate(actionID: id, text: "", by: "owner") }
            let plan = try PlanLoader.defaultPlan()
            let seeded = try await Self.bumps(store, "actions seeded from the plan, in one write") {
                try await actions.seed(from: plan, owner: "Director", by: "lead")
            }
            #expect(seeded == plan.ambitions.reduce(0) { $0 + $1.actions.count })
            let reseeded = try await Self.leavesIt(store, "seeding again creates none") { try await actions.seed(from: plan, owner: "Director", by: "lead") }
            #expect(reseeded == 0)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func writesOfNoFigureLeaveIt(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Self.fresh(backend, in: folder)
            let accounts = store.accounts(hasher: PlainHasher(), clock: { Self.now })
            try await Self.leavesIt(store, "accounts, sessions, tokens and the activity log") {
                try await accounts.addUser(authority: Self.la, username: "amira", displayName: "Amira K", role: .analyst, password: "river lantern biscuit")
                guard case .signedIn(let user) = try await accounts.signIn(username: "amira", password: "river lantern biscuit") else {
                    Issue.record("not signed in"); return
                }
                let (token, _) = try await accounts.startSession(for: user)
                try await accounts.endSession(token: token)
                _ = try await accounts.createAPIToken(username: "amira", authority: Self.la, name: "script")
                try await accounts.record(authority: Self.la, user: "amira", action: "view", target: "dashboard", isChildLevel: false)
            }
            try await Self.leavesIt(store, "national published figures") {
                _ = try await store.publishedFigures(clock: { Self.now })
                    .importExtract(PublishedFigureTests.extract(referrals2025: "1880"), source: "newer", by: "analyst", base: try PublishedStatistics.bundled())
            }
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            _ = try await store.imports().importFiles(paths: [years.y2024], authority: Self.la, user: "u")
            try await Self.leavesIt(store, "measures computed and cached") {
                _ = try await store.measures().computeAll(authority: Self.la, period: Period.parse("2025")!, parameters: MeasureParameters(population: 50_000))
            }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func aSecondStoreSeesAWriteAtOnce(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let config = try await backend.freshConfiguration(in: folder)
            let first = try await Store.open(config)
            let second = try await Store.open(config)
            #expect(try await second.revision(authority: Self.la) == 0)
            try await first.plans(authority: Self.la).writeCommentary(ambition: 1, period: Self.june, text: "Seen elsewhere", by: "lead")
            #expect(try await second.revision(authority: Self.la) == 1)
            try await first.audits().addSupervisionSession(
                worker: "SW1", date: Day(year: 2026, month: 3, day: 2)!, kind: nil, reflective: nil,
                authority: Self.la, by: "m")
            #expect(try await second.revision(authority: Self.la) == 2)
            try await second.handEntries(authority: Self.la).record(
                HandEnteredEntry(
                    measureID: "hand_sw_vacancy_rate", period: Self.june, numerator: 9,
                    denominator: 72, source: "HR", enteredBy: "a", enteredAt: Self.now))
            #expect(try await first.revision(authority: Self.la) == 3)
            await second.close()
            await first.close()
        }

        @Test(arguments: TestBackend.all)
        func theMeasureCacheKeysOnRevisionAndDefinitionVersion(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let config = try await backend.freshConfiguration(in: folder)
            let store = try await Store.open(config)
            let elsewhere = try await Store.open(config)
            // Closed whatever happens: a store left open fails the whole run.
            do {
                let years = SyntheticFiles.twoYears(in: folder, under: "la")
                _ = try await store.imports().importFiles(paths: [years.y2024], authority: Self.la, user: "u")
                let measures = store.measures()
                let period = try #require(Period.parse("2025"))
                let params = MeasureParameters(population: 50_000)
                let computed = try await measures.computeAll(authority: Self.la, period: period, parameters: params)
                #expect(!computed.fromCache && !computed.results.isEmpty)
                #expect(try await measures.computeAll(authority: Self.la, period: period, parameters: params).fromCache)

                // A write that leaves the case data as it was still gives a new revision: not from the cache.
                try await store.handEntries(authority: Self.la).record(
                    HandEnteredEntry(
                        measureID: "hand_sw_vacancy_rate", period: Self.june, numerator: 9,
                        denominator: 72, source: "HR", enteredBy: "a", enteredAt: Self.now))
                let afterWrite = try await measures.computeAll(authority: Self.la, period: period, parameters: params)
                #expect(!afterWrite.fromCache && afterWrite.results == computed.results)
                #expect(try await measures.computeAll(authority: Self.la, period: period, parameters: params).fromCache)
                // So does a write by another process on the same database.
                try await elsewhere.plans(authority: Self.la).writeCommentary(ambition: 1, period: Self.june, text: "Elsewhere", by: "lead")
                #expect(try await !measures.computeAll(authority: Self.la, period: period, parameters: params).fromCache)

                // Another definition version neither uses nor is used by results of this one.
                let upgraded = MeasureRepository(store: store, clock: { Date() }, definitionVersion: "2099-01-01.1")
                #expect(try await !upgraded.computeAll(authority: Self.la, period: period, parameters: params).fromCache)
                #expect(try await upgraded.computeAll(authority: Self.la, period: period, parameters: params).fromCache)
                #expect(try await !measures.computeAll(authority: Self.la, period: period, parameters: params).fromCache)

                // Rows planted under an earlier revision or another definition version, with wrong
                // results, are never served, and go when results under the current key are stored.
                try await store.database.transaction { try await AuthorityRevision.bump(Self.la, on: $0) }
                let revision = try await store.revision(authority: Self.la)
                let paramKey = MeasureRepository.key(ids: nil, parameters: params)
                try await MeasureCacheModel.query(on: store.database).filter(\.$laCode == Self.la).delete()
                for key in [
                    MeasureRepository.cacheKey(revision: revision - 1, definitionVersion: MeasureEngine.definitionVersion),
                    MeasureRepository.cacheKey(revision: revision, definitionVersion: "2000-01-01.1"),
                ] {
                    try await store.sql.insert(into: "measure_cache").columns("la_code", "data_version", "period", "parameters", "results", "created_at")
                        .values([Self.la, key, "\(period.start.iso)..\(period.end.iso)", paramKey, "[]", Self.now] as [any Encodable & Sendable]).run()
                }
                let fresh = try await measures.computeAll(authority: Self.la, period: period, parameters: params)
                #expect(!fresh.fromCache && fresh.results == computed.results)
                let keys = try await MeasureCacheModel.query(on: store.database).filter(\.$laCode == Self.la).all(\.$dataVersion)
                #expect(keys == [MeasureRepository.cacheKey(revision: revision, definitionVersion: MeasureEngine.definitionVersion)])
                #expect(MeasureEngine.definitionVersion == "2026-12-07.2")
            } catch {
                await elsewhere.close()
                await store.close()
                throw error
            }
            await elsewhere.close()
            await store.close()
        }

        /// Reads of a revision are grouped under load (`RevisionReads`), yet a read asked for after
        /// a write committed, here by a second store on the same database, always sees it: other
        /// tasks ask for the revision without pause all the while, so a call that joined a read
        /// begun before the write would return the old revision.
        @Test(arguments: TestBackend.all)
        func aGroupedReadNeverReturnsARevisionFromBeforeTheCall(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let configuration = try await backend.freshConfiguration(in: folder)
            let store = try await Store.open(configuration)
            let elsewhere = try await Store.open(configuration)
            let stop = ManagedFlag()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { while !stop.isSet { _ = try await store.revision(authority: Self.la) } }
                }
                for expected in 1...60 {
                    try await elsewhere.database.transaction { try await AuthorityRevision.bump(Self.la, on: $0) }
                    async let a = store.revision(authority: Self.la)
                    async let b = store.revision(authority: Self.la)
                    let (ra, rb) = try await (a, b)
                    #expect(ra == expected && rb == expected, "after write \(expected): \(ra), \(rb)")
                }
                stop.set()
                try await group.waitForAll()
            }
            await elsewhere.close()
            await store.close()
        }
    }
}

/// A flag set once, read from any task.
final class ManagedFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

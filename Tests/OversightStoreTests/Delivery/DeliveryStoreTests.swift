import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import Testing

extension StoreTests {
    /// Actions, hand-entered values, plans and commentary in the store, on every test backend.
    @Suite struct DeliveryStoreTests {
        static let at = Date(timeIntervalSince1970: 1_750_000_000)
        static let june = Period.month(year: 2025, month: 6)

        @Test(arguments: TestBackend.all)
        func handEntriesAreValidatedAndCorrectionsKeepHistory(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let entries = store.handEntries(authority: "358")
            let first = HandEnteredEntry(
                measureID: "hand_sw_vacancy_rate", period: Self.june, numerator: 9, denominator: 72,
                source: "HR establishment report", enteredBy: "analyst", enteredAt: Self.at)
            #expect(try await entries.record(first) == nil)
            var corrected = first
            corrected.numerator = 8; corrected.enteredAt = Self.at.addingTimeInterval(60); corrected.note = "a starter was counted as a vacancy"
            #expect(try await entries.record(corrected)?.numerator == 9)
            await #expect(throws: HandEntryRejected.self) {
                try await entries.record(
                    HandEnteredEntry(
                        measureID: "hand_sw_vacancy_rate", period: Self.june, numerator: 80, denominator: 72,
                        source: "s", enteredBy: "a", enteredAt: Self.at))
            }
            let values = try await entries.values()
            #expect(values.current.count == 1 && values.superseded.count == 1)
            #expect(values.result("hand_sw_vacancy_rate", period: Self.june)?.value == 800.0 / 72)
            #expect(try await entries.history(measure: "hand_sw_vacancy_rate", period: Self.june).map(\.numerator) == [9, 8])
            #expect(try await entries.entries(within: .reportingYear(2026)).map(\.note) == ["a starter was counted as a vacancy"])
            // Another authority sees none of it.
            #expect(try await store.handEntries(authority: "999").values().current.isEmpty)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func actionsKeepUpdatesEvidenceAndHistory(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let clock: @Sendable () -> Date = { Self.at }
            let actions = store.actions(authority: "358", clock: clock)
            let created = try await actions.create(
                PlanAction(
                    ambition: 3, text: "Open the family hub", owner: "Early help lead",
                    due: Day(year: 2025, month: 5, day: 31), by: "lead", at: Self.at))
            let id = try #require(created.id)
            try await actions.edit(id: id, status: .onTrack, by: "lead")
            let bytes = Data("minutes of the steering group".utf8)
            let updated = try await actions.addUpdate(
                actionID: id, text: "Building handed over", evidence: "Steering group minutes",
                status: .atRisk, files: [.init(fileName: "minutes.txt", mediaType: "text/plain", bytes: bytes)], by: "owner")
            #expect(updated.status == .atRisk)
            let loaded = try #require(try await actions.action(id: id))
            #expect(loaded.history.map(\.field) == ["created", "status", "update", "status"])
            #expect(loaded.updates.map(\.attachments) == [["minutes.txt"]])
            #expect(try await actions.attachment(actionID: id, fileName: "minutes.txt")?.bytes == bytes)
            #expect(try await actions.watchList(today: Day(year: 2025, month: 6, day: 1)!).map(\.reasons) == [[.overdue, .atRisk]])
            await #expect(throws: StoreError.self) { try await actions.edit(id: id, owner: " ", by: "lead") }
            await #expect(throws: StoreError.self) { try await actions.addUpdate(actionID: id, text: "", by: "owner") }
            // Closing without completing needs a reason; a closed action is off the watch list.
            await #expect(throws: StoreError.self) { try await actions.addUpdate(actionID: id, text: "", status: .closed, by: "owner") }
            let closed = try await actions.addUpdate(actionID: id, text: "Superseded by the hub review", status: .closed, by: "owner")
            #expect(closed.status == .closed && closed.rag(on: Day(year: 2025, month: 6, day: 1)!) == .grey)
            #expect(try await actions.watchList(today: Day(year: 2025, month: 6, day: 1)!).isEmpty)
            #expect(try await store.actions(authority: "999").action(id: id) == nil)
            let plan = try PlanLoader.defaultPlan()
            let seeded = try await actions.seed(from: plan, owner: "Director", by: "lead")
            #expect(seeded == plan.ambitions.reduce(0) { $0 + $1.actions.count })
            #expect(try await actions.seed(from: plan, owner: "Director", by: "lead") == 0)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func aPlanFilesActionsAreTrackedOnImportAndCarriedOnExport(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let actions = store.actions(authority: "358", clock: { Self.at })
            var plan = Plan(
                id: "p", title: "P",
                ambitions: [Ambition(number: 1, title: "One", statement: "Do better.", actions: ["Words only", "Rewrite the threshold document"])])
            plan.ambitions[0].plannedActions = [
                PlannedAction(
                    text: "Rewrite the threshold document", owner: "Head of Service", due: Day(year: 2026, month: 3, day: 31), status: .onTrack,
                    kpis: ["rereferrals_12m_pct"],
                    milestones: [
                        ActionMilestone(text: "Draft to partners", due: Day(year: 2026, month: 1, day: 31), doneOn: Day(year: 2026, month: 1, day: 20)),
                        ActionMilestone(text: "Signed off", due: nil),
                    ])
            ]
            #expect(try await actions.apply(plan, defaultOwner: "Ambition lead", by: "importer") == .init(created: 1, changed: 0))
            var tracked = try #require(try await actions.all().first { $0.text == "Rewrite the threshold document" })
            #expect(tracked.owner == "Head of Service" && tracked.status == .onTrack && tracked.due == Day(year: 2026, month: 3, day: 31))
            #expect(tracked.milestones.map(\.text) == ["Draft to partners", "Signed off"] && tracked.milestones[0].doneOn == Day(year: 2026, month: 1, day: 20))
            #expect(tracked.measures == ["rereferrals_12m_pct"])
            // The same file again changes nothing; a new owner in it changes the owner, with history.
            #expect(try await actions.apply(plan, defaultOwner: "Ambition lead", by: "importer") == .init(created: 0, changed: 0))
            plan.ambitions[0].plannedActions[0].owner = "Director"
            #expect(try await actions.apply(plan, defaultOwner: "Ambition lead", by: "importer") == .init(created: 0, changed: 1))
            tracked = try #require(try await actions.action(id: tracked.id!))
            #expect(tracked.owner == "Director" && tracked.history.last?.field == "owner" && tracked.milestones.count == 2)
            // Exported, the plan carries the tracked actions, including one added since.
            _ = try await actions.create(PlanAction(ambition: 1, text: "Agreed at a clinic", owner: "Team manager", by: "t", at: Self.at))
            let carried = try await actions.carried(into: plan)
            #expect(carried.ambitions[0].actions == ["Words only", "Rewrite the threshold document", "Agreed at a clinic"])
            #expect(carried.ambitions[0].plannedActions.map(\.owner) == ["Director", "Team manager"])
            #expect(carried.ambitions[0].plannedActions[0].milestones.map(\.text) == ["Draft to partners", "Signed off"])
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func plansAreVersionedWithOneCurrentAndTargetsChangeOverTime(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let plans = store.plans(authority: "358", clock: { Self.at })
            let yaml = try PlanFileWriter().yaml(try PlanLoader.defaultPlan())
            let v1 = try await plans.importPlan(yaml: yaml, by: "analyst")
            let v2 = try await plans.importPlan(yaml: yaml, by: "analyst")
            #expect(v1.version == 1 && v2.version == 2)
            #expect(try await plans.current()?.version == 2)
            try await plans.makeCurrent(key: v1.key, version: 1)
            #expect(try await plans.current()?.version == 1)
            #expect(try await plans.all().filter(\.isCurrent).count == 1)
            await #expect(throws: StoreError.self) { try await plans.importPlan(yaml: "id: x\ntitle: y\n", by: "a") }
            try await plans.changeTarget(
                .init(
                    ambition: 1, measure: "rereferrals_12m_pct", effectiveFrom: Day(year: 2025, month: 4, day: 1)!,
                    target: .value(18), trajectory: [TrajectoryPoint(end: Day(year: 2025, month: 9, day: 30)!, label: "Q2", value: 20)],
                    by: "lead", at: Self.at, reason: "board decision"))
            let history = try await plans.targetHistory()
            #expect(history.changes.count == 1 && history.changes[0].trajectory.first?.label == "Q2")
            try await plans.writeCommentary(ambition: 2, period: Self.june, text: "First draft", by: "lead")
            try await plans.writeCommentary(ambition: 2, period: Self.june, text: "Improving since the new triage.", by: "lead")
            #expect(try await plans.commentary(period: Self.june)[2]?.text == "Improving since the new triage.")
            #expect(try await store.plans(authority: "999").current() == nil)
            await store.close()
        }
    }
}

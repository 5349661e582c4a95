import Foundation
import OversightApp
import OversightCore
import OversightFormats
@testable import OversightStore
import OversightSynth
import Testing

extension StoreTests {
    /// Every kind of write that can change a number shows in the next answer of the application
    /// layer, in this process and in a second one using the same store (here, a second `Store`
    /// and `AuthorityNumbers` on the same database, as a second server process has them).
    @Suite struct AppRevisionTests {
        /// Two "processes" on one database, each with its own caches.
        struct Processes {
            let first: Store, second: Store
            let numbers1: AuthorityNumbers, numbers2: AuthorityNumbers

            static func open(_ configuration: StoreConfiguration) async throws -> Processes {
                let first = try await Store.open(configuration)
                let second = try await Store.open(configuration)
                let plan = try PlanLoader.defaultPlan()
                return Processes(
                    first: first, second: second,
                    numbers1: AuthorityNumbers(store: first, statistics: nil, defaultPlan: plan),
                    numbers2: AuthorityNumbers(store: second, statistics: nil, defaultPlan: plan))
            }

            /// One measure's value as each process answers it now (both must agree).
            func value(_ id: String, _ period: Period) async throws -> Double? {
                let a = try await numbers1.snapshot(authority: "358"), b = try await numbers2.snapshot(authority: "358")
                let x = numbers1.measure(id, period: period, snapshot: a)?.value, y = numbers2.measure(id, period: period, snapshot: b)?.value
                #expect(x == y, "\(id): the two processes disagree")
                return x
            }

            /// One KPI's target value as each process answers it now.
            func target(_ measure: String, _ period: Period) async throws -> Double? {
                let a = try await numbers1.snapshot(authority: "358"), b = try await numbers2.snapshot(authority: "358")
                let x = await numbers1.kpis(period: period, snapshot: a, withSeries: false).evaluations.first { $0.kpi.measure == measure }?.targetValue
                let y = await numbers2.kpis(period: period, snapshot: b, withSeries: false).evaluations.first { $0.kpi.measure == measure }?.targetValue
                #expect(x == y, "\(measure): the two processes disagree")
                return x
            }

            func close() async {
                await first.close()
                await second.close()
            }
        }

        @Test(arguments: TestBackend.all)
        func everyKindOfWriteShowsInTheNextAnswerOfBothProcesses(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let p = try await Processes.open(try await backend.freshConfiguration(in: folder))
            let year = Period.reportingYear(2025)
            let years = SyntheticFiles.twoYears(in: folder, under: "la")

            // An import, then another year, then its undo.
            _ = try await p.first.imports().importFiles(paths: [years.y2024], authority: "358", user: "u")
            #expect(try await p.value("cla_starts", year) == 0)
            guard case .imported(let second) = try await p.first.imports().importFiles(paths: [years.y2025], authority: "358", user: "u") else {
                Issue.record("second import not stored"); await p.close(); return
            }
            #expect(try await p.value("cla_starts", year) == 1)
            try await p.first.imports().undo(second.id, authority: "358")
            #expect(try await p.value("cla_starts", year) == 0)

            // A value entered by hand, then corrected.
            let hand = p.first.handEntries(authority: "358")
            _ = try await hand.record(HandEnteredEntry(measureID: "hand_households_recruited", period: year, value: 4, source: "panel", enteredBy: "u", enteredAt: Date()))
            #expect(try await p.value("hand_households_recruited", year) == 4)
            _ = try await hand.record(
                HandEnteredEntry(
                    measureID: "hand_households_recruited", period: year, value: 6, source: "panel", enteredBy: "u",
                    enteredAt: Date(), note: "two more approved"))
            #expect(try await p.value("hand_households_recruited", year) == 6)

            // Supervision entered in Oversight, then the practice standard that decides which were due.
            let qa = p.first.audits()
            let january = Period(start: Day(year: 2025, month: 1, day: 1)!, end: Day(year: 2025, month: 1, day: 31)!)!
            #expect(try await p.value("supervision_in_standard_pct", january) == nil)
            _ = try await qa.addSupervisionSession(worker: "W1", date: Day(year: 2024, month: 12, day: 20)!, kind: "formal", reflective: true, authority: "358", by: "u")
            _ = try await qa.addSupervisionSession(worker: "W1", date: Day(year: 2025, month: 1, day: 20)!, kind: "formal", reflective: true, authority: "358", by: "u")
            // Due 17 January (20 December + 28 days), held on the 20th: not in standard.
            #expect(try await p.value("supervision_in_standard_pct", january) == 0)
            try await qa.setPracticeStandard(PracticeStandard(role: "Social worker", supervisionIntervalDays: 35), authority: "358", by: "u")
            // Due 24 January: held by then.
            #expect(try await p.value("supervision_in_standard_pct", january) == 100)

            // Audits done in Oversight.
            #expect(try await p.value("audits_completed_pct", year) == nil)
            let templates = try await qa.installShippedTemplates(authority: "358", by: "u")
            let data = try await p.first.cases.caseData(authority: "358")
            let made = try SynthAudits(
                data: data, templates: templates, reportDate: Day(year: 2025, month: 3, day: 31)!, auditors: ["a1", "a2"],
                moderators: ["m1"], sampleSize: 1, seed: 2)
            try await qa.insert(rounds: made.rounds, audits: made.audits, authority: "358", by: "u")
            #expect(try await p.value("audits_completed_pct", year) != nil)

            // A target changed, then a new plan made current.
            #expect(try await p.target("audits_ri_or_better_pct", year) == 70)
            try await p.first.plans(authority: "358").changeTarget(
                TargetHistory.Change(
                    ambition: 1, measure: "audits_ri_or_better_pct", effectiveFrom: Day(year: 2024, month: 4, day: 1)!, target: .value(75), trajectory: [],
                    by: "u", at: Date(), reason: "raised by the board"))
            #expect(try await p.target("audits_ri_or_better_pct", year) == 75)
            let yaml = try PlanFileWriter().yaml(try PlanLoader.defaultPlan()).replacingOccurrences(of: "target: 70", with: "target: 65")
            _ = try await p.first.plans(authority: "358").importPlan(yaml: yaml, by: "u")
            let titles = await p.numbers2.kpis(period: year, snapshot: try await p.numbers2.snapshot(authority: "358"), withSeries: false).plan.title
            #expect(titles == (try PlanLoader.defaultPlan()).title)
            // The new plan's own targets apply; the target change recorded for this KPI still overrides it.
            #expect(try await p.target("cin_audits_ri_or_better_pct", year) == 65)
            await p.close()
        }
    }
}

import Foundation
import OversightCore
import Testing
@testable import OversightFormats

@Suite struct PlanFileTests {
    let reader = PlanFileReader()

    static let minimal = """
        id: test
        title: A test plan
        ambitions:
          - number: 1
            title: One
            statement: Do better.
            kpis:
              - wording: Fewer re-referrals
                measure: rereferrals_12m_pct
                target: below last year
                comparator: sn_mean
                cadence: quarterly
              - wording: 15 households
                measure: hand_households_recruited
                target: 15
                trajectory:
                  - {end: 2021-03-31, label: first year, value: 5}
        """

    @Test func readsAMinimalPlan() throws {
        let plan = try reader.parse(yaml: Self.minimal)
        #expect(plan.ambitions.count == 1)
        let k = plan.ambitions[0].kpis
        #expect(k[0].target == .belowLastYear && k[0].comparator == .snMean && k[0].cadence == .quarterly && k[0].polarity == .low)
        #expect(k[1].target == .value(15) && k[1].polarity == .high && k[1].trajectory.first?.value == 5)
    }

    @Test func writesWhatItReadsBack() throws {
        let original = try PlanLoader.defaultPlan()
        let text = try PlanFileWriter().yaml(original)
        let again = try reader.parse(yaml: text, file: "written.yaml")
        #expect(again == original)
    }

    static let withActions = minimal.replacingOccurrences(
        of: "    statement: Do better.\n",
        with: """
                statement: Do better.
                actions:
                  - Embed quality assurance as routine
                  - text: Rewrite the threshold document
                    owner: Head of Service
                    due: 2026-03-31
                    status: on_track
                    kpis: [rereferrals_12m_pct]
                    milestones:
                      - {text: Draft to partners, due: 2026-01-31, done: 2026-01-20}
                      - text: Signed off at the board

            """)

    @Test func actionsCarryTheirOwnerDueDateStatusMilestonesAndKPIs() throws {
        let plan = try reader.parse(yaml: Self.withActions)
        let a = plan.ambitions[0]
        #expect(a.actions == ["Embed quality assurance as routine", "Rewrite the threshold document"])
        let p = try #require(a.plannedActions.first)
        #expect(a.plannedActions.count == 1)
        #expect(p.owner == "Head of Service" && p.due == Day(year: 2026, month: 3, day: 31) && p.status == .onTrack && p.kpis == ["rereferrals_12m_pct"])
        #expect(p.milestones.map(\.text) == ["Draft to partners", "Signed off at the board"])
        #expect(p.milestones[0].doneOn == Day(year: 2026, month: 1, day: 20) && p.milestones[1].due == nil)
        // Written and read back, the same plan.
        #expect(try reader.parse(yaml: try PlanFileWriter().yaml(plan)) == plan)
    }

    static let badFiles: [(name: String, yaml: String, line: Int, words: String)] = [
        ("bad action status", withActions.replacingOccurrences(of: "status: on_track", with: "status: nearly"), 12, "bad status 'nearly'"),
        ("bad action date", withActions.replacingOccurrences(of: "due: 2026-03-31", with: "due: March"), 11, "bad date 'March'"),
        ("unknown KPI of an action", withActions.replacingOccurrences(of: "kpis: [rereferrals_12m_pct]", with: "kpis: [rerefs]"), 13, "unknown measure id 'rerefs'"),
        ("unknown field of an action", withActions.replacingOccurrences(of: "owner: Head of Service", with: "owners: Head of Service"), 10, "unknown field 'owners'"),
        ("unknown measure", minimal.replacingOccurrences(of: "measure: rereferrals_12m_pct", with: "measure: rereferals_pct"), 9, "unknown measure id 'rereferals_pct'"),
        ("bad target", minimal.replacingOccurrences(of: "target: below last year", with: "target: lower please"), 10, "bad target 'lower please'"),
        ("missing field", minimal.replacingOccurrences(of: "    statement: Do better.\n", with: ""), 4, "has no 'statement' field"),
        ("unknown field", minimal.replacingOccurrences(of: "cadence: quarterly", with: "cadance: quarterly"), 12, "unknown field 'cadance'"),
        ("bad comparator", minimal.replacingOccurrences(of: "comparator: sn_mean", with: "comparator: wales"), 11, "bad comparator 'wales'"),
        ("bad trajectory date", minimal.replacingOccurrences(of: "end: 2021-03-31", with: "end: 31/03/2021"), 17, "bad date '31/03/2021'"),
        ("not YAML", minimal.replacingOccurrences(of: "title: One", with: "title: [One"), 6, "not well formed"),
        ("a field given twice", minimal.replacingOccurrences(of: "title: One", with: "title: One\n    title: Two"), 5, "given twice"),
        ("a list where a value belongs", minimal.replacingOccurrences(of: "title: One", with: "title: [One]"), 5, "must be a single value"),
    ]

    @Test(arguments: badFiles.indices)
    func badFilesGiveLineNumberedErrors(_ i: Int) {
        let bad = Self.badFiles[i]
        do {
            _ = try reader.parse(yaml: bad.yaml, file: "bad.yaml")
            Issue.record("\(bad.name): no error")
        } catch let error as PlanFileError {
            #expect(error.line == bad.line, "\(bad.name): \(error)")
            #expect(error.message.contains(bad.words), "\(bad.name): \(error)")
            #expect(error.description.hasPrefix("bad.yaml, line"))
        } catch {
            Issue.record("\(bad.name): unexpected \(error)")
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: PlanFileError.self) { try reader.parse(yaml: "") }
    }
}

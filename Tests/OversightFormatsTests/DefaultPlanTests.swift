import Foundation
import OversightCore
import Testing
@testable import OversightFormats

@Suite struct DefaultPlanTests {
    let plan = try! PlanLoader.defaultPlan()

    @Test func hasEightAmbitionsNumberedInOrder() {
        #expect(plan.id == "trafford-2020")
        #expect(plan.ambitions.map(\.number) == Array(1...8))
        #expect(plan.ambitions.map(\.title) == [
            "Leadership and quality assurance", "Right help, right time", "Quality of practice", "Permanence",
            "Neglect", "Domestic abuse", "Missing and exploitation", "Partnerships",
        ])
        for a in plan.ambitions {
            #expect(!a.statement.isEmpty && !a.leads.isEmpty && !a.actions.isEmpty && !a.achievements.isEmpty && !a.kpis.isEmpty)
        }
    }

    @Test func everyMeasureIdIsKnown() {
        for (_, kpi) in plan.allKPIs {
            #expect(Plan.measureDefinition(kpi.measure) != nil, "unknown measure \(kpi.measure)")
        }
    }

    /// Every bullet under "Key Performance Indicators" in the seed text is a KPI wording, word for word.
    @Test func everySeedKPILineAppearsWithItsWording() throws {
        let seedKPIs = try Self.seedKPILines()
        #expect(seedKPIs.count == 48)
        let wordings = Set(plan.allKPIs.map(\.kpi.wording))
        for line in seedKPIs {
            #expect(wordings.contains(line), "missing KPI: \(line)")
        }
        #expect(wordings.count == seedKPIs.count)
    }

    /// Every action bullet of the seed ("What we need to do") is an action of the plan.
    @Test func everySeedActionAppears() throws {
        let text = try String(contentsOf: RepositoryPaths.seedPlan, encoding: .utf8)
        let actions = Set(plan.ambitions.flatMap(\.actions))
        var inActions = false
        var count = 0
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.contains("What we need to do") { inActions = true; continue }
            if line.contains("Key Performance Indicators") { inActions = false; continue }
            if inActions, line.hasPrefix("- ") {
                count += 1
                #expect(actions.contains(String(line.dropFirst(2))), "missing action: \(line)")
            }
        }
        #expect(count == actions.count)
    }

    @Test func bindsKPIsAsTheMappingTableSays() {
        func kpis(_ measure: String) -> [KPI] { plan.allKPIs.map(\.kpi).filter { $0.measure == measure } }
        #expect(kpis("audits_ri_or_better_pct").first?.target == .value(70))
        #expect(kpis("cpp_rate_per_10k").first?.target == .statisticalNeighbourAverage(.median))
        #expect(kpis("rereferrals_12m_pct").allSatisfy { $0.target == .belowLastYear })
        #expect(kpis("placed_with_parents_change_pct").first?.target == .value(-20))
        #expect(kpis("hand_households_recruited").first?.target == .value(15))
        #expect(kpis("rhi_offered_72h_pct").first?.target == .value(80))
        #expect(kpis("placement_stability_short_pct").allSatisfy { $0.polarity == .low })
        #expect(kpis("audits_moderated_pct").first?.trajectory.count == 4)
        #expect(kpis("missing_children_pct").first?.wording == kpis("missing_episodes").first?.wording)
    }

    /// The KPI bullets of the seed: lines starting "- " after a "Key Performance Indicators"
    /// heading, up to the next heading, "Our approach" or the first blank line after a bullet; an
    /// indented line continues the bullet.
    static func seedKPILines() throws -> [String] {
        let text = try String(contentsOf: RepositoryPaths.seedPlan, encoding: .utf8)
        var out: [String] = []
        var inKPIs = false
        var lastWasBullet = false
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.contains("Key Performance Indicators") { inKPIs = true; continue }
            guard inKPIs else { lastWasBullet = false; continue }
            if line.hasPrefix("#") || line.hasPrefix("Our approach") || (line.isEmpty && lastWasBullet) { inKPIs = false; continue }
            if line.hasPrefix("- ") {
                lastWasBullet = true
                out.append(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            } else if !line.isEmpty, raw.hasPrefix("  "), let last = out.popLast() {
                out.append(last + " " + line)
            }
        }
        return out
    }
}

import Foundation
import OversightCore
import Testing
@testable import OversightSynth

@Suite("Synthetic data calibration at Trafford scale")
struct SynthCalibrationTests {
    /// Trafford scale, seed 1, histories written for 2021-2025: the children of the default demo.
    static let children: [SynthChild] = {
        var out: [SynthChild] = []
        SynthGenerator(options: SynthOptions(firstYear: 2021, lastYear: 2025, seed: 1)).forEachChild { out.append($0) }
        return out
    }()

    static let year2024 = SynthCalibration(children: children, year: 2024)

    @Test func referralsAndRereferralsNearTrafford() {
        let c = Self.year2024
        #expect((1700...2100).contains(c.referrals), "\(c)")
        #expect((17.0...21.0).contains(c.rereferralPct), "\(c)")
    }

    @Test func childProtectionNearTrafford() {
        let c = Self.year2024
        #expect((150...220).contains(c.cppAtEnd), "\(c)")
        #expect((25.0...40.0).contains(c.subsequentPct), "\(c)")
    }

    @Test func childrenLookedAfterNearTrafford() {
        let c = Self.year2024
        #expect((350...390).contains(c.claAtEnd), "\(c)")
        #expect((90...160).contains(c.claStarts), "\(c)")
        #expect((3.0...10.0).contains(c.threePlusPct), "\(c)")
        #expect((65.0...85.0).contains(c.longTermPct), "\(c)")
    }

    @Test func missingAndReturnInterviewsNearPlan() {
        let c = Self.year2024
        #expect((7.0...13.0).contains(c.missingPct), "\(c)")
        #expect((72.0...88.0).contains(c.rhiPct), "\(c)")
    }

    @Test func edgeCasesArePresent() {
        let all = Self.children.flatMap(\.careEpisodes)
        #expect(all.contains { $0.legalStatus == "V3" || $0.legalStatus == "V4" }, "short breaks")
        #expect(all.contains { $0.placement == "P1" }, "placed with parents")
        #expect(all.contains { $0.placement == "K2" && ($0.provider == "PR4" || $0.provider == "PR5") }, "private children's homes")
        #expect(
            all.contains { ($0.reasonNew == "T" || $0.reasonNew == "U") && ($0.placement == "A3" || $0.placement == "A5") },
            "adoption by the current foster carer")
        #expect(all.contains { ["E45", "E46", "E47", "E48"].contains($0.reasonEnded ?? "") }, "special guardianship exits")
        #expect(all.contains { $0.placement.hasPrefix("T") }, "temporary placements")
        #expect(Self.children.contains { !$0.careLeaverRows.isEmpty }, "care leavers")
        let open = all.filter { $0.start <= Day(year: 2024, month: 3, day: 31)! && ($0.end.map { $0 > Day(year: 2024, month: 3, day: 31)! } ?? true) }
        #expect(open.contains { $0.start < Day(year: 2023, month: 4, day: 1)! }, "episodes continuing across 31 March")
        let repeatPlansYearsApart = Self.children.contains { c in
            let plans = c.cinEpisodes.flatMap(\.protectionPlans)
            return zip(plans, plans.dropFirst()).contains { a, b in a.end.map { $0.days(to: b.start) > 730 } == true }
        }
        #expect(repeatPlansYearsApart, "repeat protection plans years apart")
        let c = SynthCalibration(children: Self.children, year: 2024)
        #expect(c.temporaryReturns > 0, "returns to the same placement after a temporary one")
    }

    @Test func printsYears() {
        for y in 2021...2025 { print(y, SynthCalibration(children: Self.children, year: y)) }
    }
}

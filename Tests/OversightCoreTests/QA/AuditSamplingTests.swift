import Foundation
import Testing
@testable import OversightCore

/// Cohorts from case data, seeded samples and moderation selection.
@Suite struct AuditSamplingTests {
    let d = day("2025-03-31")

    /// C1 CIN re-referred within a year (domestic abuse); C2 on a second CP plan (neglect);
    /// C3 looked after, placed with parents, went missing, worker W1 (team North);
    /// C4 closed before the cohort day; C5 a referral with no further action; C6 looked after,
    /// worker W2 (no team known).
    var data: CaseData {
        caseData(
            cin: [
                referral("C1", "2024-06-01", closed: "2024-08-01"),
                referral("C1", "2025-01-10", assessments: [assessment(start: "2025-01-11", authorised: "2025-02-01", factors: ["3A"])]),
                referral("C2", "2023-01-01", closed: "2023-12-01", plans: [plan("2023-02-01", "2023-11-01", category: "PHY")]),
                referral("C2", "2024-05-01", plans: [plan("2024-06-01", category: "NEG", previous: 1)]),
                referral("C4", "2024-05-01", closed: "2025-03-31"),
                referral("C5", "2025-03-01", nfa: true),
            ],
            cla: [episode("C3", "2024-10-01", place: "P1"), episode("C6", "2023-01-01", "2025-04-30")],
            missing: [CLAMissing(child: cid("C3"), kind: "M", start: df("2025-02-02"))],
            sw: [
                SocialWorkerEpisode(child: cid("C3"), workerID: "W1", start: df("2024-10-01")),
                SocialWorkerEpisode(child: cid("C6"), workerID: "W2", start: df("2023-01-01")),
            ]
        )
    }

    func ids(_ rule: CohortRule) -> [String] {
        AuditCohort.compute(rule, data: data, on: d, teamOfWorker: ["W1": "North"]).map(\.child.rawValue)
    }

    @Test func cohortsFollowTheirRules() {
        let all = AuditCohort.compute(.allOpenCases, data: data, on: d, teamOfWorker: ["W1": "North"])
        #expect(all.map(\.child.rawValue) == ["C1", "C2", "C3", "C6"])
        #expect(all.map(\.caseKind) == [.cin, .cp, .cla, .cla])
        #expect(all[2].worker == "W1" && all[2].team == "North" && all[3].team == nil)
        #expect(ids(.team("North")) == ["C3"])
        #expect(ids(.team("South")) == [])
        #expect(ids(.rereferral) == ["C1"])
        #expect(ids(.repeatCPPlan) == ["C2"])
        #expect(ids(.missingEpisode) == ["C3"])
        #expect(ids(.neglect) == ["C2"])
        #expect(ids(.domesticAbuse) == ["C1"])
        #expect(ids(.placedWithParents) == ["C3"])
    }

    @Test func withTheOrganisationFilesATeamsCohortIsItsCaseload() {
        var d2 = data
        d2.workers = [
            WorkerRecord(id: "W7", team: "Child protection team 1", service: "CIN and CP", start: df("2020-01-01")),
            WorkerRecord(id: "W1", team: "Children in care team 1", service: "Children in care", start: df("2020-01-01")),
        ]
        d2.allocations = [
            Allocation(child: cid("C1"), worker: "W7", from: df("2025-01-10")), Allocation(child: cid("C2"), worker: "W7", from: df("2024-05-01")),
        ]
        let cp = AuditCohort.compute(.team("Child protection team 1"), data: d2, on: d)
        #expect(cp.map(\.child.rawValue) == ["C1", "C2"] && cp.allSatisfy { $0.worker == "W7" })
        // C3 has no allocation: the SSDA903 social worker episode (W1) places them in W1's team.
        #expect(AuditCohort.compute(.team("Children in care team 1"), data: d2, on: d).map(\.child.rawValue) == ["C3"])
        #expect(AuditCohort.workers(data: d2, on: d, team: "Child protection team 1") == ["W7"])
        // A mapping given by the caller is still used as it was.
        #expect(AuditCohort.compute(.team("North"), data: d2, on: d, teamOfWorker: ["W1": "North"]).map(\.child.rawValue) == ["C3"])
    }

    @Test func recordsLeftOpenByAnEarlierReturnAreOpenOnlyToTheYearBefore() {
        // Each child's 2023 return left an episode, a plan or a social worker episode open; 2024
        // holds the child with a later record only, so each ended by 31 March 2023.
        let data = returns(
            [
                (2023, [referral("P", "2022-05-01", plans: [plan("2022-06-01")])], [episode("A", "2022-06-01", rne: "S")]),
                (2024, [referral("P", "2023-07-01")], [episode("A", "2023-05-01", rne: "S")]),
            ],
            sw: [
                (2023, [SocialWorkerEpisode(child: cid("A"), workerID: "W1", start: df("2022-06-01"))]),
                (2024, [SocialWorkerEpisode(child: cid("A"), workerID: "W2", start: df("2023-05-01"))]),
            ])
        let march = AuditCohort.compute(.allOpenCases, data: data, on: day("2023-03-31"))
        #expect(march.map(\.child.rawValue) == ["A", "P"])
        #expect(march.first?.worker == "W1")
        #expect(AuditCohort.compute(.allOpenCases, data: data, on: day("2023-04-15")).isEmpty)
        #expect(AuditCohort.workers(data: data, on: day("2023-04-15")).isEmpty)
        #expect(Caseload.children(of: "W1", in: data, period: period("2023-04-01", "2023-04-30")).isEmpty)
        #expect(Caseload.children(of: "W1", in: data, period: period("2023-03-01", "2023-03-31")) == [cid("A")])
    }

    @Test func cohortRulesRoundTripAsStored() {
        for r in [CohortRule.allOpenCases, .team("Leaving care")] + CohortRule.themes {
            #expect(CohortRule(stored: r.stored) == r)
        }
        #expect(CohortRule(stored: "team: ") == nil && CohortRule(stored: "everyone") == nil)
    }

    func cohort(_ n: Int) -> [CohortCase] {
        (1...n).map { CohortCase(child: cid(String(format: "C%03d", $0)), caseKind: .cin, worker: "W\($0 % 5)") }
    }

    @Test func samplesAreSeededDeterministicAndWithoutRepeats() {
        let c = cohort(50)
        let a = AuditSampler.sample(c, size: 10, seed: 42)
        #expect(a.count == 10 && Set(a).count == 10)
        #expect(AuditSampler.sample(c.reversed(), size: 10, seed: 42) == a)
        #expect(AuditSampler.sample(c, size: 10, seed: 43) != a)
        #expect(AuditSampler.sample(c, size: 80, seed: 1).count == 50)
        #expect(AuditSampler.sample([], size: 3, seed: 1).isEmpty)
        // Every case can be drawn: over many seeds each of 5 cases appears first.
        let firsts = Set((0..<200).map { AuditSampler.sample(cohort(5), size: 1, seed: UInt64($0))[0].child })
        #expect(firsts.count == 5)
    }

    @Test func auditorsAreNotGivenTheirOwnCases() {
        let cases = [CohortCase(child: cid("C1"), caseKind: .cin, worker: "A"), CohortCase(child: cid("C2"), caseKind: .cin, worker: "A")]
        let assigned = AuditSampler.assign(cases, auditors: ["A", "B"])
        #expect(assigned.map(\.1) == ["B", "B"])
        #expect(AuditSampler.assign(cases, auditors: []).isEmpty)
    }

    @Test func moderationTakesTheRateAndEveryInadequate() throws {
        var audits: [Audit] = []
        for i in 1...20 {
            let grade: Grade = i % 7 == 0 ? .inadequate : .good
            audits.append(try QAFixtures.audit(String(format: "M%02d", i), due: "2026-04-30", submitted: "2026-04-20", grade: grade))
        }
        audits.append(try QAFixtures.audit("M99", due: "2026-04-30")) // a draft is never selected
        let chosen = AuditSampler.moderationSelection(audits, ratePercent: 25, seed: 7)
        let inadequate = Set(audits.filter { $0.grade == .inadequate }.map(\.id))
        #expect(inadequate.count == 2 && inadequate.isSubset(of: chosen))
        #expect(chosen.count >= 5 && chosen.count <= 7 && !chosen.contains(AuditID("M99")))
        #expect(AuditSampler.moderationSelection(audits, ratePercent: 25, seed: 7) == chosen)
        #expect(AuditSampler.moderationSelection(audits, ratePercent: 100, seed: 7).count == 20)
        #expect(AuditSampler.moderationSelection(audits, ratePercent: 0, seed: 7) == inadequate)
        // Per-audit draws: Inadequate always; about the rate otherwise.
        #expect(audits.filter { $0.grade == .inadequate }.allSatisfy { AuditSampler.drawsModeration($0, ratePercent: 0, seed: 1) })
        let drawn = audits.filter { AuditSampler.drawsModeration($0, ratePercent: 50, seed: 3) && $0.grade != .inadequate }.count
        #expect(drawn > 2 && drawn < 16)
    }

    @Test func roundsNameTheirProblems() {
        let r = AuditRound(
            id: "r1", name: " ", month: .month(year: 2026, month: 4), cohort: .allOpenCases, cohortDay: day("2026-04-01"),
            sampleSize: 0, seed: 1, moderationRatePercent: 120, dueDate: day("2026-03-01"), templateID: "case-file")
        #expect(r.problems().count == 4)
    }
}

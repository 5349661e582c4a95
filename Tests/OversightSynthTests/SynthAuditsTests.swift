import Foundation
import OversightCore
import OversightFormats
import Testing
@testable import OversightSynth

/// Demo audits: deterministic, through the real workflow, with the intended shape.
@Suite struct SynthAuditsTests {
    /// 120 open cases (synthetic ids), each with one of 12 social workers; 40 re-referred, 24 on a plan.
    static var data: CaseData {
        var b = CaseDataBuilder()
        let c = b.addFile(SourceFile(path: "cin.xml", format: "cin", table: "CINdetails", collectionYear: 2026))
        b.add(
            cinEpisodes: (1...120).map { i in
                CINEpisode(
                    child: ChildID(String(format: "D%04d", i)), referralDate: .iso("2024-0\(1 + i % 9)-01"), referralNFA: false,
                    assessments: [Assessment(startDate: .iso("2024-10-01"), authorisationDate: .iso("2024-11-01"), factors: i % 4 == 0 ? ["3A"] : [])],
                    protectionPlans: i % 5 == 0 ? [ProtectionPlan(startDate: .iso("2024-11-01"), initialCategory: "NEG", numberOfPreviousPlans: i % 10 == 0 ? 1 : 0)] : [])
            }
                + (1...40).map { i in
                    CINEpisode(
                        child: ChildID(String(format: "D%04d", i * 3)), referralDate: .iso("2023-11-01"), closureDate: .iso("2023-12-01"),
                        referralNFA: false)
                }, file: c)
        let e = b.addFile(SourceFile(path: "sw.csv", format: "ssda903", table: "SocialWorkers", collectionYear: 2026))
        b.add(
            socialWorkerEpisodes: (1...120).map { i in
                SocialWorkerEpisode(child: ChildID(String(format: "D%04d", i)), workerID: "SW\(i % 12)", start: .iso("2024-01-01"))
            }, file: e)
        return b.build()
    }

    static func build(seed: UInt64 = 5) throws -> SynthAudits {
        try SynthAudits(
            data: data, templates: try AuditTemplateReader.shipped(), reportDate: Day(year: 2026, month: 3, day: 20)!,
            auditors: ["tm1", "tm2", "tm3", "tm4"], moderators: ["sm1", "sm2"], sampleSize: 12, seed: seed)
    }

    @Test func aYearOfRoundsWithAPlausibleShape() throws {
        let demo = try Self.build()
        #expect(demo.rounds.filter { $0.type == .caseFile }.count == 12)
        #expect(demo.rounds.first?.month == .month(year: 2025, month: 4) && demo.rounds.last?.month.start == Day(year: 2026, month: 3, day: 1))
        #expect(demo.rounds.filter { $0.type == .caseFile }.map(\.moderationRatePercent).first == 25)
        #expect(demo.rounds.filter { $0.type == .caseFile }.map(\.moderationRatePercent).last == 100)
        #expect(demo.rounds.contains { $0.cohort == .rereferral || $0.cohort == .repeatCPPlan })
        let caseFiles = demo.audits.filter { $0.type == .caseFile }
        // Twelve a month; the missing-episode deep dive finds nobody in this data.
        #expect(caseFiles.count == 132)
        let graded = caseFiles.compactMap(\.grade)
        func share(_ g: Grade) -> Double { Double(graded.filter { $0 == g }.count) / Double(graded.count) }
        #expect(share(.outstanding) > 0.03 && share(.outstanding) < 0.2)
        #expect(share(.good) > 0.33 && share(.good) < 0.57)
        #expect(share(.requiresImprovement) > 0.23 && share(.requiresImprovement) < 0.47)
        #expect(share(.inadequate) > 0.03 && share(.inadequate) < 0.2)
        // Every inadequate submitted audit was selected for moderation; some grades were revised.
        #expect(caseFiles.filter { $0.status.isSubmitted && $0.grade == .inadequate }.allSatisfy { $0.events.contains { $0.step == .selectedForModeration } })
        #expect(caseFiles.contains { $0.moderation?.agrees == false } && caseFiles.contains { $0.moderation?.agrees == true })
        #expect(caseFiles.allSatisfy { a in a.moderation.map { $0.moderator != a.auditor } ?? true })
        #expect(caseFiles.contains { $0.status == .actionsComplete } && caseFiles.contains { !$0.outstandingActions.isEmpty })
        #expect(demo.audits.contains { $0.type == .supervision && $0.status.isSubmitted })
        #expect(Set(demo.teamOfWorker.values).isSubset(of: Set(SynthAudits.teams)))
        // Issue 18: owners read as a manager writes them ("Team manager"), not as slugs ("team-manager").
        let owners = Set(demo.audits.flatMap(\.actions).map(\.owner))
        #expect(!owners.isEmpty && owners.allSatisfy { $0.first?.isUppercase == true && !$0.contains("-") }, "\(owners)")

        let measures = QAMeasures.computeAll(audits: demo.audits, period: .reportingYear(2026), reportDate: Day(year: 2026, month: 3, day: 20)!)
        let v = Dictionary(uniqueKeysWithValues: measures.map { ($0.id, $0.value) })
        #expect((v["audits_completed_pct"]! ?? 0) > 75)
        #expect((v["audits_ri_or_better_pct"]! ?? 0) > 75 && (v["audits_ri_or_better_pct"]! ?? 100) < 98)
        #expect((v["moderation_kappa"]! ?? 0) > 0.3)
    }

    @Test func theSameSeedGivesTheSameAudits() throws {
        let a = try Self.build(), b = try Self.build(), c = try Self.build(seed: 6)
        #expect(a.audits == b.audits && a.rounds == b.rounds)
        #expect(a.audits != c.audits)
    }

    /// Over a generated synthetic authority (a quarter of national scale, 2024-25 and 2025-26):
    /// every cohort finds cases and the QA measures all have values.
    @Test func overAGeneratedAuthorityEveryMeasureHasAValue() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-audits-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = SynthOptions(localAuthority: 358, firstYear: 2025, lastYear: 2026, seed: 11, scale: .factor(0.25), errorRate: 0)
        try SynthGenerator(options: options).run(to: dir)
        let data = FileLoader.load(paths: [dir.path], keepRaw: false).caseData
        let report = Day(year: 2026, month: 3, day: 20)!
        let demo = try SynthAudits(
            data: data, templates: try AuditTemplateReader.shipped(), reportDate: report,
            auditors: ["tm1", "tm2", "tm3", "tm4", "tm5"], moderators: ["sm1", "sm2"], seed: 1)
        let perRound = Dictionary(grouping: demo.audits.filter { $0.type == .caseFile }, by: { $0.roundID ?? "" })
        #expect(perRound.count == 12 && perRound.values.allSatisfy { $0.count == 12 })
        #expect(demo.audits.contains { $0.type == .supervision })
        let results = QAMeasures.computeAll(audits: demo.audits, period: .reportingYear(2026), reportDate: report)
        #expect(results.count == 13 && results.allSatisfy { $0.value != nil })
    }
}

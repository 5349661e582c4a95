import Foundation
import Testing
@testable import OversightCore

/// Hand-checked worked examples of every QA measure over one set of eight audits, April 2026,
/// reported on 10 May 2026.
@Suite struct QAMeasuresTests {
    static let april = Period.month(year: 2026, month: 4)
    static let reportDate = day("2026-05-10")

    /// A1-A8 (see each line). Due in April: A1 A2 A3 A4 A5 A7. Case file audits submitted in
    /// April by the report date: A1 A2 A6. Supervision audits submitted in April: A7 A8.
    /// Moderations completed in April: A2 (RI -> Inadequate), A6 (Inadequate -> RI), A7 (Good, agrees).
    static func audits() throws -> [Audit] {
        [
            // CIN, on time, Good; lived yes, strengths yes, oversight no; not moderated.
            try QAFixtures.audit("A1", kind: .cin, due: "2026-04-10", submitted: "2026-04-08", grade: .good, oversight: "no"),
            // CP, late, RI revised to Inadequate on 28 April; lived partly.
            try QAFixtures.audit(
                "A2", kind: .cp, due: "2026-04-20", submitted: "2026-04-25", grade: .requiresImprovement,
                lived: "partly", moderated: (.inadequate, "2026-04-28")),
            // CIN, due April, submitted in May (before the report date), moderated in May.
            try QAFixtures.audit(
                "A3", kind: .cin, due: "2026-04-30", submitted: "2026-05-05", grade: .inadequate,
                moderated: (.good, "2026-05-06")),
            // CLA, due April, still a draft.
            try QAFixtures.audit("A4", kind: .cla, due: "2026-04-15"),
            // CIN, due April, submitted after the report date: not completed as at the report.
            try QAFixtures.audit("A5", kind: .cin, due: "2026-04-30", submitted: "2026-05-20"),
            // CIN, due March, submitted 2 April, Inadequate revised to RI on 3 April; lived no, strengths no.
            try QAFixtures.audit(
                "A6", kind: .cin, due: "2026-03-31", submitted: "2026-04-02", grade: .inadequate,
                lived: "no", strengths: "no", moderated: (.requiresImprovement, "2026-04-03")),
            // Supervision, on time, Good, reflective; moderated (agrees) 14 April.
            try QAFixtures.audit(
                "A7", .supervision, due: "2026-04-12", submitted: "2026-04-11", grade: .good,
                moderated: (.good, "2026-04-14")),
            // Supervision due in May, submitted in April, Inadequate, not reflective, not moderated.
            try QAFixtures.audit("A8", .supervision, due: "2026-05-12", submitted: "2026-04-29", grade: .inadequate, reflective: "no"),
        ]
    }

    func result(_ id: String, period: Period = april, reportDate: Day = reportDate) throws -> MeasureResult {
        try #require(QAMeasures.compute(id: id, audits: try Self.audits(), period: period, reportDate: reportDate))
    }

    func keys(_ records: [DrillRecord]) -> [String] { records.map(\.key).sorted() }

    @Test func completedCountsSubmissionsByTheReportDateOfAuditsDueInThePeriod() throws {
        let r = try result("audits_completed_pct")
        #expect(r.numerator == 4 && r.denominator == 6)
        #expect(abs(r.value! - 66.666_666) < 0.001)
        #expect(keys(r.denominatorRecords) == ["A1", "A2", "A3", "A4", "A5", "A7"])
        #expect(keys(r.numeratorRecords) == ["A1", "A2", "A3", "A7"])
        #expect(r.numeratorRecords.allSatisfy { $0.kind == "audit" })
        // Reported after A5 was submitted, it counts.
        #expect(try result("audits_completed_pct", reportDate: day("2026-05-31")).numerator == 5)
    }

    @Test func onTimeMeansSubmittedOnOrBeforeTheDueDate() throws {
        let r = try result("audits_completed_on_time_pct")
        #expect(r.numerator == 2 && r.denominator == 6)
        #expect(keys(r.numeratorRecords) == ["A1", "A7"])
    }

    @Test func moderatedIsOfCaseFileAuditsSubmittedInThePeriod() throws {
        let r = try result("audits_moderated_pct")
        #expect(keys(r.denominatorRecords) == ["A1", "A2", "A6"])
        #expect(keys(r.numeratorRecords) == ["A2", "A6"])
        #expect(abs(r.value! - 66.666_666) < 0.001)
    }

    @Test func requiresImprovementOrBetterUsesTheModeratorsGrade() throws {
        let r = try result("audits_ri_or_better_pct")
        // A1 Good; A2 RI revised to Inadequate (no); A6 Inadequate revised to RI (yes).
        #expect(keys(r.numeratorRecords) == ["A1", "A6"])
        #expect(r.denominator == 3)
        let cin = try result("cin_audits_ri_or_better_pct")
        #expect(keys(cin.denominatorRecords) == ["A1", "A6"])
        #expect(cin.value == 100)
        // Reported on 2 April: only A6 was submitted, and before its moderation the auditor's
        // Inadequate counted.
        let early = try result("audits_ri_or_better_pct", reportDate: day("2026-04-02"))
        #expect(keys(early.denominatorRecords) == ["A6"] && early.numeratorRecords.isEmpty && early.value == 0)
    }

    @Test func evidencedMeasuresReadTheMarkedQuestions() throws {
        let lived = try result("audits_lived_experience_pct")
        #expect(keys(lived.numeratorRecords) == ["A1"] && lived.denominator == 3)
        #expect(abs(lived.value! - 33.333_333) < 0.001)
        #expect(keys(try result("audits_strengths_based_pct").numeratorRecords) == ["A1", "A2"])
        #expect(keys(try result("audits_management_oversight_pct").numeratorRecords) == ["A2", "A6"])
    }

    @Test func supervisionAuditsAreTheirOwnBase() throws {
        let ri = try result("supervision_audits_ri_or_better_pct")
        #expect(keys(ri.denominatorRecords) == ["A7", "A8"] && keys(ri.numeratorRecords) == ["A7"] && ri.value == 50)
        #expect(ri.denominatorRecords.allSatisfy { $0.child == "" })
        let reflective = try result("supervision_audits_reflective_pct")
        #expect(keys(reflective.numeratorRecords) == ["A7"] && reflective.value == 50)
    }

    @Test func agreementIsOverModerationsCompletedInThePeriod() throws {
        let r = try result("moderation_agreement_pct")
        #expect(keys(r.denominatorRecords) == ["A2", "A6", "A7"] && keys(r.numeratorRecords) == ["A7"])
        #expect(abs(r.value! - 33.333_333) < 0.001)
        #expect(keys(try result("moderation_agreement_pct", period: .month(year: 2026, month: 5)).denominatorRecords) == ["A3"])
    }

    /// Pairs (RI, Inadequate), (Inadequate, RI), (Good, Good): observed weighted disagreement
    /// 2/9; margins one each of ranks 2-4 on both sides, expected 12/9 / 3 = 4/9; kappa 1 - 1/2.
    @Test func kappaWorkedExample() throws {
        let r = try result("moderation_kappa")
        #expect(r.unit == .ratio && r.denominator == 3 && r.numerator == nil)
        #expect(abs(r.value! - 0.5) < 1e-12)
        #expect(keys(r.denominatorRecords) == ["A2", "A6", "A7"])
    }

    @Test func kappaEdgeCases() {
        #expect(QAMeasures.quadraticWeightedKappa([]) == nil)
        // One category on both sides: no disagreement expected, so kappa is undefined.
        #expect(QAMeasures.quadraticWeightedKappa([(.good, .good), (.good, .good)]) == nil)
        // Perfect agreement over several grades.
        #expect(QAMeasures.quadraticWeightedKappa([(.good, .good), (.inadequate, .inadequate)]) == 1)
        // (Outstanding, Good), (Good, Outstanding): observed 2/9, expected (1/9 + 1/9) / 2 = 1/9.
        #expect(abs(QAMeasures.quadraticWeightedKappa([(.outstanding, .good), (.good, .outstanding)])! + 1) < 1e-12)
        // A moderator who always says Good against varied auditors: expected equals observed.
        #expect(abs(QAMeasures.quadraticWeightedKappa([(.outstanding, .good), (.inadequate, .good)])!) < 1e-12)
    }

    @Test func kappaWithOneCategoryWarnsAndIsNil() throws {
        let a = try QAFixtures.audit("K1", due: "2026-04-01", submitted: "2026-04-02", moderated: (.good, "2026-04-03"))
        let r = try #require(QAMeasures.compute(id: "moderation_kappa", audits: [a], period: Self.april, reportDate: Self.reportDate))
        #expect(r.value == nil && r.denominator == 1 && r.warnings.count == 1)
    }

    @Test func emptyDenominatorsGiveNilValues() throws {
        let quiet = Period.month(year: 2025, month: 1)
        for def in MeasureCatalogue.qualityAssurance {
            let r = try result(def.id, period: quiet)
            #expect(r.value == nil, "\(def.id)")
            #expect(r.denominator == 0, "\(def.id)")
        }
        #expect(QAMeasures.compute(id: "referrals", audits: [], period: quiet, reportDate: Self.reportDate) == nil)
        #expect(QAMeasures.computeAll(audits: [], period: quiet, reportDate: Self.reportDate).count == 13)
    }

    @Test func auditsWithoutAMarkedQuestionAreLeftOutWithAWarning() throws {
        var t = QAFixtures.caseFile
        t.version = 2
        t.sections[0].questions[0].feeds = nil
        t.sections[0].questions[0].evidencedAnswers = []
        var a = Audit.assign(
            id: AuditID("V2"), template: t, subject: .child(cid("C1")), caseKind: .cin, team: nil,
            auditor: "u1", due: day("2026-04-30"), by: "m", at: QAFixtures.noon("2026-04-01"))
        try a.saveDraft(
            answers: [
                "lived": .init(value: "yes"), "strengths": .init(value: "yes"), "quality": .init(value: "good"),
                "oversight": .init(value: "yes"),
            ], grade: .good, gradeRationale: "fine",
            template: t, by: "u1", at: QAFixtures.noon("2026-04-02"))
        try a.submit(template: t, by: "u1", at: QAFixtures.noon("2026-04-03"))
        let r = try #require(QAMeasures.compute(id: "audits_lived_experience_pct", audits: [a], period: Self.april, reportDate: Self.reportDate))
        #expect(r.denominator == 0 && r.value == nil && r.warnings.count == 1)
    }
}

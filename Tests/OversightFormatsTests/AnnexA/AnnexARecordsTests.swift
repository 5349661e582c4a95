import Foundation
import Testing
import OversightCore
@testable import OversightFormats

/// Mapping Annex A rows onto the domain records.
@Suite struct AnnexARecordsTests {
    func book(_ rows: [AnnexAList: [[String: String]]]) throws -> AnnexAWorkbook {
        try AnnexAWorkbook.read(data: AnnexAWriter(rows: rows).data(), file: "records.xlsx")
    }

    @Test func makesOneMissingEpisodePerChildWithALastEpisode() throws {
        let b = try book([
            .list8: [
                ["child_id": "M1", "cla_start_date": "2023-01-01", "missing_episodes_12m": "2", "rhi_offered": "a) Yes", "rhi_accepted": "b) No"],
                ["child_id": "M2", "cla_start_date": "2023-01-01", "missing_episodes_12m": "0"],
                ["child_id": "M3", "cla_start_date": "2023-01-01", "missing_episodes_12m": "1", "rhi_offered": "N"],
                ["child_id": "", "cla_start_date": "2023-01-01", "missing_episodes_12m": "4", "rhi_offered": "Y"],
            ]
        ])
        let episodes = b.missingEpisodes(fileIndex: 2)
        #expect(episodes.map(\.child.rawValue) == ["M1", "M3"])
        #expect(episodes[0].kind == "M")
        #expect(episodes[0].start == .missing)
        #expect(episodes[0].rhiOffered == .invalid("a) Yes"))
        #expect(episodes[0].rhiAccepted == false)
        #expect(episodes[0].origin == RecordOrigin(file: 2, row: 2))
        #expect(episodes[1].rhiOffered == .missing)
        #expect(episodes[1].rhiAccepted == nil)
    }

    @Test func mergesAReferralWithTheChildInNeedEpisodeItStarted() throws {
        let b = try book([
            .list3: [
                ["child_id": "R1", "referral_date": "2024-04-02", "referral_source": "e) 2A: Schools", "referral_nfa": "No"],
                ["child_id": "R2", "referral_date": "2024-05-01", "referral_source": "Police", "referral_nfa": "a) Yes"],
            ],
            .list6: [
                [
                    "child_id": "r1", "cin_start_date": "02/04/2024", "primary_need_code": "N1 - Abuse or Neglect",
                    "cin_closure_date": "2024-10-01", "closure_reason": "RC1 - Adopted",
                ],
                ["child_id": "R3", "cin_start_date": "2023-01-01", "primary_need_code": "N2"],
            ],
        ])
        let episodes = b.cinEpisodes()
        #expect(episodes.count == 3)
        let merged = episodes[0]
        #expect(merged.child.rawValue == "R1")
        #expect(merged.referralSource == "2A")
        #expect(merged.referralNFA == false)
        #expect(merged.primaryNeedCode == "N1")
        #expect(merged.closureDate == .value(Day(year: 2024, month: 10, day: 1)!))
        #expect(merged.reasonForClosure == "RC1")
        #expect(episodes[1].referralSource == nil)
        #expect(episodes[1].referralNFA == true)
        #expect(episodes[2].referralDate == .value(Day(year: 2023, month: 1, day: 1)!))
        #expect(episodes[2].origin.row == 3)
    }

    @Test func givesAssessmentsEnquiriesAndPlansEpisodesWithoutAReferralDate() throws {
        let b = try book([
            .list4: [["child_id": "A1", "assessment_start_date": "2024-04-02", "assessment_authorisation_date": "2024-05-20"]],
            .list5: [["child_id": "A1", "s47_start_date": "2024-04-03", "icpc_not_required": "No", "icpc_date": "2024-04-20"]],
            .list7: [
                [
                    "child_id": "A1", "cpp_start_date": "2024-04-20", "initial_category": "b) Neglect", "latest_category": "MUL",
                    "previous_plans": "2", "cpp_end_date": "bad",
                ]
            ],
        ])
        let episodes = b.cinEpisodes()
        #expect(episodes.count == 3)
        #expect(episodes.allSatisfy { $0.referralDate == .missing })
        #expect(episodes[0].assessments.first?.authorisationDate == .value(Day(year: 2024, month: 5, day: 20)!))
        #expect(episodes[1].section47s.first?.icpcNotRequired == false)
        #expect(episodes[1].section47s.first?.initialCPCDate == .value(Day(year: 2024, month: 4, day: 20)!))
        let plan = try #require(episodes[2].protectionPlans.first)
        #expect(plan.initialCategory == "NEG")
        #expect(plan.latestCategory == "MUL")
        #expect(plan.numberOfPreviousPlans == 2)
        #expect(plan.endDate == .invalid("bad"))
    }

    @Test(arguments: [
        ("q) 6: Police", "6"), ("b) 1B: Individual", "1B"), ("N1 - Abuse or Neglect", "N1"), ("e) PR4 - Private provision", "PR4"),
        ("k) E47: Special Guardianship Orders - relative/friend", "E47"), ("RD2", "RD2"), ("C2: FCO", "C2"), ("u6", "U6"),
    ])
    func readsCodesBehindDropDownLabels(label: String, code: String) {
        #expect(AnnexAValue.code(label) == code)
    }

    @Test(arguments: ["", "Physical abuse", "Top Town Academy", "a) "])
    func findsNoCodeInPlainWords(label: String) {
        #expect(AnnexAValue.code(label) == nil)
    }

    @Test(arguments: [("a) Yes", true), ("b) No", false), ("Y", true), ("no", false), ("c) Not known", nil), ("", nil)] as [(String, Bool?)])
    func readsYesNoAnswers(text: String, value: Bool?) {
        #expect(AnnexAValue.flag(text) == value)
    }
}

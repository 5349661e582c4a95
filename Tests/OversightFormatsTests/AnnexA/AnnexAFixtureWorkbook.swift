import Foundation
import OversightCore
@testable import OversightFormats

/// An Ofsted Annex A workbook written for the tests (invented children and workers), with the
/// warts of workbooks local authorities upload:
///
/// - all eleven lists, each with every template column (`AnnexAList.fields`) headed on row 1 in
///   the template's order, and a first row filling (nearly) every column;
/// - dates as date cells, as a bare serial number (List 1 row 4, date of birth 42005 = 1 January
///   2015) and as `dd/mm/yyyy` text (List 1 row 4, contact date "04/12/2023");
/// - a whitespace-only row (List 1 row 5, left out) between data rows;
/// - non-breaking spaces inside and around text (List 3 row 2);
/// - a formula whose cached result is a date (List 10, `I2` = `H2+40`: 7 March 2022 + 40 days =
///   16 April 2022);
/// - spreadsheet error cells in List 6: `#N/A` in "Allocated Team" on rows 2 and 3 (row 3's is a
///   lookup formula's cached error) and `#REF!` in "Allocated Worker" on row 4;
/// - a List 3 referral and a List 6 child in need row of the same child on the same date
///   (child 5100327, 5 February 2024), which make one CIN episode.
///
/// Rows per list: List 1 4 (sheet rows 2, 3, 4 and 6), List 2 2, List 3 4, List 4 3, List 5 2,
/// List 6 3, List 7 4, List 8 3, List 9 2, List 10 2, List 11 2.
enum AnnexAFixtureWorkbook {
    static let fileName = "annex-a-fixture.xlsx"

    /// The workbook's bytes.
    static func data() throws -> Data {
        var sheets = AnnexAList.allCases.map { AnnexAWriter(rows: rows).sheet($0) }
        // List 1: a bare serial and a text date on row 4, then a blank row 5 before the last child.
        set(&sheets, .list1, row: 4, "date_of_birth", .number(42005))
        set(&sheets, .list1, row: 4, "contact_date", .text("04/12/2023"))
        var list1 = sheets[0]
        list1.rows = list1.rows.map { $0.number >= 5 ? XLSXRow(number: $0.number + 1, cells: $0.cells) : $0 }
        list1.rows.insert(XLSXRow(number: 5, cells: [.text(" "), .text("\u{00A0}"), .empty, .text("  ")]), at: 4)
        sheets[0] = list1
        // List 6: error cells.
        set(&sheets, .list6, row: 2, "allocated_team", .error("#N/A"))
        set(&sheets, .list6, row: 3, "allocated_team", .error("#N/A"))
        set(&sheets, .list6, row: 4, "allocated_worker", .error("#REF!"))

        var parts = try AnnexATestSupport.unzip(XLSXWriter(sheets: sheets).data())
        try patch(
            &parts, sheet: 6, cell: reference(.list6, "allocated_team", row: 3),
            with: "<f>VLOOKUP(A3,Teams!A:B,2,FALSE)</f><v>#N/A</v>", type: "e")
        try patch(
            &parts, sheet: 10, cell: reference(.list10, "adoption_decision_date", row: 2),
            with: "<f>H2+40</f><v>44667</v>", style: "1")
        return try AnnexATestSupport.zip(parts)
    }

    // MARK: Rows

    static func child(
        _ id: String, _ gender: String, _ ethnicity: String, _ birth: String, _ age: String,
        disability: String? = nil
    ) -> [String: String] {
        var r = ["child_id": id, "gender": gender, "ethnicity": ethnicity, "date_of_birth": birth, "age": age]
        if let disability { r["disability"] = disability }
        return r
    }

    static func with(_ base: [String: String], _ more: [String: String]) -> [String: String] {
        base.merging(more) { _, new in new }
    }

    static let rows: [AnnexAList: [[String: String]]] = [
        .list1: [
            with(child("5100321", "b) Female", "WBRI", "2016-03-14", "7"), ["contact_date": "2023-11-06", "contact_source": "q) 6: Police"]),
            with(child("5100322", "a) Male", "APKN", "", ""), ["contact_date": "2023-11-20", "contact_source": "d) 1D: Social care"]),
            with(child("5100323", "a) Male", "MWBC", "2015-01-01", "8"), ["contact_date": "2023-12-04", "contact_source": "5A"]),
            with(child("5100324", "b) Female", "BAFR", "2019-07-30", "4"), ["contact_date": "2024-01-08", "contact_source": "1B"]),
        ],
        .list2: [
            with(
                child("5100360", "a) Male", "WIRI", "2012-05-21", "11"),
                ["assessment_start_date": "2023-09-04", "assessment_completion_date": "2023-10-02", "assessment_organisation": "School"]),
            with(
                child("5100361", "b) Female", "WBRI", "2018-10-09", "5"),
                ["assessment_start_date": "2024-01-22", "assessment_organisation": "Health visiting"]),
        ],
        .list3: [
            with(
                child("5100321", "b) Female", "WBRI", "2016-03-14", "7"),
                [
                    "referral_date": "2023-11-07", "referral_source": "q)\u{00A0}6: Police\u{00A0}", "referral_nfa": "b) No",
                    "referrals_last_12_months": "0", "allocated_team": "Duty and Assessment", "allocated_worker": "\u{00A0}Priya Venn\u{00A0}",
                ]),
            with(
                child("5100325", "a) Male", "WBRI", "2010-02-17", "13"),
                ["referral_date": "2023-12-12", "referral_source": "a) 1A: Individual", "referral_nfa": "a) Yes", "referrals_last_12_months": "1"]),
            with(
                child("5100326", "b) Female", "AOTH", "2014-06-03", "9"),
                ["referral_date": "2024-01-15", "referral_source": "8", "referral_nfa": "No", "referrals_last_12_months": "2"]),
            with(
                child("5100327", "a) Male", "WBRI", "2017-12-25", "6"),
                ["referral_date": "2024-02-05", "referral_source": "c) 3A: Schools", "referral_nfa": "No", "referrals_last_12_months": "0"]),
        ],
        .list4: [
            with(
                child("5100321", "b) Female", "WBRI", "2016-03-14", "7", disability: "b) No"),
                [
                    "assessment_start_date": "2023-11-08", "child_seen": "a) Yes", "assessment_authorisation_date": "2023-12-14",
                    "assessment_outcome": "a) Yes", "allocated_team": "Duty and Assessment", "allocated_worker": "Priya Venn",
                ]),
            with(
                child("5100326", "b) Female", "AOTH", "2014-06-03", "9", disability: "No"),
                ["assessment_start_date": "2024-01-16", "child_seen": "Yes"]),
            with(
                child("5100327", "a) Male", "WBRI", "2017-12-25", "6", disability: "Yes"),
                ["assessment_start_date": "2024-02-06", "assessment_authorisation_date": "2024-03-01"]),
        ],
        .list5: [
            with(
                child("5100321", "b) Female", "WBRI", "2016-03-14", "7", disability: "b) No"),
                [
                    "s47_start_date": "2023-11-09", "icpc_not_required": "b) No", "icpc_date": "2023-11-29", "icpc_resulted_in_plan": "a) Yes",
                    "s47_last_12_months": "1", "icpcs_last_12_months": "1", "allocated_team": "Duty and Assessment", "allocated_worker": "Priya Venn",
                ]),
            with(
                child("5100326", "b) Female", "AOTH", "2014-06-03", "9", disability: "No"),
                ["s47_start_date": "2024-01-17", "icpc_not_required": "a) Yes", "s47_last_12_months": "1", "icpcs_last_12_months": "0"]),
        ],
        .list6: [
            with(
                child("5100330", "a) Male", "WBRI", "2011-08-30", "12", disability: "a) Yes"),
                [
                    "cin_start_date": "2022-09-19", "primary_need_code": "b) N2: Child's disability", "date_last_seen": "2024-01-10",
                    "cin_closure_date": "2024-01-31", "closure_reason": "RC7: Case closed after assessment, no further action",
                    "case_status": "Closed", "allocated_team": "", "allocated_worker": "Omar Lisle",
                ]),
            with(
                child("5100331", "b) Female", "CHNE", "2013-04-11", "10", disability: "No"),
                ["cin_start_date": "2023-06-26", "primary_need_code": "N3", "case_status": "Open", "allocated_worker": "Omar Lisle"]),
            with(
                child("5100327", "a) Male", "WBRI", "2017-12-25", "6", disability: "Yes"),
                ["cin_start_date": "2024-02-05", "primary_need_code": "N1 - Abuse or neglect", "case_status": "Open", "allocated_team": "Children in Need 2"]),
        ],
        .list7: [
            with(
                child("5100321", "b) Female", "WBRI", "2016-03-14", "7", disability: "b) No"),
                [
                    "cpp_start_date": "2023-11-29", "initial_category": "a) Physical abuse", "latest_category": "Physical abuse",
                    "last_statutory_visit_date": "2024-02-20", "seen_alone": "a) Yes", "latest_review_date": "2024-02-14", "cpp_end_date": "2024-03-06",
                    "emergency_protection": "b) No", "previous_plans": "0", "allocated_team": "Child Protection 1", "allocated_worker": "Priya Venn",
                ]),
            with(
                child("5100332", "a) Male", "WBRI", "2009-01-05", "15", disability: "No"),
                ["cpp_start_date": "2023-05-15", "initial_category": "NEG", "latest_category": "c) Emotional abuse", "previous_plans": "1"]),
            with(
                child("5100333", "b) Female", "BCRB", "2020-03-02", "4", disability: "No"),
                [
                    "cpp_start_date": "2023-08-21", "initial_category": "Sexual abuse", "latest_category": "SAB", "cpp_end_date": "2024-01-29",
                    "previous_plans": "2",
                ]),
            with(
                child("5100334", "a) Male", "WOTH", "2021-11-19", "2", disability: "No"),
                ["cpp_start_date": "2024-03-11", "initial_category": "e) Multiple/not recommended", "latest_category": "e) Multiple/not recommended"]),
        ],
        .list8: [
            with(
                child("5100340", "b) Female", "WBRI", "2012-02-08", "12"),
                [
                    "uasc": "b) No", "disability": "b) No", "cla_start_date": "2021-10-04", "category_of_need": "N1 - Abuse or neglect",
                    "subsequent_period": "b) No", "legal_status_start_date": "2022-01-17", "legal_status": "c) C2: Full care order",
                    "latest_review_date": "2024-01-23", "last_visit_date": "2024-03-04", "permanence_plan": "Long-term fostering",
                    "last_iro_contact_date": "2024-01-23", "last_health_assessment_date": "2023-10-30", "last_dental_check_date": "2023-09-12",
                    "placements_last_12_months": "1", "cla_end_date": "", "reason_ceased": "", "placement_start_date": "2022-03-28",
                    "placement_type": "U1 - Foster placement with relative or friend", "placement_provider": "e) PR1 - Own provision by the LA",
                    "placement_postcode": "ZZ99 3CZ", "placement_urn": "SC901234", "placement_location": "Inside LA boundary",
                    "placement_la": "Oversight Borough", "missing_episodes_12m": "0", "absent_episodes_12m": "0", "rhi_offered": "", "rhi_accepted": "",
                    "allocated_team": "Children in Care", "allocated_worker": "Ruth Okafor",
                ]),
            with(
                child("5100341", "a) Male", "ABAN", "2007-06-15", "16"),
                [
                    "uasc": "a) Yes", "cla_start_date": "2023-05-22", "category_of_need": "N7", "legal_status": "V2", "placement_type": "K2",
                    "placement_provider": "PR4", "missing_episodes_12m": "0",
                ]),
            with(
                child("5100342", "b) Female", "WBRI", "2015-09-27", "8"),
                [
                    "cla_start_date": "2022-12-05", "legal_status": "C2", "category_of_need": "N1", "cla_end_date": "2024-02-26",
                    "reason_ceased": "k) E47: Special Guardianship Order made to former foster carers", "placement_type": "p) P1: Placed with own parents",
                    "placement_provider": "PR0",
                ]),
        ],
        .list9: [
            with(
                child("5100350", "a) Male", "WBRI", "2004-04-02", "19"),
                [
                    "uasc": "b) No", "disability": "b) No", "allocated_team": "Leaving Care", "allocated_worker": "Ruth Okafor",
                    "personal_adviser": "Dev Marsh", "eligibility_category": "Former relevant", "pathway_plan_review_date": "2024-02-01",
                    "in_touch": "a) Yes", "latest_contact_date": "2024-03-15", "accommodation_type": "Independent living",
                    "accommodation_suitability": "Suitable", "activity": "F2: Full-time higher education",
                ]),
            with(child("5100351", "b) Female", "BAFR", "2005-12-19", "18"), ["in_touch": "No", "personal_adviser": "Dev Marsh"]),
        ],
        .list10: [
            [
                "child_id": "5100370", "family_id": "FAM-071", "gender": "a) Male", "ethnicity": "WBRI", "date_of_birth": "2020-06-08", "age": "3",
                "disability": "b) No", "cla_start_date": "2022-03-07", "adoption_decision_date": "2022-04-16", "placement_order_date": "2022-08-01",
                "matching_date": "2022-11-14", "placed_for_adoption_date": "2022-12-02", "adoption_order_date": "2023-06-19",
                "no_longer_adoption_decision_date": "", "no_longer_adoption_reason": "", "ffa_placement_date": "2022-05-09",
            ],
            [
                "child_id": "5100371", "gender": "b) Female", "ethnicity": "MWAS", "date_of_birth": "2019-02-14", "age": "5",
                "cla_start_date": "2023-01-09", "adoption_decision_date": "2023-03-20", "no_longer_adoption_decision_date": "2024-01-15",
                "no_longer_adoption_reason": "Plan changed to special guardianship",
            ],
        ],
        .list11: [
            [
                "adopter_id": "ad-7301", "family_id": "FAM-071", "gender": "b) Female", "ethnicity": "WBRI", "disability": "b) No",
                "fostering_for_adoption": "a) Yes", "enquiry_date": "2021-09-06", "stage1_start_date": "2021-10-04", "stage1_end_date": "2021-12-06",
                "stage2_start_date": "2021-12-13", "stage2_end_date": "2022-04-25", "application_date": "2021-12-13", "approval_date": "2022-05-16",
                "matched_date": "2022-11-14", "placed_date": "2022-12-02", "children_placed": "1", "adoption_order_date": "2023-06-19",
                "left_process_date": "", "left_process_reason": "",
            ],
            [
                "adopter_id": "AD-7302", "gender": "a) Male", "ethnicity": "APKN", "enquiry_date": "2023-10-23", "left_process_date": "2024-01-08",
                "left_process_reason": "Withdrew",
            ],
        ],
    ]

    // MARK: Editing the written sheets

    /// Replaces one cell of `list`'s sheet, at sheet row `row`.
    static func set(_ sheets: inout [XLSXSheet], _ list: AnnexAList, row: Int, _ field: String, _ cell: XLSXCell) {
        let s = list.rawValue - 1
        guard let r = sheets[s].rows.firstIndex(where: { $0.number == row }), let c = column(list, field) else { return }
        sheets[s].rows[r].cells[c] = cell
    }

    static func column(_ list: AnnexAList, _ field: String) -> Int? { list.fields.firstIndex { $0.name == field } }

    /// `I2` for `adoption_decision_date` on row 2 of List 10.
    static func reference(_ list: AnnexAList, _ field: String, row: Int) -> String {
        XLSXCellReference.columnName(column(list, field) ?? 0) + String(row)
    }

    struct PatchFailed: Error { let cell: String }

    /// Rewrites cell `cell` of `xl/worksheets/sheet<sheet>.xml` with a hand-written body.
    static func patch(
        _ parts: inout [(String, String)], sheet: Int, cell: String, with body: String,
        type: String? = nil, style: String? = nil
    ) throws {
        let path = "xl/worksheets/sheet\(sheet).xml"
        guard let i = parts.firstIndex(where: { $0.0 == path }),
            let open = parts[i].1.range(of: "<c r=\"\(cell)\""),
            let close = parts[i].1.range(of: "</c>", range: open.upperBound..<parts[i].1.endIndex)
        else { throw PatchFailed(cell: cell) }
        let attributes = (type.map { " t=\"\($0)\"" } ?? "") + (style.map { " s=\"\($0)\"" } ?? "")
        parts[i].1.replaceSubrange(open.lowerBound..<close.upperBound, with: "<c r=\"\(cell)\"\(attributes)>\(body)</c>")
    }
}

import Foundation
import Testing
import OversightCore
@testable import OversightFormats

/// Workbooks written by `AnnexAWriter` read back to the same rows.
@Suite struct AnnexARoundTripTests {
    static let rows: [AnnexAList: [[String: String]]] = [
        .list3: [
            [
                "child_id": "C001", "gender": "a) Male", "date_of_birth": "2012-05-01", "age": "8", "referral_date": "2020-09-16",
                "referral_source": "q) 6: Police", "referral_nfa": "No", "referrals_last_12_months": "2", "allocated_worker": "A & B <Team>",
            ],
            ["child_id": "C002", "referral_date": "2021-01-04", "referral_source": "1B", "referral_nfa": "Yes"],
        ],
        .list8: [
            [
                "child_id": "C003", "cla_start_date": "2019-04-01", "legal_status": "C2: FCO", "placement_type": "P1", "placement_provider": "PR4",
                "missing_episodes_12m": "3", "rhi_offered": "a) Yes", "rhi_accepted": "b) No",
            ]
        ],
        .list11: [["adopter_id": "AD1", "enquiry_date": "2023-10-02", "children_placed": "2"]],
    ]

    @Test func readsBackWhatItWrote() throws {
        let data = try AnnexAWriter(rows: AnnexARoundTripTests.rows).data()
        let book = try AnnexAWorkbook.read(data: data, file: "written.xlsx")
        #expect(book.issues.isEmpty)
        #expect(Set(book.lists.keys) == Set(AnnexAList.allCases))
        for list in AnnexAList.allCases {
            let expected = AnnexARoundTripTests.rows[list] ?? []
            let read = book.rows(list)
            #expect(read.count == expected.count, "\(list)")
            #expect(read.map(\.row) == Array(stride(from: 2, to: 2 + expected.count, by: 1)))
            for (r, e) in zip(read, expected) {
                #expect(r.values.filter { !$0.value.isEmpty } == e, "\(list)")
            }
        }
    }

    @Test func writesDatesAsDateCellsAndIdsAsText() {
        let sheet = AnnexAWriter(rows: AnnexARoundTripTests.rows).sheet(.list3)
        #expect(sheet.rows[0][0] == .text("Child Unique ID"))
        #expect(sheet.rows[1][0] == .text("C001"))
        #expect(sheet.rows[1][3] == .date(Day(year: 2012, month: 5, day: 1)!))
        #expect(sheet.rows[1][4] == .number(8))
        #expect(sheet.rows[2][3] == .empty)
    }

    @Test func reportsBadDatesAndMissingIDs() throws {
        let rows: [AnnexAList: [[String: String]]] = [
            .list1: [
                ["child_id": "C1", "contact_date": "31/02/2024"],
                ["child_id": "", "contact_date": "2024-01-05", "gender": "b) Female"],
                ["child_id": "C3", "contact_date": "2024-01-06 09:30", "date_of_birth": "05.06.2015"],
            ]
        ]
        let book = try AnnexAWorkbook.read(data: AnnexAWriter(rows: rows).data(), file: "bad.xlsx")
        let dates = book.issues.filter { $0.rule == "OV-ANNEXA-DATE" }
        #expect(dates.count == 1)
        #expect(dates.first?.row == 2)
        #expect(dates.first?.table == "List 1")
        #expect(dates.first?.fields == ["contact_date"])
        #expect(dates.first?.child == "C1")
        #expect(book.rows(.list1)[0]["contact_date"] == "31/02/2024")
        let ids = book.issues.filter { $0.rule == "OV-ANNEXA-ID" }
        #expect(ids.map(\.row) == [3])
        #expect(book.rows(.list1).count == 3)
        #expect(book.rows(.list1)[2]["contact_date"] == "2024-01-06")
        #expect(book.rows(.list1)[2]["date_of_birth"] == "2015-06-05")
    }

    @Test func readsDateColumnsHoldingPlainNumbersAsSerials() throws {
        let sheet = XLSXSheet(
            name: "List 1",
            cells: [
                [.text("Child Unique ID"), .text("Gender"), .text("Date of Contact")],
                [.text("C1"), .empty, .number(44090)],
                [.text("C2"), .empty, .number(-5)],
            ])
        let book = try AnnexATestSupport.read([sheet])
        #expect(book.rows(.list1).map { $0["contact_date"] } == ["2020-09-16", "-5"])
        #expect(book.issues.filter { $0.rule == "OV-ANNEXA-DATE" }.map(\.row) == [3])
    }
}

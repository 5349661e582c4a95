import Foundation
import Testing
import OversightCore
@testable import OversightFormats

/// An Annex A workbook of the tests' own (`AnnexAFixtureWorkbook`), read as a local authority
/// would upload it.
@Suite struct AnnexAUploadedWorkbookTests {
    let book: AnnexAWorkbook

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annex-a-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(AnnexAFixtureWorkbook.fileName)
        try AnnexAFixtureWorkbook.data().write(to: url)
        book = try AnnexAWorkbook.read(url: url, displayPath: AnnexAFixtureWorkbook.fileName)
    }

    func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    @Test func findsAllElevenLists() {
        #expect(Set(book.lists.keys) == Set(AnnexAList.allCases))
        #expect(book.lists[.list8]?.sheetName == "List 8")
        #expect(book.lists[.list8]?.headerRow == 1)
        #expect(!book.issues.contains { $0.rule == "OV-ANNEXA-LIST" || $0.rule == "OV-ANNEXA-SHEET" || $0.rule == "OV-ANNEXA-HEADER" })
    }

    @Test(arguments: [
        (AnnexAList.list1, 4), (.list2, 2), (.list3, 4), (.list4, 3), (.list5, 2), (.list6, 3),
        (.list7, 4), (.list8, 3), (.list9, 2), (.list10, 2), (.list11, 2),
    ])
    func countsRows(list: AnnexAList, count: Int) {
        #expect(book.rows(list).count == count)
    }

    @Test func leavesOutTheBlankRowKeepingSheetRowNumbers() {
        #expect(book.rows(.list1).map(\.row) == [2, 3, 4, 6])
        #expect(book.rows(.list1)[3]["child_id"] == "5100324")
    }

    @Test func mapsEveryColumnOfTheTemplate() {
        for list in AnnexAList.allCases {
            #expect(book.lists[list]?.fields == list.fields.map(\.name), "\(list)")
            #expect(book.rows(list).allSatisfy { Set($0.values.keys) == Set(list.fields.map(\.name)) }, "\(list)")
        }
        #expect(!book.issues.contains { $0.rule == "OV-ANNEXA-COLUMN" || $0.rule == "OV-ANNEXA-REQUIRED" })
    }

    @Test func convertsDateCellsToISODates() {
        let first = book.rows(.list1)[0]
        #expect(first.row == 2)
        #expect(first["child_id"] == "5100321")
        #expect(first["date_of_birth"] == "2016-03-14")
        #expect(first["contact_date"] == "2023-11-06")
        #expect(first["age"] == "7")
        #expect(book.rows(.list1)[1]["date_of_birth"] == "")
        // A bare serial number and dd/mm/yyyy text in date columns.
        #expect(book.rows(.list1)[2]["date_of_birth"] == "2015-01-01")
        #expect(book.rows(.list1)[2]["contact_date"] == "2023-12-04")
        #expect(book.rows(.list8)[2]["cla_end_date"] == "2024-02-26")
        #expect(book.rows(.list11)[0]["approval_date"] == "2022-05-16")
        // Formula cells give their cached results.
        #expect(book.rows(.list10)[0]["adoption_decision_date"] == "2022-04-16")
        #expect(!book.issues.contains { $0.rule == "OV-ANNEXA-DATE" })
    }

    @Test func keepsTextAsWrittenWithNonBreakingSpacesPlain() {
        let referral = book.rows(.list3)[0]
        #expect(referral["referral_source"] == "q) 6: Police")
        #expect(referral["allocated_worker"] == "Priya Venn")
        #expect(referral["referrals_last_12_months"] == "0")
        #expect(referral["referral_nfa"] == "b) No")
        #expect(book.rows(.list8)[0]["legal_status"] == "c) C2: Full care order")
    }

    @Test func reportsSpreadsheetErrorCellsAsWarnings() {
        let cellIssues = book.issues.filter { $0.rule == "OV-ANNEXA-CELL" }
        #expect(cellIssues.count == 3)
        #expect(cellIssues.allSatisfy { $0.table == "List 6" && $0.severity == .warning && $0.file == AnnexAFixtureWorkbook.fileName })
        #expect(cellIssues.map(\.row) == [2, 3, 4])
        #expect(cellIssues.map(\.fields) == [["allocated_team"], ["allocated_team"], ["allocated_worker"]])
        #expect(cellIssues.map(\.child) == ["5100330", "5100331", "5100327"])
        #expect(cellIssues[1].message.contains("#N/A") && cellIssues[2].message.contains("#REF!"))
        #expect(book.issues.count == 3)
        #expect(book.rows(.list6)[0]["allocated_team"] == "")
        #expect(book.rows(.list6)[1]["allocated_team"] == "")
        #expect(book.rows(.list6)[2]["allocated_worker"] == "")
        #expect(book.rows(.list6)[2]["allocated_team"] == "Children in Need 2")
    }

    @Test func mapsListEightOntoCareEpisodes() throws {
        let episodes = book.claEpisodes(fileIndex: 3)
        #expect(episodes.count == 3)
        let first = try #require(episodes.first)
        #expect(first.child == ChildID("5100340"))
        #expect(first.start == .value(day(2021, 10, 4)))
        #expect(first.reasonNewEpisode == "S")
        #expect(first.legalStatus == "C2")
        #expect(first.categoryOfNeed == "N1")
        #expect(first.placement == "U1")
        #expect(first.provider == "PR1")
        #expect(first.placementPostcode == "ZZ99 3CZ")
        #expect(first.urn == "SC901234")
        #expect(first.end == .missing)
        #expect(first.reasonEnded == nil)
        #expect(first.origin == RecordOrigin(file: 3, row: 2))
        #expect(episodes[1].legalStatus == "V2" && episodes[1].placement == "K2" && episodes[1].provider == "PR4")
        #expect(episodes[1].placementPostcode == nil)
        let last = try #require(episodes.last)
        #expect(last.end == .value(day(2024, 2, 26)))
        #expect(last.reasonEnded == "E47")
        #expect(last.placement == "P1")
        #expect(last.origin == RecordOrigin(file: 3, row: 4))
    }

    @Test func mapsTheCINListsOntoEpisodes() throws {
        let episodes = book.cinEpisodes()
        // 4 referrals, 3 children in need of whom one joins its referral, 3 assessments,
        // 2 section 47 enquiries, 4 protection plans.
        #expect(episodes.count == 4 + 2 + 3 + 2 + 4)
        let referral = episodes[0]
        #expect(referral.child == ChildID("5100321"))
        #expect(referral.referralDate == .value(day(2023, 11, 7)))
        #expect(referral.referralSource == "6")
        #expect(referral.referralNFA == false)
        #expect(referral.primaryNeedCode == nil)
        #expect(episodes[1].referralSource == "1A" && episodes[1].referralNFA == true)
        let joined = episodes[3]
        #expect(joined.child == ChildID("5100327"))
        #expect(joined.referralDate == .value(day(2024, 2, 5)))
        #expect(joined.referralSource == "3A")
        #expect(joined.primaryNeedCode == "N1")
        #expect(joined.origin.row == 5)
        let cin = episodes[4]
        #expect(cin.child == ChildID("5100330"))
        #expect(cin.primaryNeedCode == "N2")
        #expect(cin.referralDate == .value(day(2022, 9, 19)))
        #expect(cin.closureDate == .value(day(2024, 1, 31)))
        #expect(cin.reasonForClosure == "RC7")
        #expect(cin.referralSource == nil)
        #expect(episodes[5].primaryNeedCode == "N3" && episodes[5].closureDate == .missing)
        let assessments = episodes.flatMap(\.assessments)
        #expect(assessments.count == 3)
        #expect(assessments[0].startDate == .value(day(2023, 11, 8)))
        #expect(assessments[0].authorisationDate == .value(day(2023, 12, 14)))
        #expect(assessments[1].authorisationDate == .missing)
        let s47 = episodes.flatMap(\.section47s)
        #expect(s47.count == 2)
        #expect(s47[0].initialCPCDate == .value(day(2023, 11, 29)))
        #expect(s47[0].icpcNotRequired == false)
        #expect(s47[1].icpcNotRequired == true)
        #expect(s47[1].initialCPCDate == .missing)
        let plans = episodes.flatMap(\.protectionPlans)
        #expect(plans.count == 4)
        #expect(plans.map(\.initialCategory) == ["PHY", "NEG", "SAB", "MUL"])
        #expect(plans.map(\.latestCategory) == ["PHY", "EMO", "SAB", "MUL"])
        #expect(plans.map(\.numberOfPreviousPlans) == [0, 1, 2, nil])
        #expect(plans[0].endDate == .value(day(2024, 3, 6)))
        #expect(plans[1].endDate == .missing)
    }

    @Test func findsNoMissingEpisodesWhereNoneAreCounted() {
        #expect(book.missingEpisodes().isEmpty)
    }
}

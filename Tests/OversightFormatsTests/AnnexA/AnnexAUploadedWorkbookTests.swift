import Foundation
import Testing
import OversightCore
@testable import OversightFormats

/// The public synthetic sample workbook, read as a local authority would upload it.
@Suite struct AnnexASampleTests {
    let book: AnnexAWorkbook

    init() throws {
        book = try AnnexAWorkbook.read(url: AnnexATestSupport.sampleURL, displayPath: "Annex_A_2024_Jan.xlsx")
    }

    @Test func findsAllElevenLists() {
        #expect(Set(book.lists.keys) == Set(AnnexAList.allCases))
        #expect(book.lists[.list8]?.sheetName == "List 8")
        #expect(book.lists[.list8]?.headerRow == 1)
    }

    @Test(arguments: [(AnnexAList.list1, 5), (.list2, 5), (.list3, 6), (.list4, 5), (.list5, 5), (.list6, 5),
                      (.list7, 7), (.list8, 5), (.list9, 6), (.list10, 5), (.list11, 5)])
    func countsRows(list: AnnexAList, count: Int) {
        #expect(book.rows(list).count == count)
    }

    @Test func mapsEveryColumnOfTheTemplate() {
        for list in AnnexAList.allCases {
            #expect(book.lists[list]?.fields == list.fields.map(\.name), "\(list)")
        }
        #expect(!book.issues.contains { $0.rule == "OV-ANNEXA-COLUMN" || $0.rule == "OV-ANNEXA-REQUIRED" })
    }

    @Test func convertsDateCellsToISODates() {
        let first = book.rows(.list1)[0]
        #expect(first.row == 2)
        #expect(first["child_id"] == "9212044")
        #expect(first["date_of_birth"] == "2015-01-25")
        #expect(first["contact_date"] == "2020-09-16")
        #expect(book.rows(.list1)[1]["date_of_birth"] == "")
        #expect(book.rows(.list8)[4]["cla_end_date"] == "2020-09-22")
        // Formula cells give their cached results.
        #expect(book.rows(.list10)[0]["adoption_decision_date"] == "2009-08-11")
    }

    @Test func keepsTextAsWrittenWithNonBreakingSpacesPlain() {
        let referral = book.rows(.list3)[0]
        #expect(referral["referral_source"] == "s) 8: Other")
        #expect(referral["allocated_worker"] == "Dustin Hazlett")
        #expect(referral["referrals_last_12_months"] == "0")
    }

    @Test func reportsSpreadsheetErrorCellsAsWarnings() {
        let cellIssues = book.issues.filter { $0.rule == "OV-ANNEXA-CELL" }
        #expect(cellIssues.count == 10)
        #expect(cellIssues.allSatisfy { $0.table == "List 6" && $0.severity == .warning && $0.file == "Annex_A_2024_Jan.xlsx" })
        #expect(cellIssues.first?.row == 2)
        #expect(cellIssues.first?.fields == ["allocated_team"])
        #expect(book.issues.count == 10)
        #expect(book.rows(.list6)[0]["allocated_team"] == "")
    }

    @Test func mapsListEightOntoCareEpisodes() throws {
        let episodes = book.claEpisodes(fileIndex: 3)
        #expect(episodes.count == 5)
        let first = try #require(episodes.first)
        #expect(first.child == ChildID("1761444"))
        #expect(first.start == .value(Day(year: 2009, month: 8, day: 6)!))
        #expect(first.reasonNewEpisode == "S")
        #expect(first.legalStatus == "E1")
        #expect(first.categoryOfNeed == "N1")
        #expect(first.placement == "U6")
        #expect(first.provider == "PR4")
        #expect(first.placementPostcode == "T28 2WB")
        #expect(first.end == .missing)
        #expect(first.origin == RecordOrigin(file: 3, row: 2))
        let last = try #require(episodes.last)
        #expect(last.end == .value(Day(year: 2020, month: 9, day: 22)!))
        #expect(last.reasonEnded == "E47")
        #expect(last.placement == "H5")
    }

    @Test func mapsTheCINListsOntoEpisodes() throws {
        let episodes = book.cinEpisodes()
        #expect(episodes.count == 6 + 5 + 5 + 5 + 7)
        let referral = episodes[0]
        #expect(referral.referralDate == .value(Day(year: 2020, month: 9, day: 16)!))
        #expect(referral.referralSource == "8")
        #expect(referral.referralNFA == false)
        let cin = episodes[6]
        #expect(cin.primaryNeedCode == "PSRMEM")
        #expect(cin.referralDate == .value(Day(year: 2010, month: 6, day: 9)!))
        let plans = episodes.flatMap(\.protectionPlans)
        #expect(plans.count == 7)
        #expect(plans[0].initialCategory == "PHY")
        #expect(plans[3].latestCategory == "EMO")
        #expect(plans[1].numberOfPreviousPlans == 1)
        #expect(plans[1].endDate == .missing)
        let s47 = episodes.flatMap(\.section47s)
        #expect(s47.count == 5)
        #expect(s47[2].icpcNotRequired == true)
        #expect(s47[2].initialCPCDate == .missing)
        #expect(episodes.flatMap(\.assessments).count == 5)
    }

    @Test func findsNoMissingEpisodesWhereNoneAreCounted() {
        #expect(book.missingEpisodes().isEmpty)
    }
}

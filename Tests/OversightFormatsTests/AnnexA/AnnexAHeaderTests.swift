import Foundation
import Testing
import OversightCore
@testable import OversightFormats

/// Header spellings met in local authorities' files, and where the header row sits.
@Suite struct AnnexAHeaderTests {
    @Test(arguments: [
        ("Child Unique ID", "child_id"), ("Child ID", "child_id"), ("Unique Child Identifier", "child_id"),
        ("CHILD UNIQUE ID", "child_id"), ("child_unique_id", "child_id"), ("Child\nUnique ID", "child_id"), ("LAchildID", "child_id"),
        ("Date of Birth (DD/MM/YYYY)", "date_of_birth"), ("DOB", "date_of_birth"), ("Date of birth:", "date_of_birth"),
        ("Date Started to be Looked After", "cla_start_date"), ("Date started to be looked after (dd/mm/yyyy)", "cla_start_date"),
        ("Date Entered Care", "cla_start_date"), ("Child’s Legal Status", "legal_status"), ("Legal Status", "legal_status"),
        ("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", "missing_episodes_12m"),
        ("Number of missing episodes in last 12 months", "missing_episodes_12m"),
        ("Was the child offered a Return Interview after their last missing episode (Y/N)?", "rhi_offered"),
        ("Was the child offered a return interview after their last missing episode? Y/N", "rhi_offered"),
        ("RHI offered", "rhi_offered"), ("Return interview accepted (Yes/No)", "rhi_accepted"),
        ("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))", "uasc"),
        ("Date  Ceased to be\u{00A0}Looked After", "cla_end_date"), ("Placement type", "placement_type"),
        ("Allocated Social Worker", "allocated_worker"), ("Does the Child have a Disability?", "disability"),
    ])
    func matchesHeaderVariantsOnListEight(header: String, field: String) throws {
        let headers = ["Gender", "Ethnicity", "Age", header]
        let sheet = AnnexATestSupport.sheet("List 8", headers: headers, rows: [["a) Male", "a) WBRI", "3", "01/02/2020"]])
        let book = try AnnexATestSupport.read([sheet])
        let table = try #require(book.lists[.list8])
        #expect(table.fields.contains(field))
        #expect(!book.issues.contains { $0.rule == "OV-ANNEXA-COLUMN" })
    }

    @Test(arguments: [
        ("Referral NFA?", "referralnfa"), ("Referral NFA Y/N", "referralnfa"), ("  Date of Referral (DD/MM/YYYY) ", "dateofreferral"),
        ("Child’s Category of Need", "childscategoryofneed"), ("(Y/N)", ""), ("Age of Child (Years)", "ageofchild"),
    ])
    func normalisesHeaders(raw: String, normalised: String) {
        #expect(AnnexAHeader.normalise(raw) == normalised)
    }

    @Test(arguments: AnnexAList.allCases)
    func givesEverySpellingOfAListOneMeaning(list: AnnexAList) {
        var owner: [String: String] = [:]
        for field in list.fields {
            for h in field.normalisedHeaders {
                #expect(owner[h] == nil, "\(list): \(h) means both \(owner[h] ?? "") and \(field.name)")
                owner[h] = field.name
            }
        }
        #expect(Set(list.fields.map(\.name)).count == list.fields.count)
        #expect(list.fields.contains { $0.name == list.idField && $0.isRequired })
    }

    @Test func skipsTitleRowsAboveTheHeader() throws {
        let sheet = XLSXSheet(
            name: "List 3",
            rows: [
                XLSXRow(number: 1, cells: [.text("Annex A - List 3: Referrals")]),
                XLSXRow(number: 2, cells: [.text("Date of Referral: within the 12 months before inspection")]),
                XLSXRow(number: 4, cells: [.text("Child ID"), .text("Gender"), .text("Referral Date"), .text("Source of Referral")]),
                XLSXRow(number: 5, cells: [.text("C1"), .text("a) Male"), .text("16/09/2020"), .text("q) 6: Police")]),
                XLSXRow(number: 6, cells: [.empty, .text(" ")]),
                XLSXRow(number: 8, cells: [.number(42), .empty, .number(44090), .text("6")]),
            ])
        let book = try AnnexATestSupport.read([sheet])
        let table = try #require(book.lists[.list3])
        #expect(table.headerRow == 4)
        #expect(table.rows.map(\.row) == [5, 8])
        #expect(table.rows[0]["referral_date"] == "2020-09-16")
        #expect(table.rows[1]["referral_date"] == "2020-09-16")
        #expect(table.rows[1]["child_id"] == "42")
    }

    @Test func reportsUnknownDuplicateAndMissingColumns() throws {
        let sheet = AnnexATestSupport.sheet(
            "List 7", headers: ["Child ID", "Gender", "Ethnicity", "Shoe size", "Gender", "Age"],
            rows: [["C1", "a) Male", "a) WBRI", "5", "b) Female", "3"]])
        let book = try AnnexATestSupport.read([sheet])
        let columns = book.issues.filter { $0.rule == "OV-ANNEXA-COLUMN" }
        #expect(columns.count == 2)
        #expect(columns.allSatisfy { $0.severity == .warning && $0.table == "List 7" && $0.row == 1 })
        #expect(columns[0].message.contains("Shoe size"))
        #expect(book.rows(.list7)[0]["gender"] == "a) Male")
        let required = book.issues.filter { $0.rule == "OV-ANNEXA-REQUIRED" }
        #expect(required.map(\.fields) == [["cpp_start_date"]])
        #expect(required.first?.severity == .error)
    }

    @Test func reportsASheetWithNoHeaderRow() throws {
        let sheet = AnnexATestSupport.sheet("List 2", headers: ["Something", "Else"], rows: [["1", "2"]])
        let book = try AnnexATestSupport.read([sheet])
        #expect(book.lists[.list2] == nil)
        #expect(book.issues.contains { $0.rule == "OV-ANNEXA-HEADER" && $0.table == "List 2" && $0.severity == .error })
    }

    @Test(arguments: [
        ("List 8", AnnexAList.list8), ("list8", .list8), ("LIST 08", .list8), ("List 8 - CLA", .list8), ("List_10", .list10),
        ("List 11", .list11), ("List 1", .list1),
    ])
    func recognisesListSheetNames(name: String, list: AnnexAList) {
        #expect(AnnexAList.recognise(sheetName: name) == list)
    }

    @Test(arguments: ["List 12", "List 0", "Lists", "Notes", "List 8a", "My List 8"])
    func refusesOtherSheetNames(name: String) {
        #expect(AnnexAList.recognise(sheetName: name) == nil)
    }

    @Test func warnsOfOtherSheetsAndMissingLists() throws {
        let book = try AnnexATestSupport.read([
            XLSXSheet(name: "Cover", cells: [[.text("Annex A")]]),
            AnnexATestSupport.sheet("List 1", headers: ["Child Unique ID", "Gender", "Date of Contact"], rows: [["C1", "", "01/01/2024"]]),
            AnnexATestSupport.sheet("List 1 (2)", headers: ["Child Unique ID", "Gender", "Date of Contact"], rows: [["C2", "", "01/01/2024"]]),
        ])
        #expect(book.rows(.list1).map { $0["child_id"] } == ["C1"])
        #expect(book.issues.filter { $0.rule == "OV-ANNEXA-SHEET" }.map(\.table) == ["Cover", "List 1 (2)"])
        #expect(book.issues.filter { $0.rule == "OV-ANNEXA-LIST" }.count == 10)
    }
}

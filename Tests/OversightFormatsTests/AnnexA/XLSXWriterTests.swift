import Foundation
import Testing
import OversightCore
@testable import OversightFormats

@Suite struct XLSXWriterTests {
    let day = Day(year: 2024, month: 2, day: 29)!

    @Test func roundTripsEveryCellTypeThroughTheReader() throws {
        let cells: [XLSXCell] = [
            .text("Child Unique ID"), .number(1761444), .number(19.085557837097877), .date(day),
            .boolean(true), .boolean(false), .empty, .text("after a gap"), .error("#N/A"),
        ]
        let data = try XLSXWriter(sheets: [XLSXSheet(name: "Types", cells: [cells])]).data()
        let book = try XLSXReader.read(data: data, file: "types.xlsx")
        let row = try #require(book.sheet(named: "Types")?.rows.first)
        #expect(row.number == 1)
        #expect(row.cells == cells)
    }

    @Test func keepsSheetOrderNamesAndRowNumbersWithGaps() throws {
        let sheets = [
            XLSXSheet(name: "List 1", rows: [XLSXRow(number: 3, cells: [.text("a")]), XLSXRow(number: 7, cells: [.empty, .empty, .number(2)])]),
            XLSXSheet(name: "Notes & <more>", cells: [[.text("x")]]),
        ]
        let book = try XLSXReader.read(data: XLSXWriter(sheets: sheets).data(), file: "gaps.xlsx")
        #expect(book.sheetNames == ["List 1", "Notes & <more>"])
        let first = try #require(book.sheet(named: "List 1"))
        #expect(first.rows.map(\.number) == [3, 7])
        #expect(first.rows[1][2] == .number(2))
        #expect(first.rows[1][0] == .empty)
        #expect(first.rows[1][40] == .empty)
    }

    @Test func escapesXMLAndDropsCharactersXMLCannotCarry() throws {
        let text = "Tom & \"Jerry\" <tag> 'quoted'\u{0001}\u{0007} end"
        let padded = "  two\nlines  "
        let book = try XLSXReader.read(data: XLSXWriter(sheets: [XLSXSheet(name: "S", cells: [[.text(text), .text(padded)]])]).data(), file: "e.xlsx")
        let row = try #require(book.sheets.first?.rows.first)
        #expect(row[0] == .text("Tom & \"Jerry\" <tag> 'quoted' end"))
        #expect(row[1] == .text(padded))
    }

    @Test func writesTheSameBytesEveryTime() throws {
        let writer = XLSXWriter(sheets: [XLSXSheet(name: "S", cells: [[.text("a"), .date(day)]])])
        #expect(try writer.data() == writer.data())
    }

    @Test func writesDatesAsStyledSerialsAndEarlyDatesAsText() throws {
        let writer = XLSXWriter(sheets: [XLSXSheet(name: "S", cells: [[.date(day), .date(Day(year: 1900, month: 1, day: 5)!)]])])
        let xml = writer.worksheet(writer.sheets[0])
        #expect(xml.contains("<c r=\"A1\" s=\"1\"><v>45351</v></c>"))
        #expect(xml.contains("<t>1900-01-05</t>"))
        let book = try XLSXReader.read(data: writer.data(), file: "d.xlsx")
        #expect(book.sheets[0].rows[0][0] == .date(day))
    }

    @Test(arguments: ["", "a/b", "What?", "[x]", String(repeating: "n", count: 32)])
    func refusesSheetNamesExcelRefuses(name: String) {
        #expect(throws: XLSXWriter.Failure.invalidSheetName(name)) {
            try XLSXWriter(sheets: [XLSXSheet(name: name, cells: [])]).data()
        }
    }

    @Test func refusesDuplicateSheetNamesAndEmptyWorkbooks() {
        #expect(throws: XLSXWriter.Failure.duplicateSheetName("list 1")) {
            try XLSXWriter(sheets: [XLSXSheet(name: "List 1", cells: []), XLSXSheet(name: "list 1", cells: [])]).data()
        }
        #expect(throws: XLSXWriter.Failure.noSheets) { try XLSXWriter().data() }
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (33, "AH"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func namesColumnsBothWays(index: Int, name: String) {
        #expect(XLSXCellReference.columnName(index) == name)
        #expect(XLSXCellReference.parse("\(name)12")?.column == index)
        #expect(XLSXCellReference.parse("$\(name)$12")?.row == 12)
    }

    @Test(arguments: ["12", "A", "A0", "XFE1", "A1B", "A1048577", "Ä1"])
    func refusesMalformedCellReferences(reference: String) {
        #expect(XLSXCellReference.parse(reference) == nil)
    }
}

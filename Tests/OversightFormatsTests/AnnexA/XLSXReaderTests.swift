import Foundation
import Testing
import OversightCore
@testable import OversightFormats

/// Workbooks written by other software: shared strings with rich text and phonetic guides,
/// namespace prefixes, cells without references, the 1904 date system, absolute part paths.
@Suite struct XLSXReaderTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    func workbook(sheetXML: String, date1904: Bool = false, sharedStrings: String? = nil, target: String = "worksheets/sheet1.xml") throws -> XLSXWorkbook {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            (
                "xl/workbook.xml",
                "<x:workbook xmlns:x=\"\(Self.main)\" xmlns:r=\"\(Self.rels)\">\(date1904 ? "<x:workbookPr date1904=\"1\"/>" : "")"
                    + "<x:sheets><x:sheet name=\"Data\" sheetId=\"1\" r:id=\"rId7\"/><x:sheet name=\"Skipped\" sheetId=\"2\" r:id=\"rId8\"/></x:sheets></x:workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId7\" Type=\"\(Self.rels)/worksheet\" Target=\"\(target)\"/>"
                    + "<Relationship Id=\"rId8\" Type=\"\(Self.rels)/worksheet\" Target=\"worksheets/missing.xml\"/></Relationships>"
            ),
            (
                "xl/styles.xml",
                "<styleSheet xmlns=\"\(Self.main)\"><numFmts count=\"1\"><numFmt numFmtId=\"170\" formatCode=\"d mmmm yyyy\"/></numFmts>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                    + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"170\"/><xf numFmtId=\"2\"/></cellXfs></styleSheet>"
            ),
            ("xl/worksheets/sheet1.xml", "<x:worksheet xmlns:x=\"\(Self.main)\"><x:sheetData>\(sheetXML)</x:sheetData></x:worksheet>"),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"\(Self.main)\">\(sharedStrings)</sst>")) }
        return try XLSXReader.read(data: AnnexATestSupport.zip(parts), file: "other.xlsx") { $0 != "Skipped" }
    }

    @Test func readsSharedStringsWithRunsAndWithoutPhoneticGuides() throws {
        let book = try workbook(
            sheetXML: "<x:row r=\"2\"><x:c r=\"B2\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"C2\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"D2\" t=\"s\"><x:v>9</x:v></x:c></x:row>",
            sharedStrings: "<si><t>Child Unique ID</t></si><si><r><t>Date of </t></r><r><rPr><b/></rPr><t>Referral</t></r><rPh><t>ignored</t></rPh></si>"
                + "<si><t>line_x000D_break</t></si>")
        #expect(book.sheetNames == ["Data", "Skipped"])
        #expect(book.sheets.map(\.name) == ["Data"])
        let row = try #require(book.sheets.first?.rows.first)
        #expect(row.number == 2)
        #expect(row.cells == [.empty, .text("Date of Referral"), .text("Child Unique ID")])
    }

    @Test func placesCellsWithoutReferencesAfterThePreviousOne() throws {
        let book = try workbook(
            sheetXML: "<x:row><x:c><x:v>1</x:v></x:c><x:c r=\"C1\"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row>"
                + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>next</x:t></x:is></x:c><x:c><x:is><x:t>unmarked</x:t></x:is></x:c></x:row>")
        let rows = try #require(book.sheets.first?.rows)
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows[0].cells == [.number(1), .empty, .number(3), .number(4)])
        #expect(rows[1].cells == [.text("next"), .text("unmarked")])
    }

    @Test func readsDateStylesBuiltInAndCustom() throws {
        let book = try workbook(
            sheetXML: "<x:row r=\"1\"><x:c r=\"A1\" s=\"1\"><x:v>44090</x:v></x:c><x:c r=\"B1\" s=\"2\"><x:v>44090.5</x:v></x:c>"
                + "<x:c r=\"C1\" s=\"3\"><x:v>44090</x:v></x:c><x:c r=\"D1\" t=\"d\"><x:v>2020-09-16T00:00:00</x:v></x:c>"
                + "<x:c r=\"E1\" t=\"str\"><x:f>A1&amp;\"\"</x:f><x:v>44090</x:v></x:c><x:c r=\"F1\" t=\"b\"><x:v>0</x:v></x:c><x:c r=\"G1\" s=\"1\"/></x:row>")
        let day = Day(year: 2020, month: 9, day: 16)!
        #expect(book.sheets.first?.rows.first?.cells == [.date(day), .date(day), .number(44090), .date(day), .text("44090"), .boolean(false)])
    }

    @Test func countsDatesFrom1904WhenTheWorkbookSaysSo() throws {
        let book = try workbook(sheetXML: "<x:row r=\"1\"><x:c r=\"A1\" s=\"1\"><x:v>42628</x:v></x:c></x:row>", date1904: true)
        #expect(book.date1904)
        #expect(book.sheets.first?.rows.first?.cells == [.date(Day(year: 2020, month: 9, day: 16)!)])
    }

    @Test func followsAbsolutePartPaths() throws {
        let book = try workbook(sheetXML: "<x:row r=\"1\"><x:c r=\"A1\"><x:v>7</x:v></x:c></x:row>", target: "/xl/worksheets/sheet1.xml")
        #expect(book.sheets.first?.rows.first?.cells == [.number(7)])
    }

    @Test func readsSharedStringReferencesPastTheTableAsEmpty() throws {
        let book = try workbook(
            sheetXML: "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>5</x:v></x:c><x:c r=\"B1\"><x:v>1</x:v></x:c></x:row>",
            sharedStrings: "<si><t>only</t></si>")
        #expect(book.sheets.first?.rows.first?.cells == [.empty, .number(1)])
    }
}

import Foundation
import Testing
@testable import OversightFormats

/// Issue 16, finding 7: Excel never writes a document type declaration, and one can define
/// entities that expand without end or read other files; a workbook with one in any XML part is
/// refused before the part is parsed.
@Suite struct XLSXDoctypeTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE lol [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"

    static func parts(doctypeIn target: String?) -> [(String, String)] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rels)\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(rels)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
            ("xl/styles.xml", "<styleSheet xmlns=\"\(main)\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>"),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\"><si><t>&c;</t></si></sst>".replacingOccurrences(of: "&c;", with: target == "xl/sharedStrings.xml" ? "&c;" : "text")),
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>"),
        ]
        if let target, let i = parts.firstIndex(where: { $0.0 == target }) { parts[i].1 = doctype + parts[i].1 }
        return parts
    }

    @Test func aWorkbookWithoutOneIsRead() throws {
        let book = try XLSXReader.read(data: AnnexATestSupport.zip(Self.parts(doctypeIn: nil)), file: "plain.xlsx")
        #expect(book.sheets.first?.rows.first?.cells == [.text("text")])
    }

    @Test(arguments: ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
    func aDoctypeInAnyPartIsRefused(_ part: String) throws {
        let data = try AnnexATestSupport.zip(Self.parts(doctypeIn: part))
        let error = #expect(throws: UnusableFileError.self) { try XLSXReader.read(data: data, file: "entities.xlsx") }
        #expect(error?.reason.contains("document type declaration") == true, "\(part): \(String(describing: error))")
    }
}

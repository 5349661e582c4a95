import Foundation
import Testing
import ZIPFoundation
@testable import OversightFormats

/// Files the Annex A reader cannot use fail whole, with a plain reason, and never crash it.
@Suite struct AnnexAUnusableFileTests {
    func reason(_ data: Data) -> String? {
        do {
            _ = try AnnexAWorkbook.read(data: data, file: "upload.xlsx")
            return nil
        } catch let e as UnusableFileError {
            #expect(e.file == "upload.xlsx")
            return e.reason
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func refusesBytesThatAreNotAZip() {
        #expect(reason(Data("Child Unique ID,Gender\n1,F\n".utf8))?.contains("not a zip package") == true)
        #expect(reason(Data())?.contains("not a zip package") == true)
    }

    @Test func refusesATruncatedWorkbook() throws {
        let whole = try AnnexAFixtureWorkbook.data()
        for cut in [whole.count / 2, whole.count - 30, 100] {
            #expect(reason(whole.prefix(cut)) != nil, "cut at \(cut)")
        }
    }

    @Test func refusesAWorkbookWithNoListSheets() throws {
        let data = try XLSXWriter(sheets: [XLSXSheet(name: "Sheet1", cells: [[.text("Child Unique ID")]])]).data()
        #expect(reason(data)?.contains("no sheets named List 1 to List 11") == true)
    }

    @Test func refusesAZipThatIsNotAWorkbook() throws {
        let archive = try Archive(accessMode: .create)
        let bytes = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(bytes.count)) { pos, size in
            bytes.subdata(in: Int(pos)..<Int(pos) + size)
        }
        #expect(reason(try #require(archive.data))?.contains("xl/workbook.xml") == true)
    }

    @Test func refusesAWorkbookWhoseSheetIsDamaged() throws {
        let written = try XLSXWriter(sheets: [AnnexATestSupport.sheet("List 1", headers: ["Child Unique ID"], rows: [])]).data()
        let parts = try AnnexATestSupport.unzip(written).map { path, text in
            (path, path.hasSuffix("sheet1.xml") ? String(text.prefix(text.count - 40)) : text)
        }
        let why = reason(try AnnexATestSupport.zip(parts))
        #expect(why?.contains("\"List 1\" is damaged") == true, "\(why ?? "no error")")
    }

    @Test func refusesAFileThatCannotBeOpened() {
        #expect(throws: UnusableFileError.self) {
            try AnnexAWorkbook.read(url: URL(fileURLWithPath: "/nonexistent/annex-a.xlsx"))
        }
    }
}

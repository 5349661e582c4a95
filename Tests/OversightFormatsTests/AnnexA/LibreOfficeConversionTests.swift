import Foundation
import Testing
import OversightCore
@testable import OversightFormats

/// Workbooks written by `XLSXWriter` and `AnnexAWriter` open in LibreOffice Calc, checked by
/// converting every sheet to CSV. Skipped where LibreOffice is not installed.
@Suite(.enabled(if: LibreOfficeExecutable.path != nil, "LibreOffice is not installed"))
struct LibreOfficeConversionTests {

    /// Converts `data` (an .xlsx) to one CSV per sheet, keyed by sheet name.
    func convert(_ data: Data) throws -> [String: CSVFile] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("book.xlsx")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(LibreOfficeExecutable.path))
        // Its own profile, so the test neither meets nor disturbs another running LibreOffice.
        // Filter options: comma, double quote, UTF-8, from row 1, cells as shown, every sheet to its own file (-1).
        process.arguments = [
            "-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir", dir.appendingPathComponent("out").path, input.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if process.isRunning { process.terminate() }
        var out: [String: CSVFile] = [:]
        let outDir = dir.appendingPathComponent("out")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: outDir.path)) ?? [] where name.hasPrefix("book-") && name.hasSuffix(".csv") {
            let sheet = String(name.dropFirst(5).dropLast(4))
            out[sheet] = try CSVFile.read(url: outDir.appendingPathComponent(name))
        }
        return out
    }

    @Test func opensEveryCellTypeAsWritten() throws {
        let writer = XLSXWriter(sheets: [
            XLSXSheet(
                name: "Types",
                cells: [
                    [.text("text"), .text("number"), .text("date"), .text("boolean"), .text("escaped")],
                    [.text("Eugene Swift"), .number(19.5), .date(Day(year: 2024, month: 2, day: 29)!), .boolean(true), .text("A & B <c> \"d\"")],
                    [.text("0123"), .number(1761444), .empty, .boolean(false), .text("é ‘quoted’")],
                ]),
            XLSXSheet(name: "Second", cells: [[.text("only")]]),
        ])
        let csv = try convert(writer.data())
        #expect(Set(csv.keys) == ["Types", "Second"])
        let types = try #require(csv["Types"])
        #expect(types.header == ["text", "number", "date", "boolean", "escaped"])
        #expect(types.rows.first == ["Eugene Swift", "19.5", "29/02/2024", "TRUE", "A & B <c> \"d\""])
        #expect(types.rows.last == ["0123", "1761444", "", "FALSE", "é ‘quoted’"])
        #expect(csv["Second"]?.header == ["only"])
    }

    @Test func opensAnAnnexAWorkbookWithTheTemplateHeaders() throws {
        let rows: [AnnexAList: [[String: String]]] = [
            .list8: [
                ["child_id": "C003", "cla_start_date": "2019-04-01", "legal_status": "C2: FCO", "missing_episodes_12m": "3", "rhi_offered": "a) Yes"]
            ]
        ]
        let csv = try convert(AnnexAWriter(rows: rows).data())
        #expect(csv.count == 11)
        let list8 = try #require(csv["List 8"])
        #expect(list8.header == AnnexAList.list8.fields.map(\.header))
        let row = try #require(list8.rows.first)
        let column = { (name: String) in AnnexAList.list8.fields.firstIndex { $0.name == name }! }
        #expect(row[column("child_id")] == "C003")
        #expect(row[column("cla_start_date")] == "01/04/2019")
        #expect(row[column("legal_status")] == "C2: FCO")
        #expect(row[column("missing_episodes_12m")] == "3")
        #expect(csv["List 1"]?.rows.isEmpty == true)
    }
}

/// Where LibreOffice is installed, if it is.
enum LibreOfficeExecutable {
    static let path: String? = [
        "/usr/bin/libreoffice", "/usr/local/bin/libreoffice", "/usr/bin/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}

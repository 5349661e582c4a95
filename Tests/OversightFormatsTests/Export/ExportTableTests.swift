import Foundation
import OversightCore
@testable import OversightFormats
import Testing

@Suite struct ExportTableTests {
    static let table = ExportTable(
        title: "Measures: June/2025",
        columns: [
            ExportColumn("Measure"), ExportColumn("Children", .integer), ExportColumn("Rate", .decimal),
            ExportColumn("Share", .percent), ExportColumn("Date", .date),
        ],
        rows: [
            [.text("Re-referrals, \"12 months\""), .integer(42), .number(61.25), .number(18.5), .date(Day(year: 2025, month: 6, day: 30))],
            [.text("=cmd"), .text("c"), .empty, .number(100), .date(nil)],
        ])

    @Test func csvTypesValuesAndQuotes() throws {
        #expect(
            try Self.table.csv() == "Measure,Children,Rate,Share,Date\r\n"
                + "\"Re-referrals, \"\"12 months\"\"\",42,61.25,18.5,2025-06-30\r\n"
                + "'=cmd,c,,100,\r\n")
    }

    @Test func badValuesNameTheRowAndColumn() {
        var t = Self.table
        t.rows[1][1] = .number(2.5)
        #expect(throws: ExportError(table: t.title, row: 2, column: "Children", message: "2.5 is not a whole number")) { try t.csv() }
        t.rows[1] = [.empty]
        #expect(throws: ExportError.self) { try t.xlsx() }
    }

    @Test func xlsxCellsAreTypedNotText() throws {
        let data = try Self.table.xlsx()
        let book = try XLSXReader.read(data: data, file: "t.xlsx")
        #expect(book.sheetNames == ["Measures  June 2025"])
        let rows = book.sheets[0].rows
        #expect(rows[0].cells.map(\.plainText) == ["Measure", "Children", "Rate", "Share", "Date"])
        #expect(rows[1].cells == [.text("Re-referrals, \"12 months\""), .number(42), .number(61.25), .number(0.185), .date(Day(year: 2025, month: 6, day: 30)!)])
        #expect(rows[2][1] == .text("c") && rows[2][3] == .number(1))
        #expect(try ExportTable.xlsx([Self.table, Self.table]) == ExportTable.xlsx([Self.table, Self.table]))
        #expect(try XLSXReader.read(data: ExportTable.xlsx([Self.table, Self.table]), file: "t.xlsx").sheetNames == ["Measures  June 2025", "Measures  June 2025 (2)"])
    }

    static var libreOffice: String? {
        ["/usr/bin/libreoffice", "/usr/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// LibreOffice (Debian `libreoffice-calc-nogui`) opens the workbook and reads the same values
    /// back: numbers as numbers in their formats, dates as dates.
    @Test(.enabled(if: libreOffice != nil, "needs LibreOffice (Debian libreoffice-calc-nogui)"))
    func libreOfficeReadsTheWorkbook() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("table.xlsx")
        try Self.table.write(to: xlsx)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.libreOffice!)
        p.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", "csv", "--outdir", dir.path, xlsx.path]
        p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        let csv = try String(contentsOf: dir.appendingPathComponent("table.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        // LibreOffice writes values as shown, in its locale's date order: numbers stay numbers
        // (not text), the percentage is 18.5%, the date is a date (not a serial, not ISO text).
        #expect(lines.count == 3)
        #expect(lines.first == "Measure,Children,Rate,Share,Date")
        #expect(
            [
                "\"Re-referrals, \"\"12 months\"\"\",42,61.25,18.5%,30/06/2025",
                "\"Re-referrals, \"\"12 months\"\"\",42,61.25,18.5%,06/30/2025",
            ].contains(lines[1]), "\(lines)")
        #expect(["=cmd,c,,100.0%,", "=cmd,c,,100%,"].contains(lines[2]), "\(lines)")
    }
}

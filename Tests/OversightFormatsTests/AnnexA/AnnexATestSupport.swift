import Foundation
@testable import OversightFormats

/// Shared helpers of the Annex A and XLSX tests.
enum AnnexATestSupport {
    /// The repository root (three levels above this file's folder).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The public synthetic Annex A sample in the shared reference folder.
    static let sampleURL = repositoryRoot.appendingPathComponent("../shared/reference/samples/annex-a/Annex_A_2024_Jan.xlsx").standardizedFileURL

    /// Reads a workbook made of `sheets` with the Annex A reader.
    static func read(_ sheets: [XLSXSheet], file: String = "test.xlsx") throws -> AnnexAWorkbook {
        try AnnexAWorkbook.read(data: XLSXWriter(sheets: sheets).data(), file: file)
    }

    /// A sheet with `headers` on row 1 and text `rows` below.
    static func sheet(_ name: String, headers: [String], rows: [[String]]) -> XLSXSheet {
        XLSXSheet(name: name, cells: [headers.map { .text($0) }] + rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })
    }
}

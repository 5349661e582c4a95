import Foundation
import ZIPFoundation
@testable import OversightFormats

/// Shared helpers of the Annex A and XLSX tests.
enum AnnexATestSupport {
    /// Reads a workbook made of `sheets` with the Annex A reader.
    static func read(_ sheets: [XLSXSheet], file: String = "test.xlsx") throws -> AnnexAWorkbook {
        try AnnexAWorkbook.read(data: XLSXWriter(sheets: sheets).data(), file: file)
    }

    /// A sheet with `headers` on row 1 and text `rows` below.
    static func sheet(_ name: String, headers: [String], rows: [[String]]) -> XLSXSheet {
        XLSXSheet(name: name, cells: [headers.map { .text($0) }] + rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })
    }

    /// A zip package holding `parts` (path -> text), for workbooks written by hand.
    static func zip(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { pos, size in
                bytes.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// The parts of a workbook, unpacked as text.
    static func unzip(_ data: Data) throws -> [(String, String)] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [(String, String)] = []
        for entry in archive {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            parts.append((entry.path, String(decoding: d, as: UTF8.self)))
        }
        return parts
    }
}

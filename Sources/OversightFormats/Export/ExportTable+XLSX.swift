import Foundation
import OversightCore
import ZIPFoundation

extension ExportTable {
    /// The table as an XLSX workbook of one sheet (see `xlsx(_:)`).
    public func xlsx() throws -> Data { try Self.xlsx([self]) }

    /// Several tables as one XLSX workbook, one sheet each, in order.
    ///
    /// The heading row is bold and frozen; integers are numbers formatted `0`, decimals `0.00`,
    /// percentages the fraction (0.185) formatted `0.0%`, dates serial numbers formatted
    /// `dd/mm/yyyy`, text inline strings. Column widths follow the longest value. The bytes are
    /// deterministic (fixed zip time stamps). Sheet names are the titles with the characters
    /// Excel refuses replaced by spaces, cut to 31 characters and made unique.
    /// Throws `ExportError` (see `check()`).
    public static func xlsx(_ tables: [ExportTable]) throws -> Data {
        guard !tables.isEmpty else { throw ExportError(table: "", row: 0, column: nil, message: "there is no table to write") }
        for t in tables { try t.check() }
        var names: [String] = []
        for t in tables {
            var base = String(t.title.map { ":\\/?*[]".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
            if base.isEmpty { base = "Sheet" }
            base = String(base.prefix(31))
            var name = base, n = 2
            while names.contains(where: { $0.lowercased() == name.lowercased() }) {
                let suffix = " (\(n))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            names.append(name)
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: tables.count)),
            ("_rels/.rels", XLSXWriter().packageRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", XLSXWriter(sheets: tables.indices.map { _ in XLSXSheet(name: "x", rows: []) }).workbookRelationships()),
            ("xl/styles.xml", styles),
        ]
        for (i, t) in tables.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", t.worksheet())) }
        do {
            let archive = try Archive(accessMode: .create)
            let stamp = Date(timeIntervalSince1970: 946_728_000)
            for (path, xml) in parts {
                let bytes = Data(xml.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let out = archive.data else { throw ExportError(table: tables[0].title, row: 0, column: nil, message: "the workbook could not be packed") }
            return out
        } catch let e as ExportError {
            throw e
        } catch {
            throw ExportError(table: tables[0].title, row: 0, column: nil, message: "the workbook could not be packed: \(error)")
        }
    }

    static func contentTypes(count: Int) -> String {
        XLSXWriter(sheets: (0..<count).map { _ in XLSXSheet(name: "x", rows: []) }).contentTypes()
    }

    static func workbook(_ names: [String]) -> String {
        var x = XLSXWriter.declaration
        x += "<workbook xmlns=\"\(XLSXWriter.mainNamespace)\" xmlns:r=\"\(XLSXWriter.relationshipNamespace)\"><sheets>"
        for (i, n) in names.enumerated() { x += "<sheet name=\"\(XLSXWriter.escape(n))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }
        return x + "</sheets></workbook>"
    }

    /// Styles: 0 default, 1 date `dd/mm/yyyy`, 2 integer `0`, 3 decimal `0.00`, 4 percent `0.0%`, 5 bold heading.
    static let styles =
        XLSXWriter.declaration
        + "<styleSheet xmlns=\"\(XLSXWriter.mainNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    func worksheet() -> String {
        var x = XLSXWriter.declaration
        x += "<worksheet xmlns=\"\(XLSXWriter.mainNamespace)\" xmlns:r=\"\(XLSXWriter.relationshipNamespace)\">"
        x += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        if !columns.isEmpty {
            x += "<cols>"
            for (i, c) in columns.enumerated() {
                var width = c.heading.count
                for row in rows.prefix(500) where i < row.count { width = max(width, Self.text(row[i], c.kind).count) }
                x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(min(max(width, 8), 60) + 2)\" customWidth=\"1\"/>"
            }
            x += "</cols>"
        }
        x += "<sheetData><row r=\"1\">"
        for (i, c) in columns.enumerated() {
            let ref = XLSXCellReference.columnName(i) + "1"
            x += XLSXWriter.inlineString(c.heading, reference: ref).replacingOccurrences(of: "<c r=\"\(ref)\" ", with: "<c r=\"\(ref)\" s=\"5\" ")
        }
        x += "</row>"
        for (r, row) in rows.enumerated() {
            let number = r + 2
            x += "<row r=\"\(number)\">"
            for (i, (value, column)) in zip(row, columns).enumerated() {
                x += Self.cell(value, column.kind, reference: XLSXCellReference.columnName(i) + String(number))
            }
            x += "</row>"
        }
        return x + "</sheetData></worksheet>"
    }

    static func cell(_ value: ExportValue, _ kind: ExportColumn.Kind, reference ref: String) -> String {
        switch value {
        case .empty: return ""
        case .text(let t): return XLSXWriter.inlineString(t, reference: ref)
        case .date(let d):
            guard let serial = ExcelDate.serial(of: d) else { return XLSXWriter.inlineString(d.iso, reference: ref) }
            return "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
        case .number(let n):
            switch kind {
            case .text: return XLSXWriter.inlineString(number(n), reference: ref)
            case .integer: return "<c r=\"\(ref)\" s=\"2\"><v>\(XLSXCell.format(n))</v></c>"
            case .decimal: return "<c r=\"\(ref)\" s=\"3\"><v>\(XLSXCell.format(n))</v></c>"
            case .percent: return "<c r=\"\(ref)\" s=\"4\"><v>\(XLSXCell.format(n / 100))</v></c>"
            case .date: return ""
            }
        }
    }
}

import Foundation
import OversightCore
import ZIPFoundation

/// Writes a minimal, valid Office Open XML workbook (.xlsx): the package parts Excel and
/// LibreOffice need, one worksheet per `XLSXSheet`, text as inline strings and dates as serial
/// numbers styled `dd/mm/yyyy`.
///
/// The output is deterministic: the same sheets always give the same bytes (zip entries carry a
/// fixed time stamp, noon on 1 January 2000), so written files can be compared in tests.
///
/// Cell details: `.number` values that are not finite are written as empty cells; `.date` values
/// before 1 March 1900, which Excel's serials cannot hold faithfully, are written as `yyyy-mm-dd`
/// text; characters XML 1.0 cannot carry (control characters other than tab, line feed and
/// carriage return) are dropped from text.
public struct XLSXWriter: Sendable {
    /// Why a workbook could not be written.
    public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
        case noSheets
        case invalidSheetName(String)
        case duplicateSheetName(String)
        case zip(String)

        public var description: String {
            switch self {
            case .noSheets: return "a workbook needs at least one sheet"
            case .invalidSheetName(let n): return "\"\(n)\" cannot be a sheet name: use 1 to 31 characters and none of : \\ / ? * [ ]"
            case .duplicateSheetName(let n): return "two sheets are called \"\(n)\""
            case .zip(let m): return "the workbook could not be packed: \(m)"
            }
        }
    }

    /// The sheets, in tab order.
    public var sheets: [XLSXSheet]

    public init(sheets: [XLSXSheet] = []) { self.sheets = sheets }

    /// Appends a sheet after the existing ones.
    public mutating func addSheet(_ sheet: XLSXSheet) { sheets.append(sheet) }

    /// The workbook's bytes. Throws `Failure` for no sheets, a name Excel refuses (empty, over 31
    /// characters, containing `: \ / ? * [ ]`) or two sheets with the same name (ignoring case).
    public func data() throws -> Data {
        guard !sheets.isEmpty else { throw Failure.noSheets }
        var seen = Set<String>()
        for s in sheets {
            let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]
            guard !s.name.isEmpty, s.name.count <= 31, !s.name.contains(where: forbidden.contains) else {
                throw Failure.invalidSheetName(s.name)
            }
            guard seen.insert(s.name.lowercased()).inserted else { throw Failure.duplicateSheetName(s.name) }
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook()),
            ("xl/_rels/workbook.xml.rels", workbookRelationships()),
            ("xl/styles.xml", styles),
        ]
        for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(s))) }
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
            guard let out = archive.data else { throw Failure.zip("no data was produced") }
            return out
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure.zip(String(describing: error))
        }
    }

    /// Writes the workbook to `url`, replacing any file there.
    public func write(to url: URL) throws {
        try data().write(to: url, options: .atomic)
    }

    // MARK: Package parts

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    func contentTypes() -> String {
        var x = XLSXWriter.declaration
        x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        x += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        x += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            x += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return x + "</Types>"
    }

    let packageRelationships =
        XLSXWriter.declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    func workbook() -> String {
        var x = XLSXWriter.declaration
        x += "<workbook xmlns=\"\(XLSXWriter.mainNamespace)\" xmlns:r=\"\(XLSXWriter.relationshipNamespace)\"><sheets>"
        for (i, s) in sheets.enumerated() {
            x += "<sheet name=\"\(XLSXWriter.escape(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return x + "</sheets></workbook>"
    }

    func workbookRelationships() -> String {
        var x = XLSXWriter.declaration
        x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            x += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(XLSXWriter.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        x += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(XLSXWriter.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return x + "</Relationships>"
    }

    /// Style 0 is the default; style 1 shows a date as `dd/mm/yyyy`.
    let styles =
        XLSXWriter.declaration
        + "<styleSheet xmlns=\"\(XLSXWriter.mainNamespace)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    func worksheet(_ sheet: XLSXSheet) -> String {
        var x = XLSXWriter.declaration
        x += "<worksheet xmlns=\"\(XLSXWriter.mainNamespace)\" xmlns:r=\"\(XLSXWriter.relationshipNamespace)\"><sheetData>"
        for row in sheet.rows.sorted(by: { $0.number < $1.number }) {
            x += "<row r=\"\(row.number)\">"
            for (column, cell) in row.cells.enumerated() {
                let ref = XLSXCellReference.columnName(column) + String(row.number)
                x += XLSXWriter.cellXML(cell, reference: ref)
            }
            x += "</row>"
        }
        return x + "</sheetData></worksheet>"
    }

    static func cellXML(_ cell: XLSXCell, reference ref: String) -> String {
        switch cell {
        case .empty:
            return ""
        case .text(let t):
            return inlineString(t, reference: ref)
        case .number(let n):
            guard n.isFinite else { return "" }
            return "<c r=\"\(ref)\"><v>\(XLSXCell.format(n))</v></c>"
        case .date(let d):
            guard let serial = ExcelDate.serial(of: d) else { return inlineString(d.iso, reference: ref) }
            return "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
        case .boolean(let b):
            return "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
        case .error(let e):
            return "<c r=\"\(ref)\" t=\"e\"><v>\(escape(e))</v></c>"
        }
    }

    static func inlineString(_ text: String, reference ref: String) -> String {
        let clean = escape(text)
        let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
        return "<c r=\"\(ref)\" t=\"inlineStr\"><is><t\(preserve ? " xml:space=\"preserve\"" : "")>\(clean)</t></is></c>"
    }

    /// Escapes the five XML special characters and drops characters XML 1.0 does not allow.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

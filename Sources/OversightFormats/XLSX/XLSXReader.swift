import Foundation
import ZIPFoundation

/// Reads the worksheets of an .xlsx workbook (Office Open XML spreadsheet) into typed cells.
///
/// The zip is opened with ZIPFoundation; `xl/workbook.xml` gives the sheets' names and order,
/// its relationships give each sheet's part, `xl/styles.xml` says which cell styles are dates,
/// and each worksheet is streamed with `XMLParser`. Only cell values are read: formulas (their
/// cached results are kept), formatting, merged cells and hidden state are ignored.
///
/// Any failure to read the package (not a zip, a truncated or damaged zip, a missing or
/// malformed workbook part, a part whose checksum fails) throws `UnusableFileError` with a plain
/// reason; nothing in a damaged file makes the reader crash.
public struct XLSXReader: Sendable {
    /// A package part above this size (uncompressed) is refused: 512 MiB.
    public static let maximumPartSize: UInt64 = 512 << 20

    /// Reads the workbook at `url`, shown to users as `displayPath` (default: the path).
    /// `includeSheet` picks the sheets to parse by name; the others appear only in `sheetNames`.
    public static func read(
        url: URL, displayPath: String? = nil,
        includeSheet: (String) -> Bool = { _ in true }
    ) throws -> XLSXWorkbook {
        let name = displayPath ?? url.path
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            throw UnusableFileError(file: name, reason: "the file could not be read")
        }
        return try read(data: data, file: name, includeSheet: includeSheet)
    }

    /// Reads a workbook from its bytes; `file` names it in errors. The zip package is read by
    /// `BoundedZip`, whose every read stays inside the bytes given.
    public static func read(data: Data, file: String, includeSheet: (String) -> Bool = { _ in true }) throws -> XLSXWorkbook {
        guard data.count >= 4, data.prefix(2) == Data([0x50, 0x4B]) else {
            throw UnusableFileError(
                file: file, reason: "this is not an Excel workbook (.xlsx): it is not a zip package. Save the file from Excel as \"Excel Workbook (*.xlsx)\" and try again")
        }
        let archive: BoundedZip
        do {
            archive = try BoundedZip(data: data)
        } catch {
            throw UnusableFileError(
                file: file,
                reason: "the workbook is damaged or incomplete (its zip directory cannot be read); it may have been cut short while copying. Save it again from Excel and try again"
            )
        }
        return try read(archive: archive, file: file, includeSheet: includeSheet)
    }

    /// Reads the workbook of an open archive.
    static func read(archive: BoundedZip, file: String, includeSheet: (String) -> Bool) throws -> XLSXWorkbook {
        let package = Package(archive: archive, file: file)

        guard let workbookData = try package.part("xl/workbook.xml"),
            let workbookElements = XMLElementRecorder.parse(workbookData)
        else {
            throw UnusableFileError(file: file, reason: "the workbook has no readable list of sheets (xl/workbook.xml); it is not an Excel workbook or it is damaged")
        }
        let date1904 = workbookElements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attribute("date1904") ?? "") }
        let sheetEntries = workbookElements.filter { $0.name == "sheet" && $0.path.last == "sheets" }
        let targets = try relationshipTargets(package: package)

        let sharedStrings: [String]
        if let ssData = try package.part("xl/sharedStrings.xml") {
            guard let ss = XLSXSharedStringsParser.parse(ssData) else {
                throw UnusableFileError(file: file, reason: "the workbook's text table (xl/sharedStrings.xml) is damaged")
            }
            sharedStrings = ss
        } else {
            sharedStrings = []
        }
        let dateStyles = try readDateStyles(package: package)

        var names: [String] = []
        var sheets: [XLSXSheet] = []
        for (i, entry) in sheetEntries.enumerated() {
            let sheetName = entry.attribute("name") ?? "Sheet\(i + 1)"
            names.append(sheetName)
            guard includeSheet(sheetName) else { continue }
            let path = entry.attribute("id").flatMap { targets[$0] } ?? "xl/worksheets/sheet\(i + 1).xml"
            guard let sheetData = try package.part(path) else {
                throw UnusableFileError(file: file, reason: "the sheet \"\(sheetName)\" is listed but missing from the workbook; it is damaged")
            }
            let parser = XLSXWorksheetParser(sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
            guard parser.parse(sheetData) else {
                throw UnusableFileError(file: file, reason: "the sheet \"\(sheetName)\" is damaged (its XML cannot be read)")
            }
            sheets.append(XLSXSheet(name: sheetName, rows: parser.rows))
        }
        return XLSXWorkbook(sheetNames: names, sheets: sheets, date1904: date1904)
    }

    /// Relationship id -> part path (`rId3` -> `xl/worksheets/sheet3.xml`).
    static func relationshipTargets(package: Package) throws -> [String: String] {
        guard let data = try package.part("xl/_rels/workbook.xml.rels"), let elements = XMLElementRecorder.parse(data) else { return [:] }
        var map: [String: String] = [:]
        for e in elements where e.name == "Relationship" {
            guard let id = e.attribute("Id"), let target = e.attribute("Target") else { continue }
            map[id] = resolve(target: target)
        }
        return map
    }

    /// Targets are relative to `xl/` unless absolute (`/xl/worksheets/sheet1.xml`).
    static func resolve(target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for p in target.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// Indexes into `cellXfs` whose number format shows a date.
    static func readDateStyles(package: Package) throws -> Set<Int> {
        guard let data = try package.part("xl/styles.xml"), let elements = XMLElementRecorder.parse(data) else { return [] }
        var customDates = Set<Int>()
        for e in elements where e.name == "numFmt" {
            if let id = e.attribute("numFmtId").flatMap(Int.init), ExcelDate.isDateFormatCode(e.attribute("formatCode") ?? "") {
                customDates.insert(id)
            }
        }
        var result = Set<Int>()
        var index = 0
        for e in elements where e.name == "xf" && e.path.last == "cellXfs" {
            let fmt = e.attribute("numFmtId").flatMap(Int.init) ?? 0
            if customDates.contains(fmt) || (fmt < 164 && ExcelDate.isBuiltInDateFormat(fmt)) { result.insert(index) }
            index += 1
        }
        return result
    }

    /// The zip package, with part look-up that tolerates a leading slash and letter case.
    struct Package {
        let archive: BoundedZip
        let file: String

        /// The part's bytes; nil when absent. Throws when the part is damaged or too large.
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard UInt64(entry.uncompressedSize) <= XLSXReader.maximumPartSize else {
                throw UnusableFileError(file: file, reason: "a part of the workbook (\(path)) is larger than 512 MiB once unpacked; this is not an Annex A or export workbook")
            }
            let out: Data
            do {
                // The declared size can lie; unpacking stops once the real size passes the limit.
                out = try archive.contents(entry, limit: Int(XLSXReader.maximumPartSize))
            } catch BoundedZip.Problem.tooLarge {
                throw UnusableFileError(file: file, reason: "a part of the workbook (\(path)) is larger than 512 MiB once unpacked; this is not an Annex A or export workbook")
            } catch {
                throw UnusableFileError(file: file, reason: "a part of the workbook (\(path)) is damaged and cannot be unpacked; save the workbook again from Excel")
            }
            switch XLSXReader.prolog(of: out) {
            case .plain:
                // FoundationXML traps on names that are not UTF-8 (found by `oversight fuzz`);
                // Excel writes UTF-8, so a part that is not is refused before it is parsed.
                guard out.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) != nil }) else {
                    throw UnusableFileError(file: file, reason: "a part of the workbook (\(path)) is not XML in UTF-8 as Excel writes it; save the workbook again from Excel")
                }
                return out
            case .documentType:
                throw UnusableFileError(
                    file: file,
                    reason:
                        "a part of the workbook (\(path)) has a document type declaration (DOCTYPE), which Excel never writes and which can make a reader expand text without end or read other files; it was not read"
                )
            case .notUTF8:
                throw UnusableFileError(file: file, reason: "a part of the workbook (\(path)) is not XML in UTF-8 as Excel writes it; save the workbook again from Excel")
            }
        }
    }

    /// What comes before an XML part's first element.
    enum Prolog: Equatable { case plain, documentType, notUTF8 }

    /// Reads the prolog of an XML part (the XML declaration, comments, processing instructions
    /// and white space before the root element) and says whether it declares a document type.
    /// Parts in UTF-16 or UTF-32 (a byte-order mark or a NUL among the first bytes) are not read:
    /// Excel writes UTF-8, and the check reads bytes as UTF-8.
    static func prolog(of data: Data) -> Prolog {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.contains(0) { return .notUTF8 }
        return data.withUnsafeBytes { raw -> Prolog in
            let b = raw.bindMemory(to: UInt8.self)
            var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            func at(_ j: Int, _ text: String) -> Bool {
                let t = Array(text.utf8)
                return j + t.count <= b.count && zip(t.indices, t).allSatisfy { b[j + $0] == $1 }
            }
            func skip(past end: String) -> Bool {
                let t = Array(end.utf8)
                while i + t.count <= b.count {
                    if at(i, end) { i += t.count; return true }
                    i += 1
                }
                return false
            }
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0A, 0x0D: i += 1
                case UInt8(ascii: "<"):
                    if at(i, "<?") {
                        i += 2; guard skip(past: "?>") else { return .plain }
                    } else if at(i, "<!--") {
                        i += 4; guard skip(past: "-->") else { return .plain }
                    } else if at(i, "<!") {
                        return .documentType
                    } else {
                        return .plain
                    }
                default: return .plain
                }
            }
            return .plain
        }
    }
}

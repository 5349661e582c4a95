import Foundation

/// An Ofsted ILACS Annex A workbook as read: each list found, keyed by list, and the findings
/// met while reading.
///
/// Reading is tolerant: sheets are recognised by name ("List 8", "list8", "List 8 - CLA"), the
/// header row is the first of the sheet's first 30 rows that names at least three of the list's
/// columns (title rows above it are skipped), headers are matched after `AnnexAHeader.normalise`
/// against each column's header and synonyms, and columns may come in any order.
///
/// Findings (`issues`), each with the file, the list's sheet name as `table`, the sheet row
/// number and the field:
///
/// | rule | severity | when |
/// |---|---|---|
/// | `OV-ANNEXA-SHEET` | warning | a sheet that is not one of List 1 to List 11, or a second sheet for the same list (not read) |
/// | `OV-ANNEXA-LIST` | warning | one of List 1 to List 11 is not in the workbook |
/// | `OV-ANNEXA-HEADER` | error | a List sheet with no recognisable header row (the list is left out) |
/// | `OV-ANNEXA-COLUMN` | warning | a column that is not one of the list's (ignored), or a column named twice (the first is used) |
/// | `OV-ANNEXA-REQUIRED` | error | a column the list cannot do without is missing |
/// | `OV-ANNEXA-ID` | error | a row with data but no child (or adopter) identifier |
/// | `OV-ANNEXA-DATE` | error | a date column's value is not a date |
/// | `OV-ANNEXA-CELL` | warning | a cell shows a spreadsheet error such as `#N/A` (read as blank) |
///
/// A file that is not a workbook, is damaged, or has no List sheet at all throws
/// `UnusableFileError` instead.
public struct AnnexAWorkbook: Sendable {
    /// The file's name as shown to users.
    public var file: String
    /// The lists read; a list is absent when its sheet is missing or has no header row.
    public var lists: [AnnexAList: AnnexAListTable]
    /// Findings in the order met: sheet by sheet (header, then rows), then the lists not found.
    public var issues: [ValidationIssue]

    public init(file: String, lists: [AnnexAList: AnnexAListTable], issues: [ValidationIssue]) {
        self.file = file
        self.lists = lists
        self.issues = issues
    }

    /// The rows of `list`; empty when the list was not read.
    public func rows(_ list: AnnexAList) -> [AnnexARow] { lists[list]?.rows ?? [] }

    /// Reads the workbook at `url`, shown to users as `displayPath` (default: the path).
    public static func read(url: URL, displayPath: String? = nil) throws -> AnnexAWorkbook {
        let name = displayPath ?? url.path
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            throw UnusableFileError(file: name, reason: "the file could not be read")
        }
        return try read(data: data, file: name)
    }

    /// Reads a workbook from its bytes; `file` names it in findings and errors.
    public static func read(data: Data, file: String) throws -> AnnexAWorkbook {
        let xlsx = try XLSXReader.read(data: data, file: file) { AnnexAList.recognise(sheetName: $0) != nil }
        var issues: [ValidationIssue] = []
        var lists: [AnnexAList: AnnexAListTable] = [:]
        var seen = Set<AnnexAList>()
        for name in xlsx.sheetNames {
            guard let list = AnnexAList.recognise(sheetName: name) else {
                issues.append(
                    ValidationIssue(
                        rule: "OV-ANNEXA-SHEET", severity: .warning, file: file, table: name, row: nil, child: nil, fields: [],
                        message: "The sheet \"\(name)\" is not one of Annex A's lists (List 1 to List 11), so it was not read"))
                continue
            }
            guard seen.insert(list).inserted else {
                issues.append(
                    ValidationIssue(
                        rule: "OV-ANNEXA-SHEET", severity: .warning, file: file, table: name, row: nil, child: nil, fields: [],
                        message: "The sheet \"\(name)\" is a second copy of \(list.sheetName); only the first was read"))
                continue
            }
            guard let sheet = xlsx.sheet(named: name) else { continue }
            var reader = AnnexASheetReader(list: list, file: file, date1904: xlsx.date1904)
            if let table = reader.read(sheet) { lists[list] = table }
            issues += reader.issues
        }
        guard !seen.isEmpty else {
            throw UnusableFileError(file: file, reason: "the workbook has no sheets named List 1 to List 11, so it is not an Ofsted Annex A workbook")
        }
        for list in AnnexAList.allCases where !seen.contains(list) {
            issues.append(
                ValidationIssue(
                    rule: "OV-ANNEXA-LIST", severity: .warning, file: file, table: list.sheetName, row: nil, child: nil, fields: [],
                    message: "\(list.sheetName) (\(list.title.lowercased())) is not in the workbook"))
        }
        return AnnexAWorkbook(file: file, lists: lists, issues: issues)
    }
}

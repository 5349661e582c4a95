import OversightCore

/// Reads one List sheet: finds the header row, maps columns to the list's fields, converts
/// values and collects findings. See `AnnexAWorkbook` for the rules.
struct AnnexASheetReader {
    let list: AnnexAList
    let file: String
    let date1904: Bool
    private(set) var issues: [ValidationIssue] = []

    /// Rows searched for the header.
    static let headerSearchRows = 30
    /// Distinct columns a row must name to be taken as the header.
    static let headerMatchesNeeded = 3

    init(list: AnnexAList, file: String, date1904: Bool) {
        self.list = list
        self.file = file
        self.date1904 = date1904
    }

    /// The list's table, or nil (with an `OV-ANNEXA-HEADER` finding) when no header row is found.
    mutating func read(_ sheet: XLSXSheet) -> AnnexAListTable? {
        let fields = list.fields
        var lookup: [String: Int] = [:]
        for (i, f) in fields.enumerated() {
            for h in f.normalisedHeaders where lookup[h] == nil { lookup[h] = i }
        }
        let needed = min(AnnexASheetReader.headerMatchesNeeded, fields.count)
        let candidates = sheet.rows.prefix { $0.number <= AnnexASheetReader.headerSearchRows }
        guard
            let headerIndex = candidates.firstIndex(where: { row in
                Set(row.cells.compactMap { lookup[AnnexAHeader.normalise($0.plainText)] }).count >= needed
            })
        else {
            issue(
                "OV-ANNEXA-HEADER", .error, row: nil, fields: [],
                "No header row was found in the first \(AnnexASheetReader.headerSearchRows) rows of \(sheet.name): no row names at least \(needed) of the list's columns (such as \"\(fields[0].header)\"), so the sheet was not read"
            )
            return nil
        }
        let header = sheet.rows[headerIndex]

        var columns: [(column: Int, field: AnnexAField)] = []
        var taken = Set<String>()
        for (column, cell) in header.cells.enumerated() {
            let text = AnnexASheetReader.clean(cell.plainText)
            guard !text.isEmpty else { continue }
            let shown = text.replacingOccurrences(of: "\n", with: " ")
            guard let i = lookup[AnnexAHeader.normalise(text)] else {
                issue(
                    "OV-ANNEXA-COLUMN", .warning, row: header.number, fields: [shown],
                    "The column \"\(shown)\" is not one of \(list.sheetName)'s columns, so it was ignored")
                continue
            }
            let field = fields[i]
            guard taken.insert(field.name).inserted else {
                issue(
                    "OV-ANNEXA-COLUMN", .warning, row: header.number, fields: [field.name],
                    "The column \"\(shown)\" repeats \"\(field.header)\"; only the first such column was read")
                continue
            }
            columns.append((column, field))
        }
        for f in fields where f.isRequired && !taken.contains(f.name) {
            issue(
                "OV-ANNEXA-REQUIRED", .error, row: header.number, fields: [f.name],
                "\(list.sheetName) has no \"\(f.header)\" column, which it needs")
        }

        var rows: [AnnexARow] = []
        for sheetRow in sheet.rows[(headerIndex + 1)...] {
            var values: [String: String] = [:]
            var hasData = false
            var pending: [ValidationIssue] = []
            for (column, field) in columns {
                let cell = sheetRow[column]
                let value: String
                switch cell {
                case .error(let shown):
                    value = ""
                    pending.append(
                        makeIssue(
                            "OV-ANNEXA-CELL", .warning, row: sheetRow.number, fields: [field.name],
                            "The \"\(field.header)\" cell shows the spreadsheet error \(shown); it was read as blank"))
                default:
                    value = field.kind == .date ? dateValue(cell, field: field, row: sheetRow.number, pending: &pending) : AnnexASheetReader.clean(cell.plainText)
                }
                if !value.isEmpty { hasData = true }
                values[field.name] = value
            }
            guard hasData else { continue }
            let id = ChildID(normalising: values[list.idField] ?? "")
            for var p in pending {
                p.child = id?.rawValue
                issues.append(p)
            }
            if taken.contains(list.idField), id == nil {
                let idHeader = list.field(named: list.idField)?.header ?? list.idField
                issue(
                    "OV-ANNEXA-ID", .error, row: sheetRow.number, fields: [list.idField],
                    "This row has no \"\(idHeader)\"; it is kept in the list but left out of every measure")
            }
            rows.append(AnnexARow(row: sheetRow.number, values: values))
        }
        return AnnexAListTable(
            list: list, sheetName: sheet.name, headerRow: header.number,
            fields: columns.map(\.field.name), rows: rows)
    }

    /// A date column's value as `yyyy-mm-dd`, or the text as written plus a finding.
    private func dateValue(_ cell: XLSXCell, field: AnnexAField, row: Int, pending: inout [ValidationIssue]) -> String {
        switch cell {
        case .date(let d):
            return d.iso
        case .number(let n):
            if let d = ExcelDate.day(fromSerial: n, date1904: date1904) { return d.iso }
            pending.append(
                makeIssue(
                    "OV-ANNEXA-DATE", .error, row: row, fields: [field.name],
                    "\"\(field.header)\" holds the number \(XLSXCell.format(n)), which is not a date"))
            return XLSXCell.format(n)
        default:
            let text = AnnexASheetReader.clean(cell.plainText)
            if text.isEmpty { return "" }
            if let d = AnnexAValue.day(fromText: text) { return d.iso }
            pending.append(
                makeIssue(
                    "OV-ANNEXA-DATE", .error, row: row, fields: [field.name],
                    "\"\(field.header)\" is \"\(text)\", which is not a date; write dates as dd/mm/yyyy"))
            return text
        }
    }

    private func makeIssue(_ rule: String, _ severity: Severity, row: Int?, fields: [String], _ message: String) -> ValidationIssue {
        ValidationIssue(rule: rule, severity: severity, file: file, table: list.sheetName, row: row, child: nil, fields: fields, message: message)
    }

    private mutating func issue(_ rule: String, _ severity: Severity, row: Int?, fields: [String], _ message: String) {
        issues.append(makeIssue(rule, severity, row: row, fields: fields, message))
    }

    /// Trims white space (non-breaking spaces included, which Annex A extracts are full of).
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

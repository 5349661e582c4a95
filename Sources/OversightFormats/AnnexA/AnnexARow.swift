/// One data row of an Annex A list: its row number in the sheet and its values by canonical
/// field name (`AnnexAField.name`).
///
/// Only the list's columns found in the sheet have a key; a blank cell gives "". Text is trimmed
/// (non-breaking spaces count as spaces) and kept as written, drop-down prefixes such as `a) `
/// included. Date fields hold `yyyy-mm-dd` when the cell could be read as a date, otherwise the
/// text as written (and the reader reports `OV-ANNEXA-DATE`). Whole numbers have no decimal point.
public struct AnnexARow: Hashable, Sendable {
    /// The 1-based row number in the worksheet, as Excel shows it.
    public var row: Int
    /// Values by canonical field name.
    public var values: [String: String]

    public init(row: Int, values: [String: String]) {
        self.row = row
        self.values = values
    }

    /// The value of `field`; "" when blank or when the sheet has no such column.
    public subscript(field: String) -> String { values[field] ?? "" }
}

/// One list as read from its sheet.
public struct AnnexAListTable: Sendable {
    /// Which list the sheet holds.
    public var list: AnnexAList
    /// The sheet's name as written in the workbook.
    public var sheetName: String
    /// The sheet row holding the column headers (title rows above it are skipped).
    public var headerRow: Int
    /// The canonical fields whose columns were found, in the sheet's column order.
    public var fields: [String]
    /// Data rows below the header, blank rows left out.
    public var rows: [AnnexARow]

    public init(list: AnnexAList, sheetName: String, headerRow: Int, fields: [String], rows: [AnnexARow]) {
        self.list = list
        self.sheetName = sheetName
        self.headerRow = headerRow
        self.fields = fields
        self.rows = rows
    }
}

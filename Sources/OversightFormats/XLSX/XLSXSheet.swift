/// One row of a worksheet: its 1-based row number and its cells by 0-based column (column A is 0).
/// Columns missing from the file are `.empty`; trailing empty cells may be absent.
public struct XLSXRow: Hashable, Sendable {
    /// The 1-based row number, as Excel shows it.
    public var number: Int
    /// Cells by 0-based column.
    public var cells: [XLSXCell]

    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in 0-based `column`, `.empty` past the end of the row.
    public subscript(column: Int) -> XLSXCell {
        column >= 0 && column < cells.count ? cells[column] : .empty
    }

    /// True when every cell is blank.
    public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}

/// A named worksheet and its rows in ascending row order. Rows missing from the file are absent
/// (row numbers may jump).
public struct XLSXSheet: Hashable, Sendable {
    /// The tab name.
    public var name: String
    /// Rows with at least one non-empty cell, in ascending row order.
    public var rows: [XLSXRow]

    /// A sheet from rows that carry their own numbers.
    public init(name: String, rows: [XLSXRow]) {
        self.name = name
        self.rows = rows
    }

    /// A sheet whose `i`-th array of cells becomes row `i + 1`.
    public init(name: String, cells: [[XLSXCell]]) {
        self.name = name
        self.rows = cells.enumerated().map { XLSXRow(number: $0.offset + 1, cells: $0.element) }
    }
}

/// The sheets of a workbook read by `XLSXReader`, in the workbook's tab order.
public struct XLSXWorkbook: Sendable {
    /// Every sheet's name in tab order, including sheets that were not read.
    public var sheetNames: [String]
    /// The sheets that were read.
    public var sheets: [XLSXSheet]
    /// True when the workbook counts dates from 1904 (old Mac Excel) rather than 1900; numbers
    /// in date columns that carry no date format must be converted with this in mind.
    public var date1904: Bool

    public init(sheetNames: [String], sheets: [XLSXSheet], date1904: Bool = false) {
        self.sheetNames = sheetNames
        self.sheets = sheets
        self.date1904 = date1904
    }

    /// The read sheet called exactly `name`, if any.
    public func sheet(named name: String) -> XLSXSheet? { sheets.first { $0.name == name } }
}

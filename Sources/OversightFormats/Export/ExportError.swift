/// Why an `ExportTable` could not be written: the row (1 = the first data row) and column of the
/// value that does not fit its column's type, or a row of the wrong length.
public struct ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var table: String
    public var row: Int
    public var column: String?
    public var message: String

    public init(table: String, row: Int, column: String?, message: String) {
        self.table = table; self.row = row; self.column = column; self.message = message
    }

    public var description: String {
        "table \"\(table)\", row \(row)" + (column.map { ", column \"\($0)\"" } ?? "") + ": \(message)"
    }
}

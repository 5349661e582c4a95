import Foundation
import OversightCore

/// A table to export, as on screen: a title, typed columns and rows. Written as CSV (`csv()`) or
/// as an XLSX workbook (`xlsx()`), with numbers and dates typed as such.
///
/// Values must suit their column: text in a text column (a number or date there is written as
/// its text), a whole number in an integer column, a number in a decimal or percent column, a
/// date in a date column; `.empty` fits any column. A `.text` value in a number or date column is
/// allowed only as the suppression mark "c" (see `Suppression`), written as text.
public struct ExportTable: Hashable, Sendable {
    /// The table's name: the worksheet's name (cut to 31 characters, without `: \ / ? * [ ]`).
    public var title: String
    public var columns: [ExportColumn]
    public var rows: [[ExportValue]]

    public init(title: String, columns: [ExportColumn], rows: [[ExportValue]] = []) {
        self.title = title; self.columns = columns; self.rows = rows
    }

    /// Appends a row.
    public mutating func append(_ row: [ExportValue]) { rows.append(row) }

    /// Checks every row's length and every value against its column's type; throws an
    /// `ExportError` naming the first bad row and column.
    public func check() throws {
        for (i, row) in rows.enumerated() {
            guard row.count == columns.count else {
                throw ExportError(table: title, row: i + 1, column: nil, message: "the row has \(row.count) values for \(columns.count) columns")
            }
            for (value, column) in zip(row, columns) {
                if let problem = Self.problem(value, column.kind) {
                    throw ExportError(table: title, row: i + 1, column: column.heading, message: problem)
                }
            }
        }
    }

    static func problem(_ value: ExportValue, _ kind: ExportColumn.Kind) -> String? {
        switch (value, kind) {
        case (.empty, _), (_, .text): return nil
        case (.text(let t), _): return t == Suppression.mark ? nil : "\"\(t)\" is text in a \(kind.rawValue) column"
        case (.number(let n), .integer):
            if !n.isFinite { return "the number is not finite" }
            return n == n.rounded() ? nil : "\(n) is not a whole number"
        case (.number(let n), .decimal), (.number(let n), .percent): return n.isFinite ? nil : "the number is not finite"
        case (.number, .date): return "a number in a date column"
        case (.date, .date): return nil
        case (.date, _): return "a date in a \(kind.rawValue) column"
        }
    }

    /// Writes the table to `url` as CSV or XLSX by its extension (`.csv`, `.xlsx`).
    public func write(to url: URL) throws {
        switch url.pathExtension.lowercased() {
        case "csv": try Data(csv().utf8).write(to: url, options: .atomic)
        case "xlsx": try xlsx().write(to: url, options: .atomic)
        default:
            throw ExportError(table: title, row: 0, column: nil, message: "\(url.lastPathComponent): write a .csv or a .xlsx file")
        }
    }
}

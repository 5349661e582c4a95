import Foundation

/// What importing one year of one published file changes, against the figures in use before.
public struct PublishedYearChange: Sendable, Equatable, Codable {
    /// Whether the year is new, differs from the figures in use, or is the same.
    public enum Status: String, Sendable, Codable {
        case new, changed, unchanged
    }

    /// The published file's name.
    public var file: String
    /// The reporting year (`time_period`; 2025 = 2024-25), or 0 for a statistical neighbour model.
    public var year: Int
    public var status: Status
    /// Rows (an authority, region or England, with a breakdown) the new copy adds.
    public var rowsAdded: Int
    /// Rows the new copy no longer has.
    public var rowsRemoved: Int
    /// Figures that differ in rows both copies have.
    public var figuresChanged: Int

    public init(file: String, year: Int, status: Status, rowsAdded: Int = 0, rowsRemoved: Int = 0, figuresChanged: Int = 0) {
        self.file = file; self.year = year; self.status = status
        self.rowsAdded = rowsAdded; self.rowsRemoved = rowsRemoved; self.figuresChanged = figuresChanged
    }

    /// Compares two extracts of one file and year (CSV text as `PublishedExtract` writes it).
    /// Rows are matched by every column that says where and for what breakdown the row is
    /// (location and filter columns); the other columns are its figures. `old` nil: the year is new.
    public static func compare(file: String, year: Int, old: String?, new: String) -> PublishedYearChange {
        guard let old else { return PublishedYearChange(file: file, year: year, status: .new, rowsAdded: keyed(file: file, text: new).count) }
        if old == new { return PublishedYearChange(file: file, year: year, status: .unchanged) }
        let before = keyed(file: file, text: old), after = keyed(file: file, text: new)
        var figures = 0
        for (key, values) in after {
            guard let was = before[key] else { continue }
            for (column, value) in values where was[column] != value { figures += 1 }
            for column in was.keys where values[column] == nil { figures += 1 }
        }
        let added = after.keys.filter { before[$0] == nil }.count
        let removed = before.keys.filter { after[$0] == nil }.count
        let status: Status = added + removed + figures == 0 ? .unchanged : .changed
        return PublishedYearChange(file: file, year: year, status: status, rowsAdded: added, rowsRemoved: removed, figuresChanged: figures)
    }

    /// Rows of an extract by key (location and breakdown), each with its figures by column.
    static func keyed(file: String, text: String) -> [String: [String: String]] {
        let csv = CSVFile.parse(data: Data(text.utf8), path: file)
        let keyColumns = Set(PublishedExtract.locationColumns + PublishedMeasures.all.filter { $0.file == file }.flatMap { $0.filters.keys })
            .union([StatisticalNeighbours.codeColumn(.y2021), StatisticalNeighbours.codeColumn(.y2025)])
        var out: [String: [String: String]] = [:]
        for row in csv.rows {
            var key: [String] = []
            var values: [String: String] = [:]
            for (i, column) in csv.header.enumerated() {
                let v = i < row.count ? row[i] : ""
                if keyColumns.contains(column) { key.append(column + "=" + v) } else { values[column] = v }
            }
            out[key.joined(separator: "|")] = values
        }
        return out
    }
}

import Foundation

/// Where a published figure is for.
public enum Geography: Hashable, Sendable {
    case england
    /// A region by its ONS code (`E12000002` North West; London's boroughs sit in `E13000001`
    /// Inner London or `E13000002` Outer London).
    case region(String)
    /// A local authority by its 3-digit DfE code (`358`).
    case localAuthority(String)
}

/// A DfE Explore Education Statistics CSV file in its "tidy" layout: one row per
/// `time_period` x `geographic_level` x breakdown, located by `old_la_code` (local authorities)
/// or `region_code` (regions). Columns are found by header name, so their order may vary.
public struct PublishedTable: Sendable {
    /// The file's name (`c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv`).
    public var file: String
    public var header: [String]
    var columns: [String: Int]
    var rows: [[String]]
    /// Row indexes by (time_period, geography).
    var index: [Key: [Int]]

    struct Key: Hashable { var year: Int; var geography: Geography }

    /// The columns every tidy file has.
    public static let requiredColumns = ["time_period", "geographic_level"]

    /// Builds the table from a read CSV file. Throws `UnusableFileError` when it lacks the tidy
    /// layout's columns.
    public init(csv: CSVFile, file: String) throws {
        self.file = file
        header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        var cols: [String: Int] = [:]
        for (i, h) in header.enumerated() where cols[h] == nil { cols[h] = i }
        columns = cols
        for c in Self.requiredColumns where cols[c] == nil {
            throw UnusableFileError(file: file, reason: "no '\(c)' column: not an Explore Education Statistics tidy file")
        }
        rows = csv.rows
        var idx: [Key: [Int]] = [:]
        let yearCol = cols["time_period"]!, levelCol = cols["geographic_level"]!
        let laCol = cols["old_la_code"], regionCol = cols["region_code"]
        for (i, row) in rows.enumerated() {
            guard yearCol < row.count, levelCol < row.count, let year = Int(row[yearCol].trimmingCharacters(in: .whitespaces)) else { continue }
            let geography: Geography
            switch row[levelCol].trimmingCharacters(in: .whitespaces) {
            case "National": geography = .england
            case "Regional":
                guard let c = regionCol, c < row.count, !row[c].isEmpty else { continue }
                geography = .region(row[c].trimmingCharacters(in: .whitespaces))
            case "Local authority":
                guard let c = laCol, c < row.count, !row[c].isEmpty else { continue }
                geography = .localAuthority(row[c].trimmingCharacters(in: .whitespaces))
            default: continue
            }
            idx[Key(year: year, geography: geography), default: []].append(i)
        }
        index = idx
    }

    /// Reads the file at `url`.
    public static func read(url: URL) throws -> PublishedTable {
        try PublishedTable(csv: try CSVFile.read(url: url, displayPath: url.lastPathComponent), file: url.lastPathComponent)
    }

    /// This table with the rows of every year `newer` holds taken from `newer` (matched by column
    /// name; a column `newer` lacks is blank in its rows). Other years keep their rows, in order.
    public func replacingYears(with newer: PublishedTable) -> PublishedTable {
        let newYears = Set(newer.years)
        var header = self.header
        for h in newer.header where !header.contains(h) { header.append(h) }
        var merged: [[String]] = []
        let yearColumn = columns["time_period"]!
        for row in rows {
            if yearColumn < row.count, let y = Int(row[yearColumn].trimmingCharacters(in: .whitespaces)), newYears.contains(y) { continue }
            merged.append(header.map { h in columns[h].flatMap { $0 < row.count ? row[$0] : nil } ?? "" })
        }
        for row in newer.rows {
            merged.append(header.map { h in newer.columns[h].flatMap { $0 < row.count ? row[$0] : nil } ?? "" })
        }
        let text = PublishedExtract.csvText(header: header, rows: merged)
        return (try? PublishedTable(csv: CSVFile.parse(data: Data(text.utf8), path: file), file: file)) ?? self
    }

    /// The rows of `year`, in file order, each with a value for every header column.
    public func rows(year: Int) -> [[String]] {
        let yearColumn = columns["time_period"]!
        return rows.filter { yearColumn < $0.count && Int($0[yearColumn].trimmingCharacters(in: .whitespaces)) == year }
            .map { row in header.indices.map { $0 < row.count ? row[$0] : "" } }
    }

    /// Whether the file has a column.
    public func hasColumn(_ name: String) -> Bool { columns[name] != nil }

    /// The years (`time_period`) the file holds, ascending.
    public var years: [Int] { Set(index.keys.map(\.year)).sorted() }

    /// Local authority codes with a row in `year`.
    public func localAuthorities(year: Int) -> [String] {
        index.keys.compactMap { key -> String? in
            guard key.year == year, case .localAuthority(let la) = key.geography else { return nil }
            return la
        }.sorted()
    }

    /// The cell of `column` in the first row for `year` and `geography` whose `filters` columns
    /// equal the given text. nil when there is no such row or column (which differs from a row
    /// holding a suppressed figure).
    public func cell(_ column: String, year: Int, geography: Geography, filters: [String: String] = [:]) -> PublishedCell? {
        guard let row = row(year: year, geography: geography, filters: filters), let c = columns[column] else { return nil }
        return c < row.count ? PublishedCell(row[c]) : .blank
    }

    /// Text of `column` in the first row for `year` and `geography` (any breakdown).
    public func text(_ column: String, year: Int, geography: Geography) -> String? {
        guard let row = row(year: year, geography: geography, filters: [:]), let c = columns[column], c < row.count else { return nil }
        return row[c].trimmingCharacters(in: .whitespaces)
    }

    func row(year: Int, geography: Geography, filters: [String: String]) -> [String]? {
        guard let candidates = index[Key(year: year, geography: geography)] else { return nil }
        for i in candidates {
            let row = rows[i]
            let matches = filters.allSatisfy { name, wanted in
                guard let c = columns[name], c < row.count else { return false }
                return row[c].trimmingCharacters(in: .whitespaces) == wanted
            }
            if matches { return row }
        }
        return nil
    }
}

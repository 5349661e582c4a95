import Foundation

/// Writes a comma-separated file (UTF-8, LF line ends, RFC 4180 quoting) row by row: the local
/// files Oversight defines (missing episodes with return home interviews, supervision sessions)
/// and, through `SSDA903CSVWriter`, the SSDA903 tables.
public final class LocalCSVWriter {
    /// The header row.
    public let header: [String]
    /// Data rows written so far (header excluded): the 1-based number of the last row.
    public private(set) var rowCount = 0
    private let file: BufferedTextFile

    /// Columns of `local/missing-episodes.csv`: date-times `yyyy-mm-dd hh:mm`, `missing_or_away`
    /// M or A, `rhi_accepted` Y, N or blank; `returned` blank while the child is still missing.
    public static let missingEpisodesHeader = ["child_id", "missing_or_away", "start", "returned", "rhi_offered", "rhi_accepted", "rhi_completed"]
    /// Columns of `local/supervision.csv`: date `yyyy-mm-dd`, kind formal, case or group,
    /// reflective Y or N, child id optional.
    public static let supervisionHeader = ["worker_id", "date", "kind", "reflective", "child_id"]
    /// Columns of `local/workers.csv`: one row per worker per team spell (docs/formats.md).
    public static let workersHeader = LocalFormat.workers.columns
    /// Columns of `local/allocations.csv`: a child's allocation to a worker from one day to another.
    public static let allocationsHeader = LocalFormat.allocations.columns
    /// Columns of `local/visits.csv`: a social worker's visit to a child.
    public static let visitsHeader = LocalFormat.visits.columns

    /// Creates the file and writes the header row.
    public init(url: URL, header: [String]) throws {
        self.header = header
        file = try BufferedTextFile(url: url)
        file.write(LocalCSVWriter.line(header))
    }

    /// Writes one row (as many values as header columns) and returns its 1-based row number.
    @discardableResult
    public func write(_ values: [String]) -> Int {
        precondition(values.count == header.count, "a row needs \(header.count) values, got \(values.count)")
        file.write(LocalCSVWriter.line(values))
        rowCount += 1
        return rowCount
    }

    /// Flushes and closes the file.
    public func close() throws { try file.close() }

    /// One CSV line with its LF.
    public static func line(_ values: [String]) -> String {
        var out = ""
        for (i, v) in values.enumerated() {
            if i > 0 { out += "," }
            out += escape(v)
        }
        out += "\n"
        return out
    }

    /// Quotes a field holding a comma, a quote or a line break (quotes doubled).
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

/// Writes one SSDA903 table as the CSV the DfE accepts: the table's columns in
/// `SSDA903Table.columns` order, dates as the caller formats them (`dd/mm/yyyy`), UTF-8, LF.
public final class SSDA903CSVWriter {
    public let table: SSDA903Table
    private let csv: LocalCSVWriter

    /// Creates the file and writes the header row.
    public init(url: URL, table: SSDA903Table) throws {
        self.table = table
        csv = try LocalCSVWriter(url: url, header: table.columns)
    }

    /// Data rows written so far.
    public var rowCount: Int { csv.rowCount }

    /// Writes one row (values in `table.columns` order) and returns its 1-based row number.
    @discardableResult
    public func write(_ values: [String]) -> Int { csv.write(values) }

    /// Flushes and closes the file.
    public func close() throws { try csv.close() }

    /// The conventional file name of a table's CSV (`header.csv`, `episodes.csv`, ...).
    public static func fileName(for table: SSDA903Table) -> String {
        switch table {
        case .header: "header.csv"
        case .episodes: "episodes.csv"
        case .reviews: "reviews.csv"
        case .uasc: "uasc.csv"
        case .oc2: "oc2.csv"
        case .oc3: "oc3.csv"
        case .ad1: "ad1.csv"
        case .placedAdoption: "placed_for_adoption.csv"
        case .prevPerm: "previous_permanence.csv"
        case .missing: "missing.csv"
        case .swEpisodes: "sw_episodes.csv"
        case .dolo: "dolo.csv"
        }
    }
}

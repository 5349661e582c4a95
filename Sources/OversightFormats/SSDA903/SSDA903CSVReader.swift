import Foundation
import OversightCore

/// Reads one SSDA903 CSV table, recognised by its header's column set (not its file name).
public enum SSDA903CSVReader {
    /// Builds a raw table from a parsed CSV, or nil when the header is not an SSDA903 table's.
    /// Values are trimmed and reordered into `SSDA903Table.columns` order; ragged rows and extra
    /// columns become findings.
    public static func table(from csv: CSVFile, collectionYear: Int?) -> (table: RawTable, issues: [ValidationIssue])? {
        guard let (kind, extra) = SSDA903Table.recognise(header: csv.header) else { return nil }
        var issues = csv.problems
        if !extra.isEmpty {
            issues.append(
                ValidationIssue(
                    rule: "OV-CSV-EXTRA", severity: .warning, file: csv.path, table: kind.rawValue, row: nil, child: nil,
                    fields: extra, message: "Columns \(extra.joined(separator: ", ")) are not part of the \(kind.rawValue) table and were ignored"))
        }
        let normalisedHeader = csv.header.map { $0.trimmed.upperASCII }
        var position: [Int] = []
        for c in kind.columns { position.append(normalisedHeader.firstIndex(of: c) ?? -1) }
        var rows: [RawRow] = []
        rows.reserveCapacity(csv.rows.count)
        for (i, fields) in csv.rows.enumerated() {
            if fields.count != csv.header.count {
                issues.append(
                    ValidationIssue(
                        rule: "OV-CSV-WIDTH", severity: .error, file: csv.path, table: kind.rawValue, row: i + 1,
                        child: fields.first.flatMap { ChildID(normalising: $0)?.rawValue }, fields: [],
                        message: "This row has \(fields.count) values but the header has \(csv.header.count) columns; check for a stray comma or a different delimiter"))
            }
            var values: [String] = []
            values.reserveCapacity(position.count)
            for p in position {
                values.append(p >= 0 && p < fields.count ? fields[p].trimmed : "")
            }
            rows.append(RawRow(row: i + 1, values: values))
        }
        return (RawTable(file: csv.path, table: kind, collectionYear: collectionYear, rows: rows), issues)
    }
}

/// The tables of the SSDA903 children-looked-after return.
public enum SSDA903Table: String, CaseIterable, Codable, Sendable {
    case header = "Header"
    case episodes = "Episodes"
    case reviews = "Reviews"
    case uasc = "UASC"
    case oc2 = "OC2"
    case oc3 = "OC3"
    case ad1 = "AD1"
    case placedAdoption = "PlacedAdoption"
    case prevPerm = "PrevPerm"
    case missing = "Missing"
    case swEpisodes = "SWEpisodes"
    /// Deprivation of liberty orders, collected from 2026-27.
    case dolo = "DoLo"

    /// The table's columns in the DfE's order.
    public var columns: [String] {
        switch self {
        case .header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
        case .episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
        case .reviews: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
        case .uasc: ["CHILD", "SEX", "DOB", "DUC"]
        case .oc2:
            [
                "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
            ]
        case .oc3: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
        case .ad1: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
        case .placedAdoption: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]
        case .prevPerm: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]
        case .missing: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]
        case .swEpisodes: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]
        case .dolo: ["CHILD", "DOB", "DOLO_START", "DOLO_END"]
        }
    }

    /// Recognises a table from a CSV header (spec reading rule 5): the trimmed, upper-cased column
    /// set equals a table's, or contains it and contains no other table's.
    /// Returns the table and the extra columns that will be ignored.
    public static func recognise(header: [String]) -> (table: SSDA903Table, extra: [String])? {
        let cols = Set(header.map { $0.trimmed.upperASCII })
        if let exact = allCases.first(where: { Set($0.columns) == cols }) { return (exact, []) }
        let containing = allCases.filter { Set($0.columns).isSubset(of: cols) }
        guard containing.count == 1, let t = containing.first else { return nil }
        return (t, header.filter { !Set(t.columns).contains($0.trimmed.upperASCII) })
    }
}

/// One data row of a raw table: its 1-based row number (header excluded, or the XML element's
/// position) and its values in the table's column order (`SSDA903Table.columns`), each trimmed.
public struct RawRow: Sendable, Hashable {
    public var row: Int
    public var values: [String]
    public init(row: Int, values: [String]) { self.row = row; self.values = values }
}

/// A table of an SSDA903 return as read, every value a string (trimmed; empty when blank),
/// columns in the DfE's order whatever the file's order was.
public struct RawTable: Sendable {
    public var file: String
    public var table: SSDA903Table
    public var collectionYear: Int?
    public var rows: [RawRow]
    /// `table.columns`, kept: the rules look columns up by name for every row they read.
    let columnNames: [String]

    public init(file: String, table: SSDA903Table, collectionYear: Int?, rows: [RawRow]) {
        self.file = file; self.table = table; self.collectionYear = collectionYear; self.rows = rows
        self.columnNames = table.columns
    }

    /// The value of `column` in `row` ("" when blank or the column is not in this table).
    public func value(_ row: RawRow, _ column: String) -> String {
        guard let i = columnIndex(column), i < row.values.count else { return "" }
        return row.values[i]
    }

    /// The column's position in `RawRow.values`.
    ///
    /// A table has at most a dozen columns, with distinct names: comparing the names of the same
    /// length is faster than hashing the name into a dictionary.
    @inline(__always)
    public func columnIndex(_ column: String) -> Int? {
        let n = column.utf8.count
        for k in columnNames.indices where columnNames[k].utf8.count == n && columnNames[k] == column { return k }
        return nil
    }
}

import Foundation

import Foundation
import OversightCore

/// Writes an Ofsted ILACS Annex A workbook: sheets "List 1" to "List 11" in order, each with
/// the template's headers on row 1 and one row per canonical row below.
///
/// Values are keyed by canonical field name (`AnnexAField.name`), as `AnnexARow.values` holds
/// them; unknown keys are ignored and missing ones leave the cell empty. Date fields holding a
/// `yyyy-mm-dd` or `dd/mm/yyyy` date are written as date cells (shown `dd/mm/yyyy`); number fields
/// holding a number are written as numbers; everything else, child ids included, as text.
/// Lists with no rows are written with their headers only.
public struct AnnexAWriter: Sendable {
    /// Rows per list.
    public var rows: [AnnexAList: [[String: String]]]

    public init(rows: [AnnexAList: [[String: String]]] = [:]) { self.rows = rows }

    /// The workbook's bytes.
    public func data() throws -> Data {
        try XLSXWriter(sheets: AnnexAList.allCases.map(sheet)).data()
    }

    /// Writes the workbook to `url`, replacing any file there.
    public func write(to url: URL) throws {
        try data().write(to: url, options: .atomic)
    }

    /// The sheet of one list, as written.
    public func sheet(_ list: AnnexAList) -> XLSXSheet {
        let fields = list.fields
        var cells: [[XLSXCell]] = [fields.map { .text($0.header) }]
        for values in rows[list] ?? [] {
            cells.append(fields.map { AnnexAWriter.cell(values[$0.name] ?? "", kind: $0.kind) })
        }
        return XLSXSheet(name: list.sheetName, cells: cells)
    }

    /// The cell for a value of a field of `kind`.
    public static func cell(_ value: String, kind: AnnexAField.Kind) -> XLSXCell {
        if value.isEmpty { return .empty }
        switch kind {
        case .date:
            if let d = Day.parseISO(value) ?? Day.parseUK(value) { return .date(d) }
        case .number:
            if let n = Double(value), n.isFinite { return .number(n) }
        case .text, .flag:
            break
        }
        return .text(value)
    }
}

import Foundation
import OversightCore

/// One of a measure's drill-down lists (the numerator's or the denominator's records), filtered
/// by a text box, sorted and cut into pages.
public struct DrillList: Sendable, Hashable {
    /// Which list: `numerator` or `denominator` (the CSV path and the parameter prefix `n`/`d` follow it).
    public enum Side: String, Sendable {
        case numerator, denominator
        /// The prefix of this list's `sort`, `dir` and `page` parameters.
        public var prefix: String { self == .numerator ? "n" : "d" }
    }

    /// One row: a record and whether it was read from a row with a validation error.
    public struct Row: Sendable, Hashable {
        public var record: DrillRecord
        public var isFromRowWithErrors: Bool
    }

    public var side: Side
    /// Every record of the list before filtering.
    public var total: Int
    /// The records that pass the filter.
    public var matching: Int
    /// The rows on the current page.
    public var rows: [Row]
    public var page: Int
    public var pageCount: Int
    public var sort: SortOrder

    /// The columns a list sorts by.
    public static let sortColumns = ["child", "kind", "key", "start", "end"]
    /// Rows a page.
    public static let perPage = 50

    /// Filters `records` by `filter` (case-insensitive, on child id, kind and key), sorts them
    /// (by child id then key when no sort is given; blank dates last ascending) and keeps page `page`.
    public static func make(
        _ side: Side, records: [DrillRecord], filter: String, sort: SortOrder?, page: Int,
        rowsWithErrors: Set<RecordOrigin>, perPage: Int = DrillList.perPage
    ) -> DrillList {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        var kept =
            needle.isEmpty
            ? records
            : records.filter {
                $0.child.lowercased().contains(needle) || $0.kind.lowercased().contains(needle) || $0.key.lowercased().contains(needle)
            }
        let order = sort ?? SortOrder(column: "child")
        kept.sort { a, b in
            let ascending: Bool
            switch order.column {
            case "kind": ascending = (a.kind, a.child, a.key) < (b.kind, b.child, b.key)
            case "key": ascending = (a.key, a.child) < (b.key, b.child)
            case "start": ascending = dayKey(a.start, a) < dayKey(b.start, b)
            case "end": ascending = dayKey(a.end, a) < dayKey(b.end, b)
            default: ascending = (a.child, a.key, a.kind) < (b.child, b.key, b.kind)
            }
            return order.direction == .asc ? ascending : !ascending && a != b
        }
        let count = Pagination.pageCount(total: kept.count, perPage: perPage)
        let p = min(max(page, 1), count)
        let rows = Pagination.slice(kept, page: p, perPage: perPage).map {
            Row(record: $0, isFromRowWithErrors: $0.origin.map(rowsWithErrors.contains) ?? false)
        }
        return DrillList(side: side, total: records.count, matching: kept.count, rows: rows, page: p, pageCount: count, sort: order)
    }

    static func dayKey(_ d: Day?, _ r: DrillRecord) -> (Int32, String, String) { (d?.ordinal ?? Int32.max, r.child, r.key) }
}

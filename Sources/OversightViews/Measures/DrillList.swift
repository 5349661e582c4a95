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
        /// Who held the child on the record's reference day; nil when no organisation is loaded.
        public var holder: Organisation.Holder? = nil
    }

    /// The team and worker filters: a team's name (or `unallocated`), a worker's id.
    public struct HolderFilter: Sendable, Hashable {
        public var team: String?
        public var worker: String?
        public init(team: String? = nil, worker: String? = nil) { self.team = team; self.worker = worker }
        public var isEmpty: Bool { team == nil && worker == nil }

        func keeps(_ h: Organisation.Holder) -> Bool {
            // Unallocated: no worker, or a worker in no team that day (as `AuthorityNumbers.Part.unallocated`).
            if let team { if team == Self.unallocated ? (h.worker != nil && h.team != nil) : h.team != team { return false } }
            if let worker, h.worker != worker { return false }
            return true
        }

        /// The team filter's value for children no worker holds.
        public static let unallocated = "unallocated"
    }

    /// The day a record counts on for "who held the child": an event's day; for a span, its
    /// last day within the period (the period's end while it is open); the period's end when
    /// the record has no dates.
    public static func referenceDay(_ r: DrillRecord, period: Period) -> Day { Organisation.referenceDay(r, period: period) }

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
    /// `source` keeps only the records read from that file (its index in the case data's files).
    public static func make(
        _ side: Side, records: [DrillRecord], filter: String, sort: SortOrder?, page: Int,
        rowsWithErrors: Set<RecordOrigin>, perPage: Int = DrillList.perPage, source: Int? = nil,
        holder: ((DrillRecord) -> Organisation.Holder)? = nil, holderFilter: HolderFilter = HolderFilter()
    ) -> DrillList {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        var kept =
            needle.isEmpty
            ? records
            : records.filter {
                $0.child.lowercased().contains(needle) || $0.kind.lowercased().contains(needle) || $0.key.lowercased().contains(needle)
            }
        if let source { kept = kept.filter { $0.origin.map { Int($0.file) } == source } }
        if let holder, !holderFilter.isEmpty { kept = kept.filter { holderFilter.keeps(holder($0)) } }
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
            Row(record: $0, isFromRowWithErrors: $0.origin.map(rowsWithErrors.contains) ?? false, holder: holder?($0))
        }
        return DrillList(side: side, total: records.count, matching: kept.count, rows: rows, page: p, pageCount: count, sort: order)
    }

    static func dayKey(_ d: Day?, _ r: DrillRecord) -> (Int32, String, String) { (d?.ordinal ?? Int32.max, r.child, r.key) }

    /// A record's kind in words ("cla_episode" reads "Looked-after episode").
    public static func kindWords(_ kind: String) -> String {
        switch kind {
        case "assessment": return "Assessment"
        case "audit": return "Case file audit"
        case "care_leaver": return "Care leaver"
        case "cin_episode": return "Child in need episode"
        case "cla_episode", "episode": return "Looked-after episode"
        case "cp_plan", "plan": return "Child protection plan"
        case "missing", "missing_episode": return "Missing episode"
        case "referral": return "Referral"
        case "review": return "Review"
        case "supervision": return "Supervision session"
        case "supervision_due": return "Supervision due"
        case "child": return "Child"
        default: return kind.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        }
    }

    /// The files the records were read from, as choices for the source filter: each file's index
    /// with its return, table, year and name ("SSDA903 Episodes, 2024-25 (episodes.csv)").
    public static func sourceOptions(_ records: [DrillRecord], files: [SourceFile]) -> [FormOption] {
        Set(records.compactMap { $0.origin.map { Int($0.file) } }).sorted().compactMap { i in
            guard files.indices.contains(i) else { return nil }
            let f = files[i]
            let format: String
            switch f.format {
            case "ssda903": format = "SSDA903"
            case "cin": format = "CIN census"
            case "missing-local": format = "Missing episodes"
            case "supervision-local": format = "Supervision"
            case "annex-a": format = "Annex A"
            default: format = f.format
            }
            let year = f.collectionYear.map { ", " + Format.reportingYear($0) } ?? ""
            let name = f.path.split(separator: "/").last.map(String.init) ?? f.path
            return FormOption(value: String(i), label: "\(format) \(f.table)\(year) (\(name))")
        }
    }

    /// Kinds that happen on a day rather than last from a start to an end.
    static var events: Set<String> { Organisation.eventKinds }

    /// Why the record is in the list, from its own dates: "Referral on 3 May 2024";
    /// "Looked-after episode from 20 March 2023, still open on 31 March 2025 (2 years)";
    /// "Assessment from 1 May 2024 to 20 June 2024 (50 days)". `side` says whether it is counted
    /// (numerator) or in the base the count is out of (denominator).
    public static func why(_ r: DrillRecord, side: Side, period: Period) -> String {
        let what = kindWords(r.kind)
        var words: String
        switch (r.start, r.end) {
        case (let s?, _) where events.contains(r.kind):
            words = "\(what) on \(Format.date(s))"
        case (let s?, let e?):
            words = "\(what) from \(Format.date(s)) to \(Format.date(e)) (\(duration(s, e)))"
        case (let s?, nil):
            let until = min(period.end, max(s, period.end))
            words = "\(what) from \(Format.date(s)), still open on \(Format.date(until)) (\(duration(s, until)))"
        case (nil, let e?):
            words = "\(what) ending \(Format.date(e))"
        case (nil, nil):
            words = what
        }
        return (side == .numerator ? "Counted: " : "In the base: ") + words
    }

    /// "12 days", "5 months", "2 years 3 months" between two days.
    static func duration(_ a: Day, _ b: Day) -> String {
        let days = a.days(to: b)
        if days < 61 { return Format.counted(days, "day", "days") }
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if b.dayOfMonth < a.dayOfMonth { months -= 1 }
        if months < 24 { return Format.counted(months, "month", "months") }
        let y = months / 12, m = months % 12
        return Format.counted(y, "year", "years") + (m == 0 ? "" : " " + Format.counted(m, "month", "months"))
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

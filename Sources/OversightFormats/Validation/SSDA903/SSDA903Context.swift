import Dispatch
import OversightCore

/// Everything the rules read, indexed once per validation: the current and previous returns'
/// tables, episodes grouped and sorted by child, and each child's header row.
///
/// Unchecked `Sendable`: its lazy indexes are built by `prepare()` (each on one thread) before the
/// rules run on several threads, which only read them.
final class SSDA903Context: @unchecked Sendable {
    let year: Int
    /// First and last day of the collection year.
    let start: Day
    let end: Day
    private let currentTables: [SSDA903Table: SSDA903IndexedTable]
    private let previousTables: [SSDA903Table: SSDA903IndexedTable]
    let hasPrevious: Bool

    init(current: SSDA903Return, previous: SSDA903Return?) {
        year = current.collectionYear
        let period = Period.reportingYear(current.collectionYear)
        start = period.start
        end = period.end
        // The tables are indexed on every core at once (each on its own), then gathered.
        let raw = current.tables.map { (false, $0.key, $0.value) } + (previous?.tables ?? [:]).map { (true, $0.key, $0.value) }
        let indexed = ConcurrentSlots<SSDA903IndexedTable>(count: raw.count)
        DispatchQueue.concurrentPerform(iterations: raw.count) { k in indexed.set(k, SSDA903IndexedTable(raw[k].2)) }
        var currentTables: [SSDA903Table: SSDA903IndexedTable] = [:], previousTables: [SSDA903Table: SSDA903IndexedTable] = [:]
        for (k, (isPrevious, table, _)) in raw.enumerated() {
            guard let t = indexed.take(k) else { continue }
            if isPrevious { previousTables[table] = t } else { currentTables[table] = t }
        }
        self.currentTables = currentTables
        self.previousTables = previousTables
        hasPrevious = previous != nil
    }

    /// Builds every index the rules share, this year's and last year's at once, so that rules
    /// running on several threads afterwards only read them.
    func prepare() {
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 {
                _ = datedEpisodesByChild; _ = headerRow; _ = headerDOB; _ = uascChildren; _ = continuouslyLookedAfter
            } else {
                _ = previousEpisodesByChild; _ = previousHeaderRow
            }
        }
    }

    func has(_ t: SSDA903Table) -> Bool { currentTables[t] != nil }
    func table(_ t: SSDA903Table) -> SSDA903IndexedTable? { currentTables[t] }
    func previousTable(_ t: SSDA903Table) -> SSDA903IndexedTable? { previousTables[t] }

    // MARK: Episodes

    private(set) lazy var episodes: [SSDA903Episode] = Self.parseEpisodes(table(.episodes))
    /// Each child's episodes sorted by start date (episodes without a valid start last, in file order).
    private(set) lazy var episodesByChild: [ChildID: [SSDA903Episode]] = Self.group(episodes)
    private(set) lazy var previousEpisodes: [SSDA903Episode] = Self.parseEpisodes(previousTable(.episodes))
    private(set) lazy var previousEpisodesByChild: [ChildID: [SSDA903Episode]] = Self.group(previousEpisodes)

    static func parseEpisodes(_ t: SSDA903IndexedTable?) -> [SSDA903Episode] {
        guard let t else { return [] }
        // Column positions are resolved once; values are read straight from each row.
        let position = SSDA903Table.episodes.columns.map { t.raw.columnIndex($0) ?? -1 }
        return t.raw.rows.enumerated().map { i, row in
            func v(_ k: Int) -> String { position[k] >= 0 && position[k] < row.values.count ? row.values[position[k]] : "" }
            let decomText = v(1), decText = v(7)
            return SSDA903Episode(
                index: i, child: t.children[i], decom: SSDA903Text.ukDate(decomText), dec: SSDA903Text.ukDate(decText),
                rne: SSDA903Text.upper(v(2)), ls: SSDA903Text.upper(v(3)), cin: SSDA903Text.upper(v(4)),
                place: SSDA903Text.upper(v(5)), provider: SSDA903Text.upper(v(6)), rec: SSDA903Text.upper(v(8)),
                reasonChange: SSDA903Text.upper(v(9)), homePost: SSDA903Text.upper(v(10)),
                plPost: SSDA903Text.upper(v(11)), urn: SSDA903Text.upper(v(12)),
                decomText: decomText, decText: decText)
        }
    }

    static func group(_ eps: [SSDA903Episode]) -> [ChildID: [SSDA903Episode]] {
        var out: [ChildID: [SSDA903Episode]] = [:]
        for e in eps { if let c = e.child { out[c, default: []].append(e) } }
        for (k, v) in out where v.count > 1 {
            out[k] = v.sorted { a, b in
                switch (a.decom, b.decom) {
                case let (x?, y?): return x != y ? x < y : a.index < b.index
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.index < b.index
                }
            }
        }
        return out
    }

    // MARK: Header

    /// Each child's first header row.
    private(set) lazy var headerRow: [ChildID: Int] = Self.firstRows(table(.header))
    private(set) lazy var previousHeaderRow: [ChildID: Int] = Self.firstRows(previousTable(.header))

    static func firstRows(_ t: SSDA903IndexedTable?) -> [ChildID: Int] {
        guard let t else { return [:] }
        return t.rowsByChild.compactMapValues(\.first)
    }

    /// Each child's valid date of birth from the header.
    private(set) lazy var headerDOB: [ChildID: Day] = {
        guard let h = table(.header) else { return [:] }
        return headerRow.compactMapValues { h.date($0, "DOB") }
    }()

    /// The child's date of birth from the header (nil when absent or invalid).
    func dob(_ child: ChildID?) -> Day? { child.flatMap { headerDOB[$0] } }

    /// The child's header `SEX` code, upper-cased ("" when unknown).
    func sex(_ child: ChildID?) -> String {
        guard let child, let h = table(.header), let i = headerRow[child] else { return "" }
        return h.code(i, "SEX")
    }

    /// Children in the UASC table this year.
    private(set) lazy var uascChildren: Set<ChildID> = Set(table(.uasc)?.rowsByChild.keys.map { $0 } ?? [])

    // MARK: Derived facts

    /// Children looked after continuously for the 12 months to 31 March, as the DfE defines it:
    /// in care during the year and with no episode starting a period of care after 1 April, no
    /// episode ending care before 31 March and no short-break (V3/V4) episode in the year.
    private(set) lazy var continuouslyLookedAfter: Set<ChildID> = {
        var out = Set<ChildID>()
        for (child, eps) in episodesByChild {
            var during = false, broken = false
            for e in eps {
                let inYear = (e.decom.map { $0 <= end } ?? false) && (e.dec.map { $0 >= start } ?? true)
                if inYear { during = true }
                if e.rne == "S", let d = e.decom, d > start, d <= end { broken = true }
                if e.rec != "X1", let d = e.dec, d >= start, d < end { broken = true }
                if (e.ls == "V3" || e.ls == "V4") && inYear { broken = true }
            }
            if during && !broken { out.insert(child) }
        }
        return out
    }()

    /// Whether the child is looked after (an open episode, or one ending after) on `day`.
    func isLookedAfter(_ child: ChildID, on day: Day) -> Bool {
        episodesByChild[child]?.contains { e in
            guard let s = e.decom, s <= day else { return false }
            return e.dec.map { $0 > day } ?? true
        } ?? false
    }

    // MARK: Hit helpers

    /// Hits for every row of `t` where `predicate` holds.
    func rows(_ t: SSDA903Table, where predicate: (SSDA903IndexedTable, Int) -> Bool) -> [SSDA903Hit] {
        guard let tab = table(t) else { return [] }
        var out: [SSDA903Hit] = []
        for i in 0..<tab.count where predicate(tab, i) { out.append(SSDA903Hit(table: t, index: i)) }
        return out
    }

    /// Hits for every episode where `predicate` holds.
    func episodes(where predicate: (SSDA903Episode) -> Bool) -> [SSDA903Hit] {
        var out: [SSDA903Hit] = []
        for e in episodes where predicate(e) { out.append(SSDA903Hit(table: .episodes, index: e.index)) }
        return out
    }

    /// Hits for episodes chosen per child from the child's episodes with a valid start date,
    /// sorted by it. Episodes without one are reported by rule 141 and left out of every rule
    /// that looks at a child's sequence of episodes.
    func episodesPerChild(_ pick: (ChildID, [SSDA903Episode]) -> [SSDA903Episode]) -> [SSDA903Hit] {
        var out: [SSDA903Hit] = []
        for (child, eps) in datedEpisodesByChild {
            for e in pick(child, eps) { out.append(SSDA903Hit(table: .episodes, index: e.index)) }
        }
        return out
    }

    /// Each child's episodes with a valid start date, sorted by it; children with none are left
    /// out. Worked out once for the many rules that go through `episodesPerChild`.
    private(set) lazy var datedEpisodesByChild: [(ChildID, [SSDA903Episode])] = episodesByChild.compactMap { child, all in
        let eps = all.last?.decom == nil ? all.filter { $0.decom != nil } : all
        return eps.isEmpty ? nil : (child, eps)
    }
}

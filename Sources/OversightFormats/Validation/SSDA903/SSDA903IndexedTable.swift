import OversightCore

/// One table of a return prepared for the rules: each row's normalised child and the rows of
/// each child, computed once.
struct SSDA903IndexedTable {
    let raw: RawTable
    /// The normalised child of each row (nil when `CHILD` is blank).
    let children: [ChildID?]
    /// Row positions of each child, in file order.
    let rowsByChild: [ChildID: [Int]]

    init(_ raw: RawTable) {
        self.raw = raw
        let column = raw.columnIndex("CHILD")
        var children: [ChildID?] = []
        children.reserveCapacity(raw.rows.count)
        var byChild: [ChildID: [Int]] = [:]
        for (i, row) in raw.rows.enumerated() {
            let id = column.flatMap { $0 < row.values.count ? SSDA903Text.childID(row.values[$0]) : nil }
            children.append(id)
            if let id { byChild[id, default: []].append(i) }
        }
        self.children = children
        self.rowsByChild = byChild
    }

    var count: Int { raw.rows.count }

    /// The value of `column` in row `i`, upper-cased (codes are compared case-insensitively).
    func code(_ i: Int, _ column: String) -> String { SSDA903Text.upper(raw.value(raw.rows[i], column)) }

    /// The value of `column` in row `i` as written (trimmed).
    func text(_ i: Int, _ column: String) -> String { raw.value(raw.rows[i], column) }

    /// Whether `column` is blank in row `i`.
    func isBlank(_ i: Int, _ column: String) -> Bool { raw.value(raw.rows[i], column).isEmpty }

    /// The `dd/mm/yyyy` date in `column` of row `i`; nil when blank or not a date.
    func date(_ i: Int, _ column: String) -> Day? { SSDA903Text.ukDate(raw.value(raw.rows[i], column)) }

    /// Whether `column` of row `i` holds something that is not a valid `dd/mm/yyyy` date.
    func isInvalidDate(_ i: Int, _ column: String) -> Bool {
        let t = raw.value(raw.rows[i], column)
        return !t.isEmpty && SSDA903Text.ukDate(t) == nil
    }
}

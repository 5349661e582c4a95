import OversightCore

/// One table of a return prepared for the rules: each row's normalised child and the rows of
/// each child, computed once.
struct SSDA903IndexedTable {
    let raw: RawTable
    /// The normalised child of each row (nil when `CHILD` is blank).
    let children: [ChildID?]
    /// Row positions of each child, in file order.
    let rowsByChild: [ChildID: [Int]]
    /// The `dd/mm/yyyy` dates of the table's date columns, parsed once (by column position; nil
    /// for the other columns, whose values are parsed when asked for).
    private let dates: [[Day?]?]

    /// The columns that hold dates, whose values are parsed once for the many rules that read them.
    static let dateColumns: Set<String> = [
        "DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DATE_INT", "DATE_MATCH", "DATE_PLACED", "DATE_PLACED_CEASED", "DATE_PERM",
        "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC", "DOLO_START", "DOLO_END", "DUC",
    ]

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
        self.dates = raw.table.columns.enumerated().map { k, name in
            guard Self.dateColumns.contains(name) else { return nil }
            return raw.rows.map { k < $0.values.count ? SSDA903Text.ukDate($0.values[k]) : nil }
        }
    }

    var count: Int { raw.rows.count }

    /// The value of `column` in row `i`, upper-cased (codes are compared case-insensitively).
    func code(_ i: Int, _ column: String) -> String { SSDA903Text.upper(raw.value(raw.rows[i], column)) }

    /// The value of `column` in row `i` as written (trimmed).
    func text(_ i: Int, _ column: String) -> String { raw.value(raw.rows[i], column) }

    /// Whether `column` is blank in row `i`.
    func isBlank(_ i: Int, _ column: String) -> Bool { raw.value(raw.rows[i], column).isEmpty }

    /// The `dd/mm/yyyy` date in `column` of row `i`; nil when blank or not a date.
    func date(_ i: Int, _ column: String) -> Day? {
        if let k = raw.columnIndex(column), let parsed = dates[k] { return parsed[i] }
        return SSDA903Text.ukDate(raw.value(raw.rows[i], column))
    }

    /// Whether `column` of row `i` holds something that is not a valid `dd/mm/yyyy` date.
    func isInvalidDate(_ i: Int, _ column: String) -> Bool {
        let t = raw.value(raw.rows[i], column)
        return !t.isEmpty && SSDA903Text.ukDate(t) == nil
    }
}

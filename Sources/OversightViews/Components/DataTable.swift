/// Which way a table is sorted.
public enum SortDirection: String, Sendable, Hashable {
    case asc, desc
    /// The other way.
    public var reversed: SortDirection { self == .asc ? .desc : .asc }
    /// `ascending` or `descending`, as `aria-sort` wants.
    public var ariaSort: String { self == .asc ? "ascending" : "descending" }
}

/// How a table is sorted: a column id and a direction, read from `?sort=col&dir=asc`.
public struct SortOrder: Sendable, Hashable {
    public var column: String
    public var direction: SortDirection
    public init(column: String, direction: SortDirection = .asc) { self.column = column; self.direction = direction }

    /// Reads `sort` and `dir` from a request's query; nil when `sort` names none of `allowed`
    /// (an unknown column is ignored, never trusted into a query).
    public init?(sort: String?, dir: String?, allowed: [String]) {
        guard let sort, allowed.contains(sort) else { return nil }
        self.column = sort
        self.direction = SortDirection(rawValue: dir ?? "") ?? .asc
    }
}

/// An accessible table (GOV.UK pattern): a caption, column headers with `scope="col"`, numbers
/// right-aligned, and, for sortable columns, header links (`?sort=col&dir=asc`) that work
/// without JavaScript, the sorted column marked with `aria-sort`.
public struct DataTable: Sendable {
    /// One column.
    public struct Column: Sendable, Hashable {
        /// The id used in `?sort=`.
        public var id: String
        public var heading: String
        /// Numbers are right-aligned, in the header as in the cells.
        public var isNumeric: Bool
        public var isSortable: Bool
        public init(_ id: String, _ heading: String, isNumeric: Bool = false, isSortable: Bool = false) {
            self.id = id; self.heading = heading; self.isNumeric = isNumeric; self.isSortable = isSortable
        }
    }

    public var caption: String
    /// Whether the caption is shown (a heading above the table may already say it; it stays for screen readers).
    public var isCaptionVisible: Bool
    public var columns: [Column]
    /// Cells, one array per row, in column order. The first cell of a row is its header (`<th scope="row">`)
    /// when `hasRowHeaders`.
    public var rows: [[HTML]]
    public var hasRowHeaders: Bool
    /// The current sort, marked in the header.
    public var sort: SortOrder?
    /// The page's link with its other parameters (filter, period), for the sort links; sorting
    /// resets to the first page.
    public var link: Query
    /// What to say when there are no rows.
    public var emptyMessage: String
    /// Put before `sort`, `dir` and `page` in links, so two tables on one page sort apart (`n` gives `nsort`).
    public var parameterPrefix: String
    /// The id of the element a sort link returns to (the table's heading), so sorting a table far
    /// down a long page keeps the reader at the table; nil: the top of the page.
    public var anchor: String?

    public init(
        caption: String, isCaptionVisible: Bool = true, columns: [Column], rows: [[HTML]], hasRowHeaders: Bool = false,
        sort: SortOrder? = nil, link: Query = Query(path: ""), emptyMessage: String = "There is nothing to show.",
        parameterPrefix: String = "", anchor: String? = nil
    ) {
        self.caption = caption; self.isCaptionVisible = isCaptionVisible; self.columns = columns; self.rows = rows
        self.hasRowHeaders = hasRowHeaders; self.sort = sort; self.link = link; self.emptyMessage = emptyMessage
        self.parameterPrefix = parameterPrefix; self.anchor = anchor
    }

    /// The table; when there are no rows, no table: the caption (when visible) and `emptyMessage` as paragraphs.
    public func render() -> HTML {
        let captionHTML = HTML.el("caption", [("class", isCaptionVisible ? "ov-table__caption" : "ov-visually-hidden")], text: caption)
        // No table at all when there is nothing to tabulate: an empty table says nothing to a screen reader.
        guard !rows.isEmpty else {
            return (isCaptionVisible ? HTML.el("p", [("class", "ov-table__caption")], text: caption) : .empty)
                + HTML.el("p", [("class", "ov-body ov-table__empty")], text: emptyMessage)
        }
        let heads = columns.map { c -> HTML in
            var cls = "ov-table__header"
            if c.isNumeric { cls += " ov-table__header--numeric" }
            let isSorted = sort?.column == c.id
            var content = HTML.text(c.heading)
            if c.isSortable {
                let next: SortDirection = isSorted ? sort!.direction.reversed : .asc
                let href =
                    link.setting(parameterPrefix + "sort", c.id).setting(parameterPrefix + "dir", next.rawValue)
                    .setting(parameterPrefix + "page", nil).href + (anchor.map { "#" + $0 } ?? "")
                let hint = isSorted ? (sort!.direction == .asc ? " \u{25B2}" : " \u{25BC}") : ""
                content = HTML.el(
                    "a", [("href", href), ("class", "ov-table__sort-link")],
                    .text(c.heading) + HTML.el("span", [("aria-hidden", "true")], text: hint)
                        + HTML.el(
                            "span", [("class", "ov-visually-hidden")],
                            text: isSorted ? " (sorted \(sort!.direction.ariaSort); select to sort \(next.ariaSort))" : " (select to sort)"))
            }
            return HTML.el(
                "th",
                [
                    ("scope", "col"), ("class", cls),
                    ("aria-sort", c.isSortable ? (isSorted ? sort!.direction.ariaSort : "none") : nil),
                ], content)
        }
        let body = rows.map { cells -> HTML in
            let tds = cells.enumerated().map { i, cell -> HTML in
                let numeric = i < columns.count && columns[i].isNumeric
                if i == 0 && hasRowHeaders {
                    return HTML.el("th", [("scope", "row"), ("class", numeric ? "ov-table__header ov-table__cell--numeric" : "ov-table__header")], cell)
                }
                return HTML.el("td", [("class", numeric ? "ov-table__cell ov-table__cell--numeric" : "ov-table__cell")], cell)
            }
            return HTML.el("tr", [("class", "ov-table__row")], tds.joined)
        }
        return HTML.el(
            "div", [("class", "ov-table-wrapper")],
            HTML.el(
                "table", [("class", "ov-table")],
                captionHTML
                    + HTML.el("thead", [("class", "ov-table__head")], HTML.el("tr", [("class", "ov-table__row")], heads.joined))
                    + HTML.el("tbody", [("class", "ov-table__body")], body.joined)))
    }
}

/// The activity log (administrators): every view of child-level data and every change, who,
/// when, what; filtered by user, action and dates; paged; exportable as CSV.
public enum ActivityLogPage {
    /// What the page shows.
    public struct Model: Sendable {
        /// The entries on this page, newest first (the app filters and pages them in the store).
        public var entries: [ActivityEntry]
        public var filter: ActivityFilter
        public var errors: [FieldError]
        /// The actions offered in the filter.
        public var actions: [String]
        /// How many entries match the filter in all.
        public var total: Int
        public var page: Int
        public var pageCount: Int

        public init(
            entries: [ActivityEntry], filter: ActivityFilter, errors: [FieldError] = [], actions: [String], total: Int,
            page: Int, pageCount: Int
        ) {
            self.entries = entries; self.filter = filter; self.errors = errors; self.actions = actions; self.total = total
            self.page = page; self.pageCount = pageCount
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { ErrorSummary.title("Activity log", hasErrors: !model.errors.isEmpty) }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        func error(_ id: String) -> String? { model.errors.first { $0.fieldID == id }?.message }
        var out = ErrorSummary.render(model.errors)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Activity log")
        out += HTML.el("p", [("class", "ov-body")], text: "Every view of a child's records and every change, newest first. Entries cannot be changed or deleted.")
        let form =
            FormGroup.text(id: "user", label: "User", value: model.filter.user, width: "10")
            + FormGroup.select(
                id: "action", label: "Action", options: [FormOption(value: "", label: "Any")] + model.actions.map { FormOption(value: $0, label: $0) },
                selected: model.filter.action)
            + FormGroup.date(id: "from", label: "From", hint: "For example, 2025-04-01", value: model.filter.from, error: error("from"))
            + FormGroup.date(id: "to", label: "To", hint: "For example, 2025-04-30", value: model.filter.to, error: error("to"))
            + Button.render("Filter", kind: .secondary)
        out += HTML.el("form", [("method", "get"), ("action", SiteURL.activity), ("class", "ov-filter-form"), ("novalidate", "")], form)
        let link = Query(path: SiteURL.activity, model.filter.queryItems)
        out += HTML.el("p", [("class", "ov-body")], text: "\(Format.count(model.total)) entries.")
        let rows = model.entries.map { e -> [HTML] in
            [
                .text(Format.timestamp(e.at)), .text(e.user), .text(e.role), .text(e.action),
                e.href.map { HTML.el("a", [("href", $0)], text: e.what) } ?? .text(e.what),
            ]
        }
        out += DataTable(
            caption: "Activity", isCaptionVisible: false,
            columns: [.init("when", "When (UTC)"), .init("who", "Who"), .init("role", "Role"), .init("action", "Action"), .init("what", "What")],
            rows: rows, emptyMessage: "No activity matches the filter."
        ).render()
        out += Pagination.render(page: model.page, pageCount: model.pageCount, link: link, label: "Activity pages")
        out += HTML.el(
            "p", [("class", "ov-body")],
            HTML.el(
                "a", [("href", Query(path: SitePath.activityCSV.link(), model.filter.queryItems).href), ("download", "")],
                text: "Download as CSV")
                + .text(" or ")
                + HTML.el(
                    "a",
                    [
                        ("href", Query(path: SitePath.activityXLSX.link(), model.filter.queryItems).href),
                        ("download", ""),
                    ], text: "as an Excel workbook"))
        return out
    }
}

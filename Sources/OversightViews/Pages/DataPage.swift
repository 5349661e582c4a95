/// The data page: every import, newest first, with its findings by severity, and for
/// administrators a button to undo an active import.
public enum DataPage {
    /// What the page shows.
    public struct Model: Sendable {
        public var imports: [ImportRow]
        /// Whether the user may upload files.
        public var canUpload: Bool
        /// Whether the user may undo imports (administrators).
        public var canUndo: Bool
        public var csrfToken: String
        /// A success message after an action ("Import 12 was undone").
        public var notice: String?

        public init(imports: [ImportRow], canUpload: Bool, canUndo: Bool, csrfToken: String, notice: String? = nil) {
            self.imports = imports; self.canUpload = canUpload; self.canUndo = canUndo; self.csrfToken = csrfToken; self.notice = notice
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { "Data" }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = HTML.empty
        if let n = model.notice { out += Notice.banner(.success, heading: n) }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Data")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text:
                "Each import loads the files of the statutory returns and local records. Findings are the validator's errors, warnings and queries; fix them at source and load the files again."
        )
        if model.canUpload { out += Button.link("Upload files", href: SiteURL.upload) }
        var columns: [DataTable.Column] = [
            .init("when", "Imported"), .init("who", "By"), .init("files", "Files", isNumeric: true),
            .init("years", "Years"), .init("rows", "Records", isNumeric: true),
            .init("errors", "Errors", isNumeric: true), .init("warnings", "Warnings", isNumeric: true),
            .init("queries", "Queries", isNumeric: true), .init("status", "Status"),
        ]
        if model.canUndo { columns.append(.init("action", "Action")) }
        let rows = model.imports.map { i -> [HTML] in
            var r: [HTML] = [
                HTML.el("a", [("href", SiteURL.importDetail(i.id))], text: Format.timestamp(i.importedAt)), .text(i.user),
                .text(Format.count(i.fileCount)), .text(i.yearsText), .text(Format.count(i.rows)),
                .text(Format.count(i.errors)), .text(Format.count(i.warnings)), .text(Format.count(i.queries)),
                StatusTag.render(i.status.words, colour: i.status.colour),
            ]
            if model.canUndo {
                r.append(
                    i.status == .active
                        ? Button.postForm(
                            "Undo", action: SiteURL.importUndo(i.id), csrfToken: model.csrfToken, kind: .warning,
                            screenReaderSuffix: " the import of \(Format.timestamp(i.importedAt))")
                        : .empty)
            }
            return r
        }
        out += DataTable(
            caption: "Imports, newest first", columns: columns, rows: rows,
            emptyMessage: "Nothing has been imported yet."
        ).render()
        return out
    }
}

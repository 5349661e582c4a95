import Foundation

/// One import: its files (size, SHA-256, rows), its progress while it runs, and its findings,
/// filterable by rule, table, child and severity, paged, and downloadable as CSV.
public enum ImportPage {
    /// One file of the import.
    public struct FileRow: Sendable, Hashable {
        public var path: String
        public var size: Int
        public var sha256: String
        /// What the file was read as (`cin-xml`, `ssda903-csv`, ...).
        public var format: String
        public var table: String
        public var collectionYear: Int?
        public var rowsRead: Int
        public var rowsStored: Int
        public init(path: String, size: Int, sha256: String, format: String, table: String, collectionYear: Int?, rowsRead: Int, rowsStored: Int) {
            self.path = path; self.size = size; self.sha256 = sha256; self.format = format; self.table = table
            self.collectionYear = collectionYear; self.rowsRead = rowsRead; self.rowsStored = rowsStored
        }
    }

    /// How far a running import has got.
    public struct Progress: Sendable, Hashable {
        /// What it is doing ("Reading 2025/episodes.csv", "Validating").
        public var step: String
        public var filesDone: Int
        public var fileCount: Int
        public init(step: String, filesDone: Int, fileCount: Int) { self.step = step; self.filesDone = filesDone; self.fileCount = fileCount }
    }

    /// What the page shows.
    public struct Model: Sendable {
        public var summary: ImportRow
        public var files: [FileRow]
        /// While the import runs: the page refreshes itself every few seconds.
        public var progress: Progress?
        /// Every finding of the import (the page filters and pages them).
        public var findings: [FindingRow]
        public var filter: FindingFilter
        public var page: Int
        /// Whether the user may see child ids (the child column and filter are left out when not).
        public var showsChildren: Bool
        /// A plain reason when the import failed.
        public var failure: String?

        public init(
            summary: ImportRow, files: [FileRow], progress: Progress? = nil, findings: [FindingRow], filter: FindingFilter = FindingFilter(),
            page: Int = 1, showsChildren: Bool = true, failure: String? = nil
        ) {
            self.summary = summary; self.files = files; self.progress = progress; self.findings = findings; self.filter = filter
            self.page = page; self.showsChildren = showsChildren; self.failure = failure
        }

        /// Whether the import is still running.
        public var isRunning: Bool { summary.status == .running }
    }

    /// Findings a page.
    public static let perPage = 100
    /// Seconds between refreshes while the import runs.
    public static let refreshSeconds = 3

    /// The page title.
    public static func title(_ model: Model) -> String { "Import of \(Format.timestamp(model.summary.importedAt))" }

    /// Head elements: a refresh every `refreshSeconds` while the import runs; nothing after.
    public static func head(_ model: Model) -> HTML {
        model.isRunning ? HTML.void("meta", [("http-equiv", "refresh"), ("content", String(refreshSeconds))]) : .empty
    }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        let s = model.summary
        var out = errorSummary(model)
        out += HTML.el("span", [("class", "ov-caption-l")], text: "Import")
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: Format.timestamp(s.importedAt))
        if let p = model.progress, model.isRunning {
            out += Notice.banner(
                .important, heading: "Importing: \(p.step)",
                body: HTML.el("p", [("class", "ov-body")], text: "\(p.filesDone) of \(p.fileCount) files done. This page updates every \(refreshSeconds) seconds.")
                    + HTML.el(
                        "progress", [("max", String(max(p.fileCount, 1))), ("value", String(p.filesDone)), ("aria-label", "Files imported")],
                        text: "\(p.filesDone) of \(p.fileCount)"))
        }
        if let f = model.failure { out += Notice.warning("The import failed: \(f)") }
        out += SummaryList.render([
            .init("Status", StatusTag.render(s.status.words, colour: s.status.colour)),
            .init("Imported by", text: s.user),
            .init("Collection years", text: s.yearsText),
            .init("Records stored", text: Format.count(s.rows)),
            .init(
                "Findings",
                text: [
                    Format.counted(s.errors, "error", "errors"), Format.counted(s.warnings, "warning", "warnings"),
                    Format.counted(s.queries, "query", "queries"),
                ].joined(separator: ", ")),
        ])
        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Files")
        out += DataTable(
            caption: "Files in this import", isCaptionVisible: false,
            columns: [
                .init("path", "File"), .init("format", "Read as"), .init("year", "Year"), .init("size", "Size", isNumeric: true),
                .init("read", "Rows read", isNumeric: true), .init("stored", "Records stored", isNumeric: true),
                .init("sha", "SHA-256"),
            ],
            rows: model.files.map { f in
                [
                    .text(f.path), .text(f.format + (f.table.isEmpty ? "" : " (\(f.table))")),
                    .text(f.collectionYear.map(Format.reportingYear) ?? "Not known"), .text(Format.fileSize(f.size)),
                    .text(Format.count(f.rowsRead)), .text(Format.count(f.rowsStored)),
                    HTML.el("code", [("class", "ov-hash")], text: f.sha256),
                ]
            }, emptyMessage: "No files yet."
        ).render()
        out += findings(model)
        return out
    }

    /// The first errors of the import, each linking to the findings table, so an analyst sees at
    /// once what to fix at source. Rows with errors are stored all the same.
    static func errorSummary(_ model: Model) -> HTML {
        let errors = model.findings.filter { $0.severity == "error" }
        guard !errors.isEmpty else { return .empty }
        var items = errors.prefix(5).map { f in
            FieldError(fieldID: "findings", message: "\(f.file)" + (f.row.map { ", row \($0)" } ?? "") + ": \(f.rule) \(f.message)")
        }
        if errors.count > 5 { items.append(FieldError(fieldID: "findings", message: "and \(Format.count(errors.count - 5)) more errors")) }
        return ErrorSummary.render(items)
    }

    static func findings(_ model: Model) -> HTML {
        var out = HTML.el("h2", [("class", "ov-heading-l"), ("id", "findings")], text: "Findings")
        let matching = model.filter.apply(model.findings)
        let rules = Array(Set(model.findings.map(\.rule))).sorted()
        let tables = Array(Set(model.findings.map(\.table))).sorted()
        let any = FormOption(value: "", label: "Any")
        var form =
            FormGroup.select(id: "rule", label: "Rule", options: [any] + rules.map { FormOption(value: $0, label: $0) }, selected: model.filter.rule)
            + FormGroup.select(id: "table", label: "Table", options: [any] + tables.map { FormOption(value: $0, label: $0) }, selected: model.filter.table)
            + FormGroup.select(
                id: "severity", label: "Severity",
                options: [
                    any, FormOption(value: "error", label: "Error"),
                    FormOption(value: "warning", label: "Warning"),
                    FormOption(value: "query", label: "Query"),
                ], selected: model.filter.severity)
        if model.showsChildren {
            form += FormGroup.text(id: "child", label: "Child id", value: model.filter.child, width: "10")
        }
        form += Button.render("Filter", kind: .secondary)
        out += HTML.el("form", [("method", "get"), ("action", SiteURL.importDetail(model.summary.id)), ("class", "ov-filter-form")], form)
        let link = Query(path: SiteURL.importDetail(model.summary.id), model.filter.queryItems)
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: model.filter.isEmpty
                ? "\(Format.count(model.findings.count)) findings."
                : "\(Format.count(matching.count)) of \(Format.count(model.findings.count)) findings match the filter.")
        let pageCount = Pagination.pageCount(total: matching.count, perPage: perPage)
        var columns: [DataTable.Column] = [.init("severity", "Severity"), .init("rule", "Rule"), .init("where", "Where")]
        if model.showsChildren { columns.append(.init("child", "Child")) }
        columns += [.init("fields", "Fields"), .init("message", "Finding")]
        let rows = Pagination.slice(matching, page: model.page, perPage: perPage).map { f -> [HTML] in
            var r: [HTML] = [f.severityTag, .text(f.rule), .text("\(f.file), \(f.table)" + (f.row.map { ", row \($0)" } ?? ""))]
            if model.showsChildren {
                r.append(f.child.map { HTML.el("a", [("href", SiteURL.child($0))], text: $0) } ?? .text(""))
            }
            r += [.text(f.fields.joined(separator: ", ")), .text(f.message)]
            return r
        }
        out += DataTable(
            caption: "Findings", isCaptionVisible: false, columns: columns, rows: rows, link: link,
            emptyMessage: model.filter.isEmpty ? "No findings." : "No findings match the filter."
        ).render()
        out += Pagination.render(page: model.page, pageCount: pageCount, link: link, label: "Findings pages")
        out += HTML.el(
            "p", [("class", "ov-body")],
            HTML.el(
                "a",
                [
                    ("href", Query(path: SitePath.importFindingsCSV.link(model.summary.id), model.filter.queryItems).href),
                    ("download", ""),
                ], text: "Download the findings as CSV")
                + .text(" or ")
                + HTML.el(
                    "a",
                    [
                        (
                            "href",
                            Query(
                                path: SitePath.importFindingsXLSX.link(model.summary.id),
                                model.filter.queryItems
                            ).href
                        ), ("download", ""),
                    ], text: "as an Excel workbook"))
        return out
    }
}

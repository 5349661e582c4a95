/// The upload form: files of the returns and local records, the largest size allowed, and an
/// error summary that names the file when one is refused.
public enum UploadPage {
    /// What the page shows.
    public struct Model: Sendable {
        public var csrfToken: String
        /// The largest upload accepted, in bytes.
        public var maxBytes: Int
        public var errors: [FieldError]
        public init(csrfToken: String, maxBytes: Int, errors: [FieldError] = []) {
            self.csrfToken = csrfToken; self.maxBytes = maxBytes; self.errors = errors
        }
    }

    /// The id of the file input (errors point at it).
    public static let fieldID = "files"

    /// The error for a file of a format Oversight does not read.
    public static func wrongFormat(fileName: String) -> FieldError {
        FieldError(
            fieldID: fieldID,
            message:
                "\(fileName) is not a file Oversight can read. Upload a CIN census XML file, an SSDA903 CSV or XML file, a local missing or supervision CSV file, or a ZIP of them")
    }

    /// The error for an upload over the limit.
    public static func tooLarge(fileName: String?, maxBytes: Int) -> FieldError {
        FieldError(fieldID: fieldID, message: "\(fileName ?? "The upload") must be smaller than \(Format.fileSize(maxBytes))")
    }

    /// The error when no file was chosen.
    public static let noFile = FieldError(fieldID: fieldID, message: "Select at least one file")

    /// The page title.
    public static func title(_ model: Model) -> String { ErrorSummary.title("Upload files", hasErrors: !model.errors.isEmpty) }

    /// The main content: a multipart form posting to `/data/upload`.
    public static func render(_ model: Model) -> HTML {
        var out = ErrorSummary.render(model.errors)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Upload files")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text:
                "Upload the month's extracts: CIN census XML, SSDA903 CSV or XML files, local missing episodes and supervision files, or a ZIP holding them. Put each collection year's files in a folder named for it (for example 2024-25) inside the ZIP, or name the year in the file name."
        )
        out += HTML.el("p", [("class", "ov-body")], text: "The files are checked, imported in the background and validated. You can follow the import's progress on its page.")
        var form = FormGroup.hidden(name: "csrf", value: model.csrfToken)
        form += FormGroup.file(
            id: fieldID, label: "Files", hint: "Up to \(Format.fileSize(model.maxBytes)) in all. CSV, XML or ZIP.",
            accept: ".csv,.xml,.zip", isMultiple: true, error: model.errors.first { $0.fieldID == fieldID }?.message)
        form += Button.render("Upload and import")
        out += HTML.el("form", [("method", "post"), ("action", SiteURL.upload), ("enctype", "multipart/form-data"), ("novalidate", "")], form)
        out += HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", SiteURL.data)], text: "Back to imports"))
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }
}

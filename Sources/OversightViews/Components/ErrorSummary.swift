/// A problem with one field of a form: its input's id and what to do about it.
public struct FieldError: Sendable, Hashable {
    /// The `id` of the input the error is about (the summary links to `#fieldID`).
    public var fieldID: String
    /// The message, in plain words ("Enter your username").
    public var message: String
    public init(fieldID: String, message: String) { self.fieldID = fieldID; self.message = message }
}

/// The error summary at the top of a form that came back with errors (GOV.UK pattern): a
/// `role="alert"` box headed "There is a problem", each error a link to its field.
public enum ErrorSummary {
    /// The summary; nothing when `errors` is empty.
    public static func render(_ errors: [FieldError]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items = errors.map { e in
            HTML.el("li", [], HTML.el("a", [("href", "#" + e.fieldID)], text: e.message))
        }
        return HTML.el(
            "div",
            [
                ("class", "ov-error-summary"), ("role", "alert"), ("aria-labelledby", "error-summary-title"),
                ("tabindex", "-1"),
            ],
            HTML.el("h2", [("class", "ov-error-summary__title"), ("id", "error-summary-title")], text: "There is a problem")
                + HTML.el("ul", [("class", "ov-list ov-error-summary__list")], items.joined))
    }

    /// "Error: " prefixed to a page title when the form has errors, as screen readers announce it.
    public static func title(_ title: String, hasErrors: Bool) -> String { hasErrors ? "Error: " + title : title }
}

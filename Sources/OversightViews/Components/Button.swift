/// Buttons (GOV.UK pattern): green primary, grey secondary, red warning for actions that cannot
/// easily be taken back (undo an import, disable a user).
public enum Button {
    /// What a button does to the eye.
    public enum Kind: String, Sendable {
        case primary, secondary, warning
    }

    /// A `<button>`; `type` is `submit` unless said.
    public static func render(
        _ text: String, kind: Kind = .primary, type: String = "submit", name: String? = nil,
        value: String? = nil
    ) -> HTML {
        HTML.el(
            "button",
            [
                ("type", type), ("class", className(kind)), ("name", name), ("value", value),
                ("data-module", "ov-button"),
            ], text: text)
    }

    /// A link that looks like a button (a GET action: "Upload files", "Download as CSV").
    public static func link(_ text: String, href: String, kind: Kind = .primary) -> HTML {
        HTML.el("a", [("href", href), ("role", "button"), ("draggable", "false"), ("class", className(kind))], text: text)
    }

    /// A form that posts one button (with the CSRF token): undo, disable, reset password.
    /// `screenReaderSuffix` adds words only screen readers hear, so a table of "Undo" buttons
    /// says which row each undoes.
    public static func postForm(
        _ text: String, action: String, csrfToken: String, kind: Kind = .secondary,
        hiddenFields: [(String, String)] = [], screenReaderSuffix: String? = nil
    ) -> HTML {
        var inner = FormGroup.hidden(name: "csrf", value: csrfToken)
        for (n, v) in hiddenFields { inner += FormGroup.hidden(name: n, value: v) }
        inner += HTML.el(
            "button", [("type", "submit"), ("class", className(kind)), ("data-module", "ov-button")],
            .text(text) + (screenReaderSuffix.map { HTML.el("span", [("class", "ov-visually-hidden")], text: $0) } ?? .empty))
        return HTML.el("form", [("method", "post"), ("action", action), ("class", "ov-inline-form")], inner)
    }

    static func className(_ kind: Kind) -> String {
        kind == .primary ? "ov-button" : "ov-button ov-button--\(kind.rawValue)"
    }
}

/// Notices that stand apart from the page's text: notification banners, inset text and details.
public enum Notice {
    /// A notification banner's kind: `success` after an action worked, `important` for something
    /// the user must know before going on.
    public enum Kind: String, Sendable {
        case success, important
    }

    /// A notification banner (GOV.UK pattern). A success banner has `role="alert"` so it is read
    /// out on arrival; an important one `role="region"`.
    public static func banner(_ kind: Kind, heading: String, body: HTML = .empty) -> HTML {
        let titleID = "notification-banner-title"
        return HTML.el(
            "div",
            [
                ("class", kind == .success ? "ov-notification-banner ov-notification-banner--success" : "ov-notification-banner"),
                ("role", kind == .success ? "alert" : "region"), ("aria-labelledby", titleID),
            ],
            HTML.el(
                "div", [("class", "ov-notification-banner__header")],
                HTML.el("h2", [("class", "ov-notification-banner__title"), ("id", titleID)], text: kind == .success ? "Success" : "Important"))
                + HTML.el(
                    "div", [("class", "ov-notification-banner__content")],
                    HTML.el("p", [("class", "ov-notification-banner__heading")], text: heading) + body))
    }

    /// Inset text: a quotation, an example or something to set apart from the text around it.
    public static func inset(_ content: HTML) -> HTML {
        HTML.el("div", [("class", "ov-inset-text")], content)
    }

    /// Inset text from plain words.
    public static func inset(text: String) -> HTML { inset(.text(text)) }

    /// Details: a summary that opens to show more, with no JavaScript (`<details>`).
    public static func details(summary: String, content: HTML, isOpen: Bool = false) -> HTML {
        HTML.el(
            "details", [("class", "ov-details"), ("open", isOpen ? "" : nil)],
            HTML.el(
                "summary", [("class", "ov-details__summary")],
                HTML.el("span", [("class", "ov-details__summary-text")], text: summary))
                + HTML.el("div", [("class", "ov-details__text")], content))
    }

    /// A warning (an exclamation mark and bold words), for aggregates-only and data caveats.
    public static func warning(_ text: String) -> HTML {
        HTML.el(
            "div", [("class", "ov-warning-text")],
            HTML.el("span", [("class", "ov-warning-text__icon"), ("aria-hidden", "true")], text: "!")
                + HTML.el(
                    "strong", [("class", "ov-warning-text__text")],
                    HTML.el("span", [("class", "ov-visually-hidden")], text: "Warning: ") + .text(text)))
    }
}

/// One option of a select or a set of radios.
public struct FormOption: Sendable, Hashable {
    public var value: String
    public var label: String
    public var hint: String?
    public init(value: String, label: String, hint: String? = nil) { self.value = value; self.label = label; self.hint = hint }
}

/// Form groups (GOV.UK pattern): a label, an optional hint, an error message when the field has
/// one, and the input holding the user's value, so a form that comes back with errors keeps what
/// was typed. Every input has a label; hints and errors are tied to it with `aria-describedby`.
public enum FormGroup {
    /// A text input (`type` may be `text`, `email`, `number`, `search`).
    public static func text(
        id: String, name: String? = nil, label: String, hint: String? = nil, value: String = "",
        error: String? = nil, type: String = "text", autocomplete: String? = nil,
        width: String? = nil, isLabelVisible: Bool = true
    ) -> HTML {
        group(id: id, label: label, hint: hint, error: error, isLabelVisible: isLabelVisible) { described in
            HTML.void(
                "input",
                [
                    ("class", inputClass("ov-input", error: error, width: width)), ("id", id), ("name", name ?? id),
                    ("type", type), ("value", value), ("autocomplete", autocomplete), ("spellcheck", type == "text" ? "false" : nil),
                    ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true"),
                ])
        }
    }

    /// A password input; it never shows a value back.
    public static func password(
        id: String, name: String? = nil, label: String, hint: String? = nil, error: String? = nil,
        autocomplete: String = "current-password"
    ) -> HTML {
        group(id: id, label: label, hint: hint, error: error) { described in
            HTML.void(
                "input",
                [
                    ("class", inputClass("ov-input", error: error, width: "20")), ("id", id), ("name", name ?? id),
                    ("type", "password"), ("autocomplete", autocomplete),
                    ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true"),
                ])
        }
    }

    /// A date typed as `yyyy-mm-dd` in a text box. Not `type="date"`: a browser empties a date
    /// input whose value is not a real date, and the form must give back what the user typed.
    public static func date(
        id: String, name: String? = nil, label: String, hint: String? = nil, value: String = "",
        error: String? = nil
    ) -> HTML {
        group(id: id, label: label, hint: hint ?? "For example, 2025-03-31", error: error) { described in
            HTML.void(
                "input",
                [
                    ("class", inputClass("ov-input", error: error, width: "10")), ("id", id), ("name", name ?? id),
                    ("type", "text"), ("value", value), ("autocomplete", "off"), ("spellcheck", "false"),
                    ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true"),
                ])
        }
    }

    /// A select; the option whose value is `selected` is chosen.
    public static func select(
        id: String, name: String? = nil, label: String, hint: String? = nil, options: [FormOption],
        selected: String?, error: String? = nil
    ) -> HTML {
        group(id: id, label: label, hint: hint, error: error) { described in
            let opts = options.map {
                HTML.el("option", [("value", $0.value), ("selected", $0.value == selected ? "" : nil)], text: $0.label)
            }
            return HTML.el(
                "select",
                [
                    ("class", inputClass("ov-select", error: error, width: nil)), ("id", id), ("name", name ?? id),
                    ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true"),
                ], opts.joined)
        }
    }

    /// A file upload; `accept` lists the file types offered (`.csv,.xml,.zip`).
    public static func file(
        id: String, name: String? = nil, label: String, hint: String? = nil, accept: String? = nil,
        isMultiple: Bool = false, error: String? = nil
    ) -> HTML {
        group(id: id, label: label, hint: hint, error: error) { described in
            HTML.void(
                "input",
                [
                    ("class", inputClass("ov-file-upload", error: error, width: nil)), ("id", id), ("name", name ?? id),
                    ("type", "file"), ("accept", accept), ("multiple", isMultiple ? "" : nil),
                    ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true"),
                ])
        }
    }

    /// A textarea holding `value`.
    public static func textarea(
        id: String, name: String? = nil, label: String, hint: String? = nil, value: String = "",
        error: String? = nil, rows: Int = 5
    ) -> HTML {
        group(id: id, label: label, hint: hint, error: error) { described in
            HTML.el(
                "textarea",
                [
                    ("class", inputClass("ov-textarea", error: error, width: nil)), ("id", id), ("name", name ?? id),
                    ("rows", String(rows)), ("aria-describedby", described),
                    ("aria-invalid", error == nil ? nil : "true"),
                ], text: value)
        }
    }

    /// Radios in a fieldset whose legend is `legend`; each input's id is `id` then `-` and its
    /// position from 1 (the first is `id` itself, so an error summary link lands on it).
    public static func radios(
        id: String, name: String? = nil, legend: String, hint: String? = nil, options: [FormOption],
        selected: String?, error: String? = nil, isInline: Bool = false
    ) -> HTML {
        let hintID = hint == nil ? nil : id + "-hint"
        let errorID = error == nil ? nil : id + "-error"
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        var inner = HTML.el("legend", [("class", "ov-fieldset__legend")], text: legend)
        if let hint, let hintID { inner += HTML.el("div", [("class", "ov-hint"), ("id", hintID)], text: hint) }
        if let error, let errorID { inner += errorMessage(error, id: errorID) }
        let items = options.enumerated().map { i, o -> HTML in
            let inputID = i == 0 ? id : "\(id)-\(i + 1)"
            var item = HTML.void(
                "input",
                [
                    ("class", "ov-radios__input"), ("id", inputID), ("name", name ?? id), ("type", "radio"),
                    ("value", o.value), ("checked", o.value == selected ? "" : nil),
                    ("aria-describedby", o.hint == nil ? nil : inputID + "-hint"),
                ])
            item += HTML.el("label", [("class", "ov-label ov-radios__label"), ("for", inputID)], text: o.label)
            if let h = o.hint { item += HTML.el("div", [("class", "ov-hint ov-radios__hint"), ("id", inputID + "-hint")], text: h) }
            return HTML.el("div", [("class", "ov-radios__item")], item)
        }
        inner += HTML.el("div", [("class", isInline ? "ov-radios ov-radios--inline" : "ov-radios")], items.joined)
        return HTML.el(
            "div", [("class", error == nil ? "ov-form-group" : "ov-form-group ov-form-group--error")],
            HTML.el("fieldset", [("class", "ov-fieldset"), ("aria-describedby", described.isEmpty ? nil : described)], inner))
    }

    /// A hidden field (the CSRF token, a kept sort order).
    public static func hidden(name: String, value: String) -> HTML {
        HTML.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    /// The red message under a label: "Error: " read out before it, not shown.
    public static func errorMessage(_ message: String, id: String) -> HTML {
        HTML.el(
            "p", [("class", "ov-error-message"), ("id", id)],
            HTML.el("span", [("class", "ov-visually-hidden")], text: "Error: ") + .text(message))
    }

    static func inputClass(_ base: String, error: String?, width: String?) -> String {
        var c = base
        if let width { c += " \(base)--width-\(width)" }
        if error != nil { c += " \(base)--error" }
        return c
    }

    static func group(
        id: String, label: String, hint: String?, error: String?, isLabelVisible: Bool = true,
        input: (String?) -> HTML
    ) -> HTML {
        let hintID = hint == nil ? nil : id + "-hint"
        let errorID = error == nil ? nil : id + "-error"
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        var inner = HTML.el("label", [("class", isLabelVisible ? "ov-label" : "ov-label ov-visually-hidden"), ("for", id)], text: label)
        if let hint, let hintID { inner += HTML.el("div", [("class", "ov-hint"), ("id", hintID)], text: hint) }
        if let error, let errorID { inner += errorMessage(error, id: errorID) }
        inner += input(described.isEmpty ? nil : described)
        return HTML.el("div", [("class", error == nil ? "ov-form-group" : "ov-form-group ov-form-group--error")], inner)
    }
}

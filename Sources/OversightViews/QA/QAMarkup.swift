import OversightCore

/// Building blocks of the QA pages: elements with escaped attributes, tags, tables and form
/// controls in the `ov-` class vocabulary. Text always goes in through `HTML.text`.
enum QAMarkup {
    /// An element; attribute values are escaped, `content` is already HTML.
    static func el(_ tag: String, _ attributes: [(String, String)] = [], _ content: HTML = .empty) -> HTML {
        // Safe: tag and attribute names are constants of this module; values are escaped.
        var open = "<\(tag)"
        for (k, v) in attributes { open += " \(k)=\"\(HTML.escape(v))\"" }
        return .raw(open + ">") + content + .raw("</\(tag)>")
    }

    /// A void element (`input`), attributes escaped.
    static func void(_ tag: String, _ attributes: [(String, String)]) -> HTML {
        var open = "<\(tag)"
        for (k, v) in attributes { open += v.isEmpty && ["checked", "selected", "required"].contains(k) ? " \(k)" : " \(k)=\"\(HTML.escape(v))\"" }
        return .raw(open + ">")
    }

    static func join(_ parts: [HTML]) -> HTML { parts.reduce(.empty, +) }

    static func heading(_ level: Int, _ size: String, _ text: String) -> HTML {
        el("h\(level)", [("class", "ov-heading-\(size)")], .text(text))
    }

    static func para(_ text: String) -> HTML { el("p", [("class", "ov-body")], .text(text)) }

    static func link(_ href: String, _ text: String) -> HTML { el("a", [("href", href)], .text(text)) }

    /// A coloured tag: green, amber, red or grey.
    static func tag(_ text: String, _ colour: String) -> HTML {
        el("strong", [("class", "ov-tag ov-tag--\(colour)")], .text(text))
    }

    static func gradeTag(_ g: Grade?) -> HTML {
        guard let g else { return tag("Not graded", "grey") }
        switch g {
        case .outstanding, .good: return tag(g.title, "green")
        case .requiresImprovement: return tag(g.title, "amber")
        case .inadequate: return tag(g.title, "red")
        }
    }

    static func statusTag(_ s: AuditStatus) -> HTML {
        switch s {
        case .assigned: tag(s.title, "grey")
        case .inProgress, .submitted, .selectedForModeration: tag(s.title, "amber")
        case .moderated, .feedbackGiven, .actionsComplete: tag(s.title, "green")
        }
    }

    /// A table with a caption, header cells and rows of cells (already HTML).
    static func table(caption: String, head: [String], rows: [[HTML]]) -> HTML {
        let headRow = el("tr", [], join(head.map { el("th", [("scope", "col")], .text($0)) }))
        let body = join(rows.map { r in el("tr", [], join(r.map { el("td", [], $0) })) })
        // In its own scrolling frame, so a wide table never makes a narrow page scroll sideways.
        return el(
            "div", [("class", "ov-table-wrapper")],
            el(
                "table", [("class", "ov-table")],
                el("caption", [("class", "ov-heading-s")], .text(caption)) + el("thead", [], headRow) + el("tbody", [], body)))
    }

    /// A summary list of label-value pairs.
    static func summaryList(_ rows: [(String, HTML)]) -> HTML {
        el("dl", [("class", "ov-summary-list")], join(rows.map { el("dt", [], .text($0.0)) + el("dd", [], $0.1) }))
    }

    static func hidden(_ name: String, _ value: String) -> HTML {
        void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    /// Radios in a fieldset with a legend, hint and error message; the first radio has id `id`
    /// so an error summary can link to it.
    static func radios(
        id: String, name: String, legend: String, hint: String?, error: String?,
        options: [(value: String, label: String)], checked: String?
    ) -> HTML {
        var inner = el("legend", [("class", "ov-fieldset__legend")], .text(legend))
        if let hint { inner += el("div", [("class", "ov-hint"), ("id", "\(id)-hint")], .text(hint)) }
        if let error { inner += el("p", [("class", "ov-error-message"), ("id", "\(id)-error")], .text("Error: " + error)) }
        var radios = HTML.empty
        for (i, o) in options.enumerated() {
            let inputID = i == 0 ? id : "\(id)-\(i + 1)"
            var attrs = [("class", "ov-radios__input"), ("type", "radio"), ("id", inputID), ("name", name), ("value", o.value)]
            if o.value == checked { attrs.append(("checked", "")) }
            radios += el(
                "div", [("class", "ov-radios__item")],
                void("input", attrs) + el("label", [("class", "ov-label ov-radios__label"), ("for", inputID)], .text(o.label)))
        }
        inner += el("div", [("class", "ov-radios")], radios)
        var described = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }.joined(separator: " ")
        if described.isEmpty { described = "" }
        var fs: [(String, String)] = [("class", "ov-fieldset")]
        if !described.isEmpty { fs.append(("aria-describedby", described)) }
        return formGroup(error: error != nil, el("fieldset", fs, inner))
    }

    /// A labelled textarea.
    static func textarea(id: String, name: String, label: String, hint: String?, error: String?, value: String?, rows: Int = 4) -> HTML {
        var inner = el("label", [("class", "ov-label"), ("for", id)], .text(label))
        if let hint { inner += el("div", [("class", "ov-hint"), ("id", "\(id)-hint")], .text(hint)) }
        if let error { inner += el("p", [("class", "ov-error-message"), ("id", "\(id)-error")], .text("Error: " + error)) }
        inner += el("textarea", [("class", "ov-textarea"), ("id", id), ("name", name), ("rows", String(rows))], .text(value ?? ""))
        return formGroup(error: error != nil, inner)
    }

    /// A labelled single-line input.
    static func input(
        id: String, name: String, label: String, hint: String? = nil, error: String? = nil, type: String = "text",
        value: String?
    ) -> HTML {
        var inner = el("label", [("class", "ov-label"), ("for", id)], .text(label))
        if let hint { inner += el("div", [("class", "ov-hint"), ("id", "\(id)-hint")], .text(hint)) }
        if let error { inner += el("p", [("class", "ov-error-message"), ("id", "\(id)-error")], .text("Error: " + error)) }
        inner += void("input", [("class", "ov-input"), ("id", id), ("name", name), ("type", type), ("value", value ?? "")])
        return formGroup(error: error != nil, inner)
    }

    static func formGroup(error: Bool, _ content: HTML) -> HTML {
        el("div", [("class", error ? "ov-form-group ov-form-group--error" : "ov-form-group")], content)
    }

    /// The error summary: a heading and a link to each field in error (`#id`).
    static func errorSummary(_ errors: [(id: String, message: String)]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items = join(errors.map { el("li", [], link("#\($0.id)", $0.message)) })
        return el(
            "div", [("class", "ov-error-summary"), ("role", "alert"), ("tabindex", "-1"), ("aria-labelledby", "error-summary-title")],
            el("h2", [("class", "ov-heading-m"), ("id", "error-summary-title")], .text("There is a problem"))
                + el("ul", [("class", "ov-list")], items))
    }

    static func button(_ text: String, name: String, value: String, secondary: Bool = false) -> HTML {
        el(
            "button",
            [
                ("class", secondary ? "ov-button ov-button--secondary" : "ov-button"), ("type", "submit"),
                ("name", name), ("value", value),
            ], .text(text))
    }

    /// Who or what an audit is about, as users read it.
    static func subject(_ a: Audit) -> String {
        switch a.subject {
        case .child(let c): "Child \(c.rawValue)" + (a.caseKind.map { " (\($0.rawValue.uppercased()))" } ?? "")
        case .worker(let w): "Worker \(w)"
        }
    }
}

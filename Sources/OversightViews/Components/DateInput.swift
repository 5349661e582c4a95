import OversightCore

/// A date as typed into the three boxes of a date input (GOV.UK pattern): day, month and year,
/// kept as typed so a form that comes back with an error shows them again.
public struct DateParts: Sendable, Hashable {
    public var day: String
    public var month: String
    public var year: String

    public init(day: String = "", month: String = "", year: String = "") {
        self.day = day.trimmingCharacters(in: .whitespaces); self.month = month.trimmingCharacters(in: .whitespaces)
        self.year = year.trimmingCharacters(in: .whitespaces)
    }

    /// The parts of the date input `id` from a request's fields (`id-day`, `id-month`, `id-year`).
    public init(fields: [String: String], id: String) {
        self.init(day: fields["\(id)-day"] ?? "", month: fields["\(id)-month"] ?? "", year: fields["\(id)-year"] ?? "")
    }

    /// The parts of `day`.
    public init(_ d: Day?) {
        guard let d else { self.init(); return }
        self.init(day: String(d.dayOfMonth), month: String(d.month), year: String(d.year))
    }

    /// Whether all three boxes are empty.
    public var isBlank: Bool { day.isEmpty && month.isEmpty && year.isEmpty }

    /// The month box read as a number or as a month's name ("4", "04", "Apr", "April").
    var monthNumber: Int? {
        if let n = Int(month) { return n }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let m = month.lowercased()
        guard m.count >= 3 else { return nil }
        return names.firstIndex { m.hasPrefix($0) }.map { $0 + 1 }
    }

    /// The date, when the three parts make a real one (a four-digit year).
    public var date: Day? {
        guard let d = Int(day), let m = monthNumber, year.count == 4, let y = Int(year) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// What is wrong, in the GOV.UK wording ("The date must include a month"); nil when the parts
    /// make a real date.
    public var problem: String? {
        let missing = [("day", day), ("month", month), ("year", year)].filter { $0.1.isEmpty }.map(\.0)
        if missing.count == 3 { return "Enter the date" }
        if !missing.isEmpty { return "The date must include a " + missing.joined(separator: " and a ") }
        if year.count != 4 || Int(year) == nil { return "The year must be 4 numbers, for example 2026" }
        if date == nil { return "The date must be a real date, for example 31 3 2026" }
        return nil
    }
}

extension FormGroup {
    /// A date input: a fieldset holding day, month and year boxes (`id-day`, `id-month`,
    /// `id-year`, named with `name` in place of `id` when given); the first box takes `id-day` so an
    /// error summary link lands on it.
    public static func dateParts(
        id: String, name: String? = nil, legend: String, isLegendVisible: Bool = true, hint: String? = "For example, 27 3 2026", value: DateParts, error: String? = nil
    ) -> HTML {
        let hintID = hint == nil ? nil : id + "-hint"
        let errorID = error == nil ? nil : id + "-error"
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        var inner = HTML.el("legend", [("class", isLegendVisible ? "ov-fieldset__legend" : "ov-fieldset__legend ov-visually-hidden")], text: legend)
        if let hint, let hintID { inner += HTML.el("div", [("class", "ov-hint"), ("id", hintID)], text: hint) }
        if let error, let errorID { inner += errorMessage(error, id: errorID) }
        let boxes: [(String, String, String, String)] = [("day", "Day", value.day, "2"), ("month", "Month", value.month, "2"), ("year", "Year", value.year, "4")]
        let items = boxes.map { part, label, v, width -> HTML in
            HTML.el(
                "div", [("class", "ov-date-input__item")],
                HTML.el("label", [("class", "ov-label ov-date-input__label"), ("for", "\(id)-\(part)")], text: label)
                    + HTML.void(
                        "input",
                        [
                            ("class", inputClass("ov-input", error: error, width: width)), ("id", "\(id)-\(part)"), ("name", "\(name ?? id)-\(part)"),
                            ("type", "text"), ("inputmode", "numeric"), ("value", v), ("autocomplete", "off"), ("spellcheck", "false"),
                            ("aria-invalid", error == nil ? nil : "true"),
                        ]))
        }
        inner += HTML.el("div", [("class", "ov-date-input"), ("id", id)], items.joined)
        return HTML.el(
            "div", [("class", error == nil ? "ov-form-group" : "ov-form-group ov-form-group--error")],
            HTML.el("fieldset", [("class", "ov-fieldset"), ("role", "group"), ("aria-describedby", described.isEmpty ? nil : described)], inner))
    }
}

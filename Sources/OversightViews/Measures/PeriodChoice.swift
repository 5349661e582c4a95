import Foundation
import OversightCore

/// The measure page's period form: a reporting year, a month, a calendar quarter, 12 months to
/// a month's end, or any two dates. Read from the query (`kind`, `year`, `month`, `quarter`,
/// `rolling`, `from`, `to`), checked, and written back into links so a sort or a page keeps it.
public struct PeriodChoice: Sendable, Hashable {
    /// Which kind of period the user chose.
    public enum Kind: String, Sendable, CaseIterable {
        case year, month, quarter, rolling, range
    }

    public var kind: Kind
    /// A reporting year (`2025` = 2024-25).
    public var year: String
    /// A month, `yyyy-mm`.
    public var month: String
    /// A calendar quarter, `yyyyQn`.
    public var quarter: String
    /// The last month of 12 rolling months, `yyyy-mm`.
    public var rolling: String
    /// Start and end dates, `yyyy-mm-dd`.
    public var from: String
    public var to: String

    public init(
        kind: Kind = .year, year: String = "", month: String = "", quarter: String = "", rolling: String = "",
        from: String = "", to: String = ""
    ) {
        self.kind = kind; self.year = year; self.month = month; self.quarter = quarter; self.rolling = rolling
        self.from = from; self.to = to
    }

    /// Reads the form's fields from a request's query; with no `kind` (or an unknown one) the
    /// reporting year `defaultYear`.
    public init(query: [String: String], defaultYear: Int) {
        func q(_ k: String) -> String { (query[k] ?? "").trimmingCharacters(in: .whitespaces) }
        // The overview's and the other pages' `period=` (so the period travels from page to page).
        if q("kind").isEmpty, let period = Period.parse(q("period")) {
            self.init(period: period)
            return
        }
        // The two dates come from the date inputs' day, month and year boxes (or, in links, as one value each).
        func typed(_ id: String) -> String {
            let parts = [q("\(id)-day"), q("\(id)-month"), q("\(id)-year")]
            return q(id).isEmpty && parts.contains(where: { !$0.isEmpty }) ? parts.joined(separator: "/") : q(id)
        }
        let from = typed("from"), to = typed("to")
        var kind = Kind(rawValue: q("kind")) ?? .year
        // A month, quarter, 12 months or dates chosen while "Reporting year" stayed ticked (the
        // first choice) is what was meant: the one other kind filled in is taken.
        if kind == .year {
            let filled: [Kind] = [(Kind.month, q("month")), (.quarter, q("quarter")), (.rolling, q("rolling")), (.range, from + to)]
                .filter { !$0.1.isEmpty }.map(\.0)
            if filled.count == 1 { kind = filled[0] }
        }
        self.init(
            kind: kind, year: q("year").isEmpty ? String(defaultYear) : q("year"),
            month: q("month"), quarter: q("quarter"), rolling: q("rolling"), from: from, to: to)
    }

    /// The choice that gives `period`: a reporting year, a month, a quarter, 12 months to a
    /// month's end, or else the two dates.
    public init(period p: Period) {
        let s = p.start, e = p.end
        func ym(_ d: Day) -> String { "\(d.year)-\(d.month < 10 ? "0" : "")\(d.month)" }
        if s.month == 4, s.dayOfMonth == 1, p == .reportingYear(s.year + 1) {
            self.init(kind: .year, year: String(s.year + 1))
        } else if s.dayOfMonth == 1, p == .month(year: s.year, month: s.month) {
            self.init(kind: .month, year: "", month: ym(s))
        } else if s.dayOfMonth == 1, (s.month - 1) % 3 == 0, p == .quarter(year: s.year, quarter: (s.month - 1) / 3 + 1) {
            self.init(kind: .quarter, year: "", quarter: "\(s.year)Q\((s.month - 1) / 3 + 1)")
        } else if p == .rolling12Months(endingOn: e), e == Period.month(year: e.year, month: e.month).end {
            self.init(kind: .rolling, year: "", rolling: ym(e))
        } else {
            self.init(kind: .range, year: "", from: s.iso, to: e.iso)
        }
    }

    /// The chosen period, or the errors to show against the form's fields.
    public func resolve() -> Result<Period, PeriodChoiceError> {
        switch kind {
        case .year:
            guard let y = Int(year), (1990...2100).contains(y) else { return fail("period-year", "Choose a reporting year") }
            return .success(.reportingYear(y))
        case .month:
            guard let (y, m) = Self.yearMonth(month) else { return fail("period-month", "Choose a month") }
            return .success(.month(year: y, month: m))
        case .quarter:
            guard quarter.count == 6, let p = Period.parse(quarter) else { return fail("period-quarter", "Choose a quarter") }
            return .success(p)
        case .rolling:
            guard let (y, m) = Self.yearMonth(rolling) else { return fail("period-rolling", "Choose the last month of the 12") }
            return .success(.rolling12Months(endingOn: Period.month(year: y, month: m).end))
        case .range:
            var errors: [FieldError] = []
            let start = Day.parseTyped(from), end = Day.parseTyped(to)
            if from.isEmpty {
                errors.append(FieldError(fieldID: "period-from-day", message: "Enter the first day of the period"))
            } else if start == nil {
                errors.append(FieldError(fieldID: "period-from-day", message: Self.problem(from, "The first day", example: "1 4 2024")))
            }
            if to.isEmpty {
                errors.append(FieldError(fieldID: "period-to-day", message: "Enter the last day of the period"))
            } else if end == nil {
                errors.append(FieldError(fieldID: "period-to-day", message: Self.problem(to, "The last day", example: "31 3 2025")))
            }
            if let start, let end {
                guard let p = Period(start: start, end: end) else {
                    return fail("period-to-day", "The last day must be the same as or after the first day")
                }
                return .success(p)
            }
            return .failure(PeriodChoiceError(errors: errors))
        }
    }

    /// The choice as query items, for links that keep it.
    public var queryItems: [(String, String?)] {
        switch kind {
        case .year: return [("kind", "year"), ("year", year)]
        case .month: return [("kind", "month"), ("month", month)]
        case .quarter: return [("kind", "quarter"), ("quarter", quarter)]
        case .rolling: return [("kind", "rolling"), ("rolling", rolling)]
        case .range: return [("kind", "range"), ("from", from), ("to", to)]
        }
    }

    /// What is wrong with a typed date, in the GOV.UK words: "The first day must include a month"
    /// when a box of the three was left empty, else "... must be a real date, for example 1 4 2024".
    static func problem(_ typed: String, _ name: String, example: String) -> String {
        let parts = typed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3 {
            let missing = zip(["day", "month", "year"], parts).filter { $0.1.isEmpty }.map(\.0)
            if !missing.isEmpty { return "\(name) must include a " + missing.joined(separator: " and a ") }
        }
        return "\(name) must be a real date, for example \(example)"
    }

    /// The boxes of a typed date: the date's parts when it reads as one, else the typed parts.
    static func parts(_ typed: String) -> DateParts {
        if let d = Day.parseTyped(typed) { return DateParts(d) }
        let p = typed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return p.count == 3 ? DateParts(day: p[0], month: p[1], year: p[2]) : DateParts(day: typed)
    }

    /// The GET form. `years` are the reporting years offered (newest first is kind); months and
    /// quarters are offered for the same years. Each kind's radio reveals its own fields and
    /// hides the others' (GOV.UK conditional reveal, done in CSS: no script); only the chosen
    /// kind's field holds a value, so a field filled in alone says which kind was meant
    /// (`init(query:defaultYear:)`). The two dates are GOV.UK date inputs (day, month, year).
    public func render(action: String, years: [Int], errors: [FieldError], hiddenFields: [(String, String)] = []) -> HTML {
        func error(_ id: String) -> String? { errors.first { $0.fieldID == id }?.message }
        let sortedYears = years.sorted(by: >)
        let yearOptions = sortedYears.map { FormOption(value: String($0), label: Format.reportingYear($0)) }
        var months: [FormOption] = []
        var quarters: [FormOption] = []
        for y in sortedYears {
            let p = Period.reportingYear(y)
            for i in (0..<12).reversed() {
                let d = p.start.adding(months: i)
                months.append(FormOption(value: "\(d.year)-\(d.month < 10 ? "0" : "")\(d.month)", label: Format.month(d)))
            }
            for i in (0..<4).reversed() {
                let d = p.start.adding(months: 3 * i)
                let q = Period.quarter(year: d.year, quarter: (d.month - 1) / 3 + 1)
                quarters.append(FormOption(value: "\(d.year)Q\((d.month - 1) / 3 + 1)", label: Format.period(q)))
            }
        }
        let blank = FormOption(value: "", label: "Choose")
        let choices: [(Kind, String, HTML)] = [
            (
                .year, "Reporting year (April to March)",
                FormGroup.select(id: "period-year", name: "year", label: "Reporting year", options: yearOptions, selected: year, error: error("period-year"))
            ),
            (
                .month, "Month",
                FormGroup.select(id: "period-month", name: "month", label: "Month", options: [blank] + months, selected: kind == .month ? month : "", error: error("period-month"))
            ),
            (
                .quarter, "Quarter",
                FormGroup.select(
                    id: "period-quarter", name: "quarter", label: "Quarter", options: [blank] + quarters, selected: kind == .quarter ? quarter : "",
                    error: error("period-quarter"))
            ),
            (
                .rolling, "12 months to the end of a month",
                FormGroup.select(
                    id: "period-rolling", name: "rolling", label: "12 months to", options: [blank] + months, selected: kind == .rolling ? rolling : "",
                    error: error("period-rolling"))
            ),
            (
                .range, "From one date to another",
                FormGroup.dateParts(
                    id: "period-from", name: "from", legend: "From", hint: "For example, 1 4 2024", value: kind == .range ? Self.parts(from) : DateParts(),
                    error: error("period-from-day"))
                    + FormGroup.dateParts(
                        id: "period-to", name: "to", legend: "To", hint: "For example, 31 3 2025", value: kind == .range ? Self.parts(to) : DateParts(),
                        error: error("period-to-day"))
            ),
        ]
        // The radios alone in their fieldset (one group of one name); each kind's fields follow
        // it, shown by the stylesheet only while their radio is chosen.
        let ids = choices.indices.map { $0 == 0 ? "period-kind" : "period-kind-\($0 + 1)" }
        let items = zip(ids, choices).map { inputID, c -> HTML in
            HTML.el(
                "div", [("class", "ov-radios__item")],
                HTML.void(
                    "input",
                    [
                        ("class", "ov-radios__input"), ("id", inputID), ("name", "kind"), ("type", "radio"), ("value", c.0.rawValue),
                        ("checked", c.0 == kind ? "" : nil), ("aria-controls", "\(inputID)-conditional"),
                    ])
                    + HTML.el("label", [("class", "ov-label ov-radios__label"), ("for", inputID)], text: c.1))
        }
        var inner = HTML.el(
            "div", [("class", "ov-form-group")],
            HTML.el(
                "fieldset", [("class", "ov-fieldset")],
                HTML.el("legend", [("class", "ov-fieldset__legend")], text: "Period") + HTML.el("div", [("class", "ov-radios ov-radios--inline")], items.joined)))
        inner += HTML.el(
            "div", [("class", "ov-period-fields")],
            zip(ids, choices).map { inputID, c in HTML.el("div", [("class", "ov-radios__conditional"), ("id", "\(inputID)-conditional")], c.2) }.joined)
        for (n, v) in hiddenFields { inner += FormGroup.hidden(name: n, value: v) }
        inner += Button.render("Show figures", kind: .secondary)
        return HTML.el("form", [("method", "get"), ("action", action), ("class", "ov-period-choice ov-no-print"), ("novalidate", "")], inner)
    }

    private func fail(_ field: String, _ message: String) -> Result<Period, PeriodChoiceError> {
        .failure(PeriodChoiceError(errors: [FieldError(fieldID: field, message: message)]))
    }

    static func yearMonth(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: "-")
        guard s.count == 7, parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1990...2100).contains(y), (1...12).contains(m) else { return nil }
        return (y, m)
    }
}

/// Why a period choice could not be read: the errors to show against its fields.
public struct PeriodChoiceError: Error, Sendable, Hashable {
    public var errors: [FieldError]
}

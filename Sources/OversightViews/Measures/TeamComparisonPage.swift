import OversightCore

/// One measure for every team: the authority's figure, each team's (the children it held on
/// each record's day), and the children no one held, with the records one click away for roles
/// that may see them.
public enum TeamComparisonPage {
    /// One row: a team (or the authority, or the unallocated children) and its figures.
    public struct Row: Sendable, Hashable {
        public var label: String
        public var service: String?
        /// The team filter's value on the measure page (nil for the authority's row).
        public var filter: String?
        public var result: MeasureResult
        public init(label: String, service: String?, filter: String?, result: MeasureResult) {
            self.label = label; self.service = service; self.filter = filter; self.result = result
        }
    }

    /// The page's content. `period` is the period's query value for the links back to the measure.
    public static func render(
        measureID: String, title: String, unit: MeasureUnit, period: Period, periodQuery: String, authority: MeasureResult?, rows: [Row],
        showsChildren: Bool
    ) -> HTML {
        var out = HTML.el("span", [("class", "ov-caption-l")], text: title)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "By team")
        out += HTML.el(
            "p", [("class", "ov-body-lead")],
            text: "Figures for \(Format.period(period)) (\(Format.date(period.start)) to \(Format.date(period.end))), each team counting the children it held on each record's day."
        )
        out += HTML.el(
            "p", [("class", "ov-body ov-no-print")],
            HTML.el("a", [("href", Query(path: SiteURL.measure(measureID), [("period", periodQuery)]).href)], text: "Back to the measure"))
        guard unit != .rate else {
            return out + Notice.inset(text: "A rate per 10,000 children has no population for a team, so it is not shown by team.")
        }
        guard !rows.isEmpty else {
            return out + Notice.inset(text: "No team held a child behind this measure: load the workers and allocations files (docs/formats.md) to see it by team.")
        }
        func value(_ r: MeasureResult) -> String { Format.value(r.value, unit: unit) }
        let isPercent = unit == .percent
        func cells(_ r: MeasureResult) -> [HTML] {
            [.text(Format.count(r.numerator))] + (isPercent ? [.text(Format.count(r.denominator))] : []) + [.text(value(r))]
        }
        var table: [[HTML]] = []
        if let a = authority { table.append([HTML.el("strong", text: "Whole authority"), .text("")] + cells(a)) }
        for r in rows {
            let name: HTML =
                showsChildren && r.filter != nil
                ? HTML.el(
                    "a", [("href", Query(path: SiteURL.measure(measureID), [("period", periodQuery), ("team", r.filter)]).href + "#children")],
                    .text(r.label) + HTML.el("span", [("class", "ov-visually-hidden")], text: ": its children"))
                : .text(r.label)
            table.append([name, .text(r.service ?? "")] + cells(r.result))
        }
        out += DataTable(
            caption: "\(title) by team, \(Format.period(period))",
            columns: [.init("team", "Team"), .init("service", "Service"), .init("numerator", isPercent ? "Counted" : "Number", isNumeric: true)]
                + (isPercent ? [.init("denominator", "Out of", isNumeric: true)] : []) + [.init("value", "Value", isNumeric: true)],
            rows: table, hasRowHeaders: true
        ).render()
        if showsChildren {
            out += HTML.el("p", [("class", "ov-body")], text: "Open a team to see the children behind its figure on the measure's page.")
        }
        return out
    }
}

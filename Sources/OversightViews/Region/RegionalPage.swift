import Foundation
import OversightCore

/// The regional page: every measure as a row and the region's authorities as columns for one
/// period, with the regional figure, the median, each authority's rank and quarter of the region
/// and its RAG status against its own target. Every number comes in the model (the application
/// layer's `RegionalTable`); this only lays it out. Never a child: there is nothing to open.
public enum RegionalPage {
    /// Which rows to show.
    public enum Rows: String, Sendable, CaseIterable {
        /// Every measure of the catalogue (and the KPIs' hand-entered measures).
        case all
        /// Only the measures that are KPIs of some member's plan.
        case kpis

        /// The words of the choice.
        public var label: String { self == .all ? "Every measure" : "The plans' KPIs only" }
    }

    /// The page's content for `table`; `periodOptions` are the periods to choose from, `selected`
    /// the chosen one's value, `rows` which measures to show.
    public static func render(table: RegionalTable, periodOptions: [FormOption], selected: String, rows shown: Rows) -> HTML {
        var out = HTML.el("span", [("class", "ov-caption-l")], text: table.region.name)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Regional benchmarking")
        let chooser = HTML.el(
            "form", [("method", "get"), ("action", SiteURL.region), ("class", "ov-period-form")],
            FormGroup.select(id: "period", label: "Period", options: periodOptions, selected: selected)
                + FormGroup.select(
                    id: "rows", label: "Measures", options: Rows.allCases.map { FormOption(value: $0.rawValue, label: $0.label) }, selected: shown.rawValue)
                + Button.render("Show", kind: .secondary))
        out += PeriodChooser.bar(period: table.period, loaded: nil, chooser: chooser)
        out += HTML.el(
            "p", [("class", "ov-body")],
            text:
                "The \(table.members.count) authorities of \(table.region.name) side by side: each one's figure, its place in the region (1 is the best, by the measure's direction) and its quarter of the region (Q1 the best quarter), and, for the KPIs of its own plan, its status against its own target. The regional figure adds up the authorities' counts (a percentage or rate: their numerators over their denominators, not an average of their percentages). Counts of 1 to 4, and percentages and rates built on them, are withheld and shown as \(Suppression.mark)."
        )
        let missing = table.members.filter { !$0.hasData }
        if !missing.isEmpty {
            out += Notice.inset(
                text: "No data loaded for \(Format.period(table.period)) for "
                    + missing.map(\.name).joined(separator: ", ") + ": their columns show no figures.")
        }
        out += HTML.el(
            "p", [("class", "ov-body ov-no-print")],
            HTML.el("a", [("href", Query(path: SiteURL.regionCSV, [("period", selected), ("rows", shown.rawValue)]).href)], text: "Download this table (CSV)"))
        let rows = table.rows.filter { shown == .all || $0.isKPI }
        let columns: [DataTable.Column] =
            [.init("measure", "Measure"), .init("region", table.region.name, isNumeric: true), .init("median", "Median", isNumeric: true)]
            + table.members.map { DataTable.Column($0.code, $0.name, isNumeric: true) }
        let body = rows.map { row -> [HTML] in
            let unit = row.definition.unit
            var head = HTML.text(row.definition.title) + HTML.el("span", [("class", "ov-hint ov-table__hint")], text: unitWords(unit, polarity: row.definition.polarity))
            if row.isKPI { head += HTML.el("span", [("class", "ov-hint ov-table__hint")], text: "KPI") }
            let regional: HTML =
                row.regionalSuppressed
                ? withheld
                : .text(Format.bare(row.regional, unit: unit))
                    + (row.contributing > 0 && row.contributing < table.members.count
                        ? HTML.el("span", [("class", "ov-hint ov-table__hint")], text: "\(row.contributing) of \(table.members.count) authorities")
                        : .empty)
            return [head, regional, .text(Format.bare(row.median, unit: unit))] + row.cells.map { cell($0, unit: unit, of: table.members.count) }
        }
        out += DataTable(
            caption: "Every authority of \(table.region.name), \(Format.period(table.period))", columns: columns, rows: body, hasRowHeaders: true,
            emptyMessage: "There are no measures to show."
        ).render()
        return out
    }

    static var withheld: HTML {
        HTML.el("abbr", [("title", "withheld: a small number")], text: Suppression.mark)
    }

    /// One authority's cell: its figure, its place and quarter, and its RAG status when the measure is one of its KPIs.
    static func cell(_ c: RegionalCell, unit: MeasureUnit, of count: Int) -> HTML {
        var out: HTML = c.suppressed ? withheld : .text(Format.bare(c.value, unit: unit))
        if let rank = c.rank, let q = c.quartile {
            out += HTML.el("span", [("class", "ov-hint ov-table__hint")], text: "\(ordinal(rank)), Q\(q)")
        }
        if let status = c.status { out += HTML.el("span", [("class", "ov-table__hint")], StatusTag.render(status)) }
        return out
    }

    /// "percentage, higher is better".
    static func unitWords(_ unit: MeasureUnit, polarity: Polarity) -> String {
        let u =
            switch unit {
            case .count: "number"
            case .percent: "percentage"
            case .rate: "per 10,000 children"
            case .ratio: "ratio"
            }
        switch polarity {
        case .high: return u + ", higher is better"
        case .low: return u + ", lower is better"
        case .none: return u
        }
    }

    /// "1st", "2nd", "3rd", "11th".
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        if (11...13).contains(n % 100) {
            suffix = "th"
        } else {
            switch n % 10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(n)\(suffix)"
    }

    /// The page as a CSV table: one line per measure and authority, then one per measure for the
    /// region (authority code = the region's code), with the figure, its parts, place, quarter,
    /// status and target; withheld figures are "c".
    public static func csvRows(table: RegionalTable, rows shown: Rows) -> (header: [String], rows: [[String]]) {
        let header = [
            "measure", "title", "unit", "polarity", "is_kpi", "authority", "name", "value", "numerator", "denominator", "rank", "quartile",
            "status", "target", "region_median",
        ]
        var out: [[String]] = []
        func number(_ v: Double?, suppressed: Bool) -> String {
            if suppressed { return Suppression.mark }
            guard let v, v.isFinite else { return "" }
            return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.4f", v)
        }
        for row in table.rows where shown == .all || row.isKPI {
            let d = row.definition
            let common = [d.id, d.title, d.unit.rawValue, d.polarity.rawValue, row.isKPI ? "yes" : "no"]
            for (m, c) in zip(table.members, row.cells) {
                out.append(
                    common + [
                        m.code, m.name, number(c.value, suppressed: c.suppressed), number(c.numerator, suppressed: c.suppressed),
                        number(c.denominator, suppressed: c.suppressed), c.rank.map(String.init) ?? "", c.quartile.map(String.init) ?? "",
                        c.status?.rawValue ?? "", number(c.target, suppressed: false), number(row.median, suppressed: false),
                    ])
            }
            out.append(
                common + [
                    table.region.code, table.region.name, number(row.regional, suppressed: row.regionalSuppressed),
                    number(row.regionalNumerator, suppressed: row.regionalSuppressed), number(row.regionalDenominator, suppressed: row.regionalSuppressed),
                    "", "", "", "", number(row.median, suppressed: false),
                ])
        }
        return (header, out)
    }

    /// The page for a regional analyst whose account names no region the store holds.
    public static func noRegion(code: String) -> HTML {
        HTML.el("h1", [("class", "ov-heading-xl")], text: "Regional benchmarking")
            + HTML.el(
                "p", [("class", "ov-body")],
                text:
                    "Your account belongs to \(code), which is not a region this service holds. An administrator of the service sets regions up with `oversight region add` (docs/regional.md)."
            )
    }
}

import OversightCore

/// One KPI as the ambition page shows it: the tile's figures plus its monthly trend with the
/// target and last year's line, the same data as a table, and the published comparators.
public struct KPIDetail: Sendable, Hashable {
    public var tile: KPITile
    /// The target as a number for the chart's dashed line; nil when there is none.
    public var target: Double?
    /// The 24 months shown.
    public var series: [SeriesPoint]
    /// For each month shown, the same month a year earlier.
    public var lastYear: [Double?]
    /// The published comparators; nil when the measure has none.
    public var comparators: ComparatorSummary?

    public init(tile: KPITile, target: Double?, series: [SeriesPoint], lastYear: [Double?], comparators: ComparatorSummary?) {
        self.tile = tile; self.target = target; self.series = series; self.lastYear = lastYear; self.comparators = comparators
    }

    /// From the evaluator's judgement and the measure's monthly results: give up to 36 months
    /// and the chart shows the last 24 with the 12 before them as last year's line.
    public static func make(_ e: KPIEvaluation, monthly: [MeasureResult], comparators: ComparatorSummary?, period: Period? = nil) -> KPIDetail {
        let all = SeriesPoint.series(monthly)
        let shown = Array(all.suffix(24))
        var tile = KPITile.make(e, monthly: [], period: period)
        tile.series = shown
        return KPIDetail(
            tile: tile, target: e.targetValue, series: shown, lastYear: SeriesPoint.lastYear(of: shown, in: all),
            comparators: comparators ?? e.comparator?.summary)
    }

    /// "Target 18.0%" as the value of a row headed "Target": "18.0%"; "Target: lower than last
    /// year" reads "Lower than last year"; anything else as it is.
    static func withoutLeadingTarget(_ text: String) -> String {
        for prefix in ["Target: ", "Target "] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            return rest.prefix(1).uppercased() + rest.dropFirst()
        }
        return text
    }

    /// The KPI's section; `id` makes element ids unique on the page.
    public func render(id: String) -> HTML {
        let t = tile
        var out = HTML.el("h3", [("class", "ov-heading-m"), ("id", id)], HTML.el("a", [("href", t.link)], text: t.wording))
        if let name = t.measureTitle { out += HTML.el("p", [("class", "ov-body ov-secondary-text")], text: name) }
        out += SummaryList.render(
            [
                .init("Value", .text(t.valueText)),
                .init("Status", StatusTag.render(t.status)),
                .init("Target", text: KPIDetail.withoutLeadingTarget(t.targetText)),
                .init("Direction of travel", (t.trendArrow.isEmpty ? .empty : HTML.el("span", [("aria-hidden", "true")], text: t.trendArrow + " ")) + .text(t.trendText)),
            ] + (t.comparatorText.map { [SummaryList.Row("Comparators", text: $0)] } ?? []))
        if series.contains(where: { $0.value != nil }) {
            // The chart, then its figures folded away beneath it (issue 18: the tables stood beside
            // every chart and made the page very long).
            out += HTML.el(
                "div", [("class", "ov-figure")],
                Chart.line(
                    id: id + "-chart", title: "\(t.wording): \(SeriesPoint.heading(series).lowercased())", series: series, unit: t.unit, target: target,
                    lastYear: lastYear))
            out += Notice.details(
                summary: "Show the figures month by month",
                content: Chart.table(caption: "\(t.wording): values by month", series: series, unit: t.unit, target: target, lastYear: lastYear))
        } else {
            out += HTML.el("p", [("class", "ov-body")], text: "No monthly figures yet.")
        }
        if let c = comparators {
            out += ComparatorTable.render(c, unit: t.unit, caption: "\(t.wording): published comparators, \(Format.reportingYear(c.year))")
        }
        return HTML.el("section", [("class", "ov-kpi"), ("aria-labelledby", id)], out)
    }
}

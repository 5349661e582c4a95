import OversightCore

/// One KPI as the overview shows it: wording, value, target, RAG status, direction of travel,
/// a small trend line and where the authority stands among its statistical neighbours.
public struct KPITile: Sendable, Hashable {
    /// The KPI as the plan words it.
    public var wording: String
    /// The measure's id, for the link to its page.
    public var measureID: String
    public var unit: MeasureUnit
    /// The value; nil shows "No data yet".
    public var value: Double?
    /// The target in words ("Target 18.0%", "Target: below last year (20.1%)", "No target").
    public var targetText: String
    public var status: KPIStatus
    /// The direction of travel against last year in words ("Better than last year").
    public var trendText: String
    /// An arrow for the movement (▲ up, ▼ down, ▶ no change), or empty; decorative, the words say it.
    public var trendArrow: String
    /// The monthly values for the trend line (24 months).
    public var series: [SeriesPoint]
    /// Where the authority stands among comparators ("Neighbours' median 21.3%; rank 40 of 152 in England (2023-24)"), nil when none.
    public var comparatorText: String?
    /// The period the tile shows, carried by its link so the measure page opens on it.
    public var period: Period?
    /// The direction of travel against last year, for lists that pick the KPIs getting worse.
    public var trend: Trend = .unknown
    /// The measure's own name, shown under the wording where the plan gives two or more KPIs the
    /// same wording (so tiles that read alike say what each counts); nil: not shown.
    public var measureTitle: String?
    /// For a value entered by hand: who owes it (the ambition's leads); nil otherwise.
    public var owedBy: String?
    /// For a value entered by hand, when the viewer may enter it: the form for this KPI and period.
    public var enterLink: String?

    public init(
        wording: String, measureID: String, unit: MeasureUnit, value: Double?, targetText: String, status: KPIStatus,
        trendText: String, trendArrow: String, series: [SeriesPoint], comparatorText: String?
    ) {
        self.wording = wording; self.measureID = measureID; self.unit = unit; self.value = value; self.targetText = targetText
        self.status = status; self.trendText = trendText; self.trendArrow = trendArrow; self.series = series
        self.comparatorText = comparatorText
    }

    /// A tile from the evaluator's judgement of a KPI and the measure's monthly results.
    /// With the neighbours' published values the position reads "rank 4 of 11 with neighbours";
    /// without them, the rank among all local authorities.
    public static func make(_ e: KPIEvaluation, monthly: [MeasureResult], neighbours: [NeighbourValue] = [], period: Period? = nil) -> KPITile {
        let unit = Plan.measureDefinition(e.kpi.measure)?.unit ?? e.result?.unit ?? .count
        let trend = trendWords(e.trendVsLastYear, from: e.lastYearValue, to: e.value, unit: unit)
        var tile = KPITile(
            wording: e.kpi.wording, measureID: e.kpi.measure, unit: unit, value: e.value,
            targetText: targetWords(e.target, targetValue: e.targetValue, unit: unit), status: e.status,
            trendText: trend.words, trendArrow: trend.arrow, series: SeriesPoint.series(monthly),
            comparatorText: e.comparator.map { comparatorWords($0, unit: unit, neighbours: neighbours) })
        if isChange(e.kpi.measure), case .value(let v) = e.target { tile.targetText = changeTargetWords(v, unit: unit) }
        // The plan's words say what it wants; the measure's own name says what is counted (a
        // "% children" KPI may count episodes), so every tile shows both.
        tile.measureTitle = Plan.measureDefinition(e.kpi.measure)?.title
        tile.period = period ?? e.result?.period
        tile.trend = e.trendVsLastYear
        return tile
    }

    /// Whether the measure is a change on last year in per cent (`..._change_pct`), whose value and
    /// target read as a rise or a fall ("Down 20.0% on last year"), never as a bare "-20.0%".
    public static func isChange(_ measureID: String) -> Bool { measureID.hasSuffix("_change_pct") }

    /// The value in words: "25.0%", or for a change measure "Up 25.0% on last year".
    public static func valueWords(_ value: Double?, measureID: String, unit: MeasureUnit) -> String {
        guard let value else { return "No data yet" }
        guard isChange(measureID) else { return Format.value(value, unit: unit) }
        if (value * 10).rounded() == 0 { return "No change on last year" }
        return (value > 0 ? "Up " : "Down ") + Format.value(abs(value), unit: unit) + " on last year"
    }

    /// A change measure's target: "Target: down 20.0% or more on last year".
    static func changeTargetWords(_ v: Double, unit: MeasureUnit) -> String {
        if v == 0 { return "Target: no rise on last year" }
        return "Target: \(v < 0 ? "down" : "up") \(Format.value(abs(v), unit: unit)) or more on last year"
    }

    /// The tile's value in words (see `valueWords`).
    public var valueText: String { KPITile.valueWords(value, measureID: measureID, unit: unit) }

    /// The measure's page for the tile's period.
    public var link: String { SiteURL.measure(measureID) + (period.map { "?period=" + $0.description } ?? "") }

    /// The target in words, with the figure it resolved to when there is one.
    public static func targetWords(_ target: Target, targetValue: Double?, unit: MeasureUnit) -> String {
        let figure = targetValue.map { " (\(Format.value($0, unit: unit)))" } ?? ""
        switch target {
        case .value(let v): return "Target \(Format.value(v, unit: unit))"
        case .belowLastYear: return "Target: lower than last year" + figure
        case .aboveLastYear: return "Target: higher than last year" + figure
        case .decrease: return "Target: a decrease on last year" + figure
        case .increase: return "Target: an increase on last year" + figure
        case .statisticalNeighbourAverage: return "Target: in line with statistical neighbours" + figure
        case .monitor: return "No target: monitored"
        case .toBeAgreed: return "Target to be agreed"
        }
    }

    /// The direction of travel against last year: words and a decorative arrow.
    public static func trendWords(_ trend: Trend, from earlier: Double?, to later: Double?, unit: MeasureUnit) -> (words: String, arrow: String) {
        var arrow = ""
        if let a = earlier, let b = later { arrow = (a * 10).rounded() == (b * 10).rounded() ? "\u{25B6}" : (b > a ? "\u{25B2}" : "\u{25BC}") }
        let was = earlier.map { " (\(Format.value($0, unit: unit)))" } ?? ""
        switch trend {
        case .unknown: return (earlier == nil ? "No figure for last year" : "No figure for this period", "")
        default: return (trend.words(than: "last year") + was, arrow)
        }
    }

    /// "Neighbours' median 21.3%; rank 4 of 11 with neighbours (2023-24)" when the neighbours'
    /// values are given, else "Neighbours' median 21.3%; rank 40 of 152 in England (2023-24)";
    /// "England 22.6% (2023-24)". The average named is the one the KPI compares with.
    public static func comparatorWords(_ c: ComparatorPosition, unit: MeasureUnit, neighbours: [NeighbourValue] = []) -> String {
        let year = Format.reportingYear(c.summary.year)
        var s: String
        switch c.choice {
        case .snMedian, .none:
            s = "Neighbours' median \(Format.value(c.value, unit: unit))"
        case .snMean:
            s = "Neighbours' mean \(Format.value(c.value, unit: unit))"
        case .england:
            s = "England \(Format.value(c.value, unit: unit))"
        }
        if let (rank, count) = neighbourRank(la: c.summary.laValue, neighbours: neighbours.map(\.value), polarity: c.summary.polarity) {
            s += "; rank \(rank) of \(count) with neighbours"
        } else if let rank = c.summary.rank, c.summary.rankedCount > 0 {
            s += "; rank \(rank) of \(c.summary.rankedCount) in England"
        }
        return s + " (\(year))"
    }

    /// The authority's place among itself and its neighbours with a published value: 1 + the
    /// neighbours strictly better (higher for polarity `high`, lower for `low`, lower first for
    /// `none`), of that many + 1. nil when the authority's value or every neighbour's is unknown.
    public static func neighbourRank(la: Double?, neighbours: [Double?], polarity: Polarity) -> (rank: Int, of: Int)? {
        let known = neighbours.compactMap { $0 }
        guard let la, !known.isEmpty else { return nil }
        let better = known.filter { polarity == .high ? $0 > la : $0 < la }.count
        return (better + 1, known.count + 1)
    }

    /// The tile's markup; `id` makes the sparkline's ids unique on the page.
    public func render(id: String) -> HTML {
        var inner = HTML.el("h3", [("class", "ov-tile__title")], HTML.el("a", [("href", link)], text: wording))
        if let measureTitle { inner += HTML.el("p", [("class", "ov-tile__measure")], text: measureTitle) }
        if value != nil {
            inner += HTML.el("p", [("class", "ov-tile__value")], text: valueText)
        } else {
            inner += HTML.el("p", [("class", "ov-tile__value ov-tile__value--none")], text: "No data yet")
        }
        inner += HTML.el("p", [], StatusTag.render(status))
        inner += HTML.el("p", [("class", "ov-tile__meta")], text: targetText)
        inner += HTML.el(
            "p", [("class", "ov-tile__trend")],
            (trendArrow.isEmpty ? .empty : HTML.el("span", [("aria-hidden", "true")], text: trendArrow + " ")) + .text(trendText))
        if let comparatorText { inner += HTML.el("p", [("class", "ov-tile__meta")], text: comparatorText) }
        if let owedBy { inner += HTML.el("p", [("class", "ov-tile__meta")], text: "Entered by hand; owed by \(owedBy)") }
        if let enterLink {
            inner += HTML.el(
                "p", [("class", "ov-tile__meta ov-no-print")],
                HTML.el("a", [("href", enterLink)], .text("Enter value") + HTML.el("span", [("class", "ov-visually-hidden")], text: " for \(wording)")))
        }
        if series.contains(where: { $0.value != nil }) {
            inner += HTML.el(
                "div", [("class", "ov-tile__chart")],
                Chart.sparkline(id: id, title: "\(wording): trend over \(series.count) months", series: series, unit: unit))
        }
        return HTML.el("li", [("class", "ov-tile ov-tile--\(StatusTag.colour(status).rawValue)")], inner)
    }
}

import OversightCore

/// Charts drawn on the server as SVG. Each has `role="img"` with a `<title>` and a `<desc>`
/// that say what it shows in words, and the page sets the same figures beside it as a table
/// (`Chart.table`). Nothing depends on colour alone: the target is a dashed line labelled
/// "Target", last year a dotted line labelled "Last year".
public enum Chart {
    /// A monthly line chart.
    ///
    /// - Parameters:
    ///   - id: a prefix for the chart's element ids, unique on the page (`kpi-3`).
    ///   - title: what the chart shows ("Re-referrals within 12 months, by month").
    ///   - series: the months in order.
    ///   - unit: the measure's unit, for axis labels and the description.
    ///   - target: a target value drawn as a dashed line across the chart.
    ///   - lastYear: for each point, the value for the same month a year earlier (dotted line).
    public static func line(
        id: String, title: String, series: [SeriesPoint], unit: MeasureUnit, target: Double? = nil,
        lastYear: [Double?] = []
    ) -> HTML {
        let width = 720.0, height = 300.0
        let left = 64.0, right = 96.0, top = 16.0, bottom = 44.0
        let plotW = width - left - right, plotH = height - top - bottom
        let values = series.compactMap(\.value) + lastYear.compactMap { $0 } + (target.map { [$0] } ?? [])
        let scale = AxisScale(values: values, unit: unit)
        let n = series.count
        func x(_ i: Int) -> Double { n <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - scale.min) / (scale.max - scale.min)) }

        var svg = HTML.el("title", [("id", id + "-title")], text: title)
        svg += HTML.el("desc", [("id", id + "-desc")], text: describe(series: series, unit: unit, target: target, lastYear: lastYear))
        // Grid and y axis labels.
        for tick in scale.ticks {
            let ty = y(tick)
            svg += HTML.svg("line", [("class", "ov-chart__grid"), ("x1", f(left)), ("x2", f(left + plotW)), ("y1", f(ty)), ("y2", f(ty))])
            svg += HTML.el(
                "text", [("class", "ov-chart__label"), ("x", f(left - 8)), ("y", f(ty + 4)), ("text-anchor", "end")],
                text: tickLabel(tick, unit: unit))
        }
        svg += HTML.svg("line", [("class", "ov-chart__axis"), ("x1", f(left)), ("x2", f(left + plotW)), ("y1", f(top + plotH)), ("y2", f(top + plotH))])
        // X axis labels: every third month (every sixth past 24), always the last.
        let step = n > 24 ? 6 : 3
        for (i, p) in series.enumerated() where (n - 1 - i) % step == 0 {
            svg += HTML.el(
                "text",
                [
                    ("class", "ov-chart__label ov-chart__label--small"), ("x", f(x(i))), ("y", f(top + plotH + 18)),
                    ("text-anchor", "middle"),
                ], text: Format.shortMonth(p.month))
        }
        if let target {
            let ty = y(target)
            svg += HTML.svg("line", [("class", "ov-chart__target"), ("x1", f(left)), ("x2", f(left + plotW)), ("y1", f(ty)), ("y2", f(ty))])
            svg += HTML.el(
                "text", [("class", "ov-chart__label"), ("x", f(left + plotW + 6)), ("y", f(ty + 4))],
                text: "Target " + Format.bare(target, unit: unit))
        }
        if lastYear.contains(where: { $0 != nil }) {
            for d in pathSegments(lastYear, x: x, y: y) {
                svg += HTML.svg("path", [("class", "ov-chart__last-year"), ("d", d)])
            }
            // Labelled at its first point, away from this year's latest value at the right.
            if let i = lastYear.firstIndex(where: { $0 != nil }), let v = lastYear[i] {
                let above = (series.indices.contains(i) ? series[i].value : nil).map { $0 < v } ?? true
                svg += HTML.el(
                    "text",
                    [
                        ("class", "ov-chart__label ov-chart__label--small"), ("x", f(x(i))),
                        ("y", f(above ? y(v) - 8 : y(v) + 18)),
                    ], text: "Last year")
            }
        }
        for d in pathSegments(series.map(\.value), x: x, y: y) {
            svg += HTML.svg("path", [("class", "ov-chart__line"), ("d", d)])
        }
        for (i, p) in series.enumerated() {
            guard let v = p.value else { continue }
            svg += HTML.svg("circle", [("class", "ov-chart__point"), ("cx", f(x(i))), ("cy", f(y(v))), ("r", "3.5")])
        }
        if let i = series.lastIndex(where: { $0.value != nil }), let v = series[i].value {
            svg += HTML.el(
                "text", [("class", "ov-chart__label"), ("x", f(x(i))), ("y", f(y(v) - 10)), ("text-anchor", "end"), ("font-weight", "700")],
                text: Format.bare(v, unit: unit))
        }
        let chart = HTML.el(
            "svg",
            [
                ("class", "ov-chart"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
                ("aria-labelledby", "\(id)-title \(id)-desc"), ("focusable", "false"),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ], svg)
        var legend = HTML.el("li", [], HTML.el("span", [("class", "ov-legend__key"), ("aria-hidden", "true")]) + .text("This year (solid line)"))
        if target != nil {
            legend += HTML.el("li", [], HTML.el("span", [("class", "ov-legend__key ov-legend__key--target"), ("aria-hidden", "true")]) + .text("Target (dashed line)"))
        }
        if lastYear.contains(where: { $0 != nil }) {
            legend += HTML.el("li", [], HTML.el("span", [("class", "ov-legend__key ov-legend__key--last-year"), ("aria-hidden", "true")]) + .text("Last year (dotted line)"))
        }
        return chart + HTML.el("ul", [("class", "ov-legend")], legend)
    }

    /// A small trend line for a tile: no axes, the last point marked.
    public static func sparkline(id: String, title: String, series: [SeriesPoint], unit: MeasureUnit) -> HTML {
        let width = 200.0, height = 40.0, pad = 4.0
        let values = series.compactMap(\.value)
        guard !values.isEmpty else { return .empty }
        let lo = values.min()!, hi = values.max()!
        let span = hi - lo == 0 ? 1 : hi - lo
        let n = series.count
        func x(_ i: Int) -> Double { n <= 1 ? width / 2 : pad + (width - 2 * pad) * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { hi == lo ? height / 2 : pad + (height - 2 * pad) * (1 - (v - lo) / span) }
        var svg = HTML.el("title", [("id", id + "-title")], text: title)
        svg += HTML.el("desc", [("id", id + "-desc")], text: describe(series: series, unit: unit, target: nil, lastYear: []))
        for d in pathSegments(series.map(\.value), x: x, y: y) {
            svg += HTML.svg("path", [("class", "ov-chart__line"), ("d", d)])
        }
        if let i = series.lastIndex(where: { $0.value != nil }), let v = series[i].value {
            svg += HTML.svg("circle", [("class", "ov-chart__point"), ("cx", f(x(i))), ("cy", f(y(v))), ("r", "3")])
        }
        return HTML.el(
            "svg",
            [
                ("class", "ov-sparkline"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("preserveAspectRatio", "none"),
                ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("focusable", "false"),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ], svg)
    }

    /// One bar of a bar chart.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        public init(_ label: String, _ value: Double) { self.label = label; self.value = value }
    }

    /// A horizontal bar chart (a grade distribution: how many audits were outstanding, good,
    /// requires improvement, inadequate), each bar labelled with its name and value.
    public static func bar(id: String, title: String, bars: [Bar], unit: MeasureUnit = .count) -> HTML {
        let width = 720.0, labelW = 220.0, valueW = 80.0, barH = 26.0, gap = 10.0
        let height = max(1, Double(bars.count)) * (barH + gap) + gap
        let hi = max(bars.map(\.value).max() ?? 0, unit == .percent ? 100 : 0, 1)
        var svg = HTML.el("title", [("id", id + "-title")], text: title)
        let words = bars.map { "\($0.label): \(Format.value($0.value, unit: unit))" }.joined(separator: "; ")
        svg += HTML.el("desc", [("id", id + "-desc")], text: bars.isEmpty ? "No values." : words + ".")
        for (i, b) in bars.enumerated() {
            let top = gap + Double(i) * (barH + gap)
            let w = max(0, (width - labelW - valueW) * b.value / hi)
            svg += HTML.el("text", [("class", "ov-chart__label"), ("x", f(labelW - 10)), ("y", f(top + barH / 2 + 5)), ("text-anchor", "end")], text: b.label)
            svg += HTML.svg("rect", [("class", "ov-chart__bar"), ("x", f(labelW)), ("y", f(top)), ("width", f(w)), ("height", f(barH))])
            svg += HTML.el(
                "text", [("class", "ov-chart__label"), ("x", f(labelW + w + 6)), ("y", f(top + barH / 2 + 5))],
                text: Format.value(b.value, unit: unit))
        }
        return HTML.el(
            "svg",
            [
                ("class", "ov-chart"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
                ("aria-labelledby", "\(id)-title \(id)-desc"), ("focusable", "false"),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ], svg)
    }

    /// The series as a table: month, value, and the same month last year and the target when given.
    public static func table(
        caption: String, series: [SeriesPoint], unit: MeasureUnit, target: Double? = nil,
        lastYear: [Double?] = [], isCaptionVisible: Bool = true
    ) -> HTML {
        let hasLastYear = lastYear.contains { $0 != nil }
        let span = series.first?.months ?? 1
        var columns = [
            DataTable.Column("month", span == 1 ? "Month" : "\(span) months to"), DataTable.Column("value", unitHeading(unit), isNumeric: true),
        ]
        if hasLastYear { columns.append(.init("last_year", span == 1 ? "Same month last year" : "A year earlier", isNumeric: true)) }
        if target != nil { columns.append(.init("target", "Target", isNumeric: true)) }
        let rows = series.enumerated().map { i, p -> [HTML] in
            var r: [HTML] = [.text(Format.shortMonth(p.month)), .text(Format.bare(p.value, unit: unit))]
            if hasLastYear { r.append(.text(Format.bare(i < lastYear.count ? lastYear[i] : nil, unit: unit))) }
            if let target { r.append(.text(Format.bare(target, unit: unit))) }
            return r
        }
        return DataTable(caption: caption, isCaptionVisible: isCaptionVisible, columns: columns, rows: rows, hasRowHeaders: true).render()
    }

    /// "Value (%)", "Number", "Rate per 10,000", "Value".
    public static func unitHeading(_ unit: MeasureUnit) -> String {
        switch unit {
        case .percent: return "Value (%)"
        case .count: return "Number"
        case .rate: return "Rate per 10,000"
        case .ratio: return "Value"
        }
    }

    /// The chart in words, for `<desc>`: the months covered, the latest value, the lowest and
    /// highest, and the target.
    public static func describe(series: [SeriesPoint], unit: MeasureUnit, target: Double?, lastYear: [Double?]) -> String {
        guard let first = series.first, let last = series.last else { return "No values." }
        var s =
            first.months == 1
            ? "Monthly values from \(Format.month(first.month)) to \(Format.month(last.month))."
            : "Each point is the \(first.months) months to the end of its month, from \(Format.month(first.month)) to \(Format.month(last.month))."
        let known = series.filter { $0.value != nil }
        if let latest = known.last, let v = latest.value {
            s += " Latest: \(Format.value(v, unit: unit)) in \(Format.month(latest.month))."
            if let lo = known.min(by: { $0.value! < $1.value! }), let hi = known.max(by: { $0.value! < $1.value! }), known.count > 1 {
                s += " Lowest \(Format.value(lo.value, unit: unit)) (\(Format.month(lo.month))), highest \(Format.value(hi.value, unit: unit)) (\(Format.month(hi.month)))."
            }
        } else {
            s += " No month has a value."
        }
        let gaps = series.count - known.count
        if gaps > 0 && !known.isEmpty { s += gaps == 1 ? " 1 month has no value." : " \(gaps) months have no value." }
        if let target { s += " Target: \(Format.value(target, unit: unit))." }
        if lastYear.contains(where: { $0 != nil }) { s += " A second line shows the same months a year earlier." }
        return s
    }

    /// A y axis label: whole numbers without decimals (`20%`, `1,500`), others to one place.
    static func tickLabel(_ v: Double, unit: MeasureUnit) -> String {
        let text = v == v.rounded() ? Format.count(v) : Format.decimal(v, places: unit == .ratio ? 2 : 1)
        return unit == .percent ? text + "%" : text
    }

    /// SVG path data for the runs of known values (a gap breaks the line).
    static func pathSegments(_ values: [Double?], x: (Int) -> Double, y: (Double) -> Double) -> [String] {
        var out: [String] = []
        var current = ""
        for (i, v) in values.enumerated() {
            if let v {
                current += (current.isEmpty ? "M" : " L") + "\(f(x(i))) \(f(y(v)))"
            } else if !current.isEmpty {
                out.append(current); current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        // A lone point makes no visible line; the point marker shows it.
        return out.filter { $0.contains("L") }
    }

    /// A coordinate with one decimal place.
    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

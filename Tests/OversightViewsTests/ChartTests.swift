import Testing
import OversightCore
@testable import OversightViews

@Suite struct ChartTests {
    static let series = SeriesPoint.series(Samples.monthly(missing: [5]))

    @Test func lineChartIsAnImageWithTitleAndDescription() {
        let h = Chart.line(id: "c1", title: "Re-referrals <by month>", series: Self.series, unit: .percent, target: 18).markup
        #expect(h.contains("role=\"img\""))
        #expect(h.contains("aria-labelledby=\"c1-title c1-desc\""))
        #expect(h.contains("<title id=\"c1-title\">Re-referrals &lt;by month&gt;</title>"))
        #expect(h.contains("<desc id=\"c1-desc\">Monthly values from April 2023 to March 2025. Latest: 18.3% in March 2025."))
        #expect(h.contains("1 month has no value."))
        #expect(h.contains("Target: 18.0%."))
    }

    @Test func targetIsADashedLabelledLineNotJustAColour() {
        let h = Chart.line(id: "c2", title: "t", series: Self.series, unit: .percent, target: 18, lastYear: Array(repeating: 20, count: 24)).markup
        #expect(h.contains("class=\"ov-chart__target\""))
        #expect(h.contains(">Target 18.0</text>"))
        #expect(h.contains(">Last year</text>"))
        #expect(h.contains("Target (dashed line)"))
        #expect(h.contains("Last year (dotted line)"))
    }

    @Test func aGapBreaksTheLine() {
        let h = Chart.line(id: "c3", title: "t", series: Self.series, unit: .percent).markup
        #expect(Check.count("class=\"ov-chart__line\"", in: h) == 2)
        #expect(Check.count("<circle", in: h) == 23)
    }

    @Test func yAxisStartsAtZeroAndEndsOnARoundNumber() {
        let s = AxisScale(values: [18.25, 24], unit: .percent)
        #expect(s.min == 0)
        #expect(s.max == 30)
        #expect(s.ticks == [0, 10, 20, 30])
        #expect(AxisScale(values: [97, 99], unit: .percent).max == 100)
        #expect(AxisScale(values: [-20, 10], unit: .percent).min < 0)
    }

    @Test func sparklineAndBarHaveTitlesAndDescriptions() {
        let spark = Chart.sparkline(id: "s", title: "Trend", series: Self.series, unit: .percent).markup
        let bar = Chart.bar(id: "b", title: "Grades", bars: [.init("Good", 12), .init("Requires improvement", 5)]).markup
        #expect(Check.chartsWithoutTitleAndDesc(spark + bar) == 0)
        #expect(bar.contains("<desc id=\"b-desc\">Good: 12; Requires improvement: 5.</desc>"))
        #expect(Chart.sparkline(id: "e", title: "t", series: [], unit: .count).isEmpty)
    }

    @Test func tableGivesTheSameFiguresAsTheChart() {
        let last = SeriesPoint.lastYear(of: Self.series, in: Self.series)
        let h = Chart.table(caption: "Values", series: Self.series, unit: .percent, target: 18, lastYear: last).markup
        #expect(h.contains("<caption"))
        #expect(Check.count("<tr class=\"ov-table__row\">", in: h) == 25)
        #expect(h.contains("<th scope=\"row\" class=\"ov-table__header\">Mar 2025</th><td class=\"ov-table__cell ov-table__cell--numeric\">18.3</td>"))
        // March 2025's last year is March 2024, 12 points earlier (24.0 - 11 x 0.25 = 21.25).
        #expect(h.contains("18.3</td><td class=\"ov-table__cell ov-table__cell--numeric\">21.3</td>"))
        #expect(h.contains("Value (%)"))
    }
}

extension ChartTests {
    @Test func svgShapesAreSelfClosedSoTextAfterThemStaysVisible() {
        let h = Chart.line(id: "c4", title: "t", series: Self.series, unit: .percent, target: 18).markup
        #expect(!h.contains("</circle>") && !h.contains("</line>"))
        #expect(h.contains("r=\"3.5\"/>"))
        #expect(h.range(of: "<(line|path|circle|rect)\\b[^>]*[^/]>", options: .regularExpression) == nil)
    }
}

/// Issue 18: "'Month by month' charts plot 12 months to each month end, not months: the chart
/// shows January 2025 as 18.0 while choosing January 2025 gives 16.4%". A chart and its table now
/// say what a point is.
@Suite struct SeriesLabelTests {
    static func results(rolling: Bool) -> [MeasureResult] {
        (1...3).map { m in
            let end = Period.month(year: 2025, month: m).end
            let period = rolling ? Period.rolling12Months(endingOn: end) : .month(year: 2025, month: m)
            return MeasureResult(id: "x", unit: .percent, period: period, numerator: 1, denominator: 5, value: 20)
        }
    }

    @Test func aRollingSeriesSaysItIsTwelveMonthsToEachMonthEnd() {
        let series = SeriesPoint.series(Self.results(rolling: true))
        #expect(series.allSatisfy { $0.months == 12 })
        #expect(SeriesPoint.heading(series) == "12 months to the end of each month")
        let table = Chart.table(caption: "x", series: series, unit: .percent).markup
        #expect(table.contains(">12 months to<") && !table.contains(">Month<"))
        #expect(Chart.describe(series: series, unit: .percent, target: nil, lastYear: []).hasPrefix("Each point is the 12 months to the end of its month"))
    }

    @Test func aMonthlySeriesIsMonthByMonth() {
        let series = SeriesPoint.series(Self.results(rolling: false))
        #expect(series.allSatisfy { $0.months == 1 })
        #expect(SeriesPoint.heading(series) == "Month by month")
        #expect(Chart.table(caption: "x", series: series, unit: .percent).markup.contains(">Month<"))
    }
}

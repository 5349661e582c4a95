import OversightCore

/// The monthly performance pack: every measure with its value for the period, its monthly series
/// and its published comparators.
public enum MonthlyPack {
    /// The monthly pack for `input` (`results`, `series` and `comparators`).
    public static func render(_ input: ReportInput) -> HTML {
        ReportDocument.report(id: "monthly", authority: input.authority, title: title(input), body: body(input))
    }

    /// "Monthly performance pack: Assessment team 1, March 2025".
    public static func title(_ input: ReportInput) -> String {
        "Monthly performance pack\(input.team.map { ": \($0)" } ?? ""), \(ReportDocument.periodText(input.period))"
    }

    /// The pack's tables, one a source of data.
    public static func body(_ input: ReportInput) -> HTML {
        var h = HTML.raw("")
        if !input.hasData { h += ReportDocument.noData("There is no data for this period.") }
        let months = input.series.values.max(by: { $0.count < $1.count })?.map { $0.period.start } ?? []
        for source in MeasureSource.ordered {
            let defs = (MeasureCatalogue.all + MeasureCatalogue.feedback + HandEnteredMeasures.all).filter { $0.source == source }
            let rows: [[HTML]] = defs.compactMap { d in
                let r = input.results.first { $0.id == d.id }
                let s = input.series[d.id] ?? []
                guard r?.value != nil || s.contains(where: { $0.value != nil }) else { return nil }
                let c = input.comparators[d.id]
                return [HTML.text(d.title), HTML.text(ReportDocument.value(r, d.unit, input.suppression))]
                    + months.map { m in HTML.text(ReportDocument.value(s.first { $0.period.start == m }, d.unit, input.suppression)) }
                    + [
                        HTML.text(c?.england.map { ReportDocument.value($0, d.unit) } ?? "–"),
                        HTML.text(c?.neighbourMedian.map { ReportDocument.value($0, d.unit) } ?? "–"),
                    ]
            }
            guard !rows.isEmpty else { continue }
            h += ReportDocument.table(
                caption: title(source), headings: ["Measure", "Period"] + months.map(ReportDocument.monthLabel) + ["England", "Neighbours (median)"],
                rows: rows, numeric: Set(1...(months.count + 3)))
        }
        return h
    }

    static func title(_ s: MeasureSource) -> String { s.heading }
}

import OversightCore
@testable import OversightViews

/// Synthetic values for the page tests. No real child, person or authority figure.
enum Samples {
    static let hostile = "<script>alert(1)</script>"

    static func day(_ iso: String) -> Day { Day.parseISO(iso)! }

    static let year2025 = Period.reportingYear(2025)

    /// 24 months to March 2025 of a percentage that drifts down from 24.0 to 18.25.
    static func monthly(_ id: String = "rereferrals_12m_pct", unit: MeasureUnit = .percent, missing: Set<Int> = []) -> [MeasureResult] {
        (0..<24).map { i in
            let p = Period.month(year: 2023 + (i + 3) / 12, month: (i + 3) % 12 + 1)
            return MeasureResult(
                id: id, unit: unit, period: p, numerator: nil, denominator: nil,
                value: missing.contains(i) ? nil : 24.0 - Double(i) * 0.25)
        }
    }

    static func summary(_ id: String, rank: Int? = 40) -> ComparatorSummary {
        ComparatorSummary(
            measure: id, la: "999", laName: "Sampleton", year: 2024, laValue: 19.5, england: 22.6,
            regionName: "North West", region: 21.0, neighbourModel: "2025", neighbours: ["901", "902"],
            neighbourMean: 21.3, neighbourMedian: 21.0, neighboursUnknown: 0, rank: rank, rankedCount: 152,
            unknownCount: 1, quartile: 2, polarity: .low)
    }

    static let plan = Plan(
        id: "sample", title: "Sampleton improvement plan", years: [2025],
        ambitions: [
            Ambition(
                number: 1, title: "Right help, right time", statement: "Children get the right help at the right time.",
                leads: ["Head of early help"], actions: ["Review the front door"], approach: "Restorative practice.",
                achievements: ["New MASH opened"],
                kpis: [
                    KPI(
                        wording: "Re-referrals within 12 months", measure: "rereferrals_12m_pct", target: .value(18),
                        polarity: .low, comparator: .snMean),
                    KPI(wording: "Foster households recruited", measure: "hand_households_recruited", target: .value(15), polarity: .high),
                ]),
            Ambition(
                number: 2, title: hostile, statement: "Statement \(hostile)",
                kpis: [
                    KPI(wording: "Children looked after per 10,000 \(hostile)", measure: "cla_rate_per_10k", target: .monitor, polarity: .none)
                ]),
        ])

    /// The plan judged for 2024-25 from the sample series.
    static func evaluations() -> [KPIEvaluation] {
        let series = monthly()
        let measure: KPIEvaluator.MeasureLookup = { id, period in
            switch id {
            case "rereferrals_12m_pct":
                if period == year2025 { return MeasureResult(id: id, unit: .percent, period: period, numerator: 185, denominator: 1000, value: 18.5) }
                if period == year2025.yearEarlier { return MeasureResult(id: id, unit: .percent, period: period, numerator: 200, denominator: 1000, value: 20.0) }
                return series.first { $0.period == period }
            case "cla_rate_per_10k":
                if period == year2025 { return MeasureResult(id: id, unit: .rate, period: period, numerator: 380, denominator: 56_700, value: 67.02) }
                return nil
            default: return nil
            }
        }
        return KPIEvaluator().evaluate(plan: plan, period: year2025, measure: measure, comparators: { id, _ in summary(id) })
    }

    static func overview() -> OverviewPage.Model {
        OverviewPage.Model.make(
            plan: plan, evaluations: evaluations(), monthly: ["rereferrals_12m_pct": monthly()], period: year2025,
            periodOptions: [FormOption(value: "2025", label: "2024-25"), FormOption(value: "2024", label: "2023-24")],
            selectedPeriod: "2025")
    }
}

/// Checks every page must pass.
enum Check {
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Every `<input>`, `<select>` and `<textarea>` that is not hidden or a button has a label
    /// `for` its id (radios included).
    static func unlabelledInputs(_ html: String) -> [String] {
        var bad: [String] = []
        let pattern = /<(input|select|textarea)\b([^>]*)>/
        for m in html.matches(of: pattern) {
            let attrs = String(m.output.2)
            if attrs.contains("type=\"hidden\"") || attrs.contains("type=\"submit\"") { continue }
            guard let idMatch = attrs.firstMatch(of: /\bid="([^"]+)"/) else { bad.append(attrs); continue }
            if !html.contains("for=\"\(idMatch.output.1)\"") { bad.append(String(idMatch.output.1)) }
        }
        return bad
    }

    /// Tables without a caption.
    static func tablesWithoutCaption(_ html: String) -> Int {
        count("<table", in: html) - count("<caption", in: html)
    }

    /// Every `<svg role="img">` has a title and desc; returns how many do not.
    static func chartsWithoutTitleAndDesc(_ html: String) -> Int {
        let charts = html.components(separatedBy: "<svg").dropFirst()
        return charts.filter { c in
            let body = c.components(separatedBy: "</svg>")[0]
            return !(body.contains("role=\"img\"") && body.contains("<title") && body.contains("<desc"))
        }.count
    }
}

import Testing
@testable import OversightCore

@Suite struct KPIEvaluatorTests {
    static let year = Period.reportingYear(2025)

    /// A fake engine: fixed values per (measure, period end).
    static func engine(_ values: [String: [Day: Double]]) -> KPIEvaluator.MeasureLookup {
        { id, period in
            guard let v = values[id]?[period.end] else { return nil }
            return MeasureResult(id: id, unit: .percent, period: period, numerator: nil, denominator: nil, value: v)
        }
    }

    static let end2025 = Day(year: 2025, month: 3, day: 31)!
    static let end2024 = Day(year: 2024, month: 3, day: 31)!

    static func summary(_ id: String) -> ComparatorSummary {
        ComparatorSummary(
            measure: id, la: "358", laName: "Trafford", year: 2025, laValue: 62, england: 67, regionName: "North West",
            region: 96, neighbourModel: "2025", neighbours: [], neighbourMean: 60, neighbourMedian: 58,
            neighboursUnknown: 0, rank: 20, rankedCount: 152, unknownCount: 1, quartile: 1, polarity: .none)
    }

    let plan = Plan(
        id: "p", title: "P",
        ambitions: [
            Ambition(
                number: 2, title: "Right help", statement: "s",
                kpis: [
                    KPI(wording: "Reduction in re-referrals", measure: "rereferrals_12m_pct", target: .belowLastYear, polarity: .low, comparator: .england),
                    KPI(wording: "CLA rate aligned", measure: "cla_rate_per_10k", target: .statisticalNeighbourAverage(.median), polarity: .none, comparator: .snMedian),
                    KPI(wording: "70% RI", measure: "cin_audits_ri_or_better_pct", target: .value(70), polarity: .high),
                    KPI(wording: "Neglect", measure: "assessment_factor_pct_neglect", target: .monitor, polarity: .low),
                ])
        ])

    @Test func judgesEachKPIWithAFakeEngine() {
        let engine = Self.engine([
            "rereferrals_12m_pct": [Self.end2025: 18.0, Self.end2024: 20.4],
            "cla_rate_per_10k": [Self.end2025: 62],
            "cin_audits_ri_or_better_pct": [Self.end2025: 67],
        ])
        let results = KPIEvaluator().evaluate(plan: plan, period: Self.year, measure: engine, comparators: { id, _ in Self.summary(id) })
        #expect(results.count == 4)

        let rereferrals = results[0]
        #expect(rereferrals.ambition == 2)
        #expect(rereferrals.value == 18.0 && rereferrals.lastYearValue == 20.4 && rereferrals.targetValue == 20.4)
        #expect(rereferrals.status == .green)
        #expect(rereferrals.trendVsLastYear == .improving && rereferrals.trendVsPrevious == .improving)
        #expect(rereferrals.comparator?.value == 67 && rereferrals.comparator?.relation == .improving)

        let cla = results[1]
        #expect(cla.targetValue == 58 && cla.status == .green)
        #expect(cla.trendVsLastYear == .unknown)
        #expect(cla.comparator?.summary.quartile == 1 && cla.comparator?.relation == .higher)

        let audits = results[2]
        #expect(audits.status == .amber && audits.targetValue == 70 && audits.comparator == nil)

        let neglect = results[3]
        #expect(neglect.status == .monitor && neglect.value == nil)
    }

    @Test func withoutComparatorsNeighbourTargetsHaveNoData() {
        let results = KPIEvaluator().evaluate(plan: plan, period: Self.year, measure: Self.engine(["cla_rate_per_10k": [Self.end2025: 62]]))
        #expect(results[1].status == .noData && results[1].comparator == nil)
        #expect(results[0].status == .noData && results[0].trendVsLastYear == .unknown)
    }

    @Test func previousPeriodStepsWholeMonths() {
        #expect(KPIEvaluator.previousPeriod(of: .reportingYear(2025)) == .reportingYear(2024))
        #expect(KPIEvaluator.previousPeriod(of: .reportingYear(2024)) == .reportingYear(2023))
        #expect(KPIEvaluator.previousPeriod(of: .month(year: 2025, month: 3)) == .month(year: 2025, month: 2))
        #expect(KPIEvaluator.previousPeriod(of: .quarter(year: 2025, quarter: 1)) == .quarter(year: 2024, quarter: 4))
        let days = Period(start: Day(year: 2025, month: 3, day: 10)!, end: Day(year: 2025, month: 3, day: 19)!)!
        #expect(KPIEvaluator.previousPeriod(of: days) == days.previous)
    }
}

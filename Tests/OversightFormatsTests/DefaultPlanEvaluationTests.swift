import Foundation
import OversightCore
import Testing
@testable import OversightFormats

/// The default plan judged with a fake engine and the real published comparators.
@Suite struct DefaultPlanEvaluationTests {
    @Test func withNoDataEveryKPIIsNoDataOrMonitor() throws {
        let plan = try PlanLoader.defaultPlan()
        let results = KPIEvaluator().evaluate(plan: plan, period: .reportingYear(2025), measure: { _, _ in nil })
        #expect(results.count == plan.allKPIs.count)
        for r in results {
            #expect(r.status == (r.target.isMonitorOnly ? .monitor : .noData), "\(r.kpi.measure)")
        }
    }

    /// Trafford's 21 children per 10,000 starting to be looked after in 2024-25 against its
    /// 2025-model neighbours' median of 19 (15, 28, 16, 22, 12, 17, 27, 21, 18, 20): 10.5% above,
    /// outside the 10% band but within 20%, so amber; the England rate is 26.
    @Test func looksUpTheNeighbourMedianForAlignedTargets() throws {
        let plan = try PlanLoader.defaultPlan()
        let statistics = PublishedStatisticsTests.statistics
        let engine: KPIEvaluator.MeasureLookup = { id, period in
            guard id == "cla_starts_rate_per_10k" else { return nil }
            return MeasureResult(id: id, unit: .rate, period: period, numerator: 119, denominator: 56737, value: 21)
        }
        let results = KPIEvaluator().evaluate(
            plan: plan, period: .reportingYear(2025), measure: engine,
            comparators: Comparators.lookup(statistics: statistics, la: "358"))
        let starts = try #require(results.first { $0.kpi.measure == "cla_starts_rate_per_10k" })
        #expect(starts.targetValue == 19 && starts.status == .amber)
        #expect(starts.comparator?.summary.england == 26 && starts.comparator?.relation == .higher)
    }
}

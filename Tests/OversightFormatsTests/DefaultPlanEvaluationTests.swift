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

    /// Trafford's 62 children looked after per 10,000 against its 2025-model neighbours' median of
    /// 50: 24% above, outside the 20% band, so red; the England rate is 67.
    @Test func looksUpTheNeighbourMedianForAlignedTargets() throws {
        let plan = try PlanLoader.defaultPlan()
        let statistics = PublishedStatisticsTests.statistics
        let engine: KPIEvaluator.MeasureLookup = { id, period in
            guard id == "cla_rate_per_10k" else { return nil }
            return MeasureResult(id: id, unit: .rate, period: period, numerator: 353, denominator: 56737, value: 62)
        }
        let results = KPIEvaluator().evaluate(plan: plan, period: .reportingYear(2025), measure: engine,
                                              comparators: Comparators.lookup(statistics: statistics, la: "358"))
        let cla = try #require(results.first { $0.kpi.measure == "cla_rate_per_10k" })
        #expect(cla.targetValue == 50 && cla.status == .red)
        #expect(cla.comparator?.summary.england == 67 && cla.comparator?.relation == .higher)
    }
}

import Foundation
import Testing
@testable import OversightCore

@Suite struct TargetHistoryTests {
    @Test func aChangedTargetKeepsTheOldOneForPastPeriods() {
        let kpi = KPI(wording: "Assessments in 45 days", measure: "assessments_45_days_pct", target: .value(80), polarity: .high)
        let plan = Plan(id: "p", title: "P", ambitions: [Ambition(number: 1, title: "A", statement: "s", kpis: [kpi])])
        var history = TargetHistory()
        history.add(
            .init(
                ambition: 1, measure: "assessments_45_days_pct", effectiveFrom: Day(year: 2025, month: 4, day: 1)!,
                target: .value(90), by: "lead", at: Date(timeIntervalSince1970: 0), reason: "raised by the board"))
        let past = history.plan(plan, for: .reportingYear(2025))
        let now = history.plan(plan, for: .month(year: 2025, month: 6))
        #expect(past.ambitions[0].kpis[0].target == .value(80))
        #expect(now.ambitions[0].kpis[0].target == .value(90))
        let lookup: KPIEvaluator.MeasureLookup = { id, p in MeasureResult(id: id, unit: .percent, period: p, numerator: nil, denominator: nil, value: 85) }
        #expect(KPIEvaluator().evaluate(plan: past, period: .reportingYear(2025), measure: lookup)[0].status == .green)
        #expect(KPIEvaluator().evaluate(plan: now, period: .month(year: 2025, month: 6), measure: lookup)[0].status == .red)
    }

    @Test func smallCountsAreSuppressedWhenSharedBeyondTheAuthority() {
        let p = Period.month(year: 2025, month: 6)
        let count = { (v: Double) in MeasureResult(id: "x", unit: .count, period: p, numerator: v, denominator: nil, value: v) }
        #expect(Suppression.on.hides(count(1)) && Suppression.on.hides(count(4)))
        #expect(!Suppression.on.hides(count(0)) && !Suppression.on.hides(count(5)) && !Suppression.off.hides(count(3)))
        let pct = MeasureResult(id: "y", unit: .percent, period: p, numerator: 3, denominator: 40, value: 7.5)
        #expect(Suppression.on.hides(pct))
        #expect(Suppression.on.text(count: 2) == "c" && Suppression.on.text(count: 12) == "12" && Suppression.off.text(count: 2) == "2")
    }
}

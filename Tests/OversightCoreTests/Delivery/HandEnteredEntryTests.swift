import Foundation
import Testing
@testable import OversightCore

@Suite struct HandEnteredEntryTests {
    static let june = Period.month(year: 2025, month: 6)
    static let at = Date(timeIntervalSince1970: 1_750_000_000)

    static func entry(
        _ id: String, _ period: Period = june, value: Double? = nil, n: Double? = nil, d: Double? = nil,
        source: String = "HR report", by: String = "analyst"
    ) -> HandEnteredEntry {
        HandEnteredEntry(measureID: id, period: period, value: value, numerator: n, denominator: d, source: source, enteredBy: by, enteredAt: at)
    }

    @Test func validEntriesHaveNoProblems() {
        #expect(Self.entry("hand_sw_vacancy_rate", value: 12.5).problems.isEmpty)
        #expect(Self.entry("hand_sw_vacancy_rate", n: 9, d: 72).problems.isEmpty)
        #expect(Self.entry("hand_households_recruited", value: 3).problems.isEmpty)
        #expect(Self.entry("hand_sw_vacancy_rate", value: 0).problems.isEmpty)
        #expect(Self.entry("hand_sw_vacancy_rate", value: 100).problems.isEmpty)
    }

    @Test func badValuesAreRefusedWithReasonsNamingTheField() {
        func fields(_ e: HandEnteredEntry) -> [String] { e.problems.map(\.field) }
        let over = Self.entry("hand_sw_vacancy_rate", value: 100.5).problems
        #expect(over.map(\.field) == ["value"])
        #expect(over[0].message == "a percentage must be between 0 and 100 (it is 100.5)")
        let fraction = Self.entry("hand_sw_vacancy_rate", n: 80, d: 72).problems
        #expect(fraction.map(\.field) == ["numerator"])
        #expect(fraction[0].message == "the numerator (80) cannot be more than the denominator (72)")
        #expect(fields(Self.entry("hand_households_recruited", value: -1)) == ["value"])
        #expect(fields(Self.entry("hand_households_recruited", value: 2.5)) == ["value"])
        #expect(fields(Self.entry("hand_unknown", value: 1)) == ["measure"])
        #expect(Self.entry("hand_unknown", value: 1).problems[0].message.contains("is not a measure entered by hand"))
        #expect(fields(Self.entry("referrals", value: 1)) == ["measure"])
        #expect(fields(Self.entry("hand_sw_vacancy_rate", n: 3, d: 0)) == ["denominator"])
        #expect(fields(Self.entry("hand_sw_vacancy_rate", n: 3)) == ["denominator"])
        #expect(fields(Self.entry("hand_sw_vacancy_rate", value: 5, n: 3, d: 4)) == ["value"])
        #expect(fields(Self.entry("hand_sw_vacancy_rate")) == ["value"])
        #expect(fields(Self.entry("hand_households_recruited", n: 3, d: 4)) == ["numerator"])
        #expect(fields(Self.entry("hand_sw_vacancy_rate", value: .nan)) == ["value"])
        #expect(fields(Self.entry("hand_sw_vacancy_rate", value: 5, source: " ", by: "")) == ["source", "entered_by"])
    }

    @Test func aCorrectionKeepsThePreviousValueInTheHistory() throws {
        var values = HandEnteredValues()
        #expect(try values.record(Self.entry("hand_households_recruited", value: 3)) == nil)
        var fixed = Self.entry("hand_households_recruited", value: 4)
        fixed.enteredAt = Self.at.addingTimeInterval(3600)
        fixed.note = "one household was missed"
        let replaced = try values.record(fixed)
        #expect(replaced?.value == 3)
        #expect(values.entry("hand_households_recruited", period: Self.june)?.value == 4)
        #expect(values.history("hand_households_recruited", period: Self.june).map(\.value) == [3, 4])
        #expect(throws: HandEntryRejected.self) { try values.record(Self.entry("hand_households_recruited", value: -2)) }
        #expect(values.entry("hand_households_recruited", period: Self.june)?.value == 4)
    }

    @Test func entriesBecomeMeasureResultsForTheirPeriodAndForWholeMonths() throws {
        var values = HandEnteredValues()
        for (m, v) in [(4, 2.0), (5, 3.0), (6, 1.0)] {
            try values.record(Self.entry("hand_households_recruited", .month(year: 2025, month: m), value: v))
            try values.record(Self.entry("hand_sw_vacancy_rate", .month(year: 2025, month: m), n: Double(m), d: 50))
            try values.record(Self.entry("hand_rrp_completed_pct", .month(year: 2025, month: m), value: Double(10 * m)))
        }
        let q = Period(start: Day(year: 2025, month: 4, day: 1)!, end: Day(year: 2025, month: 6, day: 30)!)!
        #expect(values.result("hand_households_recruited", period: q)?.value == 6)
        let pooled = try #require(values.result("hand_sw_vacancy_rate", period: q))
        #expect(pooled.numerator == 15 && pooled.denominator == 150 && pooled.value == 10)
        let latest = try #require(values.result("hand_rrp_completed_pct", period: q))
        #expect(latest.value == 60 && latest.warnings.count == 1)
        #expect(values.result("hand_sw_vacancy_rate", period: Self.june)?.value == 12)
        // A period the months do not cover has no result.
        #expect(values.result("hand_households_recruited", period: .reportingYear(2026)) == nil)
        // KPIs see them like any other measure.
        let plan = Plan(
            id: "p", title: "P",
            ambitions: [
                Ambition(
                    number: 1, title: "A", statement: "s",
                    kpis: [
                        KPI(wording: "Recruit 5 households a quarter", measure: "hand_households_recruited", target: .value(5), polarity: .high)
                    ])
            ])
        let e = KPIEvaluator().evaluate(plan: plan, period: q, measure: values.lookup { _, _ in nil })
        #expect(e[0].value == 6 && e[0].status == .green)
    }
}

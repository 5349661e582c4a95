import Testing
@testable import OversightCore

@Suite struct KPIRulesTests {
    struct Case: CustomStringConvertible, Sendable {
        var value: Double?
        var target: Target
        var polarity: Polarity
        var lastYear: Double?
        var average: Double?
        var status: KPIStatus
        var targetValue: Double?
        var description: String { "\(value.map { "\($0)" } ?? "nil") vs \(target.token) (\(polarity))" }
    }

    static let cases: [Case] = [
        // Fixed targets, higher is better: 70 with a 3.5-point amber band.
        Case(value: 70, target: .value(70), polarity: .high, status: .green, targetValue: 70),
        Case(value: 82, target: .value(70), polarity: .high, status: .green, targetValue: 70),
        Case(value: 66.5, target: .value(70), polarity: .high, status: .amber, targetValue: 70),
        Case(value: 66.4, target: .value(70), polarity: .high, status: .red, targetValue: 70),
        Case(value: 14.25, target: .value(15), polarity: .high, status: .amber, targetValue: 15),
        Case(value: 14, target: .value(15), polarity: .high, status: .red, targetValue: 15),
        // Lower is better: -20 (a 20% fall) with a 1-point band.
        Case(value: -25, target: .value(-20), polarity: .low, status: .green, targetValue: -20),
        Case(value: -19, target: .value(-20), polarity: .low, status: .amber, targetValue: -20),
        Case(value: -10, target: .value(-20), polarity: .low, status: .red, targetValue: -20),
        Case(value: 50, target: .value(70), polarity: .none, status: .monitor, targetValue: 70),
        Case(value: nil, target: .value(70), polarity: .high, status: .noData, targetValue: 70),
        // Year on year.
        Case(value: 17.9, target: .belowLastYear, polarity: .low, lastYear: 18, status: .green, targetValue: 18),
        Case(value: 18, target: .belowLastYear, polarity: .low, lastYear: 18, status: .amber, targetValue: 18),
        Case(value: 18.9, target: .decrease, polarity: .low, lastYear: 18, status: .amber, targetValue: 18),
        Case(value: 19, target: .belowLastYear, polarity: .low, lastYear: 18, status: .red, targetValue: 18),
        Case(value: 11, target: .aboveLastYear, polarity: .high, lastYear: 10, status: .green, targetValue: 10),
        Case(value: 9.5, target: .increase, polarity: .high, lastYear: 10, status: .amber, targetValue: 10),
        Case(value: 9, target: .increase, polarity: .high, lastYear: 10, status: .red, targetValue: 10),
        Case(value: 9, target: .increase, polarity: .high, lastYear: nil, status: .noData, targetValue: nil),
        Case(value: nil, target: .belowLastYear, polarity: .low, lastYear: 18, status: .noData, targetValue: 18),
        // Statistical neighbours: "aligned" (polarity none) is a band either side.
        Case(value: 55, target: .statisticalNeighbourAverage(.median), polarity: .none, average: 50, status: .green, targetValue: 50),
        Case(value: 44, target: .statisticalNeighbourAverage(.median), polarity: .none, average: 50, status: .amber, targetValue: 50),
        Case(value: 61, target: .statisticalNeighbourAverage(.mean), polarity: .none, average: 50, status: .red, targetValue: 50),
        Case(value: 49, target: .statisticalNeighbourAverage(.mean), polarity: .low, average: 50, status: .green, targetValue: 50),
        Case(value: 51, target: .statisticalNeighbourAverage(.mean), polarity: .low, average: 50, status: .amber, targetValue: 50),
        Case(value: 51, target: .statisticalNeighbourAverage(.mean), polarity: .none, average: nil, status: .noData, targetValue: nil),
        // No target.
        Case(value: 12, target: .monitor, polarity: .low, status: .monitor, targetValue: nil),
        Case(value: nil, target: .toBeAgreed, polarity: .high, status: .monitor, targetValue: nil),
    ]

    @Test(arguments: cases)
    func judgesStatus(_ c: Case) {
        let r = KPIRules.status(value: c.value, target: c.target, polarity: c.polarity, lastYear: c.lastYear, neighbourAverage: c.average)
        #expect(r.status == c.status)
        #expect(r.targetValue == c.targetValue)
    }

    static let trends: [(Double?, Double?, Polarity, Trend)] = [
        (10, 12, .high, .improving), (10, 8, .high, .worsening),
        (10, 12, .low, .worsening), (10, 8, .low, .improving),
        (10, 12, .none, .higher), (10, 8, .none, .lower),
        (18.04, 17.96, .low, .same), (18.04, 17.94, .low, .improving),
        (nil, 8, .low, .unknown), (8, nil, .high, .unknown),
    ]

    @Test(arguments: trends.indices)
    func judgesTrend(_ i: Int) {
        let (a, b, polarity, expected) = Self.trends[i]
        #expect(KPIRules.trend(from: a, to: b, polarity: polarity) == expected)
    }

    @Test func readsTargetTokens() {
        #expect(Target(token: "70") == .value(70))
        #expect(Target(token: "-20") == .value(-20))
        #expect(Target(token: "below last year") == .belowLastYear)
        #expect(Target(token: "SN-median") == .statisticalNeighbourAverage(.median))
        #expect(Target(token: "sn_mean") == .statisticalNeighbourAverage(.mean))
        #expect(Target(token: "lower") == nil)
        for t in [Target.value(12.5), .belowLastYear, .aboveLastYear, .statisticalNeighbourAverage(.mean), .increase, .decrease, .monitor, .toBeAgreed] {
            #expect(Target(token: t.token) == t)
        }
    }

    @Test func trajectoryStepAppliesFromItsEnd() {
        let kpi = KPI(
            wording: "moderated", measure: "audits_moderated_pct", target: .value(100),
            trajectory: [
                TrajectoryPoint(end: Day(year: 2020, month: 12, day: 31)!, value: 25),
                TrajectoryPoint(end: Day(year: 2021, month: 3, day: 31)!, value: 50),
            ],
            polarity: .high)
        #expect(kpi.target(forPeriodEndingOn: Day(year: 2020, month: 11, day: 30)!) == .value(100))
        #expect(kpi.target(forPeriodEndingOn: Day(year: 2021, month: 1, day: 31)!) == .value(25))
        #expect(kpi.target(forPeriodEndingOn: Day(year: 2022, month: 3, day: 31)!) == .value(50))
    }

    @Test func handEnteredIdsAreUniqueAndApartFromTheCatalogue() {
        let ids = HandEnteredMeasures.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.hasPrefix("hand_"))
            #expect(MeasureCatalogue.definition(id) == nil)
            #expect(Plan.measureDefinition(id)?.source == .handEntered)
        }
    }
}

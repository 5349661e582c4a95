import Foundation
import OversightCore
import OversightStore
import Synchronization

extension AuthorityNumbers {
    /// The regional table of `region` for `period` (default: the newest reporting year any member
    /// has loaded). Each member's measures come from `storedMeasures` (the store's persistent
    /// cache, keyed on the member's revision) and its KPIs are judged by `regionalKPIs`, the same
    /// evaluation as the authority's own overview. Requires a store.
    public func regionalTable(region: Region, period requested: Period? = nil) async throws -> RegionalTable {
        guard let store else { preconditionFailure("AuthorityNumbers.regionalTable needs a store") }
        let period: Period
        if let requested {
            period = requested
        } else {
            let year = try await store.regions().latestCollectionYear(authorities: region.members) ?? Day(clock()).collectionYear
            period = .reportingYear(year)
        }
        var revisions: [String] = []
        for code in region.members { revisions.append(try await Self.revisionKey(store: store, authority: code)) }
        let key = "\(region.code)|\(region.name)|\(region.members.joined(separator: ","))|\(period)|\(revisions.joined(separator: ";"))|\(Day(clock()).iso)"
        if let hit = regionalTables.withLock({ $0[key] }) { return hit }

        // Each member's figures, fetched side by side.
        let figures = try await withThrowingTaskGroup(of: (Int, [MeasureResult], [KPIEvaluation]).self) { group in
            for (i, code) in region.members.enumerated() {
                group.addTask {
                    let results = try await self.storedMeasures(authority: code, period: period).results
                    let kpis = try await self.regionalKPIs(authority: code, period: period, results: results)
                    return (i, results, kpis)
                }
            }
            var out = [([MeasureResult], [KPIEvaluation])](repeating: ([], []), count: region.members.count)
            for try await (i, results, kpis) in group { out[i] = (results, kpis) }
            return out
        }
        let table = Self.regionalTable(region: region, period: period, figures: figures, names: region.members.map { authorityName($0) })
        regionalTables.withLock {
            if $0.count > 32 { $0 = [:] }
            $0[key] = table
        }
        return table
    }

    /// The plan's KPIs of `authority` for `period`, judged as its overview judges them
    /// (`kpis(period:snapshot:)`: its plan with the targets in force for the period, last year's
    /// value, the neighbours' average) but from the store's cached measures rather than a
    /// snapshot of its case data: `results` for the period, and the KPI measures for the
    /// previous period and the year before.
    public func regionalKPIs(authority: String, period: Period, results: [MeasureResult]) async throws -> [KPIEvaluation] {
        guard let store else { preconditionFailure("AuthorityNumbers.regionalKPIs needs a store") }
        let plans = store.plans(authority: authority, clock: clock)
        let plan = try await plans.targetHistory().plan(try await plans.current()?.plan ?? defaultPlan, for: period)
        let ids = Array(Set(plan.allKPIs.map { $0.kpi.measure })).sorted()
        let previous = KPIEvaluator.previousPeriod(of: period)
        var byPeriod: [String: [String: MeasureResult]] = [period.description: Dictionary(results.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })]
        for p in [previous, period.yearEarlier] where byPeriod[p.description] == nil {
            let r = try await storedMeasures(authority: authority, period: p, ids: ids).results
            byPeriod[p.description] = Dictionary(r.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let lookup = byPeriod
        return KPIEvaluator().evaluate(
            plan: plan, period: period, measure: { id, p in lookup[p.description]?[id] },
            comparators: comparatorLookup(authority: authority))
    }

    /// Assembles the table from each member's results and KPIs (in the region's order).
    static func regionalTable(region: Region, period: Period, figures: [([MeasureResult], [KPIEvaluation])], names: [String]) -> RegionalTable {
        let suppression = Suppression.on
        let byID = figures.map { Dictionary($0.0.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        let statuses = figures.map { f in
            Dictionary(f.1.map { ($0.kpi.measure, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let kpiIDs = Set(statuses.flatMap(\.keys))
        // Every measure of the catalogue, then any KPI measure of a member's plan outside it (values entered by hand).
        var definitions = MeasureCatalogue.all + MeasureCatalogue.qualityAssurance + MeasureCatalogue.feedback
        let known = Set(definitions.map(\.id))
        definitions += kpiIDs.subtracting(known).sorted().compactMap { HandEnteredMeasures.definition($0) }
        let rows = definitions.map { d -> RegionalRow in
            var cells = region.members.indices.map { i -> RegionalCell in
                let r = byID[i][d.id]
                let hidden = r.map { suppression.hides($0) } ?? false
                let e = statuses[i][d.id]
                return RegionalCell(
                    authority: region.members[i], value: hidden ? nil : r?.value, numerator: hidden ? nil : r?.numerator,
                    denominator: hidden ? nil : r?.denominator, suppressed: hidden, rank: nil, quartile: nil,
                    status: e?.status, target: e?.targetValue)
            }
            // Ranks and quartiles among the figures shown, by polarity.
            if d.polarity != .none {
                let shown = cells.compactMap(\.value)
                for i in cells.indices {
                    guard let v = cells[i].value else { continue }
                    let better = shown.filter { d.polarity == .high ? $0 > v : $0 < v }.count
                    let rank = better + 1
                    cells[i].rank = rank
                    cells[i].quartile = min(4, max(1, Int((4.0 * Double(rank) / Double(shown.count)).rounded(.up))))
                }
            }
            let (regional, num, den, contributing) = regionalFigure(d.unit, results: region.members.indices.compactMap { byID[$0][d.id] })
            let regionalHidden = suppression.hides(
                MeasureResult(id: d.id, unit: d.unit, period: period, numerator: num, denominator: den, value: regional))
            return RegionalRow(
                definition: d, isKPI: kpiIDs.contains(d.id), cells: cells, regional: regionalHidden ? nil : regional,
                regionalNumerator: regionalHidden ? nil : num, regionalDenominator: regionalHidden ? nil : den, contributing: contributing,
                regionalSuppressed: regionalHidden, median: median(cells.compactMap(\.value)))
        }
        let members = region.members.indices.map { i in
            RegionalMember(code: region.members[i], name: names[i], hasData: byID[i].values.contains { $0.value != nil && $0.value != 0 })
        }
        return RegionalTable(region: region, period: period, members: members, rows: rows, suppression: suppression)
    }

    /// The region's figure from its members' results: counts summed; a percentage or rate as the
    /// members' numerators summed over their denominators summed (never an average of their
    /// rates), over the members whose result has both; nothing for ratios. Also the sums and how
    /// many members they add up.
    public static func regionalFigure(_ unit: MeasureUnit, results: [MeasureResult]) -> (value: Double?, numerator: Double?, denominator: Double?, contributing: Int) {
        switch unit {
        case .count:
            let counts = results.compactMap { $0.value ?? $0.numerator }
            guard !counts.isEmpty else { return (nil, nil, nil, 0) }
            let sum = counts.reduce(0, +)
            return (sum, sum, nil, counts.count)
        case .percent, .rate:
            let parts = results.compactMap { r -> (Double, Double)? in
                guard let n = r.numerator, let d = r.denominator else { return nil }
                return (n, d)
            }
            guard !parts.isEmpty else { return (nil, nil, nil, 0) }
            let n = parts.map(\.0).reduce(0, +), d = parts.map(\.1).reduce(0, +)
            let scale = unit == .percent ? 100.0 : 10_000.0
            return (d > 0 ? scale * n / d : nil, n, d, parts.count)
        case .ratio:
            return (nil, nil, nil, 0)
        }
    }

    /// The median of `values`; nil for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

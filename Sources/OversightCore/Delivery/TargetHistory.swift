import Foundation

/// The targets a plan's KPIs have had over time, so that changing a target keeps the old one for
/// past periods.
///
/// Each change says from which day it applies: a period ending on or after that day is judged
/// against the new target (and trajectory); a period ending before it against the target in
/// force then, or the plan's own when there was no change yet. `plan(_:for:)` gives the plan with
/// the targets in force for a period, to hand to `KPIEvaluator`.
public struct TargetHistory: Sendable, Hashable {
    /// One change of a KPI's target.
    public struct Change: Sendable, Hashable {
        /// The ambition's number.
        public var ambition: Int
        /// The KPI's measure id (with the ambition, it names the KPI).
        public var measure: String
        /// The first period end the new target applies to.
        public var effectiveFrom: Day
        public var target: Target
        public var trajectory: [TrajectoryPoint]
        /// Who changed it and when, for the record.
        public var by: String
        public var at: Date
        /// Why it changed.
        public var reason: String

        public init(
            ambition: Int, measure: String, effectiveFrom: Day, target: Target, trajectory: [TrajectoryPoint] = [],
            by: String, at: Date, reason: String = ""
        ) {
            self.ambition = ambition; self.measure = measure; self.effectiveFrom = effectiveFrom; self.target = target
            self.trajectory = trajectory; self.by = by; self.at = at; self.reason = reason
        }
    }

    /// Every change, in the order they were made.
    public private(set) var changes: [Change]

    public init(changes: [Change] = []) { self.changes = changes }

    /// Records a change.
    public mutating func add(_ change: Change) { changes.append(change) }

    /// The change in force for a KPI and a period ending on `end`: the one with the latest
    /// `effectiveFrom` on or before `end` (of two with the same day, the later made); nil when
    /// none applies yet.
    public func change(ambition: Int, measure: String, periodEnd end: Day) -> Change? {
        var best: Change?
        for c in changes where c.ambition == ambition && c.measure == measure && c.effectiveFrom <= end {
            if best == nil || c.effectiveFrom >= best!.effectiveFrom { best = c }
        }
        return best
    }

    /// The KPI with the target and trajectory in force for a period ending on `end`.
    public func kpi(_ kpi: KPI, ambition: Int, periodEnd end: Day) -> KPI {
        guard let c = change(ambition: ambition, measure: kpi.measure, periodEnd: end) else { return kpi }
        var k = kpi
        k.target = c.target
        k.trajectory = c.trajectory
        return k
    }

    /// The plan with every KPI's target as in force for `period`.
    public func plan(_ plan: Plan, for period: Period) -> Plan {
        var p = plan
        for i in p.ambitions.indices {
            let n = p.ambitions[i].number
            p.ambitions[i].kpis = p.ambitions[i].kpis.map { kpi($0, ambition: n, periodEnd: period.end) }
        }
        return p
    }
}

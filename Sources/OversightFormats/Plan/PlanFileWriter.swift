import OversightCore
import Yams

/// Writes an improvement plan as YAML that `PlanFileReader` reads back to the same plan.
public struct PlanFileWriter: Sendable {
    public init() {}

    /// The plan as YAML text. Fields equal to their defaults (the measure's own polarity, no
    /// comparator, monthly cadence, no trajectory) are left out.
    public func yaml(_ plan: Plan) throws -> String {
        var top: [(Node, Node)] = [("id", text(plan.id)), ("title", text(plan.title))]
        if !plan.published.isEmpty { top.append(("published", text(plan.published))) }
        if !plan.years.isEmpty { top.append(("years", .sequence(.init(plan.years.map { Node(String($0)) }, .implicit, .flow)))) }
        top.append(("ambitions", .sequence(.init(plan.ambitions.map(ambition)))))
        return try Yams.serialize(node: .mapping(.init(top)), width: 100, allowUnicode: true)
    }

    func ambition(_ a: Ambition) -> Node {
        var f: [(Node, Node)] = [("number", Node(String(a.number))), ("title", text(a.title)), ("statement", text(a.statement))]
        if !a.leads.isEmpty { f.append(("leads", list(a.leads))) }
        if !a.actions.isEmpty {
            // An action with details is written as a mapping, the others as their words.
            let detailed = Dictionary(a.plannedActions.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
            f.append(("actions", .sequence(.init(a.actions.map { t in detailed[t].map(action) ?? text(t) }))))
        }
        if !a.approach.isEmpty { f.append(("approach", text(a.approach))) }
        if !a.achievements.isEmpty { f.append(("achievements", list(a.achievements))) }
        if !a.kpis.isEmpty { f.append(("kpis", .sequence(.init(a.kpis.map(kpi))))) }
        return .mapping(.init(f))
    }

    func action(_ p: PlannedAction) -> Node {
        var f: [(Node, Node)] = [("text", text(p.text))]
        if let o = p.owner { f.append(("owner", text(o))) }
        if let d = p.due { f.append(("due", Node(d.iso))) }
        if let s = p.status { f.append(("status", Node(s.rawValue))) }
        if !p.kpis.isEmpty { f.append(("kpis", .sequence(.init(p.kpis.map(text), .implicit, .flow)))) }
        if !p.milestones.isEmpty {
            f.append(
                (
                    "milestones",
                    .sequence(
                        .init(
                            p.milestones.map { m in
                                var s: [(Node, Node)] = [("text", text(m.text))]
                                if let d = m.due { s.append(("due", Node(d.iso))) }
                                if let d = m.doneOn { s.append(("done", Node(d.iso))) }
                                return .mapping(.init(s))
                            }))
                ))
        }
        return .mapping(.init(f))
    }

    func kpi(_ k: KPI) -> Node {
        var f: [(Node, Node)] = [("wording", text(k.wording)), ("measure", text(k.measure)), ("target", Node(k.target.token))]
        if !k.trajectory.isEmpty {
            f.append(
                (
                    "trajectory",
                    .sequence(
                        .init(
                            k.trajectory.map { step in
                                var s: [(Node, Node)] = [("end", Node(step.end.iso))]
                                if !step.label.isEmpty { s.append(("label", text(step.label))) }
                                s.append(("value", Node(Target.value(step.value).token)))
                                return .mapping(.init(s, .implicit, .flow))
                            }))
                ))
        }
        if k.polarity != Plan.measureDefinition(k.measure)?.polarity { f.append(("polarity", Node(k.polarity.rawValue))) }
        if k.comparator != .none { f.append(("comparator", Node(k.comparator.rawValue))) }
        if k.cadence != .monthly { f.append(("cadence", Node(k.cadence.rawValue))) }
        return .mapping(.init(f))
    }

    /// A string scalar; the emitter quotes it when plain text would read back as something else.
    func text(_ s: String) -> Node { .scalar(.init(s, Tag(.str))) }

    func list(_ items: [String]) -> Node { .sequence(.init(items.map(text))) }
}

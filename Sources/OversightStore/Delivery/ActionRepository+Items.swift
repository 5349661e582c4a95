import FluentKit
import Foundation
import OversightCore

/// An action's milestones, risks and the KPIs it serves: each change stored with its line in the
/// action's history and the authority's revision raised, in one transaction.
extension ActionRepository {
    /// What can be done to an action's items.
    public enum ItemChange: Sendable {
        case addMilestone(text: String, due: Day?)
        case completeMilestone(id: Int, on: Day)
        case addRisk(text: String, rating: ActionRisk.Rating, mitigation: String)
        case closeRisk(id: Int, on: Day)
        case linkKPI(measure: String)
        case unlinkKPI(measure: String)
    }

    /// Applies `change` to action `actionID` by `by`. Throws `StoreError.badInput` naming what is
    /// wrong (blank words, an unknown action or item, a KPI linked already); nothing is stored then.
    public func change(actionID: Int, _ change: ItemChange, by: String) async throws {
        guard let action = try await action(id: actionID) else { throw StoreError.badInput("there is no action \(actionID)") }
        let la = authority, now = clock()
        @Sendable func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try await store.database.transaction { db in
            func item(_ kind: String, _ id: Int) async throws -> ActionItemModel {
                guard
                    let m = try await ActionItemModel.query(on: db).filter(\.$laCode == la).filter(\.$actionID == actionID)
                        .filter(\.$kind == kind).filter(\.$id == id).first()
                else { throw StoreError.badInput("action \(actionID) has no \(kind) \(id)") }
                return m
            }
            func new(_ kind: String, _ text: String) -> ActionItemModel {
                let m = ActionItemModel()
                m.laCode = la; m.actionID = actionID; m.kind = kind; m.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return m
            }
            var line: ActionChange
            switch change {
            case .addMilestone(let text, let due):
                guard !blank(text) else { throw StoreError.badInput("milestone: say what the milestone is") }
                let m = new("milestone", text)
                m.due = due?.iso
                try await m.create(on: db)
                line = ActionChange(field: "milestone", from: "", to: m.text + (due.map { " (due \($0.iso))" } ?? ""), by: by, at: now)
            case .completeMilestone(let id, let day):
                let m = try await item("milestone", id)
                m.doneOn = day.iso
                try await m.save(on: db)
                line = ActionChange(field: "milestone done", from: m.text, to: day.iso, by: by, at: now)
            case .addRisk(let text, let rating, let mitigation):
                guard !blank(text) else { throw StoreError.badInput("risk: say what the risk is") }
                guard !blank(mitigation) else { throw StoreError.badInput("mitigation: say what is done to lessen the risk") }
                let m = new("risk", text)
                m.rating = rating.rawValue; m.mitigation = mitigation.trimmingCharacters(in: .whitespacesAndNewlines)
                try await m.create(on: db)
                line = ActionChange(field: "risk", from: "", to: "\(m.text) (\(rating.rawValue))", by: by, at: now)
            case .closeRisk(let id, let day):
                let m = try await item("risk", id)
                m.doneOn = day.iso
                try await m.save(on: db)
                line = ActionChange(field: "risk closed", from: m.text, to: day.iso, by: by, at: now)
            case .linkKPI(let measure):
                guard !action.measures.contains(measure) else { throw StoreError.badInput("kpi: the action serves that KPI already") }
                try await new("kpi", measure).create(on: db)
                line = ActionChange(field: "kpi", from: "", to: measure, by: by, at: now)
            case .unlinkKPI(let measure):
                let rows = try await ActionItemModel.query(on: db).filter(\.$laCode == la).filter(\.$actionID == actionID)
                    .filter(\.$kind == "kpi").filter(\.$text == measure).all()
                guard !rows.isEmpty else { throw StoreError.badInput("kpi: the action does not serve that KPI") }
                for r in rows { try await r.delete(on: db) }
                line = ActionChange(field: "kpi", from: measure, to: "", by: by, at: now)
            }
            try await Self.history(line, action: actionID, la: la).create(on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// The items of the actions `ids`, by action.
    func items(_ ids: [Int]) async throws -> [Int: [ActionItemModel]] {
        Dictionary(
            grouping: try await ActionItemModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$actionID ~~ ids).sort(\.$id).all(),
            by: \.actionID)
    }

    /// `a` with its items.
    static func with(_ a: PlanAction, items: [ActionItemModel]) -> PlanAction {
        var a = a
        for m in items {
            switch m.kind {
            case "milestone":
                a.milestones.append(ActionMilestone(id: m.id, text: m.text, due: m.due.flatMap { Day.parseISO($0) }, doneOn: m.doneOn.flatMap { Day.parseISO($0) }))
            case "risk":
                a.risks.append(
                    ActionRisk(
                        id: m.id, text: m.text, rating: m.rating.flatMap(ActionRisk.Rating.init(rawValue:)) ?? .medium, mitigation: m.mitigation ?? "",
                        closedOn: m.doneOn.flatMap { Day.parseISO($0) }))
            case "kpi":
                a.measures.append(m.text)
            default:
                continue
            }
        }
        return a
    }
}

extension ActionRepository {
    /// What applying a plan file's actions did.
    public struct Applied: Sendable, Equatable {
        public var created = 0
        public var changed = 0
    }

    /// Tracks the actions `plan` gives in detail (`Ambition.plannedActions`): an action of the same
    /// ambition and words is changed to the file's owner, due date and status where the file gives
    /// them; a new one is created (owner `defaultOwner` when the file names none). Milestones not
    /// there yet (by their words) are added, and marked done when the file says so; KPIs are linked.
    /// Every change is kept in the action's history under `by`.
    @discardableResult
    public func apply(_ plan: Plan, defaultOwner: String, by: String) async throws -> Applied {
        var out = Applied()
        let existing = try await all()
        for ambition in plan.ambitions {
            for p in ambition.plannedActions {
                var action: PlanAction
                if let found = existing.first(where: { $0.ambition == ambition.number && $0.text == p.text }), let id = found.id {
                    let before = found
                    try await edit(id: id, owner: p.owner, due: p.due.map { .some($0) }, status: p.status, by: by)
                    action = try await self.action(id: id) ?? before
                    if action.owner != before.owner || action.due != before.due || action.status != before.status { out.changed += 1 }
                } else {
                    action = try await create(
                        PlanAction(
                            ambition: ambition.number, text: p.text, owner: p.owner ?? defaultOwner, due: p.due, status: p.status ?? .notStarted, by: by,
                            at: clock()))
                    out.created += 1
                }
                guard let id = action.id else { continue }
                for m in p.milestones {
                    var known = action.milestones.first { $0.text == m.text }
                    if known == nil {
                        try await change(actionID: id, .addMilestone(text: m.text, due: m.due), by: by)
                        action = try await self.action(id: id) ?? action
                        known = action.milestones.first { $0.text == m.text }
                    }
                    if let done = m.doneOn, let k = known, k.doneOn == nil, let mid = k.id {
                        try await change(actionID: id, .completeMilestone(id: mid, on: done), by: by)
                    }
                }
                for measure in p.kpis where !action.measures.contains(measure) {
                    try await change(actionID: id, .linkKPI(measure: measure), by: by)
                }
            }
        }
        return out
    }

    /// `plan` with the authority's tracked actions written in: every tracked action under its
    /// ambition, with its owner, due date, status, milestones and KPIs (actions added in
    /// Oversight, at a clinic or on the web, are added to the ambition's list).
    public func carried(into plan: Plan) async throws -> Plan {
        var p = plan
        let tracked = try await all()
        for i in p.ambitions.indices {
            let number = p.ambitions[i].number
            var planned: [PlannedAction] = []
            for a in tracked where a.ambition == number {
                if !p.ambitions[i].actions.contains(a.text) { p.ambitions[i].actions.append(a.text) }
                planned.append(
                    PlannedAction(text: a.text, owner: a.owner, due: a.due, status: a.status, kpis: a.measures, milestones: a.milestones))
            }
            p.ambitions[i].plannedActions = planned
        }
        return p
    }
}

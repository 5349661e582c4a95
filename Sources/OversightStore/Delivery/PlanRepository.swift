import FluentKit
import Foundation
import OversightCore
import OversightFormats

/// Improvement plans of one authority (several, year to year, one current, each import a new
/// version), the changes made to KPI targets over time, and the leads' commentary per ambition
/// and period.
public struct PlanRepository: Sendable {
    let store: Store
    /// The local authority's code; every read and write is limited to it.
    public let authority: String
    let clock: @Sendable () -> Date

    /// Reads a plan file's YAML (`PlanFileReader`; errors name the line), stores it as the next
    /// version of its plan id and, with `makeCurrent` (the default), makes it the current plan;
    /// the authority's revision is raised by one in the same transaction. Throws
    /// `StoreError.badInput` with the reader's message for a plan file it cannot read; nothing is
    /// stored then.
    @discardableResult
    public func importPlan(yaml: String, fileName: String = "plan.yaml", by: String, makeCurrent: Bool = true) async throws -> StoredPlan {
        let plan: Plan
        do { plan = try PlanFileReader().parse(yaml: yaml, file: fileName) } catch let e as PlanFileError {
            throw StoreError.badInput(e.description)
        }
        let la = authority, now = clock()
        let version: Int = try await store.database.transaction { db in
            let last =
                try await PlanModel.query(on: db).filter(\.$laCode == la).filter(\.$planKey == plan.id)
                .sort(\.$version, .descending).first()?.version ?? 0
            if makeCurrent {
                try await PlanModel.query(on: db).filter(\.$laCode == la).set(\.$isCurrent, to: false).update()
            }
            let m = PlanModel()
            m.laCode = la; m.planKey = plan.id; m.title = plan.title; m.version = last + 1; m.yaml = yaml
            m.isCurrent = makeCurrent; m.userName = by; m.importedAt = now
            try await m.create(on: db)
            try await AuthorityRevision.bump(la, on: db)
            return last + 1
        }
        return StoredPlan(key: plan.id, version: version, title: plan.title, isCurrent: makeCurrent, by: by, at: now, yaml: yaml, plan: plan)
    }

    /// The current plan; nil when none was imported.
    public func current() async throws -> StoredPlan? {
        guard let m = try await PlanModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$isCurrent == true).first() else {
            return nil
        }
        return try Self.stored(m)
    }

    /// Every stored plan version, by plan id then version.
    public func all() async throws -> [StoredPlan] {
        try await PlanModel.query(on: store.database).filter(\.$laCode == authority).sort(\.$planKey).sort(\.$version).all().map(Self.stored)
    }

    /// One version of a plan (the latest when `version` is nil); nil when there is none.
    public func plan(key: String, version: Int? = nil) async throws -> StoredPlan? {
        var q = PlanModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$planKey == key)
        if let version { q = q.filter(\.$version == version) }
        guard let m = try await q.sort(\.$version, .descending).first() else { return nil }
        return try Self.stored(m)
    }

    /// Makes a stored plan version the current one, and raises the authority's revision by one, in
    /// one transaction. Throws `StoreError.badInput` when there is no such plan; nothing changes then.
    public func makeCurrent(key: String, version: Int) async throws {
        let la = authority
        try await store.database.transaction { db in
            guard
                let m = try await PlanModel.query(on: db).filter(\.$laCode == la).filter(\.$planKey == key)
                    .filter(\.$version == version).first()
            else {
                throw StoreError.badInput("there is no plan \(key) version \(version) for \(la)")
            }
            try await PlanModel.query(on: db).filter(\.$laCode == la).set(\.$isCurrent, to: false).update()
            m.isCurrent = true
            try await m.save(on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// Records a change of a KPI's target from a day on (older periods keep the old target), and
    /// raises the authority's revision by one, in one transaction.
    public func changeTarget(_ change: TargetHistory.Change) async throws {
        let m = TargetChangeModel()
        m.laCode = authority; m.ambition = change.ambition; m.measure = change.measure; m.effectiveFrom = change.effectiveFrom.iso
        m.target = change.target.token
        m.trajectory = change.trajectory.map { "\($0.end.iso)=\(Target.value($0.value).token)" + ($0.label.isEmpty ? "" : "=\($0.label)") }
            .joined(separator: ";")
        m.reason = change.reason; m.userName = change.by; m.changedAt = change.at
        let la = authority
        try await store.database.transaction { db in
            try await m.create(on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// Every target change, in the order made.
    public func targetHistory() async throws -> TargetHistory {
        let rows = try await TargetChangeModel.query(on: store.database).filter(\.$laCode == authority).sort(\.$id).all()
        return TargetHistory(
            changes: rows.compactMap { m in
                guard let from = Day.parseISO(m.effectiveFrom), let target = Target(token: m.target) else { return nil }
                let steps: [TrajectoryPoint] = m.trajectory.split(separator: ";").compactMap { item in
                    let parts = item.split(separator: "=", maxSplits: 2).map(String.init)
                    guard parts.count >= 2, let end = Day.parseISO(parts[0]), let v = Double(parts[1]) else { return nil }
                    return TrajectoryPoint(end: end, label: parts.count > 2 ? parts[2] : "", value: v)
                }
                return TargetHistory.Change(
                    ambition: m.ambition, measure: m.measure, effectiveFrom: from, target: target, trajectory: steps,
                    by: m.userName, at: m.changedAt, reason: m.reason)
            })
    }

    /// Saves a lead's commentary on an ambition for a period (earlier ones are kept; the latest is
    /// shown), and raises the authority's revision by one, in one transaction. Throws
    /// `StoreError.badInput` for blank text; nothing is stored then.
    public func writeCommentary(ambition: Int, period: Period, text: String, by: String) async throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.badInput("commentary: write the commentary before saving it")
        }
        let m = CommentaryModel()
        m.laCode = authority; m.ambition = ambition; m.periodStart = period.start.iso; m.periodEnd = period.end.iso
        m.text = text; m.userName = by; m.writtenAt = clock()
        let la = authority
        try await store.database.transaction { db in
            try await m.create(on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// The latest commentary of each ambition for exactly `period`, by ambition number.
    public func commentary(period: Period) async throws -> [Int: AmbitionCommentary] {
        let rows = try await CommentaryModel.query(on: store.database).filter(\.$laCode == authority)
            .filter(\.$periodStart == period.start.iso).filter(\.$periodEnd == period.end.iso).sort(\.$id).all()
        var out: [Int: AmbitionCommentary] = [:]
        for m in rows { out[m.ambition] = AmbitionCommentary(ambition: m.ambition, period: period, text: m.text, by: m.userName, at: m.writtenAt) }
        return out
    }

    /// Writes the lead's account of a red KPI for `period`: why, and what is being done. Throws
    /// `StoreError.badInput` naming the field when either is blank; nothing is stored then.
    public func writeKPICommentary(measure: String, period: Period, why: String, doing: String, by: String) async throws {
        if let p = KPICommentary.problems(why: why, doing: doing).first { throw StoreError.badInput("\(p.field): \(p.message.lowercased())") }
        let m = KPICommentaryModel()
        m.laCode = authority; m.measure = measure; m.periodStart = period.start.iso; m.periodEnd = period.end.iso
        m.why = why.trimmingCharacters(in: .whitespacesAndNewlines); m.doing = doing.trimmingCharacters(in: .whitespacesAndNewlines)
        m.userName = by; m.writtenAt = clock()
        let la = authority
        try await store.database.transaction { db in
            try await m.create(on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// The latest account of each KPI for exactly `period`, by measure id.
    public func kpiCommentary(period: Period) async throws -> [String: KPICommentary] {
        let rows = try await KPICommentaryModel.query(on: store.database).filter(\.$laCode == authority)
            .filter(\.$periodStart == period.start.iso).filter(\.$periodEnd == period.end.iso).sort(\.$id).all()
        var out: [String: KPICommentary] = [:]
        for m in rows { out[m.measure] = KPICommentary(measure: m.measure, period: period, why: m.why, doing: m.doing, by: m.userName, at: m.writtenAt) }
        return out
    }

    /// Every version of one ambition's commentary, for every period, in the order written.
    public func commentaryVersions(ambition: Int) async throws -> [AmbitionCommentary] {
        let rows = try await CommentaryModel.query(on: store.database).filter(\.$laCode == authority)
            .filter(\.$ambition == ambition).sort(\.$id).all()
        return rows.compactMap { m in
            guard let start = Day.parseISO(m.periodStart), let end = Day.parseISO(m.periodEnd), let period = Period(start: start, end: end) else { return nil }
            return AmbitionCommentary(ambition: m.ambition, period: period, text: m.text, by: m.userName, at: m.writtenAt)
        }
    }

    static func stored(_ m: PlanModel) throws -> StoredPlan {
        let plan: Plan
        do { plan = try PlanFileReader().parse(yaml: m.yaml, file: "\(m.planKey) version \(m.version)") } catch let e as PlanFileError {
            throw StoreError.badInput("the stored plan cannot be read: \(e.description)")
        }
        return StoredPlan(
            key: m.planKey, version: m.version, title: m.title, isCurrent: m.isCurrent, by: m.userName, at: m.importedAt,
            yaml: m.yaml, plan: plan)
    }
}

import FluentKit
import Foundation
import OversightCore

/// Plan actions of one authority: create, edit, progress updates with evidence files, the full
/// history of changes, and the overdue and at-risk list for leads.
public struct ActionRepository: Sendable {
    let store: Store
    /// The local authority's code; every read and write is limited to it.
    public let authority: String
    let clock: @Sendable () -> Date

    /// The largest evidence file accepted: 10 MB (the bytes are kept in the database; see `AttachmentModel`).
    public static let maximumAttachmentSize = 10 * 1024 * 1024

    /// A file attached to an update.
    public struct Attachment: Sendable, Hashable {
        public var fileName: String
        public var mediaType: String
        public var bytes: Data
        public init(fileName: String, mediaType: String = "application/octet-stream", bytes: Data) {
            self.fileName = fileName; self.mediaType = mediaType; self.bytes = bytes
        }
    }

    /// Stores a new action (its `id` is ignored) with the history it carries, and raises the
    /// authority's revision by one, in one transaction; returns it with its id. Throws
    /// `StoreError.badInput` listing `PlanAction.problems`; nothing is stored then.
    public func create(_ action: PlanAction) async throws -> PlanAction {
        try Self.check(action)
        let la = authority
        let id: Int = try await store.database.transaction { db in
            let id = try await Self.insert(action, la: la, on: db)
            try await AuthorityRevision.bump(la, on: db)
            return id
        }
        return try await self.action(id: id)!
    }

    /// Creates one action, not started and due on no date, for each of the plan's actions that
    /// the authority does not track yet (same ambition and same text); returns how many it created.
    /// They are stored in one transaction, which raises the authority's revision by one when it
    /// creates any.
    @discardableResult
    public func seed(from plan: Plan, owner: String, by: String) async throws -> Int {
        let la = authority, now = clock()
        return try await store.database.transaction { db in
            let existing = Set(try await ActionModel.query(on: db).filter(\.$laCode == la).all().map { "\($0.ambition)\u{0}\($0.text)" })
            var created = 0
            for a in plan.ambitions {
                for text in a.actions where !existing.contains("\(a.number)\u{0}\(text)") {
                    let o = a.leads.first ?? owner
                    let action = PlanAction(ambition: a.number, text: text, owner: o.isEmpty ? owner : o, by: by, at: now)
                    try Self.check(action)
                    _ = try await Self.insert(action, la: la, on: db)
                    created += 1
                }
            }
            if created > 0 { try await AuthorityRevision.bump(la, on: db) }
            return created
        }
    }

    /// One action with its updates and history; nil when the authority has no such action.
    public func action(id: Int) async throws -> PlanAction? {
        guard let m = try await ActionModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$id == id).first() else {
            return nil
        }
        return try await assemble([m]).first
    }

    /// Every action of the authority (or of one ambition), by ambition, then in the order its
    /// owners arranged (`move`), then as added.
    public func all(ambition: Int? = nil) async throws -> [PlanAction] {
        var q = ActionModel.query(on: store.database).filter(\.$laCode == authority)
        if let ambition { q = q.filter(\.$ambition == ambition) }
        return try await assemble(Self.ordered(try await q.all()))
    }

    /// `models` by ambition, position (unplaced last) and id.
    static func ordered(_ models: [ActionModel]) -> [ActionModel] {
        models.sorted { ($0.ambition, $0.position ?? Int.max, $0.id ?? 0) < ($1.ambition, $1.position ?? Int.max, $1.id ?? 0) }
    }

    /// Moves action `id` one place up (earlier) or down among its ambition's actions, kept in its
    /// history; the ambition's actions are numbered 1, 2, ... in their new order. Throws
    /// `StoreError.badInput` when it is first (or last) already, or unknown.
    public func move(id: Int, up: Bool, by: String) async throws {
        let la = authority, now = clock()
        try await store.database.transaction { db in
            guard let m = try await ActionModel.query(on: db).filter(\.$laCode == la).filter(\.$id == id).first() else {
                throw StoreError.badInput("there is no action \(id) for \(la)")
            }
            var list = Self.ordered(try await ActionModel.query(on: db).filter(\.$laCode == la).filter(\.$ambition == m.ambition).all())
            guard let i = list.firstIndex(where: { $0.id == id }) else { return }
            let j = up ? i - 1 : i + 1
            guard list.indices.contains(j) else { throw StoreError.badInput("the action is \(up ? "first" : "last") already") }
            list.swapAt(i, j)
            for (n, model) in list.enumerated() where model.position != n + 1 {
                model.position = n + 1
                try await model.save(on: db)
            }
            try await Self.history(ActionChange(field: "order", from: String(i + 1), to: String(j + 1), by: by, at: now), action: id, la: la).create(on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// Changes an action's fields (nil leaves a field as it is; `due: .some(nil)` clears the date);
    /// each real change goes into the history; the authority's revision is raised by one in the
    /// same transaction. Throws `StoreError.badInput` for an unknown id or an edit that leaves the
    /// action invalid; nothing changes then.
    @discardableResult
    public func edit(
        id: Int, text: String? = nil, owner: String? = nil, due: Day?? = nil, status: ActionStatus? = nil,
        ambition: Int? = nil, by: String
    ) async throws -> PlanAction {
        guard var action = try await action(id: id) else { throw StoreError.badInput("there is no action \(id) for \(authority)") }
        let changes = action.edit(text: text, owner: owner, due: due, status: status, ambition: ambition, by: by, at: clock())
        try Self.check(action)
        try await save(action, id: id, changes: changes)
        return action
    }

    /// Adds a progress update with evidence files; a status given with it changes the action's
    /// status. The update, its files, the action and one more revision of the authority are stored
    /// in one transaction. Throws `StoreError.badInput` for an unknown action, an empty update (no
    /// text, no evidence and no file) or a file over `maximumAttachmentSize` or with an empty
    /// name; nothing changes then.
    @discardableResult
    public func addUpdate(
        actionID: Int, text: String, evidence: String = "", status: ActionStatus? = nil,
        files: [Attachment] = [], by: String
    ) async throws -> PlanAction {
        guard var action = try await action(id: actionID) else { throw StoreError.badInput("there is no action \(actionID) for \(authority)") }
        let blank = { (s: String) in s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(text) && blank(evidence) && files.isEmpty && status == nil {
            throw StoreError.badInput("update: write what progress was made, or attach evidence")
        }
        if status == .closed, action.status != .closed, blank(text) {
            throw StoreError.badInput("update: say why the action is closed without being completed")
        }
        for f in files {
            if blank(f.fileName) { throw StoreError.badInput("attachment: a file has no name") }
            if f.bytes.count > Self.maximumAttachmentSize {
                throw StoreError.badInput("attachment \(f.fileName): the file is \(f.bytes.count / 1_048_576) MB; the largest accepted is 10 MB")
            }
        }
        let update = ActionUpdate(text: text, evidence: evidence, attachments: files.map(\.fileName), status: status, by: by, at: clock())
        let before = action.history.count
        action.addUpdate(update)
        let changes = Array(action.history[before...])
        let la = authority, saved = action
        try await store.database.transaction { db in
            let u = ActionUpdateModel()
            u.laCode = la; u.actionID = actionID; u.text = update.text; u.evidence = update.evidence
            u.status = update.status?.rawValue; u.userName = by; u.writtenAt = update.at
            try await u.create(on: db)
            let updateID = try u.requireID()
            for f in files {
                let a = AttachmentModel()
                a.laCode = la; a.actionID = actionID; a.updateID = updateID; a.fileName = f.fileName
                a.mediaType = f.mediaType; a.size = f.bytes.count; a.bytes = f.bytes
                try await a.create(on: db)
            }
            try await Self.write(saved, id: actionID, changes: changes, la: la, on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
        return saved
    }

    /// The bytes of an evidence file of an action, by name (the latest of that name); nil when
    /// there is none.
    public func attachment(actionID: Int, fileName: String) async throws -> Attachment? {
        guard
            let m = try await AttachmentModel.query(on: store.database).filter(\.$laCode == authority)
                .filter(\.$actionID == actionID).filter(\.$fileName == fileName).sort(\.$id, .descending).first()
        else { return nil }
        return Attachment(fileName: m.fileName, mediaType: m.mediaType, bytes: m.bytes)
    }

    /// The actions overdue on `today`, off track or at risk (`ActionWatchList.select`).
    public func watchList(today: Day, owner: String? = nil) async throws -> [(action: PlanAction, reasons: [ActionWatchList.Reason])] {
        ActionWatchList.select(try await all(), today: today, owner: owner)
    }

    // MARK: Mapping

    static func check(_ action: PlanAction) throws {
        let p = action.problems
        if !p.isEmpty { throw StoreError.badInput("the action cannot be saved: " + p.joined(separator: "; ")) }
    }

    func save(_ action: PlanAction, id: Int, changes: [ActionChange]) async throws {
        let la = authority
        try await store.database.transaction { db in
            try await Self.write(action, id: id, changes: changes, la: la, on: db)
            try await AuthorityRevision.bump(la, on: db)
        }
    }

    /// Inserts a new action of `la` with the history it carries, on `db`; returns its id.
    static func insert(_ action: PlanAction, la: String, on db: any Database) async throws -> Int {
        let m = ActionModel()
        m.laCode = la
        copy(action, into: m)
        try await m.create(on: db)
        let id = try m.requireID()
        for change in action.history { try await history(change, action: id, la: la).create(on: db) }
        return id
    }

    static func write(_ action: PlanAction, id: Int, changes: [ActionChange], la: String, on db: any Database) async throws {
        guard let m = try await ActionModel.query(on: db).filter(\.$laCode == la).filter(\.$id == id).first() else {
            throw StoreError.badInput("there is no action \(id) for \(la)")
        }
        copy(action, into: m)
        try await m.save(on: db)
        for c in changes { try await history(c, action: id, la: la).create(on: db) }
    }

    static func copy(_ a: PlanAction, into m: ActionModel) {
        m.ambition = a.ambition; m.text = a.text; m.owner = a.owner; m.due = a.due?.iso; m.status = a.status.rawValue
    }

    static func history(_ c: ActionChange, action: Int, la: String) -> ActionHistoryModel {
        let h = ActionHistoryModel()
        h.laCode = la; h.actionID = action; h.field = c.field; h.fromValue = c.from; h.toValue = c.to; h.userName = c.by; h.changedAt = c.at
        return h
    }

    func assemble(_ models: [ActionModel]) async throws -> [PlanAction] {
        let ids = models.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let db = store.database
        let updates = Dictionary(
            grouping: try await ActionUpdateModel.query(on: db).filter(\.$laCode == authority)
                .filter(\.$actionID ~~ ids).sort(\.$id).all(), by: \.actionID)
        let history = Dictionary(
            grouping: try await ActionHistoryModel.query(on: db).filter(\.$laCode == authority)
                .filter(\.$actionID ~~ ids).sort(\.$id).all(), by: \.actionID)
        let items = try await items(ids)
        let files = Dictionary(
            grouping: try await AttachmentModel.query(on: db).filter(\.$laCode == authority)
                .filter(\.$actionID ~~ ids).field(\.$id).field(\.$updateID).field(\.$fileName).sort(\.$id).all(), by: \.updateID)
        return models.map { m in
            let id = m.id!
            let ups = (updates[id] ?? []).map { u in
                ActionUpdate(
                    text: u.text, evidence: u.evidence, attachments: (files[u.id!] ?? []).map(\.fileName),
                    status: u.status.flatMap(ActionStatus.init(rawValue:)), by: u.userName, at: u.writtenAt)
            }
            let hist = (history[id] ?? []).map { ActionChange(field: $0.field, from: $0.fromValue, to: $0.toValue, by: $0.userName, at: $0.changedAt) }
            let action = PlanAction(
                id: id, ambition: m.ambition, text: m.text, owner: m.owner, due: m.due.flatMap { Day.parseISO($0) },
                status: ActionStatus(rawValue: m.status) ?? .notStarted, updates: ups, history: hist)
            return Self.with(action, items: items[id] ?? [])
        }
    }
}

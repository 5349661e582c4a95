import FluentKit
import Foundation
import OversightCore

/// Mapping between the QA tables and the core structs.
extension AuditRepository {
    /// Audits of `authority` matching `filter`, with their answers, moderation, actions and events.
    func load(
        _ db: any Database, authority: String,
        _ filter: (QueryBuilder<AuditModel>) -> QueryBuilder<AuditModel>
    ) async throws -> [Audit] {
        let rows = try await filter(AuditModel.query(on: db).filter(\.$laCode == authority)).all()
        guard !rows.isEmpty else { return [] }
        let ids = rows.compactMap(\.id)
        // Few audits: fetch their rows by id; many: every row of the authority, matched here.
        func children<M: Model>(
            _ type: M.Type, _ auditID: KeyPath<M, FieldProperty<M, String>>,
            _ la: KeyPath<M, FieldProperty<M, String>>
        ) async throws -> [M] {
            let q = M.query(on: db).filter(la == authority)
            return ids.count <= 200 ? try await q.filter(auditID ~~ ids).all() : try await q.all()
        }
        var answers: [String: [AuditAnswerModel]] = [:]
        for r in try await children(AuditAnswerModel.self, \.$auditID, \.$laCode) { answers[r.auditID, default: []].append(r) }
        var moderations: [String: ModerationModel] = [:]
        for r in try await children(ModerationModel.self, \.$auditID, \.$laCode) { moderations[r.auditID] = r }
        var actions: [String: [AuditActionModel]] = [:]
        for r in try await children(AuditActionModel.self, \.$auditID, \.$laCode) { actions[r.auditID, default: []].append(r) }
        var events: [String: [AuditEventModel]] = [:]
        for r in try await children(AuditEventModel.self, \.$auditID, \.$laCode) { events[r.auditID, default: []].append(r) }
        return try rows.map { row in
            let id = row.id ?? ""
            return try Self.audit(
                row, answers: answers[id] ?? [], moderation: moderations[id], actions: actions[id] ?? [],
                events: events[id] ?? [])
        }
    }

    static func audit(
        _ r: AuditModel, answers: [AuditAnswerModel], moderation: ModerationModel?, actions: [AuditActionModel],
        events: [AuditEventModel]
    ) throws -> Audit {
        let id = r.id ?? ""
        func bad(_ field: String) -> StoreError { StoreError.badInput("audits row \(id): \(field) cannot be read") }
        guard let type = AuditType(rawValue: r.type) else { throw bad("type") }
        guard let subject = AuditSubject(stored: r.subject) else { throw bad("subject") }
        guard let due = Day.parseISO(r.dueDate) else { throw bad("due_date") }
        guard let status = AuditStatus(rawValue: r.status) else { throw bad("status") }
        var a = Audit(
            id: AuditID(id), type: type, subject: subject, caseKind: r.caseKind.flatMap(CaseKind.init(rawValue:)),
            team: r.team, auditor: r.auditor, dueDate: due, roundID: r.roundID, templateID: r.templateID,
            templateVersion: r.templateVersion)
        a.status = status
        a.partnerAuditors = try decode([PartnerAgency: String].self, r.partnerAuditors)
        a.grade = r.grade.flatMap(Grade.init(rawValue:))
        a.gradeRationale = r.gradeRationale
        a.learningThemes = try decode([String].self, r.learningThemes)
        a.strengths = try decode([String].self, r.strengths)
        a.areasForDevelopment = try decode([String].self, r.areasForDevelopment)
        a.evidenced = try decode([MeasureFeed: Bool].self, r.evidenced)
        a.submittedAt = r.submittedAt
        a.feedback = r.feedback
        a.feedbackAt = r.feedbackAt
        a.reAuditOf = r.reAuditOf.map(AuditID.init)
        for x in answers { a.answers[x.questionID] = AuditAnswer(value: x.value, evidence: x.evidence) }
        if let m = moderation {
            guard let g = Grade(rawValue: m.grade) else { throw bad("moderation grade") }
            a.moderation = Moderation(moderator: m.moderator, grade: g, agrees: m.agrees, rationale: m.rationale, at: m.moderatedAt)
        }
        a.actions = try actions.sorted { $0.number < $1.number }.map { x in
            guard let due = Day.parseISO(x.dueDate) else { throw bad("action \(x.number) due_date") }
            return AuditAction(number: x.number, text: x.text, owner: x.owner, due: due, doneAt: x.doneAt, doneBy: x.doneBy)
        }
        a.events = try events.sorted { $0.position < $1.position }.map { e in
            guard let step = AuditStep(rawValue: e.step) else { throw bad("event \(e.position) step") }
            return AuditEvent(step: step, by: e.byUser, at: e.at, detail: e.detail)
        }
        return a
    }

    /// Writes `a`: its row (created when `previous` is nil), answers, moderation and actions
    /// replaced, events after those of `previous` appended.
    func write(_ a: Audit, previous: Audit?, authority: String, on db: any Database) async throws {
        let id = a.id.rawValue
        let row: AuditModel
        if previous == nil {
            row = AuditModel()
            row.id = id
        } else {
            guard let existing = try await AuditModel.query(on: db).filter(\.$laCode == authority).filter(\.$id == id).first() else {
                throw StoreError.badInput("there is no audit \(id) for authority \(authority)")
            }
            row = existing
        }
        row.laCode = authority; row.roundID = a.roundID; row.type = a.type.rawValue; row.subject = a.subject.stored
        row.childID = a.subject.child?.rawValue; row.caseKind = a.caseKind?.rawValue; row.team = a.team; row.auditor = a.auditor
        row.partnerAuditors = try Self.json(a.partnerAuditors); row.dueDate = a.dueDate.iso; row.templateID = a.templateID
        row.templateVersion = a.templateVersion; row.status = a.status.rawValue; row.grade = a.grade?.rawValue
        row.gradeRationale = a.gradeRationale; row.learningThemes = try Self.json(a.learningThemes)
        row.strengths = try Self.json(a.strengths); row.areasForDevelopment = try Self.json(a.areasForDevelopment)
        row.evidenced = try Self.json(a.evidenced); row.submittedAt = a.submittedAt; row.feedback = a.feedback
        row.feedbackAt = a.feedbackAt; row.reAuditOf = a.reAuditOf?.rawValue
        try await row.save(on: db)

        if previous?.answers != a.answers {
            try await AuditAnswerModel.query(on: db).filter(\.$auditID == id).delete()
            for (q, ans) in a.answers.sorted(by: { $0.key < $1.key }) {
                let r = AuditAnswerModel()
                r.laCode = authority; r.auditID = id; r.questionID = q; r.value = ans.value; r.evidence = ans.evidence
                try await r.create(on: db)
            }
        }
        if previous?.moderation != a.moderation {
            try await ModerationModel.query(on: db).filter(\.$auditID == id).delete()
            if let m = a.moderation {
                let r = ModerationModel()
                r.laCode = authority; r.auditID = id; r.moderator = m.moderator; r.grade = m.grade.rawValue; r.agrees = m.agrees
                r.rationale = m.rationale; r.moderatedAt = m.at
                try await r.create(on: db)
            }
        }
        if previous?.actions != a.actions {
            try await AuditActionModel.query(on: db).filter(\.$auditID == id).delete()
            for x in a.actions {
                let r = AuditActionModel()
                r.laCode = authority; r.auditID = id; r.number = x.number; r.text = x.text; r.owner = x.owner
                r.dueDate = x.due.iso; r.doneAt = x.doneAt; r.doneBy = x.doneBy
                try await r.create(on: db)
            }
        }
        for (i, e) in a.events.enumerated().dropFirst(previous?.events.count ?? 0) {
            let r = AuditEventModel()
            r.laCode = authority; r.auditID = id; r.position = i; r.step = e.step.rawValue; r.byUser = e.by; r.at = e.at; r.detail = e.detail
            try await r.create(on: db)
        }
    }

    static func template(_ row: AuditTemplateModel) throws -> AuditTemplate {
        try decode(AuditTemplate.self, row.body)
    }

    static func round(_ r: AuditRoundModel) throws -> AuditRound {
        guard let s = Day.parseISO(r.monthStart), let e = Day.parseISO(r.monthEnd), let month = Period(start: s, end: e),
            let type = AuditType(rawValue: r.type), let cohort = CohortRule(stored: r.cohort), let day = Day.parseISO(r.cohortDay),
            let seed = UInt64(r.seed), let due = Day.parseISO(r.dueDate)
        else {
            throw StoreError.badInput("audit_rounds row \(r.id ?? ""): a field cannot be read")
        }
        return AuditRound(
            id: r.id ?? "", name: r.name, month: month, type: type, cohort: cohort, cohortDay: day, sampleSize: r.sampleSize,
            seed: seed, moderationRatePercent: r.moderationRate, dueDate: due, templateID: r.templateID)
    }

    static func row(_ round: AuditRound, authority: String, by user: String, at now: Date) -> AuditRoundModel {
        let row = AuditRoundModel()
        row.id = round.id; row.laCode = authority; row.name = round.name; row.monthStart = round.month.start.iso
        row.monthEnd = round.month.end.iso; row.type = round.type.rawValue; row.cohort = round.cohort.stored
        row.cohortDay = round.cohortDay.iso; row.sampleSize = round.sampleSize; row.seed = String(round.seed)
        row.moderationRate = round.moderationRatePercent; row.dueDate = round.dueDate.iso; row.templateID = round.templateID
        row.createdBy = user; row.createdAt = now
        return row
    }

    static func session(_ r: SupervisionSessionModel) -> SupervisionSession {
        SupervisionSession(
            worker: r.worker, date: .iso(r.sessionDate), kind: r.kind, reflective: r.reflective,
            child: r.childID.map(ChildID.init), origin: RecordOrigin(file: -1, row: r.id ?? 0))
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

import FluentKit
import Foundation
import OversightCore
import OversightFormats

/// Quality assurance in the store: templates, rounds, audits through their workflow, the queues
/// users work from, the learning summary and the QA measures, for one authority at a time.
///
/// Every workflow step loads the audit, applies the core step (which refuses illegal steps with
/// `AuditWorkflowError`), and writes the audit back in one transaction. Every write raises the
/// authority's revision (`Store.revision(authority:)`) by one in its transaction; a write that
/// fails leaves it as it was. An unknown audit, round
/// or template is `StoreError.badInput`.
public struct AuditRepository: Sendable {
    let store: Store
    let clock: @Sendable () -> Date
    let newID: @Sendable () -> String

    // MARK: Templates

    /// Stores the shipped templates (`AuditTemplateReader.shipped()`) for `authority` where that
    /// template id and version is not stored yet, in one transaction that raises the authority's
    /// revision by one when any is stored; returns those stored now.
    @discardableResult
    public func installShippedTemplates(authority: String, by user: String) async throws -> [AuditTemplate] {
        let shipped = try AuditTemplateReader.shipped()
        return try await store.database.transaction { db in
            var added: [AuditTemplate] = []
            for t in shipped
            where try await AuditTemplateModel.query(on: db).filter(\.$laCode == authority).filter(\.$templateID == t.id)
                .filter(\.$version == t.version).first() == nil
            {
                try await insert(t, authority: authority, by: user, on: db)
                added.append(t)
            }
            if !added.isEmpty { try await AuthorityRevision.bump(authority, on: db) }
            return added
        }
    }

    /// Stores an administrator's change as the next version of `template.id` (1 when new), and
    /// raises the authority's revision by one, in one transaction; the version in `template` is
    /// ignored. Audits keep the version they were started on.
    ///
    /// - Throws: `StoreError.badInput` listing the template's problems.
    public func saveNewVersion(_ template: AuditTemplate, authority: String, by user: String) async throws -> AuditTemplate {
        var t = template
        t.version = 1
        let problems = t.problems()
        guard problems.isEmpty else { throw StoreError.badInput("the template cannot be saved: " + problems.joined(separator: "; ")) }
        let checked = t
        return try await store.database.transaction { db in
            let latest = try await AuditTemplateModel.query(on: db).filter(\.$laCode == authority)
                .filter(\.$templateID == template.id).sort(\.$version, .descending).first()
            var next = checked
            next.version = (latest?.version ?? 0) + 1
            try await insert(next, authority: authority, by: user, on: db)
            try await AuthorityRevision.bump(authority, on: db)
            return next
        }
    }

    /// One version of a template, or nil.
    public func template(id: String, version: Int, authority: String) async throws -> AuditTemplate? {
        try await AuditTemplateModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$templateID == id)
            .filter(\.$version == version).first().map(Self.template)
    }

    /// The latest version of each template, by id.
    public func latestTemplates(authority: String) async throws -> [AuditTemplate] {
        try await latestTemplates(authority: authority, on: store.database)
    }

    /// Every version of every template of `authority`, by id and version (for audits done on
    /// earlier versions).
    public func allTemplates(authority: String) async throws -> [AuditTemplate] {
        try await AuditTemplateModel.query(on: store.database).filter(\.$laCode == authority).all().map(Self.template)
    }

    func latestTemplates(authority: String, on db: any Database) async throws -> [AuditTemplate] {
        let rows = try await AuditTemplateModel.query(on: db).filter(\.$laCode == authority).all()
        var latest: [String: AuditTemplateModel] = [:]
        for r in rows where (latest[r.templateID]?.version ?? 0) < r.version { latest[r.templateID] = r }
        return try latest.keys.sorted().map { try Self.template(latest[$0]!) }
    }

    func latestTemplate(id: String, authority: String, on db: any Database) async throws -> AuditTemplate {
        guard
            let row = try await AuditTemplateModel.query(on: db).filter(\.$laCode == authority).filter(\.$templateID == id)
                .sort(\.$version, .descending).first()
        else {
            throw StoreError.badInput("there is no audit template '\(id)' for authority \(authority); install the shipped templates first")
        }
        return try Self.template(row)
    }

    func insert(_ t: AuditTemplate, authority: String, by user: String, on db: any Database) async throws {
        let row = AuditTemplateModel()
        row.laCode = authority; row.templateID = t.id; row.version = t.version; row.type = t.type.rawValue
        row.title = t.title; row.body = try Self.json(t); row.createdBy = user; row.createdAt = clock()
        try await row.create(on: db)
    }

    // MARK: Rounds

    /// Creates a round and its audits: computes the cohort from `data` on the round's cohort day
    /// (`AuditCohort`; workers for a supervision round), draws `sampleSize` at random with the
    /// round's seed, and assigns them to `auditors` in turn, due on the round's due date, on the
    /// latest version of the round's template, or, when that template is written for every kind of
    /// case, of the latest template written for the sampled case's kind where there is one (so a
    /// child protection case gets the child protection template). The round's `id` is assigned here. The round, its
    /// audits and one more revision of the authority are stored in one transaction.
    ///
    /// - Throws: `StoreError.badInput` for the round's problems, no auditors, an unknown template,
    ///   a template of another type, or a round name already used.
    public func createRound(
        _ draft: AuditRound, data: CaseData, teamOfWorker: [String: String] = [:], auditors: [String],
        authority: String, by user: String
    ) async throws -> (round: AuditRound, audits: [Audit]) {
        var problems = draft.problems()
        if auditors.isEmpty { problems.append("auditors: choose at least one auditor") }
        guard problems.isEmpty else { throw StoreError.badInput("the round cannot be created: " + problems.joined(separator: "; ")) }
        let now = clock()
        return try await store.database.transaction { db in
            let template = try await latestTemplate(id: draft.templateID, authority: authority, on: db)
            guard template.type == draft.type else {
                throw StoreError.badInput("the round is for \(draft.type.title.lowercased())s but template \(template.id) is a \(template.type.title.lowercased())")
            }
            if try await AuditRoundModel.query(on: db).filter(\.$laCode == authority).filter(\.$name == draft.name).first() != nil {
                throw StoreError.badInput("a round named '\(draft.name)' already exists; choose another name")
            }
            var round = draft
            round.id = newID()
            try await Self.row(round, authority: authority, by: user, at: now).create(on: db)

            var audits: [Audit] = []
            if round.type == .supervision {
                let organisation = teamOfWorker.isEmpty && !data.workers.isEmpty ? Organisation(data) : nil
                let team: String? = if case .team(let t) = round.cohort { t } else { nil }
                let workers = AuditCohort.workers(data: data, on: round.cohortDay, team: team, teamOfWorker: teamOfWorker)
                for (i, w) in AuditSampler.sampleWorkers(workers, size: round.sampleSize, seed: round.seed).enumerated() {
                    var auditor = auditors[i % auditors.count]
                    if auditor == w, auditors.count > 1 { auditor = auditors[(i + 1) % auditors.count] }
                    audits.append(
                        Audit.assign(
                            id: AuditID(newID()), template: template, subject: .worker(w), caseKind: nil,
                            team: teamOfWorker[w] ?? organisation?.spell(of: w, on: round.cohortDay)?.team, auditor: auditor, due: round.dueDate, roundID: round.id, by: user,
                            at: now))
                }
            } else {
                let cohort = AuditCohort.compute(round.cohort, data: data, on: round.cohortDay, teamOfWorker: teamOfWorker)
                let sample = AuditSampler.sample(cohort, size: round.sampleSize, seed: round.seed)
                let latest = try await latestTemplates(authority: authority, on: db)
                for (c, auditor) in AuditSampler.assign(sample, auditors: auditors) {
                    audits.append(
                        Audit.assign(
                            id: AuditID(newID()), template: AuditTemplate.forCase(c.caseKind, round: template, latest: latest), subject: .child(c.child), caseKind: c.caseKind,
                            team: c.team, auditor: auditor, due: round.dueDate, roundID: round.id, by: user, at: now))
                }
            }
            for a in audits { try await write(a, previous: nil, authority: authority, on: db) }
            try await AuthorityRevision.bump(authority, on: db)
            return (round, audits)
        }
    }

    /// Every round, latest month first.
    public func rounds(authority: String) async throws -> [AuditRound] {
        try await AuditRoundModel.query(on: store.database).filter(\.$laCode == authority).all().map(Self.round)
            .sorted { ($0.month.start, $0.name) > ($1.month.start, $1.name) }
    }

    /// One round, or nil.
    public func round(_ id: String, authority: String) async throws -> AuditRound? {
        try await AuditRoundModel.query(on: store.database).filter(\.$laCode == authority).filter(\.$id == id).first().map(Self.round)
    }

    /// Stores rounds and audits built elsewhere (the demo data of `SynthAudits`) as they are, in
    /// one transaction that raises the authority's revision by one; their templates must be
    /// stored first.
    public func insert(rounds: [AuditRound], audits: [Audit], authority: String, by user: String) async throws {
        let now = clock()
        try await store.database.transaction { db in
            for round in rounds { try await Self.row(round, authority: authority, by: user, at: now).create(on: db) }
            for a in audits { try await write(a, previous: nil, authority: authority, on: db) }
            try await AuthorityRevision.bump(authority, on: db)
        }
    }

    // MARK: Audits

    /// Assigns one audit outside a round, on the latest version of `templateID`, and raises the
    /// authority's revision by one, in one transaction.
    public func assign(
        templateID: String, subject: AuditSubject, caseKind: CaseKind?, team: String?, auditor: String,
        partnerAuditors: [PartnerAgency: String] = [:], due: Day, authority: String, by user: String
    ) async throws -> Audit {
        try await store.database.transaction { db in
            let template = try await latestTemplate(id: templateID, authority: authority, on: db)
            let a = Audit.assign(
                id: AuditID(newID()), template: template, subject: subject, caseKind: caseKind, team: team,
                auditor: auditor, partnerAuditors: partnerAuditors, due: due, by: user, at: clock())
            try await write(a, previous: nil, authority: authority, on: db)
            try await AuthorityRevision.bump(authority, on: db)
            return a
        }
    }

    /// One audit, or nil.
    public func audit(_ id: AuditID, authority: String) async throws -> Audit? {
        try await load(store.database, authority: authority) { $0.filter(\.$id == id.rawValue) }.first
    }

    /// The template version an audit was started on.
    public func template(of audit: Audit, authority: String) async throws -> AuditTemplate {
        guard let t = try await template(id: audit.templateID, version: audit.templateVersion, authority: authority) else {
            throw StoreError.badInput("audit \(audit.id): its template \(audit.templateID) v\(audit.templateVersion) is missing")
        }
        return t
    }

    /// Saves a draft (`Audit.saveDraft`).
    @discardableResult
    public func saveDraft(
        _ id: AuditID, answers: [String: AuditAnswer], grade: Grade? = nil, gradeRationale: String? = nil,
        learningThemes: [String]? = nil, strengths: [String]? = nil, areasForDevelopment: [String]? = nil,
        authority: String, by user: String
    ) async throws -> Audit {
        try await step(id, authority: authority) { a, t, now in
            try a.saveDraft(
                answers: answers, grade: grade, gradeRationale: gradeRationale, learningThemes: learningThemes,
                strengths: strengths, areasForDevelopment: areasForDevelopment, template: t, by: user, at: now)
        }
    }

    /// A partner auditor submits their agency's sections (`Audit.submitSections`).
    @discardableResult
    public func submitSections(_ id: AuditID, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, t, now in
            try a.submitSections(template: t, by: user, at: now)
        }
    }

    /// Submits (`Audit.submit`), then decides moderation: an audit of a round is selected when
    /// `AuditSampler.drawsModeration` says so with the round's rate and seed, an audit outside a
    /// round only when graded Inadequate. The selection is recorded as done by `system`.
    @discardableResult
    public func submit(_ id: AuditID, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, t, now in
            try a.submit(template: t, by: user, at: now)
        } then: { a, db, now in
            var rate = 0, seed: UInt64 = 0
            if let r = a.roundID, let round = try await AuditRoundModel.query(on: db).filter(\.$id == r).first() {
                rate = round.moderationRate; seed = UInt64(round.seed) ?? 0
            }
            if AuditSampler.drawsModeration(a, ratePercent: rate, seed: seed) {
                try a.selectForModeration(by: "system", at: now)
            }
        }
    }

    /// Selects a submitted audit for moderation by hand.
    @discardableResult
    public func selectForModeration(_ id: AuditID, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, _, now in try a.selectForModeration(by: user, at: now) }
    }

    /// Records a moderation (`Audit.moderate`; never by the audit's own auditor).
    @discardableResult
    public func moderate(_ id: AuditID, grade: Grade, rationale: String?, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, _, now in try a.moderate(grade: grade, rationale: rationale, by: user, at: now) }
    }

    /// Records feedback (`Audit.giveFeedback`).
    @discardableResult
    public func giveFeedback(_ id: AuditID, text: String, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, _, now in try a.giveFeedback(text, by: user, at: now) }
    }

    /// Adds an action (`Audit.addAction`).
    @discardableResult
    public func addAction(_ id: AuditID, text: String, owner: String, due: Day, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, _, now in _ = try a.addAction(text, owner: owner, due: due, by: user, at: now) }
    }

    /// Marks an action done (`Audit.completeAction`).
    @discardableResult
    public func completeAction(_ id: AuditID, number: Int, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, _, now in try a.completeAction(number, by: user, at: now) }
    }

    /// Closes an audit whose actions are all done (`Audit.completeActions`).
    @discardableResult
    public func completeActions(_ id: AuditID, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, _, now in try a.completeActions(by: user, at: now) }
    }

    /// Records the team manager's response to an audit's alert (`Audit.respondToAlert`).
    @discardableResult
    public func respondToAlert(_ id: AuditID, text: String, authority: String, by user: String) async throws -> Audit {
        try await step(id, authority: authority) { a, _, now in try a.respondToAlert(text, by: user, at: now) }
    }

    /// Audits past their due date on `today` and not submitted, earliest due first.
    public func overdueAudits(today: Day, authority: String) async throws -> [Audit] {
        try await load(store.database, authority: authority) {
            $0.filter(\.$status ~~ [AuditStatus.assigned.rawValue, AuditStatus.inProgress.rawValue])
        }.filter { $0.isOverdue(on: today) }.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
    }

    /// Records that an overdue audit was escalated to `managers` (`Audit.escalate`); returns
    /// false, storing nothing, when it was escalated before or is not overdue.
    public func escalate(_ id: AuditID, to managers: [String], today: Day, authority: String, by user: String) async throws -> Bool {
        guard let a = try await audit(id, authority: authority), a.isOverdue(on: today), !a.isEscalated else { return false }
        _ = try await step(id, authority: authority) { a, _, now in a.escalate(to: managers, on: today, by: user, at: now) }
        return true
    }

    /// Creates a re-audit on the latest version of the audit's template (`Audit.reAudit`); the
    /// two audits and one more revision of the authority are stored in one transaction.
    public func reAudit(_ id: AuditID, auditor: String, due: Day, authority: String, by user: String) async throws -> Audit {
        try await store.database.transaction { db in
            guard var a = try await load(db, authority: authority, { $0.filter(\.$id == id.rawValue) }).first else {
                throw StoreError.badInput("there is no audit \(id) for authority \(authority)")
            }
            let previous = a
            let template = try await latestTemplate(id: a.templateID, authority: authority, on: db)
            let next = try a.reAudit(newID: AuditID(newID()), template: template, auditor: auditor, due: due, by: user, at: clock())
            try await write(a, previous: previous, authority: authority, on: db)
            try await write(next, previous: nil, authority: authority, on: db)
            try await AuthorityRevision.bump(authority, on: db)
            return next
        }
    }

    /// "My audits": audits not yet submitted that `user` is the auditor or a partner auditor
    /// of, earliest due first.
    public func myAudits(user: String, authority: String) async throws -> [Audit] {
        try await load(store.database, authority: authority) {
            $0.filter(\.$status ~~ [AuditStatus.assigned.rawValue, AuditStatus.inProgress.rawValue])
        }.filter { $0.auditor == user || $0.partnerAuditors.values.contains(user) }
            .sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
    }

    /// Audits awaiting moderation, earliest submitted first; without those `user` did when given
    /// (a moderator never moderates their own audit).
    public func moderationQueue(authority: String, excludingAuditor user: String? = nil) async throws -> [Audit] {
        try await load(store.database, authority: authority) { $0.filter(\.$status == AuditStatus.selectedForModeration.rawValue) }
            .filter { user == nil || $0.auditor != user }
            .sorted { ($0.submittedAt ?? .distantPast, $0.id) < ($1.submittedAt ?? .distantPast, $1.id) }
    }

    /// Every audit of a child, latest due first.
    public func audits(child: ChildID, authority: String) async throws -> [Audit] {
        try await load(store.database, authority: authority) { $0.filter(\.$childID == child.rawValue) }
            .sorted { ($0.dueDate, $0.id) > ($1.dueDate, $1.id) }
    }

    /// Every audit of a round, by due date then id.
    public func audits(round: String, authority: String) async throws -> [Audit] {
        try await load(store.database, authority: authority) { $0.filter(\.$roundID == round) }
            .sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
    }

    /// Every audit of the authority.
    public func allAudits(authority: String) async throws -> [Audit] {
        try await load(store.database, authority: authority) { $0 }.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
    }

    /// The learning summary of `period` as at `reportDate` (`LearningSummary.compute`).
    public func learningSummary(period: Period, reportDate: Day, authority: String) async throws -> LearningSummary {
        LearningSummary.compute(
            audits: try await allAudits(authority: authority), templates: try await allTemplates(authority: authority), period: period,
            reportDate: reportDate)
    }

    /// Every QA measure of `period` as at `reportDate` (`QAMeasures.computeAll`).
    public func measures(period: Period, reportDate: Day, authority: String) async throws -> [MeasureResult] {
        QAMeasures.computeAll(audits: try await allAudits(authority: authority), period: period, reportDate: reportDate)
    }

    // MARK: Supervision

    /// Records a supervision session entered by hand, and raises the authority's revision by one,
    /// in one transaction; returns it as stored. Throws `StoreError.badInput` for a blank worker.
    @discardableResult
    public func addSupervisionSession(
        worker: String, date: Day, kind: String?, reflective: Bool?, child: ChildID? = nil,
        authority: String, by user: String
    ) async throws -> SupervisionSession {
        guard !worker.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.badInput("supervision session: worker is blank; enter the worker's id")
        }
        let row = SupervisionSessionModel()
        row.laCode = authority; row.worker = worker.trimmingCharacters(in: .whitespaces); row.sessionDate = date.iso
        row.kind = kind; row.reflective = reflective; row.childID = child?.rawValue; row.enteredBy = user; row.enteredAt = clock()
        try await store.database.transaction { db in
            try await row.create(on: db)
            try await AuthorityRevision.bump(authority, on: db)
        }
        return Self.session(row)
    }

    /// Every supervision session entered by hand, by date.
    public func supervisionSessions(authority: String) async throws -> [SupervisionSession] {
        try await SupervisionSessionModel.query(on: store.database).filter(\.$laCode == authority).sort(\.$sessionDate).sort(\.$id)
            .all().map(Self.session)
    }

    /// Sets the supervision interval for a role (replacing any earlier one), and raises the
    /// authority's revision by one, in one transaction. Throws `StoreError.badInput` for a blank
    /// role or an interval under 1 day.
    public func setPracticeStandard(_ standard: PracticeStandard, authority: String, by user: String) async throws {
        guard standard.supervisionIntervalDays > 0, !standard.role.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.badInput("practice standard: role must not be blank and the interval must be 1 day or more")
        }
        try await store.database.transaction { db in
            let row =
                try await PracticeStandardModel.query(on: db).filter(\.$laCode == authority).filter(\.$role == standard.role).first()
                ?? PracticeStandardModel()
            row.laCode = authority; row.role = standard.role; row.supervisionIntervalDays = standard.supervisionIntervalDays
            row.updatedBy = user; row.updatedAt = clock()
            try await row.save(on: db)
            try await AuthorityRevision.bump(authority, on: db)
        }
    }

    /// The practice standards, by role.
    public func practiceStandards(authority: String) async throws -> [PracticeStandard] {
        try await PracticeStandardModel.query(on: store.database).filter(\.$laCode == authority).sort(\.$role).all()
            .map { PracticeStandard(role: $0.role, supervisionIntervalDays: $0.supervisionIntervalDays) }
    }

    // MARK: Steps

    /// Loads the audit and its template, applies `change` (and `then`, inside the same
    /// transaction), writes the result and raises the authority's revision by one.
    func step(
        _ id: AuditID, authority: String, _ change: @escaping @Sendable (inout Audit, AuditTemplate, Date) throws -> Void,
        then: (@Sendable (inout Audit, any Database, Date) async throws -> Void)? = nil
    ) async throws -> Audit {
        let now = clock()
        return try await store.database.transaction { db in
            guard var a = try await load(db, authority: authority, { $0.filter(\.$id == id.rawValue) }).first else {
                throw StoreError.badInput("there is no audit \(id) for authority \(authority)")
            }
            guard
                let row = try await AuditTemplateModel.query(on: db).filter(\.$laCode == authority).filter(\.$templateID == a.templateID)
                    .filter(\.$version == a.templateVersion).first()
            else {
                throw StoreError.badInput("audit \(id): its template \(a.templateID) v\(a.templateVersion) is missing")
            }
            let previous = a
            try change(&a, try Self.template(row), now)
            if let then { try await then(&a, db, now) }
            try await write(a, previous: previous, authority: authority, on: db)
            try await AuthorityRevision.bump(authority, on: db)
            return a
        }
    }
}

extension Store {
    /// Quality assurance: templates, rounds, audits, supervision sessions and practice standards.
    public func audits(
        clock: @escaping @Sendable () -> Date = { Date() },
        newID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) -> AuditRepository {
        AuditRepository(store: self, clock: clock, newID: newID)
    }
}

import Foundation

extension Audit {
    /// Assigns a new audit to `auditor` on `template` (its id and version are kept).
    public static func assign(
        id: AuditID, template: AuditTemplate, subject: AuditSubject, caseKind: CaseKind?,
        team: String?, auditor: String, partnerAuditors: [PartnerAgency: String] = [:],
        due: Day, roundID: String? = nil, by: String, at: Date
    ) -> Audit {
        var a = Audit(
            id: id, type: template.type, subject: subject, caseKind: caseKind, team: team, auditor: auditor,
            dueDate: due, roundID: roundID, templateID: template.id, templateVersion: template.version)
        a.partnerAuditors = partnerAuditors
        a.events.append(AuditEvent(step: .assigned, by: by, at: at, detail: auditor))
        return a
    }

    /// Saves a draft: merges `answers` (a nil or blank value clears an answer) and, for the
    /// auditor, replaces the grade, rationale, themes, strengths and areas for development when
    /// given. A partner auditor of a multi-agency audit may answer only their agency's section's
    /// questions and nothing else. Moves `assigned` to `inProgress`.
    ///
    /// - Throws: `illegalTransition` once submitted; `notPermitted` for anyone else, or a partner
    ///   answering outside their section; `templateMismatch`; `invalidAnswer` for an unknown
    ///   question or an answer that is not one of its options.
    public mutating func saveDraft(
        answers new: [String: AuditAnswer], grade: Grade? = nil, gradeRationale: String? = nil,
        learningThemes: [String]? = nil, strengths: [String]? = nil,
        areasForDevelopment: [String]? = nil,
        template: AuditTemplate, by user: String, at: Date
    ) throws {
        guard status == .assigned || status == .inProgress else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .draftSaved)
        }
        try checkTemplate(template)
        let isAuditor = user == auditor
        let partnerAgencies = Set(partnerAuditors.filter { $0.value == user }.map(\.key))
        guard isAuditor || !partnerAgencies.isEmpty else {
            throw AuditWorkflowError.notPermitted(audit: id, user: user, step: .draftSaved)
        }
        var sectionOf: [String: AuditSection] = [:]
        for s in template.sections { for q in s.questions { sectionOf[q.id] = s } }
        for (qid, answer) in new.sorted(by: { $0.key < $1.key }) {
            guard let section = sectionOf[qid], let q = template.question(qid) else {
                throw AuditWorkflowError.invalidAnswer(audit: id, questionID: qid, value: answer.value ?? "")
            }
            if !isAuditor, !(section.agency.map(partnerAgencies.contains) ?? false) {
                throw AuditWorkflowError.notPermitted(audit: id, user: user, step: .draftSaved)
            }
            // A partner's section, once submitted, is theirs no more to change.
            if !isAuditor, let agency = section.agency, submittedSections.contains(agency) {
                throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .draftSaved)
            }
            if let v = answer.value?.trimmed, !v.isEmpty, q.kind != .freeText, !q.kind.options.contains(v) {
                throw AuditWorkflowError.invalidAnswer(audit: id, questionID: qid, value: v)
            }
        }
        for (qid, answer) in new {
            let value = answer.value?.trimmed
            let evidence = answer.evidence?.trimmed
            if (value ?? "").isEmpty && (evidence ?? "").isEmpty {
                answers[qid] = nil
            } else {
                answers[qid] = AuditAnswer(value: (value ?? "").isEmpty ? nil : value, evidence: (evidence ?? "").isEmpty ? nil : evidence)
            }
        }
        if isAuditor {
            if let grade { self.grade = grade }
            if let gradeRationale { self.gradeRationale = gradeRationale.trimmed.isEmpty ? nil : gradeRationale.trimmed }
            if let learningThemes { self.learningThemes = Self.cleaned(learningThemes) }
            if let strengths { self.strengths = Self.cleaned(strengths) }
            if let areasForDevelopment { self.areasForDevelopment = Self.cleaned(areasForDevelopment) }
        }
        status = .inProgress
        events.append(AuditEvent(step: .draftSaved, by: user, at: at))
    }

    /// The required questions unanswered, the overall grade and its rationale included (as
    /// questions `grade` and `grade-rationale` of section `overall`), in template order.
    public func missingAnswers(template: AuditTemplate) -> [MissingAnswer] {
        var out: [MissingAnswer] = []
        for s in template.sections {
            for q in s.questions where q.required && !q.isAnswered(answers[q.id]) {
                out.append(MissingAnswer(questionID: q.id, sectionID: s.id, text: q.text))
            }
        }
        if grade == nil { out.append(MissingAnswer(questionID: "grade", sectionID: "overall", text: "Overall grade")) }
        if (gradeRationale ?? "").trimmed.isEmpty {
            out.append(MissingAnswer(questionID: "grade-rationale", sectionID: "overall", text: "Reasons for the overall grade"))
        }
        return out
    }

    /// The agencies whose sections their partner auditor has submitted.
    public var submittedSections: Set<PartnerAgency> {
        Set(events.filter { $0.step == .sectionSubmitted }.compactMap { $0.detail.flatMap(PartnerAgency.init(rawValue:)) })
    }

    /// The required questions unanswered in `agencies`' sections, in template order.
    public func missingAnswers(inSectionsOf agencies: Set<PartnerAgency>, template: AuditTemplate) -> [MissingAnswer] {
        template.sections.filter { $0.agency.map(agencies.contains) ?? false }.flatMap { s in
            s.questions.filter { $0.required && !$0.isAnswered(answers[$0.id]) }.map { MissingAnswer(questionID: $0.id, sectionID: s.id, text: $0.text) }
        }
    }

    /// A partner auditor submits their agency's sections: only while the audit is open, only
    /// their own agencies' not yet submitted, and only with every required question of those
    /// sections answered. Returns the agencies submitted.
    ///
    /// - Throws: `illegalTransition` once the audit or the sections are submitted; `notPermitted`
    ///   for anyone who is not a partner auditor of the audit; `missingAnswers` naming each
    ///   unanswered question of the sections.
    @discardableResult
    public mutating func submitSections(template: AuditTemplate, by user: String, at: Date) throws -> Set<PartnerAgency> {
        guard status == .assigned || status == .inProgress else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .sectionSubmitted)
        }
        try checkTemplate(template)
        let mine = Set(partnerAuditors.filter { $0.value == user }.map(\.key))
        guard !mine.isEmpty else { throw AuditWorkflowError.notPermitted(audit: id, user: user, step: .sectionSubmitted) }
        let open = mine.subtracting(submittedSections)
        guard !open.isEmpty else { throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .sectionSubmitted) }
        let missing = missingAnswers(inSectionsOf: open, template: template)
        guard missing.isEmpty else { throw AuditWorkflowError.missingAnswers(audit: id, missing) }
        for agency in open.sorted(by: { $0.rawValue < $1.rawValue }) {
            events.append(AuditEvent(step: .sectionSubmitted, by: user, at: at, detail: agency.rawValue))
        }
        status = .inProgress
        return open
    }

    /// Submits the audit: only the auditor, only from `assigned` or `inProgress`, and only with
    /// every required answer, the grade and its rationale. Fixes `evidenced` from the template's
    /// marked questions.
    ///
    /// - Throws: `illegalTransition`, `notPermitted`, `templateMismatch`, or `missingAnswers`
    ///   naming each unanswered question.
    public mutating func submit(template: AuditTemplate, by user: String, at: Date) throws {
        guard status == .assigned || status == .inProgress else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .submitted)
        }
        guard user == auditor else { throw AuditWorkflowError.notPermitted(audit: id, user: user, step: .submitted) }
        try checkTemplate(template)
        let missing = missingAnswers(template: template)
        guard missing.isEmpty else { throw AuditWorkflowError.missingAnswers(audit: id, missing) }
        var ev: [MeasureFeed: Bool] = [:]
        for q in template.questions {
            guard let f = q.feeds else { continue }
            ev[f] = answers[q.id]?.value.map(q.evidencedAnswers.contains) ?? false
        }
        evidenced = ev
        status = .submitted
        submittedAt = at
        events.append(AuditEvent(step: .submitted, by: user, at: at))
        let reasons = alertReasons(template: template)
        if !reasons.isEmpty {
            events.append(AuditEvent(step: .alertRaised, by: user, at: at, detail: reasons.map(\.rawValue).joined(separator: ",")))
        }
    }

    /// Why the audit as it stands alerts the child's team manager: graded Inadequate (the final
    /// grade), and a safeguarding concern recorded (an alert answer of the template).
    public func alertReasons(template: AuditTemplate) -> [AuditAlert.Reason] {
        var out: [AuditAlert.Reason] = []
        if finalGrade == .inadequate { out.append(.inadequate) }
        if template.questions.contains(where: { $0.raisesAlert(answers[$0.id]) }) { out.append(.safeguarding) }
        return out
    }

    /// The alert the audit raised, with the response if one is recorded; nil when it raised none.
    public var alert: AuditAlert? {
        guard let raised = events.first(where: { $0.step == .alertRaised }) else { return nil }
        let reasons = Set(
            events.filter { $0.step == .alertRaised }.flatMap { ($0.detail ?? "").split(separator: ",").compactMap { AuditAlert.Reason(rawValue: String($0)) } })
        let response = events.last { $0.step == .alertResponded }
        return AuditAlert(
            audit: id, team: team, reasons: AuditAlert.Reason.allCases.filter(reasons.contains), raisedAt: raised.at,
            response: response?.detail, respondedBy: response?.by, respondedAt: response?.at)
    }

    /// Records the team manager's response to the audit's alert: what they have done about it.
    ///
    /// - Throws: `illegalTransition` when the audit raised no alert or the response is already
    ///   recorded; `blank(field: "response")`.
    public mutating func respondToAlert(_ text: String, by user: String, at: Date) throws {
        guard let alert, alert.response == nil else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .alertResponded)
        }
        guard !text.trimmed.isEmpty else { throw AuditWorkflowError.blank(audit: id, field: "response") }
        events.append(AuditEvent(step: .alertResponded, by: user, at: at, detail: text.trimmed))
    }

    /// Whether the audit is past its due date on `today` and not submitted.
    public func isOverdue(on today: Day) -> Bool { !status.isSubmitted && dueDate < today }

    /// Whether it has been escalated to the auditor's manager.
    public var isEscalated: Bool { events.contains { $0.step == .escalated } }

    /// Records that the overdue audit was escalated to `managers` (once: a second call changes
    /// nothing and returns false).
    @discardableResult
    public mutating func escalate(to managers: [String], on today: Day, by user: String, at: Date) -> Bool {
        guard isOverdue(on: today), !isEscalated else { return false }
        events.append(AuditEvent(step: .escalated, by: user, at: at, detail: managers.isEmpty ? "no manager known" : managers.joined(separator: ", ")))
        return true
    }

    /// Selects a submitted audit for moderation.
    public mutating func selectForModeration(by user: String, at: Date) throws {
        guard status == .submitted else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .selectedForModeration)
        }
        status = .selectedForModeration
        events.append(AuditEvent(step: .selectedForModeration, by: user, at: at))
    }

    /// Records a moderation: the moderator agrees (same grade) or revises the grade, which needs a
    /// rationale.
    ///
    /// - Throws: `illegalTransition` unless selected for moderation; `moderatorIsAuditor` when
    ///   `user` did the audit; `blank(field: "rationale")` when revising without one.
    public mutating func moderate(grade newGrade: Grade, rationale: String?, by user: String, at: Date) throws {
        guard status == .selectedForModeration else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .moderated)
        }
        guard user != auditor else { throw AuditWorkflowError.moderatorIsAuditor(audit: id, user: user) }
        let agrees = newGrade == grade
        let why = rationale?.trimmed ?? ""
        if !agrees && why.isEmpty { throw AuditWorkflowError.blank(audit: id, field: "rationale") }
        moderation = Moderation(moderator: user, grade: newGrade, agrees: agrees, rationale: why.isEmpty ? nil : why, at: at)
        status = .moderated
        events.append(AuditEvent(step: .moderated, by: user, at: at, detail: agrees ? "agrees" : "revised"))
        // A moderator's Inadequate alerts the team manager too, when the auditor's grade did not.
        if newGrade == .inadequate, !(alert?.reasons.contains(.inadequate) ?? false) {
            events.append(AuditEvent(step: .alertRaised, by: user, at: at, detail: AuditAlert.Reason.inadequate.rawValue))
        }
    }

    /// Records the feedback given to the practitioner and their manager, after moderation or,
    /// for an audit not selected for moderation, after submission.
    ///
    /// - Throws: `illegalTransition` from any other state (an audit awaiting moderation
    ///   included); `inadequateNeedsModeration` for an unmoderated audit graded Inadequate;
    ///   `blank(field: "feedback")`.
    public mutating func giveFeedback(_ text: String, by user: String, at: Date) throws {
        guard status == .moderated || status == .submitted else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .feedbackGiven)
        }
        if status == .submitted, grade == .inadequate { throw AuditWorkflowError.inadequateNeedsModeration(audit: id) }
        guard !text.trimmed.isEmpty else { throw AuditWorkflowError.blank(audit: id, field: "feedback") }
        feedback = text.trimmed
        feedbackAt = at
        status = .feedbackGiven
        events.append(AuditEvent(step: .feedbackGiven, by: user, at: at))
    }

    /// Adds an action (numbered 1, 2, ...); allowed until the actions are complete. Returns its number.
    @discardableResult
    public mutating func addAction(_ text: String, owner: String, due: Day, by user: String, at: Date) throws -> Int {
        guard status != .actionsComplete else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .actionAdded)
        }
        guard !text.trimmed.isEmpty else { throw AuditWorkflowError.blank(audit: id, field: "action text") }
        guard !owner.trimmed.isEmpty else { throw AuditWorkflowError.blank(audit: id, field: "action owner") }
        let n = (actions.map(\.number).max() ?? 0) + 1
        actions.append(AuditAction(number: n, text: text.trimmed, owner: owner.trimmed, due: due))
        events.append(AuditEvent(step: .actionAdded, by: user, at: at, detail: "action \(n)"))
        return n
    }

    /// Marks action `number` done (again is a no-op). Once feedback is given and every action is
    /// done, the audit moves to `actionsComplete`.
    public mutating func completeAction(_ number: Int, by user: String, at: Date) throws {
        guard let i = actions.firstIndex(where: { $0.number == number }) else {
            throw AuditWorkflowError.unknownAction(audit: id, number: number)
        }
        guard !actions[i].isDone else { return }
        actions[i].doneAt = at
        actions[i].doneBy = user
        events.append(AuditEvent(step: .actionDone, by: user, at: at, detail: "action \(number)"))
        if status == .feedbackGiven, outstandingActions.isEmpty {
            status = .actionsComplete
            events.append(AuditEvent(step: .actionsComplete, by: user, at: at))
        }
    }

    /// Closes an audit after feedback when every action (possibly none) is done.
    ///
    /// - Throws: `illegalTransition` before feedback, or while an action is outstanding.
    public mutating func completeActions(by user: String, at: Date) throws {
        guard status == .feedbackGiven, outstandingActions.isEmpty else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .actionsComplete)
        }
        status = .actionsComplete
        events.append(AuditEvent(step: .actionsComplete, by: user, at: at))
    }

    /// Creates a re-audit of the same subject, on `template` (the current version), once the
    /// actions are complete; this audit records the new one's id.
    public mutating func reAudit(
        newID: AuditID, template: AuditTemplate, auditor newAuditor: String, due: Day,
        by user: String, at: Date
    ) throws -> Audit {
        guard status == .actionsComplete else {
            throw AuditWorkflowError.illegalTransition(audit: id, from: status, step: .reAuditCreated)
        }
        guard template.id == templateID else {
            throw AuditWorkflowError.templateMismatch(audit: id, expected: templateID, given: template.id)
        }
        var next = Audit.assign(
            id: newID, template: template, subject: subject, caseKind: caseKind, team: team,
            auditor: newAuditor, partnerAuditors: partnerAuditors, due: due, roundID: roundID, by: user, at: at)
        next.reAuditOf = id
        events.append(AuditEvent(step: .reAuditCreated, by: user, at: at, detail: newID.rawValue))
        return next
    }

    func checkTemplate(_ t: AuditTemplate) throws {
        guard t.id == templateID, t.version == templateVersion else {
            throw AuditWorkflowError.templateMismatch(audit: id, expected: "\(templateID) v\(templateVersion)", given: "\(t.id) v\(t.version)")
        }
    }

    static func cleaned(_ list: [String]) -> [String] {
        var seen: Set<String> = [], out: [String] = []
        for s in list.map(\.trimmed) where !s.isEmpty && seen.insert(s.lowercased()).inserted { out.append(s) }
        return out
    }
}

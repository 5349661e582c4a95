/// Why an audit workflow step was refused. Each case names the audit and what to do.
public enum AuditWorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The step is not allowed from the audit's current state.
    case illegalTransition(audit: AuditID, from: AuditStatus, step: AuditStep)
    /// The user may not take this step (only the assigned auditor saves drafts and submits).
    case notPermitted(audit: AuditID, user: String, step: AuditStep)
    /// A moderator tried to moderate an audit they did themselves.
    case moderatorIsAuditor(audit: AuditID, user: String)
    /// Required questions are unanswered; one entry per question.
    case missingAnswers(audit: AuditID, [MissingAnswer])
    /// An answer is not one of its question's options, or names no question of the template.
    case invalidAnswer(audit: AuditID, questionID: String, value: String)
    /// A field that needs words was blank (`rationale` when a moderator revises a grade, `feedback`, an action's `text` or `owner`).
    case blank(audit: AuditID, field: String)
    /// The template given is not the audit's template id and version.
    case templateMismatch(audit: AuditID, expected: String, given: String)
    /// An audit graded Inadequate must be moderated before feedback.
    case inadequateNeedsModeration(audit: AuditID)
    /// No action with that number.
    case unknownAction(audit: AuditID, number: Int)

    public var description: String {
        switch self {
        case .illegalTransition(let a, let from, let step):
            "audit \(a): cannot record '\(step.rawValue)' while the audit is \(from.title.lowercased())"
        case .notPermitted(let a, let user, let step):
            "audit \(a): user \(user) may not record '\(step.rawValue)' (only the assigned auditor may)"
        case .moderatorIsAuditor(let a, let user):
            "audit \(a): \(user) did this audit and cannot moderate it; another moderator must"
        case .missingAnswers(let a, let missing):
            "audit \(a): answer every required question before submitting: "
                + missing.map { "\($0.questionID) (\($0.text))" }.joined(separator: "; ")
        case .invalidAnswer(let a, let q, let v):
            "audit \(a): question \(q): '\(v)' is not an allowed answer"
        case .blank(let a, let field):
            "audit \(a): \(field) is blank; enter it"
        case .templateMismatch(let a, let expected, let given):
            "audit \(a): was started on template \(expected), not \(given)"
        case .inadequateNeedsModeration(let a):
            "audit \(a): graded Inadequate, so it must be moderated before feedback is given"
        case .unknownAction(let a, let n):
            "audit \(a): has no action \(n)"
        }
    }
}

/// A step of the audit workflow, as recorded in the audit's history.
public enum AuditStep: String, Codable, Sendable, CaseIterable {
    case assigned
    case draftSaved = "draft-saved"
    case submitted
    /// A partner auditor submitted their agency's section of a multi-agency audit (detail: the agency).
    case sectionSubmitted = "section-submitted"
    case selectedForModeration = "selected-for-moderation"
    case moderated
    case feedbackGiven = "feedback-given"
    case actionAdded = "action-added"
    case actionDone = "action-done"
    case actionsComplete = "actions-complete"
    case reAuditCreated = "re-audit-created"
    /// The audit alerted the child's team manager (detail: `inadequate`, `safeguarding`, or both
    /// joined by a comma), at submission or when moderation graded it Inadequate.
    case alertRaised = "alert-raised"
    /// The team manager recorded their response to the alert (detail: the response).
    case alertResponded = "alert-responded"
    /// The audit was past its due date and not submitted, and was escalated to the auditor's
    /// manager (detail: who it was escalated to).
    case escalated
}

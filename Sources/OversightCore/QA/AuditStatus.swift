/// Where an audit is in its workflow:
/// assigned -> inProgress (drafts) -> submitted -> [selectedForModeration -> moderated] ->
/// feedbackGiven -> actionsComplete. A re-audit is a new audit, linked to this one.
public enum AuditStatus: String, Codable, Sendable, CaseIterable {
    case assigned
    case inProgress = "in-progress"
    case submitted
    case selectedForModeration = "selected-for-moderation"
    case moderated
    case feedbackGiven = "feedback-given"
    case actionsComplete = "actions-complete"

    /// Whether the audit has been submitted (any state from `submitted` on).
    public var isSubmitted: Bool { self != .assigned && self != .inProgress }

    /// The name users read.
    public var title: String {
        switch self {
        case .assigned: "Assigned"
        case .inProgress: "In progress"
        case .submitted: "Submitted"
        case .selectedForModeration: "Awaiting moderation"
        case .moderated: "Moderated"
        case .feedbackGiven: "Feedback given"
        case .actionsComplete: "Actions complete"
        }
    }
}

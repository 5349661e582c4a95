/// How a section of an audit is gathered: from the case record, or by the mixed methodology the
/// improvement plan names (watching practice, talking with the family and with the practitioner),
/// or as the family's own feedback on the help they had.
public enum AuditMethod: String, Codable, Sendable, CaseIterable {
    /// Reading the case record (the default).
    case recordReview = "record-review"
    /// Observing practice: a visit, a meeting or a conference.
    case observation = "observation-of-practice"
    /// A conversation with the child and family about the help they had.
    case familyConversation = "conversation-with-family"
    /// A conversation with the practitioner about the case.
    case practitionerConversation = "conversation-with-practitioner"
    /// The family's feedback, in their words; optional questions, as a family may decline.
    case familyFeedback = "family-feedback"

    /// The name users read.
    public var title: String {
        switch self {
        case .recordReview: "Case record review"
        case .observation: "Observation of practice"
        case .familyConversation: "Conversation with the family"
        case .practitionerConversation: "Conversation with the practitioner"
        case .familyFeedback: "Family feedback"
        }
    }
}

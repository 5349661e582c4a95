/// One family's or child's answers to a feedback form.
///
/// `child` is kept only for a response recorded by a practitioner with the family; a response
/// given through a family's link never has one, and no page shows a family anything about the
/// child.
public struct FeedbackResponse: Codable, Sendable, Hashable {
    /// The store's id (empty before it is stored).
    public var id: String
    public var formID: String
    public var formVersion: Int
    /// The local authority's 3-digit code.
    public var authority: String
    /// The team that worked with the family, when known.
    public var team: String?
    /// The child, for a response recorded by a practitioner only (nil for a family's link).
    public var child: String?
    /// How the response was given.
    public var channel: FeedbackChannel
    /// Who answered.
    public var respondent: FeedbackRespondent
    /// The day it was submitted (English local time).
    public var submittedOn: Day
    /// The answers given, by question id (unanswered optional questions are absent).
    public var answers: [String: String]
    /// The practitioner who recorded it, or who made the link.
    public var recordedBy: String?

    public init(
        id: String = "", formID: String, formVersion: Int, authority: String, team: String? = nil, child: String? = nil,
        channel: FeedbackChannel, respondent: FeedbackRespondent, submittedOn: Day, answers: [String: String], recordedBy: String? = nil
    ) {
        self.id = id; self.formID = formID; self.formVersion = formVersion; self.authority = authority; self.team = team
        self.child = channel == .familyLink ? nil : child
        self.channel = channel; self.respondent = respondent; self.submittedOn = submittedOn; self.answers = answers
        self.recordedBy = recordedBy
    }

    /// The agreement answer to `question`, if it has one.
    public func agreement(_ question: String) -> Agreement? { answers[question].flatMap(Agreement.init(rawValue:)) }

    /// The response as a drill-down record: kind `feedback`, key its id, start the day it was
    /// submitted; the child only for a response a practitioner recorded (blank for a family's link).
    public var record: DrillRecord {
        DrillRecord(child: channel == .practitioner ? (child ?? "") : "", kind: "feedback", key: id, start: submittedOn, end: submittedOn)
    }
}

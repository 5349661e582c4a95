/// A required question left unanswered, for the error summary: the question's id (the form
/// field's anchor), its section and its text.
public struct MissingAnswer: Hashable, Sendable, Codable {
    public var questionID: String
    public var sectionID: String
    public var text: String
    public init(questionID: String, sectionID: String, text: String) {
        self.questionID = questionID; self.sectionID = sectionID; self.text = text
    }
}

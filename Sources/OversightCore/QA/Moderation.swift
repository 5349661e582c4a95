import Foundation

/// A moderator's view of a submitted audit: their grade, whether it agrees with the auditor's,
/// and why.
public struct Moderation: Hashable, Sendable, Codable {
    public var moderator: String
    public var grade: Grade
    /// Whether `grade` equals the auditor's grade.
    public var agrees: Bool
    /// Required when the moderator revises the grade.
    public var rationale: String?
    public var at: Date
    public init(moderator: String, grade: Grade, agrees: Bool, rationale: String?, at: Date) {
        self.moderator = moderator; self.grade = grade; self.agrees = agrees; self.rationale = rationale; self.at = at
    }
}

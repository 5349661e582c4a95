import Foundation

/// An action arising from an audit, for the worker or the manager: what, who owns it, when it is
/// due and when it was done.
public struct AuditAction: Hashable, Sendable, Codable {
    /// 1, 2, ... within the audit.
    public var number: Int
    public var text: String
    /// The user who owns it.
    public var owner: String
    public var due: Day
    public var doneAt: Date?
    public var doneBy: String?
    public init(number: Int, text: String, owner: String, due: Day, doneAt: Date? = nil, doneBy: String? = nil) {
        self.number = number; self.text = text; self.owner = owner; self.due = due; self.doneAt = doneAt; self.doneBy = doneBy
    }

    /// Whether it is done.
    public var isDone: Bool { doneAt != nil }
}

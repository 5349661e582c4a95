import Foundation

/// One change to a plan action, kept for its history: which field changed, from what, to what,
/// who changed it and when. The action's creation is recorded as a change of `created`.
public struct ActionChange: Hashable, Sendable, Codable {
    /// The field changed: `created`, `text`, `owner`, `due`, `status`, `ambition` or `update`.
    public var field: String
    /// The value before, as text (empty for `created`).
    public var from: String
    /// The value after, as text.
    public var to: String
    /// Who made the change (a user name).
    public var by: String
    public var at: Date

    public init(field: String, from: String, to: String, by: String, at: Date) {
        self.field = field; self.from = from; self.to = to; self.by = by; self.at = at
    }
}

import Foundation

/// One step of an audit's history: what happened, who did it and when.
public struct AuditEvent: Hashable, Sendable, Codable {
    public var step: AuditStep
    /// The user's id.
    public var by: String
    public var at: Date
    /// Context without child-identifying data (an action number, a re-audit's id).
    public var detail: String?
    public init(step: AuditStep, by: String, at: Date, detail: String? = nil) {
        self.step = step; self.by = by; self.at = at; self.detail = detail
    }
}

import Foundation

/// An audit's alert to the child's team manager: graded Inadequate, or a safeguarding concern
/// recorded. It stays open until the team manager records a response.
public struct AuditAlert: Hashable, Sendable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case inadequate
        case safeguarding

        /// The reason in words.
        public var words: String {
            switch self {
            case .inadequate: "Graded Inadequate"
            case .safeguarding: "Safeguarding concern recorded"
            }
        }
    }

    public var audit: AuditID
    /// The team whose practice was audited (whose manager is alerted).
    public var team: String?
    public var reasons: [Reason]
    public var raisedAt: Date
    public var response: String?
    public var respondedBy: String?
    public var respondedAt: Date?

    /// Whether it still waits for the team manager's response.
    public var isOpen: Bool { response == nil }
}

/// Where a plan action stands, as its owner reports it.
public enum ActionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case notStarted = "not_started"
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case offTrack = "off_track"
    case complete
    /// Ended without being completed (no longer needed, or superseded by another action): kept
    /// with its history, never overdue, and left out of the plan's open actions.
    case closed

    /// The status as a user reads it (`Not started`, `On track`, ...).
    public var label: String {
        switch self {
        case .notStarted: return "Not started"
        case .onTrack: return "On track"
        case .atRisk: return "At risk"
        case .offTrack: return "Off track"
        case .complete: return "Complete"
        case .closed: return "Closed"
        }
    }

    /// Whether the action has ended, complete or closed: it can no longer be overdue or due soon.
    public var isFinished: Bool { self == .complete || self == .closed }

    /// Reads a status from its raw value or its label, ignoring case, spaces and hyphens.
    public init?(text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        guard let s = ActionStatus(rawValue: key) else { return nil }
        self = s
    }
}

/// An action's red, amber or green rating from its status and its due date.
public enum ActionRAG: String, Sendable, Hashable, Codable, CaseIterable {
    case red, amber, green
    /// Not started and not due within 30 days: nothing to rate yet.
    case grey

    /// The rating in words.
    public var words: String {
        switch self {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        case .grey: "Not rated"
        }
    }
}

extension PlanAction {
    /// Days ahead within which an action not complete is "due soon" (amber).
    public static let dueSoonDays = 30

    /// Whether the action is not finished (complete or closed) and due from `today` to `dueSoonDays` days after it.
    public func isDueSoon(on today: Day) -> Bool {
        guard let due, !status.isFinished else { return false }
        return due >= today && today.days(to: due) <= Self.dueSoonDays
    }

    /// Red when overdue or off track; green when complete; amber when at risk or due within 30
    /// days; green when on track; otherwise (not started, not due soon, or closed without being
    /// completed) not rated.
    public func rag(on today: Day) -> ActionRAG {
        if status == .complete { return .green }
        if status == .closed { return .grey }
        if isOverdue(on: today) || status == .offTrack { return .red }
        if status == .atRisk || isDueSoon(on: today) { return .amber }
        if status == .onTrack { return .green }
        return .grey
    }
}

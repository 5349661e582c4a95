/// The actions a lead needs to look at: overdue, off track or at risk.
public enum ActionWatchList {
    /// Why an action is on the list.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Past its due date and not complete.
        case overdue
        case offTrack = "off_track"
        case atRisk = "at_risk"

        /// The reason as a user reads it.
        public var label: String {
            switch self {
            case .overdue: return "Overdue"
            case .offTrack: return "Off track"
            case .atRisk: return "At risk"
            }
        }
    }

    /// The actions that are overdue on `today`, off track or at risk, each with its reasons,
    /// ordered overdue first (earliest due date first), then off track, then at risk; ties by
    /// ambition and text. `owner` keeps only one owner's actions (compared ignoring case).
    public static func select(_ actions: [PlanAction], today: Day, owner: String? = nil) -> [(action: PlanAction, reasons: [Reason])] {
        var out: [(action: PlanAction, reasons: [Reason])] = []
        for a in actions {
            if let owner, a.owner.lowercased() != owner.lowercased() { continue }
            var reasons: [Reason] = []
            if a.isOverdue(on: today) { reasons.append(.overdue) }
            if a.status == .offTrack { reasons.append(.offTrack) }
            if a.status == .atRisk { reasons.append(.atRisk) }
            if !reasons.isEmpty { out.append((a, reasons)) }
        }
        func rank(_ r: [Reason]) -> Int { r.contains(.overdue) ? 0 : r.contains(.offTrack) ? 1 : 2 }
        return out.sorted { x, y in
            let rx = rank(x.reasons), ry = rank(y.reasons)
            if rx != ry { return rx < ry }
            let dx = x.action.due ?? Day(ordinal: Int32.max), dy = y.action.due ?? Day(ordinal: Int32.max)
            if dx != dy { return dx < dy }
            if x.action.ambition != y.action.ambition { return x.action.ambition < y.action.ambition }
            return x.action.text < y.action.text
        }
    }
}

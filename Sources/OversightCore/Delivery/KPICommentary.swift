import Foundation

/// The lead's account of a KPI that is off track (red) for a period: why, and what is being
/// done. A red KPI goes into a board pack only with one.
public struct KPICommentary: Hashable, Sendable, Codable {
    /// The KPI's measure id.
    public var measure: String
    public var period: Period
    /// Why the KPI is off track.
    public var why: String
    /// What is being done about it.
    public var doing: String
    public var by: String
    public var at: Date

    public init(measure: String, period: Period, why: String, doing: String, by: String, at: Date) {
        self.measure = measure; self.period = period; self.why = why; self.doing = doing; self.by = by; self.at = at
    }

    /// Problems that stop it being saved, in plain words, by field (`why`, `doing`).
    public static func problems(why: String, doing: String) -> [(field: String, message: String)] {
        var out: [(String, String)] = []
        if why.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(("why", "Say why the KPI is off track")) }
        if doing.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(("doing", "Say what is being done about it")) }
        return out
    }
}

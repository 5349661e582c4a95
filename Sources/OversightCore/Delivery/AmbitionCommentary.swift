import Foundation

/// A lead's commentary on one ambition for one period, as shown in the board pack.
public struct AmbitionCommentary: Hashable, Sendable, Codable {
    public var ambition: Int
    public var period: Period
    public var text: String
    /// Who wrote it and when.
    public var by: String
    public var at: Date

    public init(ambition: Int, period: Period, text: String, by: String, at: Date) {
        self.ambition = ambition; self.period = period; self.text = text; self.by = by; self.at = at
    }
}

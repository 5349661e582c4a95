/// A practice standard for a role: how often a worker in it should be supervised.
public struct PracticeStandard: Hashable, Sendable, Codable {
    /// The role as the authority names it (`Social worker`, `Newly qualified social worker`, ...).
    public var role: String
    /// Days allowed between supervision sessions.
    public var supervisionIntervalDays: Int
    public init(role: String, supervisionIntervalDays: Int) {
        self.role = role; self.supervisionIntervalDays = supervisionIntervalDays
    }
}

/// An audit round (usually monthly): which cases it samples, how many, with which seed, when the
/// audits are due and what share is moderated.
public struct AuditRound: Hashable, Sendable, Codable {
    /// Stable id the store assigns.
    public var id: String
    public var name: String
    /// The month the round belongs to.
    public var month: Period
    public var type: AuditType
    public var cohort: CohortRule
    /// The day the cohort is computed on (cases open then).
    public var cohortDay: Day
    public var sampleSize: Int
    /// The random seed, kept so the sample can be drawn again and checked.
    public var seed: UInt64
    /// Percentage of submitted audits moderated at random (0-100); Inadequate audits always are.
    public var moderationRatePercent: Int
    public var dueDate: Day
    public var templateID: String

    public init(
        id: String, name: String, month: Period, type: AuditType = .caseFile, cohort: CohortRule, cohortDay: Day,
        sampleSize: Int, seed: UInt64, moderationRatePercent: Int, dueDate: Day, templateID: String
    ) {
        self.id = id; self.name = name; self.month = month; self.type = type; self.cohort = cohort; self.cohortDay = cohortDay
        self.sampleSize = sampleSize; self.seed = seed; self.moderationRatePercent = moderationRatePercent
        self.dueDate = dueDate; self.templateID = templateID
    }

    /// Problems that make the round unusable, each naming the field.
    public func problems() -> [String] {
        var out: [String] = []
        if name.trimmed.isEmpty { out.append("name: enter a name for the round") }
        if sampleSize < 1 { out.append("sample size: must be 1 or more (was \(sampleSize))") }
        if !(0...100).contains(moderationRatePercent) { out.append("moderation rate: must be 0 to 100 (was \(moderationRatePercent))") }
        if dueDate < cohortDay { out.append("due date: \(dueDate.iso) is before the cohort day \(cohortDay.iso)") }
        if templateID.trimmed.isEmpty { out.append("template: choose a template") }
        return out
    }
}

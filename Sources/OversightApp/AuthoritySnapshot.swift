import Foundation
import OversightCore

/// Everything the numbers of one authority are computed from, at one revision of its data: the
/// case data with its measure engine, the audits done in Oversight, the values entered by hand,
/// the plan and its targets over time, and the practice standard for supervision.
///
/// A snapshot is built once per revision (`AuthorityNumbers.snapshot(authority:)`) and shared by
/// every request until a write changes the revision. Built from files (`AuthorityNumbers.snapshot(files:)`)
/// it holds only what the files give.
public struct AuthoritySnapshot: Sendable {
    /// The authority's 3-digit code; empty for data read from files without one.
    public var authority: String
    /// What every cache of this authority's numbers keys on: the revision of its data, the
    /// engine's definition version and the report date.
    public var version: String
    public var engine: MeasureEngine
    /// Records read from rows with validation errors (flagged on every result that counts them).
    public var rowsWithErrors: Set<RecordOrigin>
    /// The authority's audits, for the quality assurance measures.
    public var audits: [Audit]
    /// The values entered by hand for the plan's hand-entered measures.
    public var handEntered: HandEnteredValues
    /// Changes of the plan's targets over time.
    public var targets: TargetHistory
    /// The authority's current plan (the one imported into the store, else the default plan).
    public var plan: Plan
    /// The day QA measures are reported at ("submitted by the report date") and the daily list's day.
    public var reportDate: Day
    /// The supervision practice standard in days: the social workers' standard set in Oversight,
    /// else the engine's default (28).
    public var supervisionIntervalDays: Int
    /// The reporting year (2025 = 2024-25) of the newest collection year loaded, if any.
    public var latestYear: Int?
    /// Families' and children's feedback given in Oversight, for the feedback measures.
    public var feedback: [FeedbackResponse] = []

    /// The case data the engine reads.
    public var data: CaseData { engine.data }

    public init(
        authority: String, version: String, engine: MeasureEngine, rowsWithErrors: Set<RecordOrigin> = [], audits: [Audit] = [],
        handEntered: HandEnteredValues = HandEnteredValues(), targets: TargetHistory = TargetHistory(), plan: Plan, reportDate: Day,
        supervisionIntervalDays: Int = MeasureParameters().supervisionIntervalDays, latestYear: Int? = nil,
        feedback: [FeedbackResponse] = []
    ) {
        self.authority = authority; self.version = version; self.engine = engine; self.rowsWithErrors = rowsWithErrors
        self.audits = audits; self.handEntered = handEntered; self.targets = targets; self.plan = plan; self.reportDate = reportDate
        self.supervisionIntervalDays = supervisionIntervalDays; self.latestYear = latestYear
        self.feedback = feedback
    }

    /// The plan with the targets in force for `period`: a target changed later keeps the old one
    /// for earlier periods.
    public func plan(for period: Period) -> Plan { targets.plan(plan, for: period) }

    /// The period pages show when none is asked for: the newest reporting year loaded, or the
    /// reporting year holding the report date when there is no data.
    public var defaultPeriod: Period {
        if let y = latestYear { return .reportingYear(y) }
        return .reportingYear(reportDate.collectionYear)
    }
}

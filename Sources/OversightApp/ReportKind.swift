/// The reports Oversight writes.
public enum ReportKind: String, Sendable, CaseIterable {
    /// The Quality & Performance Board pack: each ambition's KPIs, commentary and actions.
    case board
    /// The daily list: children and tasks needing attention today.
    case daily
    /// The weekly report: the week's counts against the week before.
    case weekly
    /// The monthly pack: every measure, month by month, with comparators.
    case monthly
    /// A performance clinic: one worker's or team's measures.
    case clinic
}

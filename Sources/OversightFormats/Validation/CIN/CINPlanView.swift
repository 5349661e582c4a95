import OversightCore

/// One `CINPlanDates` block.
struct CINPlanView: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let end: Day?
    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "CINPlanStartDate")
        end = cinDate(raw, "CINPlanEndDate")
    }
    var label: String { "CIN plan started " + (start?.iso ?? "on no date") }
}

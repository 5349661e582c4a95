import OversightCore

/// One `Section47` block.
struct CINSection47View: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let target: Day?
    let icpc: Day?
    /// `ICPCnotRequired`; nil when missing or invalid.
    let icpcNotRequired: Bool?
    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "S47ActualStartDate")
        target = cinDate(raw, "InitialCPCtarget")
        icpc = cinDate(raw, "DateOfInitialCPC")
        icpcNotRequired = cinFlag(raw["ICPCnotRequired"])
    }
    /// No conference held and none ruled out: the enquiry is still open.
    var isOpen: Bool { icpc == nil && icpcNotRequired != true }
    var label: String { "section 47 enquiry started " + (start?.iso ?? "on no date") }
}

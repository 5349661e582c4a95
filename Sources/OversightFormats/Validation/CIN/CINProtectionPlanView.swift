import OversightCore

/// One `ChildProtectionPlans` block.
struct CINProtectionPlanView: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let end: Day?
    /// `CPPreviewDate` texts as written.
    let reviewTexts: [String]
    /// The review dates that parse.
    let reviews: [Day]
    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "CPPstartDate")
        end = cinDate(raw, "CPPendDate")
        reviewTexts = raw.lists["CPPreviewDate"] ?? []
        reviews = reviewTexts.compactMap { cinParseISO(cinTrim($0)) }
    }
    var label: String { "child protection plan started " + (start?.iso ?? "on no date") }
}

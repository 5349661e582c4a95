import OversightCore

/// One CIN census validation rule: its description and its check.
///
/// A child rule looks at one child at a time (and only at that child's blocks, so its cost grows
/// with the child's size, never with the file's); a return rule sees the whole indexed return,
/// for duplicates across children and the DfE's authority-level queries.
struct CINRule: Sendable {
    enum Check: Sendable {
        case child(@Sendable (CINChildView, CINContext, inout CINFindings) -> Void)
        case wholeReturn(@Sendable (CINCensus, inout CINFindings) -> Void)
    }

    let info: CINRuleInfo
    let check: Check

    init(_ code: String, _ severity: Severity, _ table: String, _ fields: [String], years: ClosedRange<Int> = CINContext.supportedYears,
         _ message: String, child: @escaping @Sendable (CINChildView, CINContext, inout CINFindings) -> Void) {
        info = CINRuleInfo(code: code, severity: severity, table: table, fields: fields, message: message, years: years)
        check = .child(child)
    }

    init(_ code: String, _ severity: Severity, _ table: String, _ fields: [String], years: ClosedRange<Int> = CINContext.supportedYears,
         _ message: String, wholeReturn: @escaping @Sendable (CINCensus, inout CINFindings) -> Void) {
        info = CINRuleInfo(code: code, severity: severity, table: table, fields: fields, message: message, years: years)
        check = .wholeReturn(wholeReturn)
    }
}

/// The findings one rule makes, before they are located in the file.
struct CINFindings {
    struct Finding {
        /// Index into `CINCensus.children`; nil for a finding about the whole return.
        var child: Int?
        /// Overrides the rule's table.
        var table: String?
        /// Overrides the rule's fields.
        var fields: [String]?
        /// Added to the rule's message in brackets, e.g. which episode.
        var note: String?
        /// The child's normalised id when the child is not in this return (a finding about the
        /// previous year's return).
        var absentChildID: String?
    }

    /// Index of the child a child rule is looking at.
    var currentChild: Int?
    var items: [Finding] = []

    /// Records a finding about the current child (or, in a return rule, about `child`).
    mutating func flag(child: Int? = nil, table: String? = nil, fields: [String]? = nil, _ note: String? = nil) {
        items.append(Finding(child: child ?? currentChild, table: table, fields: fields, note: note))
    }

    /// Records a finding about a child who is not in this return.
    mutating func flag(absentChildID: String, _ note: String) {
        items.append(Finding(child: nil, table: nil, fields: nil, note: note, absentChildID: absentChildID))
    }
}

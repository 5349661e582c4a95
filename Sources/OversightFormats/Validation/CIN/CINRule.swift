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

    init(
        _ code: String, _ severity: Severity, _ table: String, _ fields: [String], years: ClosedRange<Int> = CINContext.supportedYears,
        _ message: String, child: @escaping @Sendable (CINChildView, CINContext, inout CINFindings) -> Void
    ) {
        info = CINRuleInfo(code: code, severity: severity, table: table, fields: fields, message: message, years: years)
        check = .child(child)
    }

    init(
        _ code: String, _ severity: Severity, _ table: String, _ fields: [String], years: ClosedRange<Int> = CINContext.supportedYears,
        _ message: String, wholeReturn: @escaping @Sendable (CINCensus, inout CINFindings) -> Void
    ) {
        info = CINRuleInfo(code: code, severity: severity, table: table, fields: fields, message: message, years: years)
        check = .wholeReturn(wholeReturn)
    }
}

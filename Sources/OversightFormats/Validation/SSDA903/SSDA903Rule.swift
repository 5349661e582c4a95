/// One SSDA903 validation rule: its description and the check that finds the rows breaking it.
struct SSDA903Rule: Sendable {
    var info: SSDA903RuleInfo
    var check: @Sendable (SSDA903Context) -> [SSDA903Hit]

    init(
        _ code: String, _ tables: [SSDA903Table], _ fields: [String], _ message: String,
        years: ClosedRange<Int> = SSDA903RuleBook.firstYear...SSDA903RuleBook.lastYear, needsPrevious: Bool = false,
        check: @escaping @Sendable (SSDA903Context) -> [SSDA903Hit]
    ) {
        self.init(code, .error, tables, fields, message, years: years, needsPrevious: needsPrevious, check: check)
    }

    init(
        _ code: String, _ severity: Severity, _ tables: [SSDA903Table], _ fields: [String], _ message: String,
        years: ClosedRange<Int> = SSDA903RuleBook.firstYear...SSDA903RuleBook.lastYear, needsPrevious: Bool = false,
        check: @escaping @Sendable (SSDA903Context) -> [SSDA903Hit]
    ) {
        self.info = SSDA903RuleInfo(
            code: code, severity: severity, tables: tables, fields: fields, message: message,
            years: years, needsPrevious: needsPrevious)
        self.check = check
    }
}

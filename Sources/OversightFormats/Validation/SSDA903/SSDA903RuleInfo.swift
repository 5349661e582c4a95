/// What one SSDA903 validation rule checks: its DfE code, how serious a finding is, where it looks
/// and the collection years it applies to.
///
/// The SSDA903 return is the DfE's annual children-looked-after return. Collection year 2024 is
/// 1 April 2023 to 31 March 2024.
public struct SSDA903RuleInfo: Sendable, Hashable, Codable {
    /// The DfE's rule code (`103`, `1001`, `SW01STG1`, `503A`).
    public var code: String
    /// How serious a finding is: `error` for most rules, `query` where the DfE asks for a check.
    public var severity: Severity
    /// The tables the rule reads; findings are reported against rows of these tables.
    public var tables: [SSDA903Table]
    /// The fields a finding points at.
    public var fields: [String]
    /// What a finding means, in plain words.
    public var message: String
    /// The collection years the rule applies to (inclusive).
    public var years: ClosedRange<Int>
    /// True when the rule compares with the previous year's return and is skipped without it.
    public var needsPrevious: Bool

    public init(
        code: String, severity: Severity, tables: [SSDA903Table], fields: [String], message: String,
        years: ClosedRange<Int>, needsPrevious: Bool = false
    ) {
        self.code = code; self.severity = severity; self.tables = tables; self.fields = fields
        self.message = message; self.years = years; self.needsPrevious = needsPrevious
    }
}

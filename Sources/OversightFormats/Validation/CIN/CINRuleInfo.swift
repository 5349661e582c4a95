/// What one CIN census validation rule checks, as listed to users and in the docs.
///
/// `code` is the DfE's rule code where the DfE has one (`8500`, `2885`, `8525Q`: the DfE marks
/// its queries with a trailing `Q`); Oversight's own structural checks start `OV-CIN-`.
public struct CINRuleInfo: Sendable, Hashable, Codable {
    /// The rule code, e.g. `8590` or `OV-CIN-DATE`.
    public var code: String
    /// `.error` for the DfE's errors, `.query` for the DfE's queries.
    public var severity: Severity
    /// The XML block the finding is reported against: `Header`, `ChildIdentifiers`,
    /// `ChildCharacteristics`, `CINdetails`, `Assessments`, `CINPlanDates`, `Section47` or
    /// `ChildProtectionPlans`.
    public var table: String
    /// The XML element names the rule reads.
    public var fields: [String]
    /// The finding in plain words.
    public var message: String
    /// The collection years (2025 = 2024-25) the rule applies to, both ends included.
    public var years: ClosedRange<Int>

    /// Creates a rule description.
    public init(code: String, severity: Severity, table: String, fields: [String], message: String, years: ClosedRange<Int>) {
        self.code = code; self.severity = severity; self.table = table; self.fields = fields
        self.message = message; self.years = years
    }
}

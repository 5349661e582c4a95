/// The data quality a report shows: the imports behind the figures and the validation findings
/// still outstanding, grouped by rule.
public struct DataQualitySummary: Hashable, Sendable {
    /// The findings of one rule.
    public struct RuleCount: Hashable, Sendable {
        public var rule: String
        /// `error` or `warning`.
        public var severity: String
        /// What the rule checks, in general words (`RuleDescriptions`): never a finding's own
        /// message, which may quote a record's values, since board members read the pack.
        public var message: String
        public var count: Int
        public init(rule: String, severity: String, message: String, count: Int) {
            self.rule = rule; self.severity = severity; self.message = message; self.count = count
        }
    }

    /// The files the figures were computed from (names, or import descriptions).
    public var sources: [String]
    public var errors: Int
    /// Warnings and queries (findings that are not errors).
    public var warnings: Int
    /// The rules with outstanding findings, most findings first.
    public var rules: [RuleCount]

    public init(sources: [String], errors: Int, warnings: Int, rules: [RuleCount]) {
        self.sources = sources; self.errors = errors; self.warnings = warnings; self.rules = rules
    }
}

import OversightFormats

/// Which findings of an import to return, and which page of them.
///
/// Every criterion left nil matches everything; the ones given must all match. Findings come in
/// the order they were stored (file, row, table, rule), `offset` of them skipped, at most `limit`.
public struct FindingFilter: Hashable, Sendable {
    /// A rule code, exactly (`1104`, `CIN-8600`, `OV-FILE-UNUSABLE`).
    public var rule: String?
    /// A table or XML block, exactly (`Episodes`, `CINdetails`).
    public var table: String?
    /// A normalised child id, exactly.
    public var child: String?
    /// One severity.
    public var severity: Severity?
    /// Findings to skip before the page starts (0 or more).
    public var offset: Int
    /// The most findings to return (1 to 10,000).
    public var limit: Int

    /// A filter; the defaults match every finding and give the first 100.
    public init(rule: String? = nil, table: String? = nil, child: String? = nil, severity: Severity? = nil, offset: Int = 0, limit: Int = 100) {
        self.rule = rule; self.table = table; self.child = child; self.severity = severity; self.offset = offset; self.limit = limit
    }
}

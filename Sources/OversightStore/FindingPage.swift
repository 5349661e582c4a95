import OversightFormats

/// One page of an import's findings.
public struct FindingPage: Hashable, Sendable {
    /// The findings on this page.
    public var findings: [ValidationIssue]
    /// How many findings match the filter in all (for paging).
    public var total: Int
    /// The filter that gave this page.
    public var filter: FindingFilter
    /// Whether matching findings follow this page.
    public var hasMore: Bool { filter.offset + findings.count < total }
}

/// A case file audit that is due or overdue, for the daily list. The audit programme is kept by
/// the quality assurance module; this is what the daily list needs of it.
public struct AuditDue: Hashable, Sendable, Codable {
    /// The audit's reference.
    public var reference: String
    /// The child whose file is audited (the product's pseudonymous child id).
    public var child: String
    public var auditor: String
    public var due: Day

    public init(reference: String, child: String, auditor: String, due: Day) {
        self.reference = reference; self.child = child; self.auditor = auditor; self.due = due
    }
}

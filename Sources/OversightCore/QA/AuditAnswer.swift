/// An answer to one template question: the chosen option (or the words, for free text) and the
/// evidence the auditor gives for it.
public struct AuditAnswer: Hashable, Sendable, Codable {
    /// A `Grade` raw value, `yes`/`partly`/`no`, or free text; nil while unanswered.
    public var value: String?
    /// The evidence in words; nil when none was given.
    public var evidence: String?
    public init(value: String?, evidence: String? = nil) {
        self.value = value; self.evidence = evidence
    }
}

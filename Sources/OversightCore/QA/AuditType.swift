/// What is audited: a child's case file, a worker's supervision, or a case by the partner agencies.
public enum AuditType: String, Codable, Sendable, CaseIterable {
    /// A case file audit of one child's case.
    case caseFile = "case-file"
    /// A supervision audit of one worker's supervision records.
    case supervision
    /// A multi-agency audit of one child's case, one section per partner agency.
    case multiAgency = "multi-agency"

    /// The name users read.
    public var title: String {
        switch self {
        case .caseFile: "Case file audit"
        case .supervision: "Supervision audit"
        case .multiAgency: "Multi-agency audit"
        }
    }
}

/// Which QA measure a template question feeds. Templates mark questions with it so that an
/// administrator can reword a question without breaking the measure.
public enum MeasureFeed: String, Codable, Sendable, CaseIterable {
    /// `audits_lived_experience_pct`: the child's lived experience evidenced consistently.
    case livedExperience = "lived-experience"
    /// `audits_strengths_based_pct`: strength-based assessment evidenced.
    case strengthsBased = "strengths-based"
    /// `audits_management_oversight_pct`: management oversight in line with practice standards.
    case managementOversight = "management-oversight"
    /// `supervision_audits_reflective_pct`: reflective supervision evidenced.
    case reflectiveSupervision = "reflective-supervision"

    /// The measure id it feeds.
    public var measureID: String {
        switch self {
        case .livedExperience: "audits_lived_experience_pct"
        case .strengthsBased: "audits_strengths_based_pct"
        case .managementOversight: "audits_management_oversight_pct"
        case .reflectiveSupervision: "supervision_audits_reflective_pct"
        }
    }
}

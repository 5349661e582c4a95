/// A partner agency completing its own section of a multi-agency audit.
public enum PartnerAgency: String, Codable, Sendable, CaseIterable {
    case police, health, education
    case earlyHelp = "early-help"

    /// The name users read.
    public var title: String {
        switch self {
        case .police: "Police"
        case .health: "Health"
        case .education: "Education"
        case .earlyHelp: "Early help"
        }
    }
}

import Foundation

/// Which cases an audit round samples from. Every rule takes cases open on the round's cohort
/// day (see `AuditCohort`); the themed rules are deep dives into open cases with that feature.
public enum CohortRule: Hashable, Sendable, Codable {
    /// Every open case.
    case allOpenCases
    /// Open cases whose allocated worker belongs to the team.
    case team(String)
    /// Open cases whose current referral came within 12 months of an earlier one.
    case rereferral
    /// Children on a child protection plan that is a second or subsequent plan.
    case repeatCPPlan
    /// Children with a missing or away episode in the 12 months to the cohort day.
    case missingEpisode
    /// Open cases where neglect is a factor (assessment factor 16A, or a plan's category NEG).
    case neglect
    /// Open cases where domestic abuse is a factor (assessment factors 3A, 3B, 3C).
    case domesticAbuse
    /// Children looked after whose open episode is placed with parents (placement P1).
    case placedWithParents

    /// `all-open`, `team:NAME`, `re-referral`, `repeat-cp-plan`, `missing`, `neglect`,
    /// `domestic-abuse` or `placed-with-parents`, as stored and as forms submit it.
    public var stored: String {
        switch self {
        case .allOpenCases: "all-open"
        case .team(let t): "team:\(t)"
        case .rereferral: "re-referral"
        case .repeatCPPlan: "repeat-cp-plan"
        case .missingEpisode: "missing"
        case .neglect: "neglect"
        case .domesticAbuse: "domestic-abuse"
        case .placedWithParents: "placed-with-parents"
        }
    }

    /// Reads `stored`; nil for anything else (and for a blank team).
    public init?(stored: String) {
        switch stored {
        case "all-open": self = .allOpenCases
        case "re-referral": self = .rereferral
        case "repeat-cp-plan": self = .repeatCPPlan
        case "missing": self = .missingEpisode
        case "neglect": self = .neglect
        case "domestic-abuse": self = .domesticAbuse
        case "placed-with-parents": self = .placedWithParents
        default:
            guard stored.hasPrefix("team:"), !stored.dropFirst(5).trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            self = .team(String(stored.dropFirst(5)))
        }
    }

    /// The themed rules, in the order forms offer them.
    public static let themes: [CohortRule] = [.rereferral, .repeatCPPlan, .missingEpisode, .neglect, .domesticAbuse, .placedWithParents]

    /// The name users read.
    public var title: String {
        switch self {
        case .allOpenCases: "All open cases"
        case .team(let t): "Open cases of team \(t)"
        case .rereferral: "Deep dive: re-referrals"
        case .repeatCPPlan: "Deep dive: repeat child protection plans"
        case .missingEpisode: "Deep dive: children who went missing"
        case .neglect: "Deep dive: neglect"
        case .domesticAbuse: "Deep dive: domestic abuse"
        case .placedWithParents: "Deep dive: children placed with parents"
        }
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let r = CohortRule(stored: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown cohort rule '\(raw)'"))
        }
        self = r
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(stored)
    }
}

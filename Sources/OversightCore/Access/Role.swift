/// What a user of Oversight is there to do. Every request is authorised by role on the server.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    /// Users and roles, the plan and templates, imports, the activity log, backups.
    case administrator
    /// Loads and checks the data, explains the measures, prepares the packs.
    case analyst = "performance-analyst"
    /// A team or service manager: their measures, the daily list, audits in the monthly round.
    case manager
    /// Completes case file and supervision audits assigned to them.
    case auditor
    /// Moderates a sample of other people's audits.
    case moderator
    /// Owns an ambition: its KPIs, actions, evidence and commentary.
    case strategicLead = "strategic-lead"
    /// A director or member of the Quality & Performance Board: aggregates only, never a child.
    case boardMember = "board-member"
    /// A partner agency's auditor (police, health, education, early help): only the audits assigned
    /// to them, and only their agency's section.
    case partnerAuditor = "partner-auditor"
    /// A region's analyst (a group of authorities in one store, such as Greater Manchester): every
    /// member authority's aggregates side by side with regional benchmarks, on the regional pages
    /// only; never a child, and no page of any one authority. Their account's authority is the
    /// region's code.
    case regional = "regional-analyst"

    /// The role as the product's pages name it.
    public var title: String {
        switch self {
        case .administrator: return "Administrator"
        case .analyst: return "Performance analyst"
        case .manager: return "Manager"
        case .auditor: return "Auditor"
        case .moderator: return "Moderator"
        case .strategicLead: return "Strategic lead"
        case .boardMember: return "Board member"
        case .partnerAuditor: return "Partner auditor"
        case .regional: return "Regional analyst"
        }
    }

    /// Whether the role may see anything identifying a child: drill-downs, child timelines, child
    /// lists in exports and reports. Board members, partner auditors and regional analysts may not.
    public var seesChildLevelData: Bool {
        switch self {
        case .boardMember, .partnerAuditor, .regional: return false
        default: return true
        }
    }

    /// Whether the role must sign in with a second factor (an authenticator code after the
    /// password): every role that sees child-level data, and administrators.
    public var needsSecondFactor: Bool { seesChildLevelData || self == .administrator }

    /// Whether the role records families' feedback (with a family, or by giving them a link):
    /// every role that sees children's records, since a response may name the child.
    public var recordsFeedback: Bool { seesChildLevelData }

    /// Whether the role may read families' individual feedback responses (answers and free
    /// text, the child of a response recorded with a practitioner): administrators, managers,
    /// auditors and moderators. Everyone else sees the summary, with groups of fewer than 5 withheld.
    public var readsFeedbackResponses: Bool { [.administrator, .manager, .auditor, .moderator].contains(self) }

    /// Whether the role may add or change families' feedback forms (upload a form file as a new
    /// form or the next version of one, download a form as YAML): administrators, who manage the
    /// plan and the audit templates.
    public var managesFeedbackForms: Bool { self == .administrator }

    /// Whether the role may see the plan's dashboards and measures (aggregates) of the authority
    /// it belongs to. Regional analysts belong to a region, not an authority: they see every
    /// member's aggregates on the regional pages instead (`seesRegion`).
    public var seesDashboards: Bool { self != .partnerAuditor && self != .regional }

    /// Whether the role sees a region's pages: its member authorities' aggregates side by side.
    public var seesRegion: Bool { self == .regional }

    /// Parses a role from its raw value or its title, ignoring case, spaces, hyphens and underscores.
    public static func parse(_ text: String) -> Role? {
        let key = text.lowercased().filter { $0.isLetter }
        return allCases.first { $0.rawValue.filter { $0.isLetter } == key || $0.title.lowercased().filter { $0.isLetter } == key }
    }
}

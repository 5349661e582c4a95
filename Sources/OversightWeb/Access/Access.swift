import OversightCore

/// Who may use a route.
public enum Access: Sendable, Hashable {
    /// Anyone, signed in or not (the sign-in page, the stylesheet).
    case everyone
    /// Anyone signed in, whatever their role.
    case signedIn
    /// Only these roles.
    case roles(Set<Role>)

    /// Whether a user of `role` may use the route.
    public func allows(_ role: Role) -> Bool {
        switch self {
        case .everyone, .signedIn: return true
        case .roles(let r): return r.contains(role)
        }
    }

    /// Roles that see the plan's dashboards and measures (aggregates).
    public static let dashboards = Access.roles(Set(Role.allCases.filter(\.seesDashboards)))
    /// Roles that may see child-level data.
    public static let childLevel = Access.roles(Set(Role.allCases.filter(\.seesChildLevelData)))
    /// Roles that load and check data.
    public static let dataTeam = Access.roles([.administrator, .analyst])
    /// Roles that do audits (partner auditors only their agency's sections of the audits assigned to them).
    public static let auditors = Access.roles([.administrator, .analyst, .manager, .auditor, .moderator, .strategicLead, .partnerAuditor])
    /// Roles that moderate audits.
    public static let moderators = Access.roles([.administrator, .manager, .moderator])
    /// Roles that plan audit rounds.
    public static let roundManagers = Access.roles([.administrator, .manager, .analyst])
    /// Roles that respond to an audit's alert (the team manager, or an administrator standing in).
    public static let alertResponders = Access.roles([.administrator, .manager])
    /// Roles that update the progress of the plan's actions.
    public static let actionUpdaters = Access.roles([.administrator, .strategicLead, .manager])
    /// Roles that enter the values of hand-entered measures.
    public static let handEntry = Access.roles([.administrator, .analyst, .strategicLead])
    /// Roles that write an ambition's commentary for the board.
    public static let commentators = Access.roles([.administrator, .strategicLead])
    /// Roles that make reports.
    public static let reportMakers = Access.roles([.administrator, .analyst, .strategicLead])
    /// Roles that record families' feedback (with the family, or by giving them a link).
    public static let feedbackRecorders = Access.roles(Set(Role.allCases.filter(\.recordsFeedback)))
    /// Roles that may read families' individual feedback responses.
    public static let feedbackReaders = Access.roles(Set(Role.allCases.filter(\.readsFeedbackResponses)))
    /// Roles that see a region's pages (its member authorities' aggregates side by side).
    public static let regional = Access.roles(Set(Role.allCases.filter(\.seesRegion)))
    /// Administrators only.
    public static let administrators = Access.roles([.administrator])
}

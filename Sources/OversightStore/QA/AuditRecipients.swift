import OversightCore

/// Who hears of an audit's alert or of an overdue audit.
///
/// An alert goes to the *child's team manager*: the enabled managers whose account names the
/// audit's team. An overdue audit is escalated to the *auditor's manager*: the enabled managers
/// whose account names the auditor's team (not the auditor). When nobody matches (no team
/// recorded, or no manager with that team), both go to the enabled managers whose account names
/// no team (managers of the whole service), and failing those to the enabled administrators, so
/// neither is ever lost.
public enum AuditRecipients {
    /// The users alerted by `audit`'s alert.
    public static func alert(_ audit: Audit, users: [UserAccount]) -> [UserAccount] {
        chain(team: audit.team, excluding: nil, users: users)
    }

    /// The users an overdue `audit` is escalated to.
    public static func escalation(_ audit: Audit, users: [UserAccount]) -> [UserAccount] {
        let team = users.first { $0.username == audit.auditor }?.team
        return chain(team: team, excluding: audit.auditor, users: users)
    }

    static func chain(team: String?, excluding: String?, users: [UserAccount]) -> [UserAccount] {
        let live = users.filter { !$0.isDisabled && $0.username != excluding }
        let managers = live.filter { $0.role == .manager }
        if let team, case let m = managers.filter({ $0.team == team }), !m.isEmpty { return m.sorted { $0.username < $1.username } }
        let service = managers.filter { ($0.team ?? "").isEmpty }
        if !service.isEmpty { return service.sorted { $0.username < $1.username } }
        return live.filter { $0.role == .administrator }.sorted { $0.username < $1.username }
    }
}

import Foundation
import OversightCore
import OversightStore

/// E-mails each action owner their overdue actions (`OverdueReminder`), and escalates each audit
/// past its due date to the auditor's manager (`AuditRecipients`, `AuditNotice`), once a day at
/// most per authority: a day's sending is written to the activity log ("e-mailed overdue
/// actions", the day and how many), and a day already there is not sent again, whichever process
/// asks. An audit is escalated once: the escalation is kept in its history.
public struct ReminderService: Sendable {
    public let store: Store
    public let mailer: SMTPMailer
    /// Where the plan is seen, named in the message; nil leaves the link out.
    public let link: String?

    public init(store: Store, mailer: SMTPMailer, link: String?) {
        self.store = store; self.mailer = mailer; self.link = link
    }

    /// What one day's sending did.
    public struct Outcome: Sendable, Equatable {
        public var sent: [String] = []
        /// Addresses that failed, each with the reason.
        public var failed: [String] = []
        /// True when the day had been sent already.
        public var alreadySent = false
        /// Overdue audits escalated this time (each once, ever).
        public var escalated: [AuditID] = []
    }

    static let action = "e-mailed overdue actions"

    /// The reminders `authority`'s owners would get on `today`: users matched to actions by name.
    public func reminders(authority: String, today: Day) async throws -> [OverdueReminder] {
        let accounts = store.accounts(hasher: NoHashing())
        let owners = try await accounts.users(authority: authority).filter { !$0.isDisabled }.compactMap { u in u.email.map { (u.displayName, $0) } }
        let actions = try await store.actions(authority: authority).all()
        return OverdueReminder.make(actions: actions, owners: owners, today: today, link: link)
    }

    /// Sends `today`'s reminders for `authority` unless the day was sent already (`force` sends
    /// again). Every message sent or failed is counted in the activity log entry.
    public func send(authority: String, today: Day, force: Bool = false) async throws -> Outcome {
        let accounts = store.accounts(hasher: NoHashing())
        if !force, try await accounts.activity(authority: authority, action: Self.action, limit: 50).contains(where: { $0.target.hasPrefix(today.iso) }) {
            return Outcome(alreadySent: true)
        }
        var out = Outcome()
        for r in try await reminders(authority: authority, today: today) {
            do {
                try await mailer.send(to: r.to, subject: r.subject, body: r.body)
                out.sent.append(r.to)
            } catch {
                out.failed.append("\(r.to): \(error)")
            }
        }
        try await escalate(authority: authority, today: today, into: &out)
        try await accounts.record(
            authority: authority, user: "oversight", action: Self.action,
            target: "\(today.iso): \(out.sent.count) sent, \(out.failed.count) failed, \(out.escalated.count) audits escalated", isChildLevel: false)
        return out
    }

    /// Escalates each overdue audit not escalated before to the auditor's manager: records it in
    /// the audit's history, and e-mails each manager one list of theirs.
    func escalate(authority: String, today: Day, into out: inout Outcome) async throws {
        let users = try await store.accounts(hasher: NoHashing()).users(authority: authority)
        let repo = store.audits()
        var byManager: [String: [Audit]] = [:]
        for a in try await repo.overdueAudits(today: today, authority: authority) where !a.isEscalated {
            let to = AuditRecipients.escalation(a, users: users)
            guard try await repo.escalate(a.id, to: to.map(\.username), today: today, authority: authority, by: "oversight") else { continue }
            out.escalated.append(a.id)
            for u in to { byManager[u.username, default: []].append(a) }
        }
        for (name, audits) in byManager.sorted(by: { $0.key < $1.key }) {
            guard let u = users.first(where: { $0.username == name }), let email = u.email,
                let n = AuditNotice.escalation(audits, recipient: (u.displayName, email), today: today, link: link)
            else { continue }
            do {
                try await mailer.send(to: n.to, subject: n.subject, body: n.body)
                out.sent.append(n.to)
            } catch {
                out.failed.append("\(n.to): \(error)")
            }
        }
    }

    /// Every authority's reminders for `today` (the daily run of `serve`).
    public func sendAll(today: Day) async {
        guard let authorities = try? await store.imports().authorities() else { return }
        for la in authorities { _ = try? await send(authority: la, today: today) }
    }
}

/// Reading users needs no password hashing.
struct NoHashing: PasswordHashing {
    func hash(_ password: String) throws -> String { throw StoreError.badInput("no password is set here") }
    func verify(_ password: String, against hash: String) throws -> Bool { false }
    var decoyHash: String { "" }
}

import Foundation
import OversightCore
import OversightStore

/// E-mails each action owner their overdue actions (`OverdueReminder`), once a day at most per
/// authority: a day's sending is written to the activity log ("e-mailed overdue actions", the
/// day and how many), and a day already there is not sent again, whichever process asks.
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
        try await accounts.record(
            authority: authority, user: "oversight", action: Self.action,
            target: "\(today.iso): \(out.sent.count) sent, \(out.failed.count) failed", isChildLevel: false)
        return out
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

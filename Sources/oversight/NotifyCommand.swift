import ArgumentParser
import Foundation
import OversightCore
import OversightStore
import OversightWeb

/// `oversight notify overdue`: e-mails each action owner (a user whose name is the action's
/// owner and who has an e-mail address) their overdue actions, once a day; `serve` does the same
/// each morning when a mail server is configured.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "E-mail action owners their overdue actions (OVERSIGHT_SMTP_HOST, OVERSIGHT_SMTP_PORT, OVERSIGHT_SMTP_FROM).",
        subcommands: [Overdue.self])

    struct Overdue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Send today's reminders of overdue actions and escalate overdue audits to the auditor's manager; a day already sent is not sent again (--force sends it again).",
            discussion: """
                Example: OVERSIGHT_SMTP_HOST=127.0.0.1 OVERSIGHT_SMTP_FROM=oversight@council.gov.uk oversight notify overdue --la 358
                --dry-run prints who would get what and sends nothing (no mail server needed).
                """)
        @Option(help: "Local authority code.") var la: String
        @Option(help: "The day to send for (default: today).") var day: String?
        @Flag(help: "Print the messages instead of sending them.") var dryRun = false
        @Flag(help: "Send even when the day's reminders were sent already.") var force = false
        @Option(help: "The site's address, named in each message.") var publicURL: String?

        func run() throws {
            guard let today = day.map({ Day.parseISO($0) }) ?? Day.today else { throw CLIError.usage("--day must be a date (yyyy-mm-dd)") }
            let mailer: SMTPMailer
            do {
                if let m = try SMTPMailer.fromEnvironment() {
                    mailer = m
                } else if dryRun {
                    mailer = SMTPMailer(host: "", from: "oversight@localhost")
                } else {
                    throw CLIError.usage("no mail server: set OVERSIGHT_SMTP_HOST (and OVERSIGHT_SMTP_FROM), or use --dry-run")
                }
            } catch let e as SMTPMailer.Failure { throw CLIError.usage(e.description) }
            let (la, dryRun, force, link) = (la, dryRun, force, publicURL)
            try StoreSession.run { store in
                let service = ReminderService(store: store, mailer: mailer, link: link)
                if dryRun {
                    let all = try await service.reminders(authority: la, today: today)
                    for r in all { print("To: \(r.name) <\(r.to)>\nSubject: \(r.subject)\n\n\(r.body)\n") }
                    print("\(all.count) reminder\(all.count == 1 ? "" : "s") for \(today.iso) (not sent).")
                    return
                }
                let out = try await service.send(authority: la, today: today, force: force)
                if out.alreadySent {
                    print("Reminders for \(today.iso) were sent already (--force sends them again).")
                    return
                }
                for f in out.failed { FileHandle.standardError.write(Data("not sent: \(f)\n".utf8)) }
                print(
                    "Sent \(out.sent.count) message\(out.sent.count == 1 ? "" : "s") for \(today.iso); \(out.failed.count) failed; \(out.escalated.count) overdue audit\(out.escalated.count == 1 ? "" : "s") escalated."
                )
                if !out.failed.isEmpty { throw CLIError.usage("\(out.failed.count) reminder(s) could not be sent") }
            }
        }
    }
}

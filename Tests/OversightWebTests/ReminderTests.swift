import Foundation
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing

/// Overdue actions by e-mail (issue 14), sent to a real SMTP server on loopback: aiosmtpd from
/// the Debian package python3-aiosmtpd, keeping what it receives in a maildir.
@Suite(.serialized) struct ReminderTests {
    /// A running aiosmtpd and the maildir it writes.
    final class MailServer {
        let process = Process()
        let port: Int
        let maildir: URL

        init() throws {
            maildir = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-mail-\(UUID().uuidString)")
            port = Int.random(in: 20000...40000)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Ready when it accepts a connection.
            for _ in 0..<100 {
                if (try? SMTPMailer.Connection(host: "127.0.0.1", port: port, timeout: 1)).map({
                    $0.close(); return true
                }) ?? false {
                    return
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            throw SMTPMailer.Failure(description: "aiosmtpd did not start on port \(port)")
        }

        /// The messages received, oldest first.
        func messages() -> [String] {
            let folder = maildir.appendingPathComponent("new")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            return names.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        }

        func stop() {
            // aiosmtpd ends on SIGINT or SIGKILL, not SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: maildir)
        }
    }

    static var hasServer: Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", "import aiosmtpd"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test func ownersGetTheirOverdueActionsOnceADayFromARealMailServer() async throws {
        try #require(Self.hasServer, "install the Debian package python3-aiosmtpd (a real SMTP server for this test)")
        let server = try MailServer()
        defer { server.stop() }
        let h = try await WebHarness.start()
        let la = WebFixtures.authority
        let accounts = h.store.accounts(hasher: BcryptHasher(cost: 4))
        try await accounts.addUser(
            authority: la, username: "pat.owner", displayName: "Pat Owner", role: .manager, password: "correct horse battery staple", email: "pat@example.org")
        try await accounts.addUser(authority: la, username: "sam.lead", displayName: "Sam Lead", role: .strategicLead, password: "correct horse battery staple")
        await #expect(throws: StoreError.self) { try await accounts.setEmail(username: "sam.lead", authority: la, email: "sam@example.org\r\nBcc: x@y.org") }
        let today = Day(year: 2026, month: 12, day: 7)!
        let actions = h.store.actions(authority: la)
        _ = try await actions.create(PlanAction(ambition: 1, text: "Publish the front door guidance", owner: "Pat Owner", due: today.adding(days: -3), by: "t", at: Date()))
        _ = try await actions.create(PlanAction(ambition: 2, text: "Recruit two IROs", owner: "pat owner", due: today.adding(days: -30), by: "t", at: Date()))
        _ = try await actions.create(PlanAction(ambition: 3, text: "Not due yet", owner: "Pat Owner", due: today.adding(days: 10), by: "t", at: Date()))
        _ = try await actions.create(PlanAction(ambition: 3, text: "Sam's overdue action", owner: "Sam Lead", due: today.adding(days: -1), by: "t", at: Date()))

        let service = ReminderService(
            store: h.store, mailer: SMTPMailer(host: "127.0.0.1", port: server.port, from: "oversight@council.example"), link: "https://oversight.example")
        let first = try await service.send(authority: la, today: today)
        #expect(first.sent == ["pat@example.org"] && first.failed.isEmpty)
        let mail = server.messages()
        try #require(mail.count == 1)
        #expect(mail[0].contains("Subject: Oversight: 2 overdue actions"))
        #expect(mail[0].contains("To: <pat@example.org>") && mail[0].contains("From: Oversight <oversight@council.example>"))
        #expect(mail[0].contains("- Recruit two IROs") && mail[0].contains("- Publish the front door guidance"))
        #expect(mail[0].range(of: "Recruit two IROs")!.lowerBound < mail[0].range(of: "Publish the front door guidance")!.lowerBound)
        #expect(!mail[0].contains("Not due yet") && !mail[0].contains("Sam's"))
        #expect(mail[0].contains("https://oversight.example"))
        // Once a day: asked again, nothing is sent; forced, it is.
        #expect(try await service.send(authority: la, today: today).alreadySent)
        #expect(server.messages().count == 1)
        _ = try await service.send(authority: la, today: today, force: true)
        #expect(server.messages().count == 2)
        let log = try await accounts.activity(authority: la, action: "e-mailed overdue actions")
        #expect(log.contains { $0.target == "2026-12-07: 1 sent, 0 failed, 0 audits escalated" })

        // A mail server that is not there: the failure is reported, the day still recorded once.
        let down = ReminderService(store: h.store, mailer: SMTPMailer(host: "127.0.0.1", port: 9, from: "oversight@council.example"), link: nil)
        let failed = try await down.send(authority: la, today: today.adding(days: 1))
        #expect(failed.sent.isEmpty && failed.failed.count == 1 && failed.failed[0].contains("refused the connection"))
        await h.shutdown()
    }

    @Test func addressesThatCouldBreakAHeaderAreRefused() {
        #expect(OverdueReminder.isValidAddress("jo.smith@council.gov.uk"))
        for bad in ["", "jo", "jo@", "@council.gov.uk", "jo@council", "jo smith@council.gov.uk", "jo@council.gov.uk\r\nBcc: x@y.org", "a@b@c.org", "<jo@x.org>"] {
            #expect(!OverdueReminder.isValidAddress(bad), "\(bad)")
        }
    }
}

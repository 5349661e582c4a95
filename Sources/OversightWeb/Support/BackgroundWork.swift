import Foundation
import OversightApp
import OversightCore
import OversightStore
import Vapor

/// The kinds of background job and what runs them, and the scheduler that adds the jobs due by
/// the clock. Jobs live in the store (`JobRepository`), so any process serving it runs each one
/// once, and a job a killed process left is finished by another.
enum BackgroundWork {
    /// A scheduled board pack: the period and the authority's name.
    struct BoardPackPayload: Codable, Sendable {
        var start: String
        var end: String
        var authorityName: String
    }

    /// A day's e-mails to one authority's action owners and overdue audits' managers.
    struct RemindersPayload: Codable, Sendable {
        var day: String
    }

    /// An audit alert's e-mails to the managers alerted.
    struct AuditAlertPayload: Codable, Sendable {
        var audit: String
        /// The address of the audit's review page, for the message.
        var link: String?
    }

    /// Gives `services.runner` a handler for every kind this process can run: imports always,
    /// board packs always, e-mails when a mail server is configured.
    static func registerHandlers(_ services: WebServices) {
        let runner = services.runner
        runner.register(ImportJobs.kind) { job, progress in try await ImportJobs.run(job, progress, services: services) }
        runner.register("board-pack") { job, _ in
            let p = try job.payload(BoardPackPayload.self)
            guard let start = Day.parseISO(p.start), let end = Day.parseISO(p.end), let period = Period(start: start, end: end) else {
                return .failed("The board pack's period is not readable.")
            }
            let reports = ReportService(store: services.store, options: services.options, dashboards: services.dashboards, clock: services.clock)
            do {
                let made = try await reports.boardPack(
                    authority: job.authority, authorityName: p.authorityName, period: period, suppress: false)
                let files = made.files.joined(separator: ", ")
                return made.pdfProblem == nil
                    ? .done("Made \(files)", outcome: "done") : .done("Made \(files); the PDF could not be made", outcome: "done-without-pdf")
            } catch let blocked as BoardPackNeedsCommentary {
                return .failed("Not made: \(blocked.kpis.count) KPIs off track have no account from their lead yet.")
            }
        }
        guard let mailer = services.mailer else { return }
        let reminders = ReminderService(store: services.store, mailer: mailer, link: services.options.publicURL)
        runner.register("reminders") { job, _ in
            guard let day = Day.parseISO(try job.payload(RemindersPayload.self).day) else { return .failed("The day is not readable.") }
            let out = try await reminders.send(authority: job.authority, today: day)
            if out.alreadySent { return .done("Already sent that day") }
            return .done("\(out.sent.count) sent, \(out.failed.count) failed, \(out.escalated.count) audits escalated")
        }
        runner.register("audit-alert") { job, _ in
            let p = try job.payload(AuditAlertPayload.self)
            guard let audit = try await services.store.audits().audit(AuditID(p.audit), authority: job.authority) else {
                return .failed("The audit is no longer there.")
            }
            let (sent, failed) = await AuditAlertController.mail(audit, authority: job.authority, link: p.link, services: services)
            return .done("\(sent) sent, \(failed) failed")
        }
    }

    /// Adds the jobs due now, in one process at a time (`JobRepository.whileScheduling`): the
    /// board pack of each authority at the cadence, when its folder does not hold it yet, and
    /// each authority's e-mails once a day from 07:00. Each is added under a key of its own, so
    /// it is added once whichever process schedules. Then ends the jobs given up on.
    static func schedule(_ services: WebServices, now: Date) async throws {
        let options = services.options
        let authorities = try await services.store.imports().authorities()
        let today = Day(now)
        let reports = ReportService(store: services.store, options: options, dashboards: services.dashboards, clock: services.clock)
        let sendsMail = services.mailer != nil && Calendar(identifier: .gregorian).component(.hour, from: now) >= 7
        let packs: [(la: String, payload: String, key: String)] =
            try options.boardPackCadence.map { cadence in
                let period = cadence.period(today: today)
                return try authorities.compactMap { la in
                    let name = "board-pack-\(la)-\(period.start.iso)-\(period.end.iso).html"
                    if FileManager.default.fileExists(atPath: reports.folder(authority: la).appendingPathComponent(name).path) { return nil }
                    let payload = BoardPackPayload(start: period.start.iso, end: period.end.iso, authorityName: services.authorityName(la))
                    return (la, try text(payload), "board-pack:\(la):\(period.start.iso):\(period.end.iso)")
                }
            } ?? []
        let mail: [(la: String, payload: String, key: String)] =
            sendsMail ? try authorities.map { ($0, try text(RemindersPayload(day: today.iso)), "reminders:\($0):\(today.iso)") } : []
        var added = 0
        if !packs.isEmpty || !mail.isEmpty {
            added =
                try await services.store.jobs(clock: services.clock).whileScheduling { s in
                    var added = 0
                    for p in packs where try await s.enqueue(kind: "board-pack", authority: p.la, payload: p.payload, uniqueKey: p.key) { added += 1 }
                    for m in mail where try await s.enqueue(kind: "reminders", authority: m.la, payload: m.payload, uniqueKey: m.key) { added += 1 }
                    return added
                } ?? 0
        }
        try await services.store.jobs(clock: services.clock).failAbandoned()
        if added > 0 { services.runner.wake() }
    }

    /// Runs `schedule` every `interval` until cancelled; a store that does not answer is asked
    /// again next time.
    static func scheduler(_ services: WebServices, interval: Duration = .seconds(60), logger: Logger) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await schedule(services, now: services.clock()) } catch {
                    logger.warning("could not schedule jobs", metadata: ["error": "\(type(of: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder.jobs.encode(value), as: UTF8.self)
    }
}

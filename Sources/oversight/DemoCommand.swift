import ArgumentParser
import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightSynth
import OversightWeb

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try Oversight on a synthetic local authority: generate it, import it, create a user per role, and serve.",
        discussion: """
            Writes a synthetic authority of Trafford's size (five collection years) into --dir, imports it
            into a SQLite file there, creates one demo user per role and serves the web application.
            The data is synthetic: no real child. A second run reuses what the first one made.
            --database postgres://... (or a SQLite file's path) puts the demo into that store instead, for
            example to try several `oversight serve` processes on one PostgreSQL database.
            """
    )

    @Option(help: "Where to write the synthetic data, the database and the demo users.") var dir: String = "oversight-demo"
    @Option(help: "The newest reporting year to generate (2025 = 2024-25).") var year: Int = 2025
    @OptionGroup var server: ServerOptions
    @Option(help: "The store to put the demo in: a postgres:// URL or a SQLite file's path (default: oversight.sqlite in --dir).")
    var database: String?
    @Flag(help: .hidden) var prepareOnly = false

    /// The demo authority: Trafford's code, so published comparators line up.
    static let authority = "358"

    func run() throws {
        let root = URL(fileURLWithPath: dir)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let data = root.appendingPathComponent("data")
        if FileManager.default.fileExists(atPath: data.appendingPathComponent("manifest.json").path) {
            print("Using the synthetic authority already in \(data.path).")
        } else {
            print("Generating a synthetic authority of Trafford's size, collection years \(year - 4) to \(year), in \(data.path)...")
            let options = SynthOptions(localAuthority: 358, firstYear: year - 4, lastYear: year, seed: 1, scale: .trafford, errorRate: 0, writesXML: false)
            _ = try SynthGenerator(options: options).run(to: data)
        }
        let configuration = storeConfiguration(root: root)
        let database: String = { if case .sqlite(let path) = configuration { return path } else { return configuration.description } }()
        let usersFile = root.appendingPathComponent("demo-users.txt")
        let statistics = try ReferenceFolder.load(server.reference, store: configuration)
        let options = try server.webOptions(
            isSyntheticData: true, uploadsFolder: root.appendingPathComponent("uploads").path,
            reportsFolder: root.appendingPathComponent("reports").path, statistics: statistics)
        let dataPath = data.path
        let credentials = try StoreSession.run(configuration: configuration) { store -> [(String, Role, String)] in
            let imports = store.imports()
            if try await imports.list(authority: Self.authority).contains(where: { $0.status == .active }) {
                print("Using the demo database \(database).")
            } else {
                print("Importing the synthetic files into \(database) (validated first; this takes a little while)...")
                let outcome = try await imports.importFiles(paths: [dataPath], authority: Self.authority, user: "demo")
                if case .imported(let summary) = outcome {
                    print(
                        "Imported \(summary.files.count) files as import \(summary.id): \(summary.findings[.error] ?? 0) errors, \(summary.findings[.warning] ?? 0) warnings, \(summary.findings[.query] ?? 0) queries."
                    )
                }
            }
            let users = try await Self.demoUsers(store: store, file: usersFile)
            try await Self.demoAudits(store: store, reportDate: Period.reportingYear(year).end)
            try await Self.demoFeedback(store: store, year: year)
            try await Self.demoActions(store: store, year: year)
            try await Self.demoKPICommentary(store: store, statistics: statistics, year: year)
            return users
        }
        print("\nSign in at http://\(options.host):\(options.port)/ with any of these demo users (also in \(usersFile.path)):\n")
        for (name, role, password) in credentials {
            let app = role.needsSecondFactor ? "  + authenticator app" : ""
            print("  \(role.title.padding(toLength: 20, withPad: " ", startingAt: 0)) \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(password)\(app)")
        }
        print(
            """

            Roles that see children's records, and the administrator, sign in in two steps: the password, then a
            code from an authenticator app. At the first sign-in the page shows a key to add to any authenticator
            app (Microsoft Authenticator, Google Authenticator...). Without a phone, this prints the current code:
              swift run oversight authenticator-code KEY
            """)
        print("\nEvery child in this demo is made up.")
        if prepareOnly { return }
        print("Serving at http://\(options.host):\(options.port)/ (stop with Ctrl-C)")
        try StoreSession.run(configuration: configuration) { store in
            // Notices and errors only in the demo's terminal, unless LOG_LEVEL asks for more.
            try await WebApp.serve(store: store, options: options, defaultLogLevel: .notice)
        }
    }

    /// The store the demo uses: `--database` (a PostgreSQL URL or a SQLite file), else
    /// oversight.sqlite in the demo's folder.
    func storeConfiguration(root: URL) -> StoreConfiguration {
        if let database, database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") { return .postgres(url: database) }
        if let database, !database.isEmpty { return .sqlite(path: database) }
        return .sqlite(path: root.appendingPathComponent("oversight.sqlite").path)
    }

    /// A year of audit rounds to the end of the demo's newest reporting year, done by the demo
    /// auditor and manager and moderated by the demo moderator, unless the store has rounds already.
    static func demoAudits(store: Store, reportDate: Day) async throws {
        let audits = store.audits()
        guard try await audits.rounds(authority: authority).isEmpty else { return }
        print("Adding a year of case file and supervision audit rounds...")
        var templates = try await audits.latestTemplates(authority: authority)
        if templates.isEmpty { templates = try await audits.installShippedTemplates(authority: authority, by: "demo") }
        let data = try await store.cases.caseData(authority: authority)
        let made = try SynthAudits(
            data: data, templates: templates, reportDate: reportDate, auditors: ["demo-auditor", "demo-manager"],
            moderators: ["demo-moderator"], seed: 1)
        try await audits.insert(rounds: made.rounds, audits: made.audits, authority: authority, by: "demo")
        // Work in hand: three case file audits for the demo auditor (a child in need, a child on a
        // plan and a child looked after, each on their kind's template, with the team that holds
        // them) and a multi-agency audit whose police section is the demo partner auditor's, due a
        // fortnight from today.
        let due = Day(Date()).adding(days: 14)
        let open = AuditCohort.compute(.allOpenCases, data: data, on: reportDate)
        let picked = [CaseKind.cin, .cp, .cla].compactMap { kind in open.first { $0.caseKind == kind } }
        let generic = templates.first { $0.id == "case-file" }
        for c in picked {
            let template = generic.map { AuditTemplate.forCase(c.caseKind, round: $0, latest: templates).id } ?? "case-file"
            _ = try await audits.assign(
                templateID: template, subject: .child(c.child), caseKind: c.caseKind, team: c.team, auditor: "demo-auditor",
                due: due, authority: authority, by: "demo")
        }
        if let c = open.first(where: { $0.caseKind == .cp && !picked.contains($0) }) {
            _ = try await audits.assign(
                templateID: "multi-agency", subject: .child(c.child), caseKind: .cp, team: c.team, auditor: "demo-manager",
                partnerAuditors: [.police: "demo-partner-auditor"], due: due, authority: authority, by: "demo")
        }
        print("Added \(made.rounds.count) rounds with \(made.audits.count) audits, and four open audits for the demo auditors.")
    }

    /// A year of families' and children's feedback (`SynthFeedback`), unless the store has some.
    static func demoFeedback(store: Store, year: Int) async throws {
        let repo = store.feedback(authority: authority)
        guard try await repo.responses().isEmpty else { return }
        let data = try await store.cases.caseData(authority: authority)
        // Two years, so that a KPI asking for an increase has last year's figure to compare with.
        let made = [year - 1, year].flatMap { y in SynthFeedback.responses(data: data, authority: authority, year: y, seed: UInt64(y)) }
        try await repo.insert(made)
        print("Added \(made.count) feedback responses from families and children.")
    }

    /// The plan's actions as a year of delivery leaves them, unless the store tracks them
    /// already: each with an owner (the demo manager and strategic lead own some, so their
    /// overview lists them) and a due date; some complete, some on track with an update, some
    /// at risk, some overdue and some due in the next weeks. Dates are counted from today.
    static func demoActions(store: Store, year: Int) async throws {
        let repo = store.actions(authority: authority)
        guard try await repo.all().isEmpty else { return }
        let plan = try await store.plans(authority: authority).current()?.plan ?? PlanLoader.defaultPlan()
        try await repo.seed(from: plan, owner: "Ambition lead", by: "demo")
        let today = Day(Date())
        let owners = [displayName(.manager), displayName(.strategicLead)]
        for (i, a) in try await repo.all().enumerated() {
            guard let id = a.id else { continue }
            let lead = plan.ambitions.first { $0.number == a.ambition }?.leads.first ?? a.owner
            let owner = i % 4 == 1 ? owners[i % 2] : lead
            switch i % 5 {
            case 0:
                try await repo.edit(id: id, owner: owner, due: .some(today.adding(days: -60 + i)), by: "demo")
                try await repo.addUpdate(actionID: id, text: "Done: signed off at the improvement board.", evidence: "Board minutes", status: .complete, by: "demo")
            case 1:
                try await repo.edit(id: id, owner: owner, due: .some(today.adding(days: 10 + i % 20)), by: "demo")
                try await repo.addUpdate(actionID: id, text: "Under way; first review booked.", status: .onTrack, by: "demo")
            case 2:
                try await repo.edit(id: id, owner: owner, due: .some(today.adding(days: -(5 + i % 25))), by: "demo")
                try await repo.addUpdate(actionID: id, text: "Delayed by staff changes in the team.", status: .atRisk, by: "demo")
            case 3:
                try await repo.edit(id: id, owner: owner, due: .some(today.adding(days: 45 + i)), status: .onTrack, by: "demo")
            default:
                try await repo.edit(id: id, owner: owner, due: .some(today.adding(days: 90 + i)), by: "demo")
            }
        }
        print("Gave the plan's actions owners, due dates and progress.")
        // Two past performance clinics of a child protection team, with the actions agreed at them.
        let team = "Child protection team 1", manager = displayName(.manager)
        let end = Period.reportingYear(year).end
        let clinics = [end.startOfMonth.adding(months: -2), end.startOfMonth.adding(months: -1)].compactMap { s in
            ClinicRef(kind: "team", name: team, period: Period(start: s, end: s.endOfMonth)!)
        }
        let agreed: [(clinic: Int, ambition: Int, text: String, due: Int, status: ActionStatus?)] = [
            (0, 2, "Review every child protection plan open more than nine months with the conference chair", -40, .complete),
            (0, 1, "Book return home interviews within 72 hours for every child back from missing", -12, .atRisk),
            (1, 2, "Visit every child on a plan at least every ten working days; list the gaps weekly", 20, .onTrack),
        ]
        for a in agreed where a.clinic < clinics.count {
            let made = try await repo.create(
                PlanAction(agreedAt: clinics[a.clinic], ambition: a.ambition, text: a.text, owner: manager, due: today.adding(days: a.due), by: "demo", at: Date()))
            if let status = a.status, let id = made.id {
                try await repo.addUpdate(actionID: id, text: status == .complete ? "Done; checked at the next clinic." : "Reported at the clinic.", status: status, by: "demo")
            }
        }
        print("Added two past performance clinics of \(team) with the actions agreed at them.")
    }

    /// The lead's account of each KPI red for the demo's newest reporting year, so its board pack
    /// can be made (a red KPI goes into a board pack only with one), unless some are written already.
    static func demoKPICommentary(store: Store, statistics: PublishedStatistics?, year: Int) async throws {
        let plan = try await store.plans(authority: authority).current()?.plan ?? PlanLoader.defaultPlan()
        let numbers = AuthorityNumbers(store: store, statistics: statistics, defaultPlan: plan)
        let period = Period.reportingYear(year)
        let plans = store.plans(authority: authority)
        guard try await plans.kpiCommentary(period: period).isEmpty else { return }
        let missing = try await numbers.kpisNeedingCommentary(period: period, snapshot: try await numbers.snapshot(authority: authority))
        for e in missing {
            try await plans.writeKPICommentary(
                measure: e.kpi.measure, period: period, why: "Demo: the lead's account of why this KPI is off track would go here.",
                doing: "Demo: and what is being done about it; agreed at the performance board.", by: "demo")
        }
        if !missing.isEmpty { print("Wrote the leads' accounts of the \(missing.count) KPIs red for \(year - 1)-\(String(year).suffix(2)).") }
    }

    /// One user per role, with passwords kept in `file` (readable by its owner only) so a second
    /// run shows the same ones.
    static func demoUsers(store: Store, file: URL) async throws -> [(String, Role, String)] {
        var saved: [String: String] = [:]
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t").map(String.init)
                if parts.count == 3 { saved[parts[0]] = parts[2] }
            }
        }
        let accounts = store.accounts(hasher: BcryptHasher(cost: 10))
        var out: [(String, Role, String)] = []
        for role in Role.allCases {
            let name = "demo-" + role.rawValue
            var password = saved[name] ?? passphrase()
            if let existing = try await accounts.user(named: name) {
                if saved[name] == nil { try await accounts.resetPassword(username: name, authority: existing.authority, newPassword: password) }
            } else {
                do {
                    try await accounts.addUser(
                        authority: authority, username: name, displayName: displayName(role), role: role, password: password,
                        agency: role == .partnerAuditor ? "police" : nil, team: role == .manager || role == .auditor ? "Assessment team 1" : nil)
                } catch StoreError.badInput {
                    password = passphrase()
                    try await accounts.addUser(
                        authority: authority, username: name, displayName: displayName(role), role: role, password: password,
                        agency: role == .partnerAuditor ? "police" : nil)
                }
            }
            out.append((name, role, password))
        }
        let text = out.map { "\($0.0)\t\($0.1.rawValue)\t\($0.2)" }.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CLIError.usage("cannot write the demo users' file \(file.path)")
        }
        return out
    }

    static func displayName(_ role: Role) -> String {
        switch role {
        case .administrator: return "Alex Morgan (demo)"
        case .analyst: return "Priya Shah (demo)"
        case .manager: return "Sam Okafor (demo)"
        case .auditor: return "Jo Whitfield (demo)"
        case .moderator: return "Chris Doyle (demo)"
        case .strategicLead: return "Helen Price (demo)"
        case .boardMember: return "Director (demo)"
        case .partnerAuditor: return "PC Lee Grant (demo)"
        case .regional: return "Regional analyst (demo)"
        }
    }

    /// A demo user's password: random, about 79 bits (`RandomPassword`); the demo prints it.
    static func passphrase() -> String { RandomPassword.make() }
}

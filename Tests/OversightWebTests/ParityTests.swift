import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightSynth
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// One truth for every number: the same question gets the same answer from the command line,
/// the JSON API, the pages and the reports, on a store holding case data, a year of audits,
/// values entered by hand, supervision entered in Oversight and a practice standard set there.
@Suite(.serialized) struct ParityTests {
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/oversight").path

    /// Runs the command-line program on the harness's store.
    static func oversight(_ arguments: [String], store: URL) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OVERSIGHT_DATABASE"] = store.path
        env["DATABASE_URL"] = nil
        env["OVERSIGHT_REFERENCE"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func json(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    /// Everything beyond case data that a number can read, added as the product adds it.
    static func addEverything(to store: Store) async throws {
        let la = WebFixtures.authority
        let audits = store.audits()
        let templates = try await audits.installShippedTemplates(authority: la, by: "test")
        let data = try await store.cases.caseData(authority: la)
        let made = try SynthAudits(
            data: data, templates: templates, reportDate: Day(year: 2025, month: 3, day: 31)!, auditors: ["auditor-1", "auditor-2"],
            moderators: ["moderator-1"], seed: 3)
        try await audits.insert(rounds: made.rounds, audits: made.audits, authority: la, by: "test")
        _ = try await store.handEntries(authority: la).record(
            HandEnteredEntry(
                measureID: "hand_households_recruited", period: .reportingYear(2025), value: 9, source: "Fostering panel minutes",
                enteredBy: "analyst", enteredAt: Date()))
        try await audits.setPracticeStandard(PracticeStandard(role: "Social worker", supervisionIntervalDays: 21), authority: la, by: "test")
        for (worker, day) in [("W-ENTERED-1", 10), ("W-ENTERED-1", 28), ("W-ENTERED-2", 12)] {
            _ = try await audits.addSupervisionSession(
                worker: worker, date: Day(year: 2025, month: 1, day: day)!, kind: "formal", reflective: true,
                authority: la, by: "test")
        }
    }

    @Test func theCommandLineTheAPIAndThePagesGiveTheSameNumbers() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the oversight executable first (swift build)")
        let h = try await WebHarness.start(withStatistics: true)
        try await Self.addEverything(to: h.store)
        await h.app.services.dashboards.invalidate(authority: WebFixtures.authority)
        let database = h.folder.appendingPathComponent("oversight.sqlite")

        for period in ["2025", "2024Q4", "2025-01"] {
            // Every measure.
            let api = try await h.send(.GET, "/api/v1/measures?period=\(period)", as: .analyst)
            #expect(api.status == .ok)
            let cli = try Self.oversight(["measures", "--period", period, "--format", "json"], store: database)
            #expect(cli.status == 0, "\(cli.err)")
            let fromAPI = try Self.json(api.body.string), fromCLI = try Self.json(cli.out)
            #expect(fromAPI == fromCLI, "measures for \(period)")
            // Asked again, the command line answers from the store's cache: the same numbers.
            let again = try Self.oversight(["measures", "--period", period, "--format", "json", "--timing"], store: database)
            #expect(again.err.contains("cache hit") && again.out == cli.out, "cached measures for \(period)")
            // The supervision entered in Oversight and the practice standard set there count in both.
            let measures = try #require(fromCLI["measures"] as? [NSDictionary])
            #expect(measures.contains { $0["id"] as? String == "audits_ri_or_better_pct" && $0["denominator"] as? Double ?? 0 > 0 } || period == "2025-01")
            if period == "2025" {
                #expect(measures.contains { $0["id"] as? String == "hand_households_recruited" && $0["value"] as? Double == 9 })
            }
            if period == "2025-01" {
                // The practice standard set in Oversight (21 days) decides which supervisions were due:
                // the engine's default of 28 gives other numbers.
                let defaultStandard = try Self.oversight(["measures", "--period", period, "--format", "json", "--supervision-interval", "28"], store: database)
                #expect(try Self.json(defaultStandard.out) != fromCLI)
            }

            // Every KPI.
            let apiKPIs = try await h.send(.GET, "/api/v1/kpis?period=\(period)", as: .analyst)
            let cliKPIs = try Self.oversight(["kpis", "--period", period, "--format", "json"], store: database)
            #expect(cliKPIs.status == 0, "\(cliKPIs.err)")
            let kpisFromAPI = try Self.json(apiKPIs.body.string), kpisFromCLI = try Self.json(cliKPIs.out)
            #expect(kpisFromAPI == kpisFromCLI, "KPIs for \(period)")
            let kpis = try #require(kpisFromCLI["kpis"] as? [NSDictionary])
            #expect(kpis.count == (try PlanLoader.defaultPlan()).allKPIs.count)
            if period == "2025" {
                // The quality assurance KPIs have values (the command line once showed them as no data).
                #expect(kpis.contains { $0["measure"] as? String == "audits_ri_or_better_pct" && $0["value"] is Double })
            }

            // The pages' model: the evaluations the overview renders are the application layer's.
            let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
            let page = await h.app.services.dashboards.dashboard(authority: WebFixtures.authority, period: Period.parse(period)!, snapshot: snapshot)
            let fromPage = try Self.json(KPIOutput.json(page).text(pretty: false))
            #expect(fromPage == kpisFromCLI, "page model KPIs for \(period)")
        }

        // A measure by team: the command line's `--team` and the By team page's figures are the
        // application layer's, the same for every team (issue 14).
        let snapshot = try await h.app.services.dashboards.snapshot(authority: WebFixtures.authority)
        let byTeam = h.app.services.dashboards.numbers.teamComparison("rereferrals_12m_pct", period: .reportingYear(2025), snapshot: snapshot)
        #expect(byTeam.count > 2)
        for figure in byTeam {
            guard case .team(let team) = figure.part else { continue }
            let cli = try Self.oversight(
                ["measures", "--period", "2025", "--team", team, "--measure", "rereferrals_12m_pct", "--format", "json"], store: database)
            #expect(cli.status == 0, "\(cli.err)")
            let row = try #require((try Self.json(cli.out)["measures"] as? [NSDictionary])?.first)
            #expect(row["numerator"] as? Double == figure.result.numerator && row["denominator"] as? Double == figure.result.denominator, "\(team)")
            let page = try await h.send(.GET, "/measures/rereferrals_12m_pct/teams?period=2025", as: .analyst).body.string
            #expect(page.contains(">\(team)<span class=\"ov-visually-hidden\">: its children</span></a>"))
        }

        // The board pack: the same document from the Reports page and from `oversight report board`.
        try await h.explainRedKPIs()
        let made = try await h.send(.POST, "/reports", as: .analyst, form: ["period": "2025", "suppress": "no"])
        #expect(made.status == .ok)
        let webPack = h.folder.appendingPathComponent("reports/358/board-pack-358-2024-04-01-2025-03-31.html")
        let cliPack = h.folder.appendingPathComponent("cli-board-pack.html")
        let cli = try Self.oversight(["report", "board", "--period", "2025", "--out", cliPack.path, "--authority-name", "Trafford"], store: database)
        #expect(cli.status == 0, "\(cli.err)")
        let web = try String(contentsOf: webPack, encoding: .utf8), line = try String(contentsOf: cliPack, encoding: .utf8)
        #expect(web == line)
        // The monthly pack and the weekly report read the same measures as the API.
        for kind in ["monthly", "weekly", "clinic"] {
            let out = h.folder.appendingPathComponent("cli-\(kind).csv")
            var args = ["report", kind, "--period", kind == "weekly" ? "2025-01-06..2025-01-12" : "2025-01", "--out", out.path]
            if kind == "clinic" { args += ["--worker", "W-ENTERED-1"] }
            let r = try Self.oversight(args, store: database)
            #expect(r.status == 0, "\(kind): \(r.err)")
        }
        await h.shutdown()
    }
}

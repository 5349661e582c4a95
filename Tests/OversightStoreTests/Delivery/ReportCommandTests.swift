import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import Testing

extension StoreTests {
    /// `oversight report` as a user runs it: a board pack printed to PDF is legible, every report
    /// writes HTML, CSV and XLSX, and the store's actions and commentary appear in the pack.
    @Suite struct ReportCommandTests {
        static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "DATABASE_URL")
            for (k, v) in environment { env[k] = v }
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }

        static var pdfTools: Bool {
            PDFPrinter.locate() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        }

        /// Collapses white space so text wrapped across lines compares equal.
        static func squeeze(_ s: String) -> String {
            s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }

        @Test(.enabled(if: pdfTools, "needs chromium and poppler-utils"))
        func boardPackPDFIsLegible() throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            _ = SyntheticFiles.twoYears(in: folder, under: "la")
            let pdf = folder.path("board.pdf")
            let r = try Self.run(
                ImportFaultTests.binary,
                [
                    "report", "board", "--period", "2025", "--from", folder.path("la"), "--out", pdf,
                    "--authority-name", "Trafford",
                ], environment: ["OVERSIGHT_DATABASE": folder.path("o.sqlite")])
            #expect(r.status == 0, "\(r.err)")
            let text = try Self.run("/usr/bin/pdftotext", [pdf, "-"]).out
            let flat = Self.squeeze(text)
            let plan = try PlanLoader.defaultPlan()
            for a in plan.ambitions { #expect(flat.contains(Self.squeeze(a.title)), "ambition \(a.number) title missing") }
            for (_, k) in plan.allKPIs { #expect(flat.contains(Self.squeeze(k.wording)), "KPI missing: \(k.wording)") }
            #expect(flat.contains("Page 1 of"))
            // Every page rendered to pixels has ink on it.
            _ = try Self.run("/usr/bin/pdftoppm", ["-gray", "-r", "20", pdf, folder.path("page")])
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".pgm") }
            #expect(pages.count >= plan.ambitions.count + 4)
            for page in pages {
                let bytes = try Data(contentsOf: folder.url.appendingPathComponent(page))
                #expect(bytes.suffix(bytes.count / 2).contains { $0 < 200 } || bytes.contains { $0 < 128 }, "\(page) is blank")
            }
        }

        @Test func everyReportWritesHTMLCSVAndXLSXAndChromiumMissingIsExplained() throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            _ = SyntheticFiles.twoYears(in: folder, under: "la")
            let db = ["OVERSIGHT_DATABASE": folder.path("o.sqlite")]
            for kind in ["board", "daily", "weekly", "monthly", "clinic"] {
                let period = kind == "daily" ? "2025-03-31" : kind == "weekly" ? "2025-03-24..2025-03-30" : "2025"
                for ext in ["html", "csv", "xlsx"] {
                    let out = folder.path("\(kind).\(ext)")
                    let r = try Self.run(
                        ImportFaultTests.binary,
                        [
                            "report", kind, "--period", period, "--from", folder.path("la"), "--worker", "W1",
                            "--out", out,
                        ], environment: db)
                    #expect(r.status == 0 && FileManager.default.fileExists(atPath: out), "\(kind).\(ext): \(r.err)")
                }
            }
            let board = try String(contentsOfFile: folder.path("board.html"), encoding: .utf8)
            #expect(board.contains("<section class=\"ov-page\" id=\"ambition-1\">"))
            let csv = try String(contentsOfFile: folder.path("board.csv"), encoding: .utf8)
            #expect(csv.hasPrefix("Ambition,KPI,Measure,Unit,Value,Target,Target value,Status"))
            let book = try XLSXReader.read(url: URL(fileURLWithPath: folder.path("monthly.xlsx")))
            #expect(book.sheets[0].rows.count > 5)
            let empty = try Self.run(
                ImportFaultTests.binary, ["report", "board", "--period", "2010", "--from", folder.path("la"), "--out", folder.path("e.html")], environment: db)
            #expect(empty.status == 0)
            #expect(try String(contentsOfFile: folder.path("e.html"), encoding: .utf8).contains("There is no data for this period"))
            let noChromium = try Self.run(
                ImportFaultTests.binary, ["report", "board", "--period", "2025", "--from", folder.path("la"), "--out", folder.path("x.pdf")],
                environment: db.merging(["OVERSIGHT_CHROMIUM": "/nonexistent/chromium"]) { $1 })
            #expect(noChromium.status == 2 && noChromium.err.contains("Debian package chromium"))
        }

        @Test func boardPackFromTheStoreShowsActionsCommentaryAndHandEnteredValues() async throws {
            try #require(FileManager.default.isExecutableFile(atPath: ImportFaultTests.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            let db = folder.path("o.sqlite")
            let store = try await Store.open(.sqlite(path: db))
            _ = try await store.imports().importFiles(paths: [years.y2024, years.y2025], authority: "358", user: "analyst")
            let actions = store.actions(authority: "358")
            let action = try await actions.create(
                PlanAction(
                    ambition: 2, text: "Rewrite the front door triage guidance", owner: "Head of First Response",
                    due: Day(year: 2025, month: 1, day: 31), by: "lead", at: Date()))
            try await actions.addUpdate(actionID: action.id!, text: "Draft shared with partners", evidence: "Partnership board minutes", status: .onTrack, by: "owner")
            try await store.plans(authority: "358").writeCommentary(ambition: 2, period: .reportingYear(2025), text: "Re-referrals fell after the new triage.", by: "lead")
            try await store.handEntries(authority: "358").record(
                HandEnteredEntry(
                    measureID: "hand_multiagency_participation_pct", period: .reportingYear(2025),
                    numerator: 120, denominator: 480, source: "Early help hub", enteredBy: "analyst", enteredAt: Date()))
            await store.close()
            let out = folder.path("board.html")
            // Red KPIs need their lead's account first: the command names them and stops.
            let refused = try Self.run(ImportFaultTests.binary, ["report", "board", "--period", "2025", "--out", out], environment: ["OVERSIGHT_DATABASE": db])
            let named = refused.err.matches(of: /\(([a-z0-9_]+)\)/).map { String($0.output.1) }
            if refused.status != 0 {
                #expect(refused.status == 2 && refused.err.contains("needs the lead's commentary") && !named.isEmpty, "\(refused.err)")
                #expect(!FileManager.default.fileExists(atPath: out))
                let again = try await Store.open(.sqlite(path: db))
                for m in Set(named) {
                    try await again.plans(authority: "358").writeKPICommentary(
                        measure: m, period: .reportingYear(2025), why: "Why \(m) is red", doing: "What is done about \(m)", by: "lead")
                }
                await again.close()
            }
            let r = try Self.run(ImportFaultTests.binary, ["report", "board", "--period", "2025", "--out", out], environment: ["OVERSIGHT_DATABASE": db])
            #expect(r.status == 0, "\(r.err)")
            if let m = named.first { #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<strong>Why it is off track:</strong> Why \(m) is red</p>")) }
            let html = try String(contentsOfFile: out, encoding: .utf8)
            #expect(html.contains("<td>Rewrite the front door triage guidance</td><td>Head of First Response</td><td>31 January 2025</td>"))
            #expect(html.contains("Draft shared with partners Evidence: Partnership board minutes"))
            #expect(html.contains("<div class=\"ov-commentary\">Re-referrals fell after the new triage.</div>"))
            #expect(html.contains("<td class=\"ov-num\">25.0%</td>"))
        }
    }
}

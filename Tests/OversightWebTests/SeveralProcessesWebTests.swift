import Foundation
import OversightCore
import OversightStore
@testable import OversightWeb
import Testing
import Vapor
import VaporTesting

/// Two processes serving one store, as behind nginx: an upload taken by one is imported by the
/// other and can be followed on either; a board pack due is scheduled once and made once
/// whichever process schedules; a session ended in one is ended in the other at once. On
/// SQLite, and on PostgreSQL when `OVERSIGHT_TEST_POSTGRES_URL` is set.
@Suite(.serialized) struct SeveralProcessesWebTests {
    static var backends: [String] { WebHarness.backends }

    static func configuration(_ backend: String) async throws -> StoreConfiguration? {
        try await WebHarness.configuration(backend, database: "processes")
    }

    @Test(arguments: backends)
    func anUploadTakenByOneProcessIsImportedByAnother(_ backend: String) async throws {
        let a = try await WebHarness.start(importData: false, configuration: try await Self.configuration(backend))
        let b = try await a.secondProcess()
        _ = try await a.send(.GET, "/healthz", as: nil)
        // The first process runs no jobs (as if it were killed once the upload was stored).
        await a.app.services.runner.stop()
        let res = try await UploadTests().post(a, files: [("episodes_2025.csv", UploadTests.episodes)])
        #expect(res.status == .seeOther)
        let page = try await UploadTests().finish(b, res)
        #expect(page.status == .ok && page.body.string.contains("episodes_2025.csv"))
        let job = try #require(try await a.store.jobs().list().first)
        #expect(job.kind == "import" && job.state == .done && job.attempts == 1)
        #expect(job.owner == b.app.services.runner.owner && job.owner != a.app.services.runner.owner)
        #expect(try await a.store.imports().list(authority: WebFixtures.authority).count == 1)
        let uploads = (try? FileManager.default.contentsOfDirectory(atPath: a.folder.appendingPathComponent("uploads").path)) ?? []
        #expect(uploads.isEmpty, "the job deleted the uploaded files when it ended")
        await b.shutdown()
        await a.shutdown()
    }

    @Test(arguments: backends)
    func aBoardPackDueIsScheduledAndMadeOnce(_ backend: String) async throws {
        let a = try await WebHarness.start(
            withStatistics: true, configuration: try await Self.configuration(backend), boardPackCadence: .monthly)
        let b = try await a.secondProcess()
        let now = Date(timeIntervalSince1970: Double(Day(year: 2025, month: 4, day: 10)!.ordinal) * 86_400 + 43_200)
        let period = BoardPackCadence.monthly.period(today: Day(now))
        try await a.explainRedKPIs(period: period)
        _ = try await a.send(.GET, "/healthz", as: nil)
        _ = try await b.send(.GET, "/healthz", as: nil)
        async let first: Void = BackgroundWork.schedule(a.app.services, now: now)
        async let second: Void = BackgroundWork.schedule(b.app.services, now: now)
        _ = try await (first, second)
        var packs: [Job] = []
        for _ in 0..<600 {
            packs = try await a.store.jobs().list().filter { $0.kind == "board-pack" }
            if !packs.isEmpty, packs.allSatisfy({ $0.state == .done || $0.state == .failed }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(packs.count == 1, "one board pack job, whichever process scheduled")
        #expect(packs[0].state == .done, "\(packs[0].message)")
        let name = "board-pack-\(WebFixtures.authority)-\(period.start.iso)-\(period.end.iso).html"
        #expect(FileManager.default.fileExists(atPath: a.folder.appendingPathComponent("reports/\(WebFixtures.authority)/\(name)").path))
        // Scheduled again, nothing more is added: the pack is there.
        try await BackgroundWork.schedule(b.app.services, now: now.addingTimeInterval(3600))
        #expect(try await a.store.jobs().list().filter { $0.kind == "board-pack" }.count == 1)
        await b.shutdown()
        await a.shutdown()
    }

    /// Only where several processes can serve the store: PostgreSQL.
    @Test(.enabled(if: backends.contains("postgres")))
    func aSessionEndedInOneProcessIsEndedInTheOtherAtOnce() async throws {
        let a = try await WebHarness.start(configuration: try await Self.configuration("postgres"))
        let b = try await a.secondProcess()
        #expect(try await b.send(.GET, "/", as: .analyst).status == .ok)
        #expect(try await a.send(.GET, "/", as: .analyst).status == .ok)
        let out = try await a.send(.POST, "/sign-out", as: .analyst)
        #expect(out.status == .seeOther)
        let after = try await b.send(.GET, "/", as: .analyst)
        #expect(after.status != .ok, "the other process still accepted the session ended")
        await b.shutdown()
        await a.shutdown()
    }
}

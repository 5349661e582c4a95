import Foundation
import OversightCore
@testable import OversightStore
import Testing

extension StoreTests {
    /// An import interrupted half-way leaves no trace; readers see the previous data meanwhile.
    @Suite struct ImportFaultTests {
        static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/oversight").path

        /// What a reader can see of an authority: its imports and its case data.
        static func snapshot(_ store: Store) async throws -> (imports: [ImportSummary], episodes: [CLAEpisode], reviews: [CLAReview]) {
            let data = try await store.cases.caseData(authority: "358")
            return (try await store.imports().list(authority: "358"), data.claEpisodes, data.claReviews)
        }

        @Test(arguments: TestBackend.all)
        func readersSeeThePreviousVersionWhileAnImportRuns(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let config = try await backend.freshConfiguration(in: folder)
            let writer = try await Store.open(config)
            let reader = try await Store.open(config)
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            _ = try await writer.imports().importFiles(paths: [years.y2024], authority: "358", user: "u")
            let before = try await Self.snapshot(reader)
            let big = SyntheticFiles.manyChildren(in: folder, under: "big", children: 600)
            var imports = writer.imports()
            let seen = Box()
            imports.midway = {
                let during = try await Self.snapshot(reader)
                seen.matched = during.imports == before.imports && during.episodes == before.episodes && during.reviews == before.reviews
            }
            _ = try await imports.importFiles(paths: [big], authority: "358", user: "u")
            #expect(seen.matched == true)
            let after = try await Self.snapshot(reader)
            #expect(after.imports.count == 2 && after.episodes.count == before.episodes.count + 600)
            await reader.close()
            await writer.close()
        }

        final class Box: @unchecked Sendable { var matched: Bool? }

        @Test(arguments: TestBackend.all)
        func sigkillMidImportLeavesTheDatabaseAsBefore(_ backend: TestBackend) async throws {
            try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the oversight executable first (swift build)")
            let folder = TempFolder()
            let config = try await backend.freshConfiguration(in: folder)
            let store = try await Store.open(config)
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            _ = try await store.imports().importFiles(paths: [years.y2024], authority: "358", user: "u")
            let before = try await Self.snapshot(store)
            await store.close()

            let big = SyntheticFiles.manyChildren(in: folder, under: "big", children: 2000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = ["import", big, "--la", "358", "--user", "killed"]
            var env = ProcessInfo.processInfo.environment
            env["OVERSIGHT_TEST_IMPORT_PAUSE"] = "60"
            env.removeValue(forKey: "DATABASE_URL")
            switch config {
            case .sqlite(let path): env["OVERSIGHT_DATABASE"] = path
            case .postgres(let url): env["DATABASE_URL"] = url
            }
            process.environment = env
            let log = folder.path("stderr.txt")
            #expect(FileManager.default.createFile(atPath: log, contents: nil))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var paused = false
            for _ in 0..<600 {
                if (try? String(contentsOfFile: log, encoding: .utf8))?.contains("test pause") == true { paused = true; break }
                if !process.isRunning { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(paused, "the import did not reach its pause: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
            #expect(process.terminationReason == .uncaughtSignal)

            let reopened = try await Store.open(config)
            let after = try await Self.snapshot(reopened)
            #expect(after.imports == before.imports)
            #expect(after.episodes == before.episodes && after.reviews == before.reviews)
            guard case .imported(let s) = try await reopened.imports().importFiles(paths: [big], authority: "358", user: "u") else {
                Issue.record("the killed import's files should import normally afterwards"); return
            }
            #expect(s.files.reduce(0) { $0 + $1.rowsStored } == 6000)
            await reopened.close()
        }
    }
}

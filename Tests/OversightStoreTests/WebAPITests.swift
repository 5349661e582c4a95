import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import Testing

extension StoreTests {
    /// What the web app uses: cached case data, findings by filter and page, import progress,
    /// and measures flagged for rows with errors.
    @Suite struct WebAPITests {
        /// Progress events, collected from the importing task.
        final class Events: @unchecked Sendable {
            private let lock = NSLock()
            private var list: [ImportProgress] = []
            func add(_ p: ImportProgress) { lock.withLock { list.append(p) } }
            var all: [ImportProgress] { lock.withLock { list } }
        }

        @Test(arguments: TestBackend.all)
        func caseDataIsCachedPerDataVersion(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            guard case .imported = try await store.imports().importFiles(paths: [years.y2024], authority: "358", user: "u") else {
                Issue.record("not stored"); return
            }
            let cases = store.cases
            let v1 = try await cases.dataVersion(authority: "358")
            #expect(!store.caseDataCache.holds(authority: "358", version: v1))
            // Concurrent first calls share one build and agree with a cold build.
            async let a = cases.caseData(authority: "358")
            async let b = cases.caseData(authority: "358")
            let (x, y) = try await (a, b)
            let cold = try await cases.build(authority: "358")
            #expect(x.claEpisodes == cold.claEpisodes && y.claEpisodes == cold.claEpisodes && x.claHeaders == cold.claHeaders)
            #expect(store.caseDataCache.holds(authority: "358", version: v1))

            guard case .imported(let second) = try await store.imports().importFiles(paths: [years.y2025], authority: "358", user: "u") else {
                Issue.record("not stored"); return
            }
            #expect(!store.caseDataCache.holds(authority: "358", version: v1))
            let after = try await cases.caseData(authority: "358")
            #expect(after.claEpisodes == (try await cases.build(authority: "358")).claEpisodes && after.claEpisodes != x.claEpisodes)
            try await store.imports().undo(second.id, authority: "358")
            #expect(try await cases.caseData(authority: "358").claEpisodes == cold.claEpisodes)
            #expect(store.caseDataCache.holds(authority: "358", version: v1))
            await store.close()
        }

        /// Another process's import changes the version, so a second store's cache is not used.
        @Test func anotherWritersImportIsSeen() async throws {
            let folder = TempFolder()
            let config = StoreConfiguration.sqlite(path: folder.path("db.sqlite"))
            let reader = try await Store.open(config), writer = try await Store.open(config)
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            _ = try await writer.imports().importFiles(paths: [years.y2024], authority: "358", user: "u")
            let before = try await reader.cases.caseData(authority: "358")
            _ = try await writer.imports().importFiles(paths: [years.y2025], authority: "358", user: "u")
            let after = try await reader.cases.caseData(authority: "358")
            #expect(after.claEpisodes != before.claEpisodes)
            #expect(after.claEpisodes == (try await writer.cases.build(authority: "358")).claEpisodes)
            await reader.close(); await writer.close()
        }

        @Test(arguments: TestBackend.all)
        func findingsByFilterAndPage(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let path = SyntheticFiles.rowsWithErrors(in: folder, under: "la")
            guard case .imported(let s) = try await store.imports().importFiles(paths: [path], authority: "358", user: "u") else {
                Issue.record("not stored"); return
            }
            let imports = store.imports()
            let all = try await imports.findings(of: s.id, authority: "358")
            #expect(all.count >= 3)
            let everything = try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(limit: 10_000))
            #expect(everything.findings == all && everything.total == all.count && !everything.hasMore)

            var paged: [ValidationIssue] = []
            var filter = FindingFilter(limit: 2)
            while true {
                let page = try await imports.findings(importID: s.id, authority: "358", filter: filter)
                #expect(page.total == all.count && page.findings.count <= 2)
                paged += page.findings
                guard page.hasMore else { break }
                filter.offset += 2
            }
            #expect(paged == all)

            let errors = try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(severity: .error))
            #expect(errors.findings == all.filter { $0.severity == .error } && errors.total == errors.findings.count && errors.total > 0)
            let rule = try #require(all.first?.rule)
            #expect(try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(rule: rule)).findings == all.filter { $0.rule == rule })
            #expect(
                try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(table: "Episodes")).findings
                    == all.filter { $0.table == "Episodes" })
            let child = try #require(all.compactMap(\.child).first)
            let byChild = try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(child: child, severity: .error))
            #expect(byChild.findings == all.filter { $0.child == child && $0.severity == .error })
            #expect(try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(rule: "no-such-rule")).total == 0)

            await #expect(throws: StoreError.self) { try await imports.findings(importID: s.id, authority: "352") }
            await #expect(throws: StoreError.self) { try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(limit: 0)) }
            await #expect(throws: StoreError.self) { try await imports.findings(importID: s.id, authority: "358", filter: FindingFilter(offset: -1)) }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func importReportsProgress(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let big = SyntheticFiles.manyChildren(in: folder, under: "big", children: 1500)
            let events = Events()
            guard
                case .imported(let s) = try await store.imports().importFiles(
                    paths: [big], authority: "358", user: "u",
                    progress: { events.add($0) })
            else {
                Issue.record("not stored"); return
            }
            let seen = events.all
            #expect(seen.map(\.phase).first == .hashing && seen.last == ImportProgress(phase: .finished, done: 4500, total: 4500))
            // Phases in order; within each, progress never goes back and ends complete.
            let order = ImportProgress.Phase.allCases
            #expect(
                zip(seen, seen.dropFirst()).allSatisfy { a, b in
                    order.firstIndex(of: a.phase)! < order.firstIndex(of: b.phase)! || (a.phase == b.phase && a.done <= b.done && a.total == b.total)
                })
            let storing = seen.filter { $0.phase == .storing }
            #expect(storing.count > 3 && storing.last?.done == storing.last?.total && storing.last?.total == 4500)
            #expect(seen.filter { $0.phase == .reading }.last == ImportProgress(phase: .reading, done: 3, total: 3))
            #expect(s.files.reduce(0) { $0 + $1.rowsRead } == 4500)

            let again = Events()
            #expect(try await store.imports().importFiles(paths: [big], authority: "358", user: "u", progress: { again.add($0) }) == .unchanged(s.id))
            #expect(again.all.map(\.phase) == [.hashing, .hashing, .hashing, .hashing, .finished])
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func measuresFlagRecordsFromRowsWithErrors(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let path = SyntheticFiles.rowsWithErrors(in: folder, under: "la")
            _ = try await store.imports().importFiles(paths: [path], authority: "358", user: "u")
            let period = try #require(Period.parse("2025"))
            let (results, _) = try await store.measures().computeAll(authority: "358", period: period, parameters: MeasureParameters(population: 50_000))
            let flagged = results.filter { $0.recordsFromRowsWithErrors > 0 }
            #expect(!flagged.isEmpty)
            for r in flagged { #expect(r.warnings.contains(RowErrorFlags.warning(r.recordsFromRowsWithErrors))) }
            #expect(results.allSatisfy { $0.recordsFromRowsWithErrors == 0 || !$0.warnings.isEmpty })
            // The cached results carry the same flags.
            let (cached, hit) = try await store.measures().computeAll(authority: "358", period: period, parameters: MeasureParameters(population: 50_000))
            #expect(hit && cached == results)

            // `--from` computes the same flags from validating the files itself.
            let loaded = FileLoader.load(paths: [path])
            var data = loaded.caseData
            data.rowsWithErrors = RowErrorFlags.origins(of: ValidationRunner.validate(loaded), in: data)
            var params = MeasureParameters(population: 50_000)
            params.includeRecords = true
            let fromFiles = RowErrorFlags.withoutRecords(
                RowErrorFlags.flag(
                    MeasureEngine(data: data).computeAll(period: period, parameters: params),
                    rowsWithErrors: data.rowsWithErrors))
            #expect(fromFiles == results)
            await store.close()
        }
    }
}

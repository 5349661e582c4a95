import Foundation
import OversightCore
@testable import OversightStore
import Testing

extension StoreTests {
    /// Measure results are cached per data version and period; an import or an undo invalidates them.
    @Suite struct MeasureCacheTests {
        @Test(arguments: TestBackend.all)
        func cachedResultsFollowTheDataVersion(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            let measures = store.measures()
            let period = try #require(Period.parse("2025"))
            let params = MeasureParameters(population: 50_000)
            #expect(try await measures.dataVersion(authority: "358") == "empty")

            guard case .imported(let first) = try await store.imports().importFiles(paths: [years.y2024], authority: "358", user: "u") else {
                Issue.record("not stored"); return
            }
            #expect(try await measures.dataVersion(authority: "358") == "v\(first.id)")
            let computed = try await measures.computeAll(authority: "358", period: period, parameters: params)
            #expect(!computed.fromCache)
            let again = try await measures.computeAll(authority: "358", period: period, parameters: params)
            #expect(again.fromCache && again.results == computed.results)
            #expect(try await !measures.computeAll(authority: "358", period: Period.parse("2024")!, parameters: params).fromCache)

            guard case .imported(let second) = try await store.imports().importFiles(paths: [years.y2025], authority: "358", user: "u") else {
                Issue.record("not stored"); return
            }
            let afterImport = try await measures.computeAll(authority: "358", period: period, parameters: params)
            #expect(!afterImport.fromCache)
            // As computed directly, flagged for the rows with errors (the 2025 episodes have one).
            let data = try await store.cases.caseData(authority: "358")
            var withRecords = params
            withRecords.includeRecords = true
            let direct = RowErrorFlags.withoutRecords(
                RowErrorFlags.flag(
                    MeasureEngine(data: data).computeAll(period: period, ids: nil, parameters: withRecords), rowsWithErrors: data.rowsWithErrors))
            #expect(afterImport.results == direct)
            #expect(direct.contains { $0.recordsFromRowsWithErrors > 0 })
            #expect(afterImport.results != computed.results)

            try await store.imports().undo(second.id, authority: "358")
            let afterUndo = try await measures.computeAll(authority: "358", period: period, parameters: params)
            #expect(!afterUndo.fromCache && afterUndo.results == computed.results)
            #expect(try await measures.computeAll(authority: "358", period: period, parameters: params).fromCache)
            await store.close()
        }
    }
}

import Foundation
import OversightCore
import OversightFormats
import OversightSynth
@testable import OversightStore
import Testing

extension StoreTests {
    @Suite struct ImportTests {
        static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_000_000) }
        static let periods = ["2024", "2025", "2023-04-01..2025-03-31", "2024Q3", "2024-06"]

        static func measures(_ data: CaseData, _ period: String) -> [MeasureResult] {
            MeasureEngine(data: data).computeAll(period: Period.parse(period)!, ids: nil, parameters: MeasureParameters(population: 50_000))
        }

        static func expectSameNumbers(_ a: CaseData, _ b: CaseData) {
            for p in periods {
                let x = measures(a, p), y = measures(b, p)
                #expect(x.map(\.id) == y.map(\.id))
                for (r, s) in zip(x, y) {
                    #expect(
                        r.numerator == s.numerator && r.denominator == s.denominator && r.value == s.value && r.warnings == s.warnings,
                        "\(r.id) in \(p): \(String(describing: r.value)) vs \(String(describing: s.value))")
                }
            }
        }

        @Test(arguments: TestBackend.all)
        func storeAndFromAgreeOnGeneratedFiles(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            // A small synthetic authority, two collection years, with errors injected into its rows.
            let generated = URL(fileURLWithPath: folder.path("generated"))
            let options = SynthOptions(localAuthority: 358, firstYear: 2024, lastYear: 2025, seed: 5, scale: .factor(0.05), errorRate: 0.05)
            _ = try SynthGenerator(options: options).run(to: generated)
            let dirs = ["903", "cin", "local"].map { generated.appendingPathComponent($0).path }
            for d in dirs {
                guard case .imported = try await store.imports(clock: Self.clock).importFiles(paths: [d], authority: "358", user: "tester") else {
                    Issue.record("not imported: \(d)"); continue
                }
            }
            let fromStore = try await store.cases.caseData(authority: "358")
            let fromFiles = FileLoader.load(paths: dirs).caseData
            #expect(fromStore.files == fromFiles.files)
            #expect(fromStore.claEpisodes == fromFiles.claEpisodes)
            #expect(fromStore.cinEpisodes == fromFiles.cinEpisodes)
            #expect(fromStore.claHeaders == fromFiles.claHeaders)
            #expect(fromStore.blankChildIDs == fromFiles.blankChildIDs)
            #expect(!fromStore.claEpisodes.isEmpty && !fromStore.cinEpisodes.isEmpty)
            Self.expectSameNumbers(fromStore, fromFiles)
            let list = try await store.imports().list(authority: "358")
            #expect(list.map(\.id.rawValue) == [1, 2, 3])
            #expect(list[0].user == "tester" && list[0].importedAt == Self.clock())
            #expect(list[0].files.count == 2 * SynthGenerator.tables.count && list[0].files.allSatisfy { $0.sha256.count == 64 && $0.size > 0 })
            #expect((list[0].findings[.error] ?? 0) > 0)
            await store.close()
        }

        static func rowOnly(_ e: CLAEpisode) -> CLAEpisode {
            var e = e
            e.origin = RecordOrigin(file: 0, row: Int(e.origin.row))
            return e
        }

        @Test(arguments: TestBackend.all)
        func laterYearSupersedesAndUndoRestores(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            let imports = store.imports(clock: Self.clock)
            _ = try await imports.importFiles(paths: [years.y2024, folder.path("la/local")], authority: "358", user: "u")
            let before = try await store.cases.caseData(authority: "358")
            Self.expectSameNumbers(before, FileLoader.load(paths: [years.y2024, folder.path("la/local")]).caseData)
            #expect(before.blankChildIDs["MissingEpisodes"] == 1)

            guard case .imported(let second) = try await imports.importFiles(paths: [years.y2025], authority: "358", user: "u") else {
                Issue.record("second import not stored"); return
            }
            let both = try await store.cases.caseData(authority: "358")
            let fromFiles = FileLoader.load(paths: [folder.path("la")]).caseData
            // Same records; file indexes differ because the local file came in the first import.
            #expect(both.claEpisodes.map(Self.rowOnly) == fromFiles.claEpisodes.map(Self.rowOnly))
            Self.expectSameNumbers(both, fromFiles)
            #expect(both.claEpisodes.first { $0.child.rawValue == "A1" }?.end.day == Day.parseISO("2024-11-20"))
            #expect(both.claEpisodes.filter { $0.child.rawValue == "A2" }.count == 1, "within a file the later duplicate wins")

            try await imports.undo(second.id, authority: "358")
            let after = try await store.cases.caseData(authority: "358")
            #expect(after.claEpisodes == before.claEpisodes)
            #expect(after.files == before.files)
            Self.expectSameNumbers(after, before)
            #expect(try await imports.list(authority: "358").map(\.status) == [.active, .undone])
            await #expect(throws: StoreError.self) { try await imports.undo(second.id, authority: "358") }
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func sameFilesAgainChangeNothing(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            let imports = store.imports(clock: Self.clock)
            guard case .imported(let first) = try await imports.importFiles(paths: [years.y2024], authority: "358", user: "u") else {
                Issue.record("not stored"); return
            }
            #expect(try await imports.importFiles(paths: [years.y2024], authority: "358", user: "u") == .unchanged(first.id))
            #expect(try await imports.list(authority: "358").count == 1)
            try await imports.undo(first.id, authority: "358")
            guard case .imported(let again) = try await imports.importFiles(paths: [years.y2024], authority: "358", user: "u") else {
                Issue.record("an undone import's files can be imported again"); return
            }
            #expect(again.id != first.id)
            await store.close()
        }

        @Test(arguments: TestBackend.all)
        func rowsWithErrorsAreStoredWithTheirFindings(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let path = folder.write("2025/episodes.csv", "\(SyntheticFiles.episodesHeader)\nE1,31/02/2024,S,C2,N1,U1,PR1,,,,,,SC1\nE2,01/05/2024,S,C2,N1,U1,PR1,,,,,,SC1\n")
            guard case .imported(let s) = try await store.imports(clock: Self.clock).importFiles(paths: [path], authority: "358", user: "u") else {
                Issue.record("not stored"); return
            }
            #expect(s.files.map(\.rowsRead) == [2] && s.files.map(\.rowsStored) == [2])
            let findings = try await store.imports().findings(of: s.id, authority: "358")
            #expect(findings.contains { $0.severity == .error && $0.row == 1 })
            let data = try await store.cases.caseData(authority: "358")
            #expect(data.claEpisodes.count == 2)
            #expect(data.rowsWithErrors.contains(RecordOrigin(file: 0, row: 1)))
            await store.close()
        }

        @Test func missingPathsAreBadInput() async throws {
            let folder = TempFolder()
            let store = try await Store.open(.sqlite(path: folder.path("db.sqlite")))
            await #expect(throws: StoreError.self) {
                try await store.imports().importFiles(paths: [folder.path("nothing-here")], authority: "358", user: "u")
            }
            await store.close()
        }
    }
}

import Foundation
import Testing
@testable import OversightCore
@testable import OversightFormats
@testable import OversightSynth

/// Files read on several threads, each into a builder of its own and joined in path order, give
/// the history one builder reading them in turn gives: the same records, with the same origins.
@Suite struct ParallelLoadingTests {
    @Test func joiningBuildersReadInParallelChangesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-parallel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = SynthOptions(
            localAuthority: 358, firstYear: 2023, lastYear: 2025, seed: 5, scale: .factor(0.2),
            errorRate: 0.05, writesXML: true)
        _ = try SynthGenerator(options: options).run(to: dir)

        let parallel = FileLoader.load(paths: [dir.path])
        var one = LoadedData()
        var builder = CaseDataBuilder()
        for path in FileLoader.files(under: [dir.path]).files {
            try FileLoader.loadFile(path, defaultYear: nil, keepRaw: true, into: &one, builder: &builder)
        }
        FileLoader.addAnnexARecords(one, builder: &builder) // as `load` does, after every other file
        let sequential = builder.build()
        var a = parallel.caseData
        let b = sequential
        #expect(a.files.count > 10 && a.files == b.files)
        #expect(parallel.files == one.files)
        #expect(parallel.issues == one.issues)
        #expect(a.cinChildren == b.cinChildren && a.claHeaders == b.claHeaders)
        #expect(a.cinEpisodes == b.cinEpisodes && a.claEpisodes == b.claEpisodes && a.claReviews == b.claReviews)
        #expect(a.claMissing == b.claMissing && a.careLeavers == b.careLeavers && a.socialWorkerEpisodes == b.socialWorkerEpisodes)
        #expect(a.missingEpisodes == b.missingEpisodes && a.supervisions == b.supervisions)
        #expect(a.services.earlyHelp == b.services.earlyHelp && a.services.contacts == b.services.contacts && a.services.count > 0)
        #expect(a.cinYears == b.cinYears && a.claYears == b.claYears && a.blankChildIDs == b.blankChildIDs)
        #expect(Set(a.cinEpisodes.map(\.origin.file)).count > 1)
        #expect(ValidationRunner.validate(parallel) == ValidationRunner.validate(one))

        // Validating before merging (raw tables dropped first) marks the same rows as validating after.
        let flagged = FileLoader.load(paths: [dir.path], flagRowsWithErrors: true)
        let expected = ValidationRunner.origins(of: ValidationRunner.validate(parallel), in: parallel.caseData.files)
        #expect(!expected.isEmpty)
        #expect(flagged.caseData.rowsWithErrors == expected)
        #expect(flagged.ssda903Tables.isEmpty && flagged.cinChecks.isEmpty)
        #expect(flagged.files == parallel.files)

        // Row flags move with their files when builders are joined.
        var first = CaseDataBuilder()
        _ = first.addFile(SourceFile(path: "a.csv", format: "ssda903", table: "Episodes", collectionYear: 2025))
        var second = CaseDataBuilder()
        _ = second.addFile(SourceFile(path: "b.csv", format: "ssda903", table: "Episodes", collectionYear: 2025))
        second.rowsWithErrors = [RecordOrigin(file: 0, row: 7)]
        first.append(second)
        a = first.build()
        #expect(a.files.map(\.path) == ["a.csv", "b.csv"])
        #expect(a.rowsWithErrors == [RecordOrigin(file: 1, row: 7)])
    }
}

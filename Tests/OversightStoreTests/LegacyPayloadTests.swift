import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import SQLKit
import Testing

extension StoreTests {
    /// Imports stored before record blocks existed (records as JSON payloads, no blocks) are
    /// still read, and give the same case data.
    @Suite struct LegacyPayloadTests {
        /// Every record of `d` as the earlier version stored it: kind, source file, position among
        /// the file's records of that kind (`seq`) and its JSON.
        static func payloads(_ d: CaseData) throws -> [(kind: RecordKind, file: Int32, seq: Int, json: String)] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            var out: [(RecordKind, Int32, Int, String)] = []
            func add<R: Encodable>(_ kind: RecordKind, _ records: [R], _ origin: (R) -> RecordOrigin) throws {
                for (i, r) in records.enumerated() { out.append((kind, origin(r).file, i, String(decoding: try encoder.encode(r), as: UTF8.self))) }
            }
            try add(.cinChild, RecordCodec.ordered(d.cinChildren), \.origin)
            try add(.cinEpisode, d.cinEpisodes, \.origin)
            try add(.claHeader, RecordCodec.ordered(d.claHeaders), \.origin)
            try add(.claEpisode, d.claEpisodes, \.origin)
            try add(.claReview, d.claReviews, \.origin)
            try add(.claMissing, d.claMissing, \.origin)
            try add(.careLeaver, d.careLeavers, \.origin)
            try add(.socialWorkerEpisode, d.socialWorkerEpisodes, \.origin)
            try add(.missingEpisode, d.missingEpisodes, \.origin)
            try add(.supervision, d.supervisions, \.origin)
            return out
        }

        @Test(arguments: TestBackend.all)
        func importsWithoutBlocksAreReadFromTheirPayloads(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let years = SyntheticFiles.twoYears(in: folder, under: "la")
            _ = try await store.imports().importFiles(paths: [years.y2024, years.y2025], authority: "358", user: "u")
            let fromBlocks = try await store.cases.build(authority: "358")
            #expect(!fromBlocks.claEpisodes.isEmpty && !fromBlocks.rowsWithErrors.isEmpty)

            // Rewrite the import as the earlier version stored it.
            let files = try await ImportFileModel.query(on: store.database).all()
            let sources = try await SourceFileModel.query(on: store.database).all()
            for f in files {
                let data = FileLoader.load(paths: [f.path], keepRaw: false).caseData
                for p in try Self.payloads(data) {
                    let source = try #require(sources.first { $0.importFileID == f.id && $0.position == Int(p.file) }?.id)
                    try await store.sql.update(CaseRecordModel.schema).set("payload", to: p.json)
                        .where("source_file_id", .equal, source).where("kind", .equal, p.kind.rawValue).where("seq", .equal, p.seq).run()
                }
            }
            try await store.sql.delete(from: "record_blocks").run()
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM case_records WHERE payload = ''").first()?.decode(column: "n", as: Int.self) == 0)

            let fromPayloads = try await store.cases.build(authority: "358")
            #expect(fromPayloads.files == fromBlocks.files)
            #expect(fromPayloads.claEpisodes == fromBlocks.claEpisodes && fromPayloads.claHeaders == fromBlocks.claHeaders)
            #expect(fromPayloads.claReviews == fromBlocks.claReviews && fromPayloads.missingEpisodes == fromBlocks.missingEpisodes)
            #expect(fromPayloads.supervisions == fromBlocks.supervisions && fromPayloads.rowsWithErrors == fromBlocks.rowsWithErrors)
            #expect(fromPayloads.blankChildIDs == fromBlocks.blankChildIDs)
            await store.close()
        }
    }
}

import Foundation
import Testing
@testable import OversightFormats
import OversightSynth

@Suite struct FuzzTests {
    @Test func elementNameThatIsNotUTF8DoesNotCrashTheXMLReader() throws {
        // Found by the fuzzer: FoundationXML traps on such names unless the bytes are re-encoded first.
        var bytes = Array("<Message><Children><Child><ChildIdentifiers><LAchildID>1</LAchildID><Pe".utf8)
        bytes += [0xD5] + Array("sonBirthDate>2020-01-01</Pe".utf8) + [0xD5] + Array("sonBirthDate></ChildIdentifiers></Child></Children></Message>".utf8)
        let (ret, _) = try CINXMLReader.read(data: Data(bytes), file: "x.xml", pathYear: 2025)
        #expect(ret.children.count == 1)
    }

    /// Seeds: the generator's episodes and reviews tables (first 30 lines) and SSDA903 XML (first
    /// 20,000 bytes) for a small synthetic authority, and the hand-written CIN census file.
    @Test func readersSurviveDamagedInput() throws {
        let t = TempFolder()
        let options = SynthOptions(
            localAuthority: 358, firstYear: 2025, lastYear: 2025, seed: 7, scale: .factor(0.05), errorRate: 0.05,
            writesXML: true)
        try SynthGenerator(options: options).run(to: t.url)
        func seed(_ path: String, _ kind: ReaderFuzzer.Kind) throws -> (ReaderFuzzer.Kind, [UInt8]) {
            let b = try [UInt8](Data(contentsOf: t.url.appendingPathComponent(path)))
            return (kind, kind == .csv ? Array(b.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(30).joined(separator: [0x0A])) : Array(b.prefix(20_000)))
        }
        let seeds = [
            try seed("903/2025/episodes.csv", .csv), try seed("903/2025/reviews.csv", .csv), try seed("903-xml/2025/ssda903.xml", .ssda903XML),
            (ReaderFuzzer.Kind.cinXML, Array(CINFixtureFiles.smallReturn2024.utf8)),
        ]
        #expect(seeds.allSatisfy { $0.1.count > 1_000 })
        var fuzzer = ReaderFuzzer(seeds: seeds, seed: 7)
        let report = fuzzer.run(iterations: 1_500)
        #expect(report.inputs == 1_500)
        #expect(report.refused > 0) // damaged XML is refused, not crashed on
    }
}

/// Found by `oversight fuzz --corpus fuzz/corpus` (issue 16, fuzzing): a workbook whose zip
/// directory says it starts past the end of the file crashed the process (ZIPFoundation's reader
/// of archives in memory traps on the range); the readers now refuse it with a message.
@Suite struct DamagedZipTests {
    /// A small real zip (a published-figures archive) with the end-of-directory record's
    /// "directory starts at" field set past the end of the bytes.
    static func zipWithDirectoryPastItsEnd() throws -> Data {
        var bytes = [UInt8](try PublishedExtract.archive(["a.csv": "x,y\n1,2\n"]))
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let end = try #require((0...(bytes.count - 22)).last { Array(bytes[$0..<($0 + 4)]) == signature })
        let past = UInt32(bytes.count + 1_000)
        for i in 0..<4 { bytes[end + 16 + i] = UInt8((past >> (8 * UInt32(i))) & 0xFF) }
        return Data(bytes)
    }

    @Test func aWorkbookWhoseDirectoryPointsPastItsEndIsRefused() throws {
        let data = try Self.zipWithDirectoryPastItsEnd()
        #expect(throws: UnusableFileError.self) { try XLSXReader.read(data: data, file: "damaged.xlsx") }
        #expect(throws: UnusableFileError.self) { try AnnexAWorkbook.read(data: data, file: "damaged.xlsx") }
    }

    @Test func aPublishedArchiveWhoseDirectoryPointsPastItsEndIsRefused() throws {
        let data = try Self.zipWithDirectoryPastItsEnd()
        // No crash: the archive reads as holding nothing (or is refused).
        #expect(((try? PublishedExtract.unarchive(data, file: "damaged.zip")) ?? [:]).isEmpty)
    }

    /// Every reader's seeds in the committed corpus (fuzz/corpus, which CI fuzzes for a bounded
    /// time) are read without a crash, and a short run over each reader passes.
    @Test func theCommittedCorpusCoversEveryReader() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fuzz/corpus")
        for kind in ReaderFuzzer.Kind.allCases {
            let folder = root.appendingPathComponent(kind.rawValue)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
            #expect(!names.isEmpty, "no seed for \(kind.rawValue)")
            let seeds = try names.map { (kind, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
            for (_, bytes) in seeds { _ = try ReaderFuzzer.read(kind, Data(bytes)) }
            var fuzzer = ReaderFuzzer(seeds: seeds, seed: 11)
            #expect(fuzzer.run(iterations: 200).inputs == 200)
        }
    }
}

import Foundation
import Testing
@testable import OversightFormats
import OversightSynth
import ZIPFoundation

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

/// Found by `oversight fuzz` (the hour-long run and CI's): an entry whose deflate stream does not
/// end inside its bytes made ZIPFoundation's readers ask for more for ever at the end of the file,
/// so one upload held a thread at full speed for good. `BoundedZip` refuses it.
@Suite struct UnendingDeflateTests {
    /// A ZIP of one entry, `name`, whose data is the start of a stored deflate block that says
    /// 65,535 bytes follow, and then only four.
    static func zip(name: String) -> Data {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        let nameBytes = Array(name.utf8)
        let body: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00, 0x41, 0x42, 0x43, 0x44]
        var out: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(0)
        out += le32(body.count) + le32(65_535) + le16(nameBytes.count) + le16(0) + nameBytes + body
        let directory = out.count
        out += [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(0)
        out += le32(body.count) + le32(65_535) + le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + nameBytes
        let size = out.count - directory
        out += [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(1) + le16(1) + le32(size) + le32(directory) + le16(0)
        return Data(out)
    }

    @Test func anEntryWhoseStreamDoesNotEndIsRefusedNotReadForEver() throws {
        let archive = try BoundedZip(data: Self.zip(name: "episodes.csv"))
        #expect(archive.entries.map(\.path) == ["episodes.csv"])
        #expect(throws: BoundedZip.Problem.self) { try archive.contents(archive.entries[0], limit: 1 << 20) }
        #expect(throws: UnusableFileError.self) { try XLSXReader.read(data: Self.zip(name: "xl/workbook.xml"), file: "hostile.xlsx") }
        #expect(throws: UnusableFileError.self) { try PublishedExtract.unarchive(Self.zip(name: "a.csv"), file: "hostile.zip") }
    }

    @Test func aGoodArchiveStillReads() throws {
        let data = try PublishedExtract.archive(["a.csv": "x,y\n1,2\n", "b.csv": String(repeating: "z", count: 100_000)])
        let files = try PublishedExtract.unarchive(data, file: "good.zip")
        #expect(files["a.csv"] == Data("x,y\n1,2\n".utf8) && files["b.csv"]?.count == 100_000)
    }
}

/// Found by `oversight fuzz`: a workbook part whose element name is not UTF-8 made FoundationXML
/// trap, ending the process. Such a part is refused before it is parsed.
@Suite struct NonUTF8WorkbookPartTests {
    @Test func aPartThatIsNotUTF8IsRefused() throws {
        let archive = try Archive(accessMode: .create)
        let workbook = Data(#"<?xml version="1.0"?><workbook><shee"#.utf8) + Data([0xE2, 0xE0]) + Data(#"ts/></workbook>"#.utf8)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(workbook.count), compressionMethod: .deflate) { p, n in
            workbook.subdata(in: Int(p)..<min(workbook.count, Int(p) + n))
        }
        let data = try #require(archive.data)
        #expect(throws: UnusableFileError.self) { try XLSXReader.read(data: data, file: "odd.xlsx") }
        #expect(throws: UnusableFileError.self) { try AnnexAWorkbook.read(data: data, file: "odd.xlsx") }
    }
}

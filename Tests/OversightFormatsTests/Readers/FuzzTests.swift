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

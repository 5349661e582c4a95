import Foundation
import Testing
@testable import OversightFormats

@Suite struct FuzzTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../shared/reference/samples").standardized

    @Test func elementNameThatIsNotUTF8DoesNotCrashTheXMLReader() throws {
        // Found by the fuzzer: FoundationXML traps on such names unless the bytes are re-encoded first.
        var bytes = Array("<Message><Children><Child><ChildIdentifiers><LAchildID>1</LAchildID><Pe".utf8)
        bytes += [0xD5] + Array("sonBirthDate>2020-01-01</Pe".utf8) + [0xD5] + Array("sonBirthDate></ChildIdentifiers></Child></Children></Message>".utf8)
        let (ret, _) = try CINXMLReader.read(data: Data(bytes), file: "x.xml", pathYear: 2025)
        #expect(ret.children.count == 1)
    }

    @Test func readersSurviveDamagedInput() throws {
        func seed(_ path: String, _ kind: ReaderFuzzer.Kind) throws -> (ReaderFuzzer.Kind, [UInt8]) {
            let b = try [UInt8](Data(contentsOf: Self.samples.appendingPathComponent(path)))
            return (kind, kind == .csv ? Array(b.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(30).joined(separator: [0x0A])) : Array(b.prefix(20_000)))
        }
        var fuzzer = ReaderFuzzer(seeds: [
            try seed("903-validator-fake/episodes.csv", .csv), try seed("903-validator-fake/reviews.csv", .csv),
            try seed("903-validator-fake/fake_903.xml", .ssda903XML), try seed("cin-validator-fake/CIN_Census_2024.xml", .cinXML),
        ], seed: 7)
        let report = fuzzer.run(iterations: 1_500)
        #expect(report.inputs == 1_500)
        #expect(report.refused > 0) // damaged XML is refused, not crashed on
    }
}

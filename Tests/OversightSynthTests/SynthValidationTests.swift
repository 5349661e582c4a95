import Foundation
import Testing
@testable import OversightFormats
@testable import OversightSynth

/// The generator and Oversight's own validator agree: clean output has no errors, and every
/// injected error is caught by the rule the manifest names, for the right child and file.
@Suite struct SynthValidationTests {
    func generate(errorRate: Double) throws -> (URL, [InjectedError]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-validate-\(UUID().uuidString)")
        let options = SynthOptions(
            localAuthority: 358, firstYear: 2024, lastYear: 2025, seed: 3, scale: .factor(0.3),
            errorRate: errorRate, writesXML: false)
        _ = try SynthGenerator(options: options).run(to: dir)
        let manifest = dir.appendingPathComponent("errors-manifest.json")
        let injected =
            FileManager.default.fileExists(atPath: manifest.path)
            ? try JSONDecoder().decode([InjectedError].self, from: Data(contentsOf: manifest)) : []
        return (dir, injected)
    }

    @Test func cleanOutputHasNoValidationErrors() throws {
        let (dir, _) = try generate(errorRate: 0)
        defer { try? FileManager.default.removeItem(at: dir) }
        let issues = ValidationRunner.validate(FileLoader.load(paths: [dir.path]))
        let errors = issues.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }

    @Test func everyInjectedErrorIsCaught() throws {
        let (dir, injected) = try generate(errorRate: 0.05)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(injected.count > 20)
        let issues = ValidationRunner.validate(FileLoader.load(paths: [dir.path]))
        let found = Set(issues.map { "\($0.rule)|\($0.child ?? "")|\($0.file)" })
        let missed = injected.filter { !found.contains("\($0.rule)|\($0.child)|\(dir.appendingPathComponent($0.file).path)") }
        #expect(missed.isEmpty, "\(missed.prefix(5))")
    }

    /// The loader checks CIN files one child at a time as it reads them; the findings are those of
    /// checking each whole return as read, with the previous year's return.
    @Test func streamedCINChecksEqualWholeReturnChecks() throws {
        let (dir, _) = try generate(errorRate: 0.05)
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = FileLoader.load(paths: [dir.path])
        #expect(loaded.cinChecks.map(\.collectionYear).sorted() == [2024, 2025])
        let streamed = ValidationRunner.validate(loaded).filter { $0.file.hasSuffix(".xml") }
        var whole: [ValidationIssue] = []
        let returns = try [2024, 2025].map { y in
            let path = dir.appendingPathComponent("cin/\(y)/cin_census.xml").path
            return try CINXMLReader.read(data: Data(contentsOf: URL(fileURLWithPath: path)), file: path, pathYear: y).0
        }
        whole += CINValidator.validate(returns[0], previous: nil, collectionYear: 2024)
        whole += CINValidator.validate(returns[1], previous: returns[0], collectionYear: 2025)
        let order: (ValidationIssue, ValidationIssue) -> Bool = { a, b in
            (a.file, a.row ?? 0, a.table, a.rule, a.child ?? "", a.message) < (b.file, b.row ?? 0, b.table, b.rule, b.child ?? "", b.message)
        }
        #expect(!streamed.isEmpty)
        #expect(streamed.sorted(by: order) == whole.sorted(by: order))
        #expect(streamed.contains { $0.rule == "OV-CIN-PREV" } == whole.contains { $0.rule == "OV-CIN-PREV" })
    }

    /// A CIN file whose path and header name no year is checked (in a second pass) against the
    /// year of its latest referral, as when whole returns were checked.
    @Test func aCINFileWithNoYearIsCheckedWithTheYearOfItsLatestReferral() throws {
        let (dir, _) = try generate(errorRate: 0.05)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: dir.appendingPathComponent("cin/2025/cin_census.xml"), encoding: .utf8)
        let ref = try #require(text.range(of: "<ReferenceDate>2025-03-31</ReferenceDate>"))
        text.replaceSubrange(ref, with: "")
        let plain = dir.appendingPathComponent("undated/census.xml")
        try FileManager.default.createDirectory(at: plain.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: plain, atomically: true, encoding: .utf8)
        let loaded = FileLoader.load(paths: [plain.path])
        let read = try CINXMLReader.read(data: Data(contentsOf: plain), file: plain.path, pathYear: nil).0
        #expect(read.collectionYear == nil)
        #expect(loaded.cinChecks.map(\.collectionYear) == [2025])
        let expected = CINValidator.validate(read, previous: nil, collectionYear: 2025)
        #expect(!expected.isEmpty)
        #expect(ValidationRunner.validate(loaded).filter { $0.rule != "OV-FILE-UNUSABLE" }.count == expected.count + loaded.issues.count)
    }

    /// Reading a mapped file while handing its pages back behind the scanner reads the same
    /// children as reading it whole.
    @Test func handingPagesBackWhileReadingChangesNothing() throws {
        let (dir, _) = try generate(errorRate: 0.05)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("cin/2025/cin_census.xml").path
        let mapped = try MappedFile(path: path)
        #expect(mapped.count > 64 * 4096)
        var streamed: [CINRawChild] = []
        let (ret, _) = try CINXMLReader.stream(mapped: mapped, file: path, pathYear: nil, releaseStep: 4096) { c, _ in streamed.append(c) }
        let whole = try CINXMLReader.read(data: Data(contentsOf: URL(fileURLWithPath: path)), file: path, pathYear: nil).0
        #expect(ret.header == whole.header)
        #expect(streamed == whole.children)
        // A second pass over the same mapping, after its pages were handed back, reads the same.
        mapped.rewind()
        var again = 0
        _ = try CINXMLReader.stream(mapped: mapped, file: path, pathYear: nil, releaseStep: 4096) { c, _ in
            if c == whole.children[again] { again += 1 }
        }
        #expect(again == whole.children.count)
    }
}

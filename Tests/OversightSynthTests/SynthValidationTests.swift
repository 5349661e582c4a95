import Foundation
import Testing
@testable import OversightFormats
@testable import OversightSynth

/// The generator and Oversight's own validator agree: clean output has no errors, and every
/// injected error is caught by the rule the manifest names, for the right child and file.
@Suite struct SynthValidationTests {
    func generate(errorRate: Double) throws -> (URL, [InjectedError]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-validate-\(UUID().uuidString)")
        let options = SynthOptions(localAuthority: 358, firstYear: 2024, lastYear: 2025, seed: 3, scale: .factor(0.3),
                                   errorRate: errorRate, writesXML: false)
        _ = try SynthGenerator(options: options).run(to: dir)
        let manifest = dir.appendingPathComponent("errors-manifest.json")
        let injected = FileManager.default.fileExists(atPath: manifest.path)
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
}

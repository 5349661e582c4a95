import ArgumentParser
import Foundation
import OversightFormats

struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Feed damaged copies of sample files to every reader and report how long they ran without a crash.",
        discussion: """
            Seeds come from sample files named on the command line (CSV, SSDA903 XML, CIN XML; the kind is
            told from the name and content) and from --corpus, a folder with one subfolder per reader:
            csv, ssda903-xml, cin-xml, csww-xml, annex-a, plan, audit-template, feedback-form (the committed corpus is fuzz/corpus).
            With --seconds-per-reader each reader gets its own bounded run, so every reader is exercised.
            A crash ends the process; a reader that never returns hangs it (run it under `timeout`).
            """,
        shouldDisplay: false
    )

    @Argument(help: "Sample files (CSV, SSDA903 XML, CIN XML) to mutate.") var samples: [String] = []
    @Option(help: "A folder of seed files, one subfolder per reader.") var corpus: String?
    @Option(help: "Stop after this many seconds.") var seconds: Double = 60
    @Option(help: "Give each reader its own run of this many seconds (instead of one run over all seeds).") var secondsPerReader: Double?
    @Option(help: "Stop after this many inputs.") var iterations: Int = Int.max
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        var seeds: [(ReaderFuzzer.Kind, [UInt8])] = []
        for s in samples {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: s)))
            let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
            let kind: ReaderFuzzer.Kind =
                s.lowercased().hasSuffix(".csv")
                ? .csv : head.contains("<EXPSSDA903") ? .ssda903XML : WorkforceCensusReader.recognise(head) ? .workforceXML : .cinXML
            seeds.append((kind, Self.trimmed(bytes, kind)))
        }
        if let corpus {
            let root = URL(fileURLWithPath: corpus)
            for kind in ReaderFuzzer.Kind.allCases {
                let folder = root.appendingPathComponent(kind.rawValue)
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
                for name in names.sorted() where !name.hasPrefix(".") {
                    seeds.append((kind, Self.trimmed(try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))), kind)))
                }
            }
        }
        guard !seeds.isEmpty else { throw CLIError.usage("give at least one sample file or a --corpus folder") }
        if let per = secondsPerReader {
            var total = 0
            for kind in ReaderFuzzer.Kind.allCases {
                let own = seeds.filter { $0.0 == kind }
                guard !own.isEmpty else { continue }
                var fuzzer = ReaderFuzzer(seeds: own, seed: seed)
                let r = fuzzer.run(iterations: iterations, seconds: per)
                total += r.inputs
                print(
                    "\(kind.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(own.count) seeds, \(r.inputs) inputs in \(String(format: "%.1f", r.seconds)) s without a crash: \(r.refused) refused as unusable, \(r.issues) findings"
                )
                // Each reader's line as soon as it is done, so a run that hangs shows where.
                fflush(nil)
            }
            print("fuzzed \(total) inputs without a crash")
            return
        }
        var fuzzer = ReaderFuzzer(seeds: seeds, seed: seed)
        let r = fuzzer.run(iterations: iterations, seconds: seconds)
        print("fuzzed \(r.inputs) inputs in \(String(format: "%.1f", r.seconds)) s without a crash: \(r.refused) refused as unusable, \(r.issues) findings")
    }

    /// Keeps text inputs small so each round is quick: a CSV's first 40 lines, an XML file's first
    /// 60 KB; workbooks (ZIP archives) stay whole.
    static func trimmed(_ bytes: [UInt8], _ kind: ReaderFuzzer.Kind) -> [UInt8] {
        switch kind {
        case .csv: return Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(40).joined(separator: [0x0A]))
        case .ssda903XML, .cinXML, .workforceXML, .plan, .auditTemplate, .feedbackForm: return Array(bytes.prefix(60_000))
        case .annexA: return bytes
        }
    }
}

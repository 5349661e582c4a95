import ArgumentParser
import Foundation
import OversightFormats

struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Feed damaged copies of sample files to every reader and report how long they ran without a crash.",
        shouldDisplay: false
    )

    @Argument(help: "Sample files (CSV, SSDA903 XML, CIN XML) to mutate.") var samples: [String]
    @Option(help: "Stop after this many seconds.") var seconds: Double = 60
    @Option(help: "Stop after this many inputs.") var iterations: Int = Int.max
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        var seeds: [(ReaderFuzzer.Kind, [UInt8])] = []
        for s in samples {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: s)))
            let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
            let kind: ReaderFuzzer.Kind = s.lowercased().hasSuffix(".csv") ? .csv : head.contains("<EXPSSDA903") ? .ssda903XML : .cinXML
            // Keep inputs small so each round is quick: the first 40 lines.
            let cut = kind == .csv ? Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(40).joined(separator: [0x0A])) : Array(bytes.prefix(60_000))
            seeds.append((kind, cut))
        }
        guard !seeds.isEmpty else { throw CLIError.usage("give at least one sample file") }
        var fuzzer = ReaderFuzzer(seeds: seeds, seed: seed)
        let r = fuzzer.run(iterations: iterations, seconds: seconds)
        print("fuzzed \(r.inputs) inputs in \(String(format: "%.1f", r.seconds)) s without a crash: \(r.refused) refused as unusable, \(r.issues) findings")
    }
}

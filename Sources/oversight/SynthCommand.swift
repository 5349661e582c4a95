import ArgumentParser
import Foundation
import OversightSynth

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a synthetic local authority's SSDA903, CIN census and local files (never real data).",
        discussion: "Example: oversight synth --out demo --la 358 --years 2021..2025 --seed 1"
    )

    @Option(help: "Folder to write into (created when missing).") var out: String
    @Option(help: "The DfE's 3-digit local authority number, e.g. 358.") var la: Int = 358
    @Option(help: "Collection years FIRST..LAST (2025 = 1 April 2024 to 31 March 2025), or one year.") var years: String
    @Option(help: "Seed: the same seed gives the same files.") var seed: UInt64 = 1
    @Option(help: "trafford, national, or a multiple of Trafford's size such as 0.1 or 3.") var scale: String = "trafford"
    @Option(name: .customLong("error-rate"), help: "Fraction (0 to 1) of children given an injected error.") var errorRate: Double = 0
    @Flag(help: "Also write the last year's SSDA903 return as DfE upload XML.") var xml = false

    func run() throws {
        let parts = years.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts.last!), first <= last,
            (2000...2100).contains(first), (2000...2100).contains(last)
        else {
            throw ValidationError("--years must look like 2021..2025 (collection years, first to last).")
        }
        guard let scale = SynthScale(parsing: scale) else {
            if let n = Double(scale), n > SynthScale.largestFactor {
                throw ValidationError(
                    "--scale \(scale) is \(scale) times Trafford, larger than England (national is about 342 times Trafford); the largest accepted is \(Int(SynthScale.largestFactor)), or use --scale national."
                )
            }
            throw ValidationError("--scale must be trafford, national or a positive number up to \(Int(SynthScale.largestFactor)).")
        }
        guard (0...1).contains(errorRate) else { throw ValidationError("--error-rate must be between 0 and 1.") }
        let options = SynthOptions(
            localAuthority: la, firstYear: first, lastYear: last, seed: seed, scale: scale,
            errorRate: errorRate, writesXML: xml)
        let manifest = try SynthGenerator(options: options).run(to: URL(fileURLWithPath: out))
        print("Wrote \(manifest.children) synthetic children for collection years \(first)-\(last) to \(out).")
    }
}

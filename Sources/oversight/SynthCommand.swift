import ArgumentParser
import Foundation
import OversightApp
import OversightCore
import OversightSynth

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a synthetic local authority's SSDA903, CIN census and local files (never real data).",
        discussion: """
            Example: oversight synth --out demo --la 358 --years 2021..2025 --seed 1
            A region: oversight synth --region GM --out gm --years 2021..2025 writes each of Greater Manchester's ten \
            authorities into gm/CODE at its published size (its published referrals over Trafford's; --scale then \
            multiplies every size, for example 0.05 for a small copy). Import each with `oversight import gm/CODE --la CODE`.
            """
    )

    @Option(help: "Folder to write into (created when missing).") var out: String
    @Option(help: "The DfE's 3-digit local authority number, e.g. 358.") var la: Int = 358
    @Option(help: "Collection years FIRST..LAST (2025 = 1 April 2024 to 31 March 2025), or one year.") var years: String
    @Option(help: "Seed: the same seed gives the same files.") var seed: UInt64 = 1
    @Option(help: "trafford, national, or a multiple of Trafford's size such as 0.1 or 3.") var scale: String = "trafford"
    @Option(name: .customLong("error-rate"), help: "Fraction (0 to 1) of children given an injected error.") var errorRate: Double = 0
    @Flag(help: "Also write the last year's SSDA903 return as DfE upload XML.") var xml = false
    @Option(help: "GM: every Greater Manchester authority at its published size, each into OUT/CODE (--la is then ignored).") var region: String?

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
        if let region {
            try writeRegion(region, first: first, last: last, scale: scale)
            return
        }
        let options = SynthOptions(
            localAuthority: la, firstYear: first, lastYear: last, seed: seed, scale: scale,
            errorRate: errorRate, writesXML: xml)
        let manifest = try SynthGenerator(options: options).run(to: URL(fileURLWithPath: out))
        print("Wrote \(manifest.children) synthetic children for collection years \(first)-\(last) to \(out).")
    }

    /// Each member of the region at its published size (times `scale` as a multiple of Trafford),
    /// into OUT/CODE, each with its own seed (the seed plus its place in the region).
    func writeRegion(_ code: String, first: Int, last: Int, scale: SynthScale) throws {
        guard code.uppercased() == Region.greaterManchester.code else {
            throw ValidationError("--region knows GM (Greater Manchester); other regions: generate each authority with --la and --scale.")
        }
        let statistics = try ReferenceFolder.load(nil)
        let multiplier = scale == .trafford ? 1 : scale.referralFactor
        for (i, la) in Region.greaterManchester.members.enumerated() {
            guard let size = RegionalSizes.size(of: la, in: statistics), let number = Int(la) else {
                throw ValidationError("the published statistics give no size for authority \(la)")
            }
            let factor = size.factor * multiplier
            let options = SynthOptions(
                localAuthority: number, firstYear: first, lastYear: last, seed: seed &+ UInt64(i), scale: .factor(factor),
                errorRate: errorRate, writesXML: xml)
            let folder = URL(fileURLWithPath: out).appendingPathComponent(la)
            let manifest = try SynthGenerator(options: options).run(to: folder)
            print(
                "\(la): \(String(format: "%.2f", factor)) x Trafford (published \(size.measure) \(Int(size.value)) against \(Int(size.trafford)) in \(size.year)); \(manifest.children) children in \(folder.path)"
            )
        }
    }
}

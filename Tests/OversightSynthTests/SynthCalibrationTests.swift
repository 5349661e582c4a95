import Foundation
import OversightCore
import Testing
@testable import OversightSynth

@Suite("Synthetic data calibration at Trafford scale")
struct SynthCalibrationTests {
    static let children: [SynthChild] = {
        var out: [SynthChild] = []
        SynthGenerator(options: SynthOptions(firstYear: 2021, lastYear: 2025, seed: 1)).forEachChild { out.append($0) }
        return out
    }()

    @Test func printsYears() {
        for y in 2021...2025 { print(y, SynthCalibration(children: Self.children, year: y)) }
    }
}

import Foundation

/// A small, fast, seedable pseudo-random generator (SplitMix64) with the draws the simulator needs.
///
/// Each child gets its own stream, derived from the run's seed and the child's index, so a child's
/// history does not depend on how many children were generated before it.
public struct SynthRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A stream for `stream` (a child's index, or a fixed number for other parts) under `seed`.
    public init(seed: UInt64, stream: UInt64) {
        state = SynthRandom.mix(seed &+ 0x9E37_79B9_7F4A_7C15 &* (stream &+ 1)) ^ SynthRandom.mix(stream)
    }

    static func mix(_ x0: UInt64) -> UInt64 {
        var z = x0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SynthRandom.mix(state)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// Exponential with the given mean.
    public mutating func exponential(mean: Double) -> Double {
        -mean * log1p(-unit())
    }

    /// Whole days, exponential with the given mean, at least `minimum`.
    public mutating func days(mean: Double, minimum: Int = 1) -> Int {
        max(minimum, Int(exponential(mean: mean).rounded()))
    }

    /// Poisson-distributed count (Knuth; fine for small means).
    public mutating func poisson(mean: Double) -> Int {
        if mean <= 0 { return 0 }
        if mean > 30 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
        let l = exp(-mean)
        var k = 0, p = 1.0
        repeat { k += 1; p *= unit() } while p > l
        return k - 1
    }

    /// Standard normal (Box-Muller).
    public mutating func normal() -> Double {
        let u1 = max(unit(), 1e-12), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// One element, uniformly.
    public mutating func element<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

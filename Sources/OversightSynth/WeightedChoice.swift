/// A list of values with relative weights, drawn from by `SynthRandom`.
public struct WeightedChoice<Value: Sendable>: Sendable {
    private let values: [Value]
    private let cumulative: [Double]

    /// The values and their weights (any positive scale).
    public init(_ pairs: [(Value, Double)]) {
        var total = 0.0
        var cum: [Double] = []
        for (_, w) in pairs { total += w; cum.append(total) }
        values = pairs.map(\.0)
        cumulative = cum.map { $0 / total }
    }

    /// Draws one value.
    public func draw(_ rng: inout SynthRandom) -> Value {
        let u = rng.unit()
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return values[lo]
    }
}

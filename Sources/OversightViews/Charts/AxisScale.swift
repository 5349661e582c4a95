import Foundation
import OversightCore

/// A value axis: a range from zero (or below, for negative values) to a round number above the
/// highest value, and four or five round ticks.
struct AxisScale {
    var min: Double
    var max: Double
    var ticks: [Double]

    init(values: [Double], unit: MeasureUnit) {
        let hi = values.max() ?? 0, lo = values.min() ?? 0
        let top = hi > 0 ? hi : 1
        let bottom = lo < 0 ? lo : 0
        let step = AxisScale.niceStep((top - bottom) / 4)
        var maxV = (top / step).rounded(.up) * step
        if maxV == top && unit != .percent { maxV += step }
        if unit == .percent, maxV > 100, hi <= 100 { maxV = 100 }
        let minV = (bottom / step).rounded(.down) * step
        self.min = minV
        self.max = maxV == minV ? minV + step : maxV
        var t: [Double] = []
        var v = minV
        while v <= self.max + step / 1000 { t.append(v); v += step }
        self.ticks = t
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let p = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= raw { return m * p }
        return 10 * p
    }
}

import Foundation

/// A KPI's red/amber/green (RAG) status for a period.
public enum KPIStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// At or better than the target.
    case green
    /// Short of the target, but within the tolerance.
    case amber
    /// Short of the target by more than the tolerance.
    case red
    /// No target (monitor only, target to be agreed, or a polarity of `none` with a fixed target).
    case monitor
    /// The value, or the figure the target is judged against (last year, the neighbours), is unknown.
    case noData = "no_data"
}

/// How a value moved between two periods.
public enum Trend: String, Codable, Sendable, Hashable, CaseIterable {
    case improving, worsening
    /// Equal once both are rounded to one decimal place, as they are shown.
    case same
    /// Higher, for a measure with polarity `none` (neither better nor worse).
    case higher
    /// Lower, for a measure with polarity `none`.
    case lower
    /// One of the two values is unknown.
    case unknown
}

/// The pure rules that judge a KPI. `docs/kpis.md` states them for users; the two must agree.
public enum KPIRules {
    /// The amber band: a value short of its target by at most this fraction of the target's
    /// magnitude (5%) is amber. For a target of 70% that is 3.5 percentage points (66.5 to just
    /// under 70 is amber); for 15 households, 0.75 (so 14.25 would be amber, 14 red).
    public static let amberTolerance = 0.05

    /// For "in line with the statistical neighbours" targets of a KPI with polarity `none`: green
    /// within 10% of the neighbours' average either side, amber within 20%, red beyond.
    public static let alignedGreenBand = 0.10
    public static let alignedAmberBand = 0.20

    /// The status of `value` against `target`.
    ///
    /// - `lastYear` is the same measure for the period one year earlier, used by
    ///   `belowLastYear`, `aboveLastYear`, `increase` and `decrease`.
    /// - `neighbourAverage` is the statistical neighbours' average used by
    ///   `statisticalNeighbourAverage`.
    /// - Returns the status and the target as a number (nil when it could not be resolved or
    ///   there is none).
    ///
    /// Rules:
    /// - `monitor`, `toBeAgreed`: `.monitor`, whatever the value.
    /// - a missing `value`, or a missing `lastYear`/`neighbourAverage` the target needs: `.noData`.
    /// - `.value(t)`: with polarity `high`, green when `value >= t`, amber when
    ///   `value >= t - 5% x |t|`, else red; with `low` the mirror image; with `none`, `.monitor`.
    /// - `aboveLastYear`/`increase`: green when `value > lastYear`; amber when
    ///   `value >= lastYear - 5% x |lastYear|` (no change is amber); else red.
    ///   `belowLastYear`/`decrease`: the mirror image. The polarity is not used: the target names
    ///   the direction.
    /// - `statisticalNeighbourAverage`: with polarity `high` or `low`, judged as `.value` of the
    ///   average; with `none` ("aligned with"), green within 10% of the average either side,
    ///   amber within 20%, red beyond.
    public static func status(
        value: Double?, target: Target, polarity: Polarity,
        lastYear: Double? = nil, neighbourAverage: Double? = nil
    ) -> (status: KPIStatus, targetValue: Double?) {
        switch target {
        case .monitor, .toBeAgreed:
            return (.monitor, nil)
        case .value(let t):
            guard let v = value else { return (.noData, t) }
            return (fixed(v, t, polarity), t)
        case .aboveLastYear, .increase:
            guard let last = lastYear else { return (.noData, nil) }
            guard let v = value else { return (.noData, last) }
            return (fromLastYear(v, last, wantsHigher: true), last)
        case .belowLastYear, .decrease:
            guard let last = lastYear else { return (.noData, nil) }
            guard let v = value else { return (.noData, last) }
            return (fromLastYear(v, last, wantsHigher: false), last)
        case .statisticalNeighbourAverage:
            guard let avg = neighbourAverage else { return (.noData, nil) }
            guard let v = value else { return (.noData, avg) }
            if polarity != .none { return (fixed(v, avg, polarity), avg) }
            let distance = abs(v - avg)
            if distance <= alignedGreenBand * abs(avg) { return (.green, avg) }
            if distance <= alignedAmberBand * abs(avg) { return (.amber, avg) }
            return (.red, avg)
        }
    }

    /// How the value moved from `earlier` to `later`, judged by `polarity`.
    ///
    /// Unknown when either is nil; `same` when both round to the same one-decimal figure;
    /// otherwise improving or worsening (polarity `high`: up is improving; `low`: down is
    /// improving), or higher or lower for polarity `none`.
    public static func trend(from earlier: Double?, to later: Double?, polarity: Polarity) -> Trend {
        guard let a = earlier, let b = later else { return .unknown }
        if (a * 10).rounded() == (b * 10).rounded() { return .same }
        let up = b > a
        switch polarity {
        case .high: return up ? .improving : .worsening
        case .low: return up ? .worsening : .improving
        case .none: return up ? .higher : .lower
        }
    }

    static func fixed(_ v: Double, _ t: Double, _ polarity: Polarity) -> KPIStatus {
        let band = amberTolerance * abs(t)
        switch polarity {
        case .none: return .monitor
        case .high: return v >= t ? .green : (v >= t - band ? .amber : .red)
        case .low: return v <= t ? .green : (v <= t + band ? .amber : .red)
        }
    }

    static func fromLastYear(_ v: Double, _ last: Double, wantsHigher: Bool) -> KPIStatus {
        let band = amberTolerance * abs(last)
        if wantsHigher { return v > last ? .green : (v >= last - band ? .amber : .red) }
        return v < last ? .green : (v <= last + band ? .amber : .red)
    }
}

/// The words people read for a status and a trend: the same on every page, in every download and
/// in every report (the board pack included), so a KPI "Off track" on screen is "Off track" in the
/// pack. Machine-readable outputs (JSON, the API) keep the raw values.
extension KPIStatus {
    /// "On track", "Close to target", "Off track", "No target", "No data yet".
    public var words: String {
        switch self {
        case .green: return "On track"
        case .amber: return "Close to target"
        case .red: return "Off track"
        case .monitor: return "No target"
        case .noData: return "No data yet"
        }
    }
}

extension Trend {
    /// "Better", "Worse", "Same", "Higher", "Lower", "Not known".
    public var words: String {
        switch self {
        case .improving: return "Better"
        case .worsening: return "Worse"
        case .same: return "Same"
        case .higher: return "Higher"
        case .lower: return "Lower"
        case .unknown: return "Not known"
        }
    }

    /// The words against an earlier figure: "Better than last year", "Same as last month".
    public func words(than earlier: String) -> String {
        switch self {
        case .same: return "Same as \(earlier)"
        case .unknown: return "Not known"
        default: return "\(words) than \(earlier)"
        }
    }
}

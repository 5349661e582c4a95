import Foundation

/// Which average of the statistical neighbours' published values a target or comparator uses.
///
/// The DfE's children's services dashboard shows the median of an authority's ten statistical
/// neighbours; the LAIT tool shows their mean.
public enum NeighbourAverage: String, Codable, Sendable, Hashable, CaseIterable {
    case mean
    case median
}

/// What a KPI aims for.
///
/// The rules that turn a target into a red, amber or green status are in `KPIRules` and
/// `docs/kpis.md`.
public enum Target: Hashable, Sendable {
    /// A fixed value in the measure's unit (70 means 70% for a percentage, 15 households for a count).
    case value(Double)
    /// Lower than the same measure for the period one year earlier.
    case belowLastYear
    /// Higher than the same measure for the period one year earlier.
    case aboveLastYear
    /// In line with the statistical neighbours' published average for the same measure.
    case statisticalNeighbourAverage(NeighbourAverage)
    /// An increase: judged as `aboveLastYear`, kept apart because the plan words it so.
    case increase
    /// A decrease: judged as `belowLastYear`, kept apart because the plan words it so.
    case decrease
    /// Watched without a target.
    case monitor
    /// The plan says a target is still to be agreed; watched without a target until then.
    case toBeAgreed

    /// The token that names the target in a plan file: a number, or one of `below_last_year`,
    /// `above_last_year`, `sn_mean`, `sn_median`, `increase`, `decrease`, `monitor`, `to_be_agreed`.
    public var token: String {
        switch self {
        case .value(let v): return Target.format(v)
        case .belowLastYear: return "below_last_year"
        case .aboveLastYear: return "above_last_year"
        case .statisticalNeighbourAverage(.mean): return "sn_mean"
        case .statisticalNeighbourAverage(.median): return "sn_median"
        case .increase: return "increase"
        case .decrease: return "decrease"
        case .monitor: return "monitor"
        case .toBeAgreed: return "to_be_agreed"
        }
    }

    /// Reads a plan file's target token (see `token`); a number is a `.value`. Returns nil for
    /// anything else. Spaces and hyphens are read as underscores and case is ignored, so
    /// `below last year` and `SN-median` are accepted.
    public init?(token: String) {
        let t = token.trimmingCharacters(in: .whitespaces)
        if let v = Double(t), v.isFinite { self = .value(v); return }
        let key = t.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        switch key {
        case "below_last_year": self = .belowLastYear
        case "above_last_year": self = .aboveLastYear
        case "sn_mean": self = .statisticalNeighbourAverage(.mean)
        case "sn_median", "sn_average": self = .statisticalNeighbourAverage(.median)
        case "increase": self = .increase
        case "decrease": self = .decrease
        case "monitor": self = .monitor
        case "to_be_agreed": self = .toBeAgreed
        default: return nil
        }
    }

    /// Whether the target is judged against the same measure one year earlier.
    public var comparesWithLastYear: Bool {
        switch self {
        case .belowLastYear, .aboveLastYear, .increase, .decrease: return true
        default: return false
        }
    }

    /// Whether the target gives no red, amber or green judgement.
    public var isMonitorOnly: Bool { self == .monitor || self == .toBeAgreed }

    /// A number without a trailing `.0` (`70`, `-20`, `12.5`).
    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}

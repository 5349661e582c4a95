/// A judgement on the Ofsted scale. Cases are declared best first and compare that way:
/// `outstanding < good < requiresImprovement < inadequate` (less is better).
public enum Grade: String, Codable, Sendable, CaseIterable, Comparable {
    case outstanding
    case good
    /// Requires improvement to be good.
    case requiresImprovement = "requires-improvement"
    case inadequate

    /// 1 (outstanding) to 4 (inadequate).
    public var rank: Int {
        switch self {
        case .outstanding: 1
        case .good: 2
        case .requiresImprovement: 3
        case .inadequate: 4
        }
    }

    /// Whether the grade is Requires improvement to be good or better (anything but Inadequate).
    public var isRequiresImprovementOrBetter: Bool { self != .inadequate }

    /// The name users read.
    public var title: String {
        switch self {
        case .outstanding: "Outstanding"
        case .good: "Good"
        case .requiresImprovement: "Requires improvement to be good"
        case .inadequate: "Inadequate"
        }
    }

    public static func < (a: Grade, b: Grade) -> Bool { a.rank < b.rank }
}

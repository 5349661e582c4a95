import OversightCore

/// The size of a synthetic local authority.
public enum SynthScale: Sendable, Hashable {
    /// About Trafford's size: ~1,900 referrals and ~370 children looked after a year.
    case trafford
    /// England: ~650,000 referrals and ~80,000 children looked after a year.
    case national
    /// `n` times Trafford.
    case factor(Double)

    /// The largest multiple of Trafford accepted: a little over England (`national`, about 342).
    public static let largestFactor = 400.0

    /// Reads `trafford`, `national` or a positive number (a multiple of Trafford) up to
    /// `largestFactor`; nil otherwise.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "trafford": self = .trafford
        case "national", "england": self = .national
        default:
            guard let n = Double(text), n > 0, n.isFinite, n <= Self.largestFactor else { return nil }
            self = .factor(n)
        }
    }

    /// Multiplier on the number of children referred each year, Trafford = 1.
    ///
    /// England has about 342 times Trafford's referrals but only about 216 times its children
    /// looked after, so `national` also lowers the chance that a referred child enters care
    /// (`careFactor`).
    public var referralFactor: Double {
        switch self {
        case .trafford: 1
        case .national: 342
        case .factor(let n): n
        }
    }

    /// Multiplier on the chance that a referred child becomes looked after, Trafford = 1.
    public var careFactor: Double {
        switch self {
        case .national: 0.6
        default: 1
        }
    }

    /// `trafford`, `national` or the factor as written.
    public var label: String {
        switch self {
        case .trafford: "trafford"
        case .national: "national"
        case .factor(let n): n == n.rounded() ? String(Int(n)) : String(n)
        }
    }
}

/// What to generate: which local authority, which collection years, how big, from which seed,
/// and with how many injected errors.
public struct SynthOptions: Sendable, Hashable {
    /// The DfE's 3-digit local authority number written as `LEA` (e.g. 358, Trafford).
    public var localAuthority: Int
    /// The first collection year written (2025 = 1 April 2024 to 31 March 2025).
    public var firstYear: Int
    /// The last collection year written.
    public var lastYear: Int
    /// The seed: the same seed and options give the same bytes.
    public var seed: UInt64
    /// The size of the authority.
    public var scale: SynthScale
    /// Fraction (0...1) of written children given one injected error each.
    public var errorRate: Double
    /// Also write the last year's SSDA903 return as the DfE upload XML.
    public var writesXML: Bool

    /// Creates options; `firstYear` must not be after `lastYear`.
    public init(
        localAuthority: Int = 358, firstYear: Int, lastYear: Int, seed: UInt64 = 1,
        scale: SynthScale = .trafford, errorRate: Double = 0, writesXML: Bool = false
    ) {
        self.localAuthority = localAuthority; self.firstYear = firstYear; self.lastYear = lastYear
        self.seed = seed; self.scale = scale; self.errorRate = errorRate; self.writesXML = writesXML
    }

    /// The collection years written, in order.
    public var years: ClosedRange<Int> { firstYear...lastYear }

    /// 1 April of the first written collection year.
    public var outputStart: Day { Day(year: firstYear - 1, month: 4, day: 1)! }

    /// 31 March of the last written collection year: nothing after it is ever written.
    public var outputEnd: Day { Day(year: lastYear, month: 3, day: 31)! }

    /// Histories are simulated from three years before the first written year, so that
    /// look-back measures (re-referrals, repeat plans, stability) find data.
    public var historyStart: Day { outputStart.adding(years: -3) }
}

import OversightCore

/// What every child's simulation shares: the options, the time span and the workforce.
public struct SynthWorld: Sendable {
    public let options: SynthOptions
    /// Last day simulated (31 March of the last written year).
    public let horizon: Day
    /// First possible first-referral day: early enough that children looked after for many
    /// years before the first written year are there.
    public let arrivalStart: Day
    /// Number of children whose first referral falls in [arrivalStart, horizon].
    public let arrivals: Int
    /// Digits in a child id.
    public let idWidth: Int
    public let workforce: SynthWorkforce

    /// First referrals a year at Trafford's size.
    static let traffordArrivalsPerYear = 1150.0
    /// Case-holding social workers in post at Trafford's size, calibrated on the DfE's children's
    /// social work workforce indicators for Trafford, 2024-25 (csww_indicators_2017_to_2025.csv):
    /// 87.7 FTE case holders, 1,254 cases, 14.3 cases per FTE. With one worker in five at 0.8 FTE,
    /// 91 workers are 87.4 FTE, and the children open on a day give about 13 cases each.
    static let traffordWorkers = 91.0

    public init(options: SynthOptions) {
        self.options = options
        horizon = options.outputEnd
        arrivalStart = options.historyStart.adding(years: -18)
        let years = Double(arrivalStart.days(to: horizon)) / 365.25
        arrivals = max(1, Int((years * SynthWorld.traffordArrivalsPerYear * options.scale.referralFactor).rounded()))
        idWidth = max(6, String(arrivals).count)
        workforce = SynthWorkforce(
            size: max(3, Int((SynthWorld.traffordWorkers * options.scale.referralFactor).rounded())),
            start: options.historyStart.adding(years: -3), end: horizon, seed: options.seed)
    }

    /// The first-referral day of child `index` (arrivals spread evenly, with a little jitter).
    func arrivalDay(_ index: Int, rng: inout SynthRandom) -> Day {
        let span = Double(arrivalStart.days(to: horizon))
        let offset = (Double(index) + rng.unit()) * span / Double(arrivals)
        return arrivalStart.adding(days: min(Int(span), Int(offset)))
    }

    /// `C` and the zero-padded index.
    func childID(_ index: Int) -> String { "C" + SynthCodes.pad(index, idWidth) }
}

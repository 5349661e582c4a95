/// What the published statistics say about one measure for one local authority and reporting
/// year: its own published value, England's, its region's, its statistical neighbours' average
/// and its rank among all local authorities.
///
/// Values are in the measure's unit (a percentage as 18.0, a rate per 10,000 as 62). Figures the
/// DfE suppressed or did not publish are nil and never 0; they are left out of averages and
/// ranks and counted in `neighboursUnknown` and `unknownCount`.
public struct ComparatorSummary: Hashable, Sendable, Codable {
    /// Our measure id.
    public var measure: String
    /// The local authority's 3-digit DfE code (`358`).
    public var la: String
    public var laName: String
    /// The reporting year (2025 = 2024-25).
    public var year: Int
    public var laValue: Double?
    public var england: Double?
    public var regionName: String?
    public var region: Double?
    /// Which statistical neighbour model was used (`2021` or `2025`).
    public var neighbourModel: String
    /// The neighbours' codes, in the model's order.
    public var neighbours: [String]
    public var neighbourMean: Double?
    public var neighbourMedian: Double?
    /// How many neighbours had no published value.
    public var neighboursUnknown: Int
    /// 1 = best among the local authorities with a value (by the measure's polarity; lowest first
    /// for polarity `none`, which is an order, not a judgement). nil when the LA has no value.
    public var rank: Int?
    /// How many local authorities were ranked.
    public var rankedCount: Int
    /// How many local authorities had no published value.
    public var unknownCount: Int
    /// 1 = the best quarter (lowest quarter for polarity `none`), 4 = the worst.
    public var quartile: Int?
    /// The measure's polarity as ranked.
    public var polarity: Polarity

    public init(
        measure: String, la: String, laName: String, year: Int, laValue: Double?, england: Double?,
        regionName: String?, region: Double?, neighbourModel: String, neighbours: [String],
        neighbourMean: Double?, neighbourMedian: Double?, neighboursUnknown: Int,
        rank: Int?, rankedCount: Int, unknownCount: Int, quartile: Int?, polarity: Polarity
    ) {
        self.measure = measure; self.la = la; self.laName = laName; self.year = year; self.laValue = laValue
        self.england = england; self.regionName = regionName; self.region = region
        self.neighbourModel = neighbourModel; self.neighbours = neighbours; self.neighbourMean = neighbourMean
        self.neighbourMedian = neighbourMedian; self.neighboursUnknown = neighboursUnknown; self.rank = rank
        self.rankedCount = rankedCount; self.unknownCount = unknownCount; self.quartile = quartile; self.polarity = polarity
    }

    /// The figure a KPI's comparator choice names; nil for `.none` or when unpublished.
    public func value(for choice: ComparatorChoice) -> Double? {
        switch choice {
        case .snMean: return neighbourMean
        case .snMedian: return neighbourMedian
        case .england: return england
        case .none: return nil
        }
    }
}

/// One member authority as a column of the regional table.
public struct RegionalMember: Sendable, Hashable {
    /// The authority's 3-digit code.
    public var code: String
    /// Its name as the published statistics give it.
    public var name: String
    /// Whether the store holds any of its data for the period's measures (some measure has a value).
    public var hasData: Bool

    public init(code: String, name: String, hasData: Bool) { self.code = code; self.name = name; self.hasData = hasData }
}

/// One authority's figure for one measure on the regional table.
public struct RegionalCell: Sendable, Hashable {
    /// The authority's code.
    public var authority: String
    /// The measure's value; nil when undefined or withheld (`suppressed`).
    public var value: Double?
    /// The count behind it (a count's value, a percentage's or rate's numerator); nil when withheld.
    public var numerator: Double?
    /// The percentage's base or the rate's population; nil for counts or when withheld.
    public var denominator: Double?
    /// Whether the figure is withheld as a small number (a count of 1 to 4, or a percentage or
    /// rate built on one), as in every version of a figure shared beyond its authority.
    public var suppressed: Bool
    /// The authority's place among the members with a figure shown, 1 the best by the measure's
    /// polarity (equal values share the better place); nil for context-only measures.
    public var rank: Int?
    /// The authority's quarter of the region: 1 the best quarter, 4 the worst; nil with no rank.
    public var quartile: Int?
    /// The authority's RAG status against its own plan's target, when the measure is a KPI of its plan.
    public var status: KPIStatus?
    /// That target as a number, when it has one.
    public var target: Double?

    public init(
        authority: String, value: Double?, numerator: Double?, denominator: Double?, suppressed: Bool, rank: Int? = nil, quartile: Int? = nil,
        status: KPIStatus? = nil, target: Double? = nil
    ) {
        self.authority = authority; self.value = value; self.numerator = numerator; self.denominator = denominator
        self.suppressed = suppressed; self.rank = rank; self.quartile = quartile; self.status = status; self.target = target
    }
}

/// One measure as a row of the regional table.
public struct RegionalRow: Sendable, Hashable {
    public var definition: MeasureDefinition
    /// Whether the measure is a KPI of any member's plan.
    public var isKPI: Bool
    /// One cell per member, in the region's order.
    public var cells: [RegionalCell]
    /// The region's own figure: the members' numerators summed over their denominators summed
    /// (×100 for a percentage, ×10,000 for a rate), or the counts summed; nil for ratios, when no
    /// member has the parts, or when withheld.
    public var regional: Double?
    /// The summed numerator and denominator behind `regional` (nil when withheld or not additive).
    public var regionalNumerator: Double?
    public var regionalDenominator: Double?
    /// How many members' figures `regional` adds up.
    public var contributing: Int
    /// Whether the regional figure is withheld as a small number.
    public var regionalSuppressed: Bool
    /// The median of the members' figures shown (withheld ones left out).
    public var median: Double?

    public init(
        definition: MeasureDefinition, isKPI: Bool, cells: [RegionalCell], regional: Double?, regionalNumerator: Double?,
        regionalDenominator: Double?, contributing: Int, regionalSuppressed: Bool, median: Double?
    ) {
        self.definition = definition; self.isKPI = isKPI; self.cells = cells; self.regional = regional
        self.regionalNumerator = regionalNumerator; self.regionalDenominator = regionalDenominator; self.contributing = contributing
        self.regionalSuppressed = regionalSuppressed; self.median = median
    }
}

/// A region's members side by side for one period: every measure of the catalogue (and every KPI
/// measure of the members' plans) with each member's figure, the regional figure, the median, each
/// member's rank and quartile and its RAG status against its own target. Aggregates only: the
/// records behind a number are never read into it.
public struct RegionalTable: Sendable {
    public var region: Region
    public var period: Period
    public var members: [RegionalMember]
    public var rows: [RegionalRow]
    /// Whether small numbers are withheld (always, for the regional pages).
    public var suppression: Suppression

    public init(region: Region, period: Period, members: [RegionalMember], rows: [RegionalRow], suppression: Suppression) {
        self.region = region; self.period = period; self.members = members; self.rows = rows; self.suppression = suppression
    }
}

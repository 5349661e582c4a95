import OversightCore

/// Puts one local authority's published figures beside England's, its region's, its statistical
/// neighbours' and every other authority's. Pure computation over `PublishedStatistics`.
public enum Comparators {
    /// The comparators of `measure` for authority `la` (3-digit code) in reporting year `year`.
    ///
    /// - Neighbours without a published value are left out of the mean and median and counted in
    ///   `neighboursUnknown`; authorities without one are left out of the ranking and counted in
    ///   `unknownCount`.
    /// - The rank is 1 for the best value by the measure's polarity (lowest first for `low` and
    ///   `none`, highest first for `high`); tied authorities share the best rank of the tie.
    ///   Quartile `q = 1 + (rank - 1) x 4 / ranked` (integer division): 1 is the best quarter.
    /// - Returns nil when the measure has no published equivalent.
    public static func summary(
        measure: String, la: String, year: Int, statistics: PublishedStatistics,
        model: NeighbourModel = .y2025
    ) -> ComparatorSummary? {
        guard PublishedMeasures.mapping(for: measure) != nil else { return nil }
        let polarity = Plan.measureDefinition(measure)?.polarity ?? .none
        let own = statistics.value(measure: measure, geography: .localAuthority(la), year: year)
        let place = statistics.describe(la: la, year: year)
        let region = place?.regionCode.flatMap { statistics.value(measure: measure, geography: .region($0), year: year) }
        let neighbourCodes = statistics.neighbourModels[model]?.neighbours[la] ?? []
        let neighbourValues = neighbourCodes.compactMap { statistics.value(measure: measure, geography: .localAuthority($0), year: year) }
        let all = statistics.localAuthorityCells(measure: measure, year: year)
        let known = all.compactMap(\.cell.value)
        let position = own.map { rank(of: $0, among: known, polarity: polarity) }
        return ComparatorSummary(
            measure: measure, la: la, laName: place?.name ?? "", year: year, laValue: own,
            england: statistics.value(measure: measure, geography: .england, year: year),
            regionName: place?.regionName, region: region, neighbourModel: model.rawValue,
            neighbours: neighbourCodes, neighbourMean: mean(neighbourValues), neighbourMedian: median(neighbourValues),
            neighboursUnknown: neighbourCodes.count - neighbourValues.count,
            rank: position?.rank, rankedCount: known.count, unknownCount: all.count - known.count,
            quartile: position?.quartile, polarity: polarity)
    }

    /// A lookup for `KPIEvaluator`: the comparators of a measure for the reporting year that holds
    /// the period's last day, or the latest earlier year with figures when that year is not yet
    /// published. The summary's `year` says which year was used.
    public static func lookup(statistics: PublishedStatistics, la: String, model: NeighbourModel = .y2025) -> KPIEvaluator.ComparatorLookup {
        { measure, period in
            let wanted = period.end.collectionYear
            guard let year = statistics.years(measure: measure).filter({ $0 <= wanted }).last else { return nil }
            return summary(measure: measure, la: la, year: year, statistics: statistics, model: model)
        }
    }

    /// The arithmetic mean; nil for no values.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The median (the mean of the middle two for an even count); nil for no values.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }

    /// The rank of `value` among `values` (which should include it) and its quartile; see
    /// `summary(measure:la:year:statistics:model:)`.
    public static func rank(of value: Double, among values: [Double], polarity: Polarity) -> (rank: Int, quartile: Int) {
        let better = values.filter { polarity == .high ? $0 > value : $0 < value }.count
        let n = max(values.count, 1)
        let rank = better + 1
        return (rank, min(4, 1 + (rank - 1) * 4 / n))
    }
}

/// One measure computed from case data (../spec/measures.md), declared as one value: its stable
/// id, unit, polarity and title, the case-data tables it reads, and its two computations, for
/// one period and for a series of rolling 12-month points.
///
/// The measures are declared family by family in Measures/Catalogue/ (`Measures+Referrals.swift`,
/// ...) and listed, in the spec's order, in `Measures.all`, which everything else derives from:
/// `MeasureEngine` computes what the list holds, `MeasureCatalogue` gives their definitions and
/// `MeasureEngine.sourcesNeeded(for:)` the tables they read. Adding a measure adds one value to
/// its family's file, its tests and its row in docs/measures.md.
public struct Measure: Sendable {
    /// The stable id.
    public let id: MeasureID
    /// What its value is.
    public let unit: MeasureUnit
    /// Which way is better.
    public let polarity: Polarity
    /// A short title as a user reads it; docs/measures.md words the full definition.
    public let title: String
    /// The case-data tables its computations read, and only those: computing it on data holding
    /// nothing else gives the same results (`MeasureReadsTests` checks it for every measure).
    public let reads: Set<CaseTable>
    /// Where its data comes from: the source of the tables it reads (all of one source).
    public let source: MeasureSource
    /// One period's result, the coverage warnings not yet added; nil where it cannot be
    /// computed (a rate without a population).
    let period: @Sendable (MeasureEngine, Period, MeasureParameters) -> MeasureResult?
    /// The tally of each point of a series, reading the records once for all the points (see
    /// `MeasureEngine.series(_:endingOn:parameters:)`); each point's numbers and warnings equal
    /// `period`'s for that point's rolling 12 months.
    /// nil for a measure whose series is its period's computation at each point (the small
    /// local lists, whose values may be fractions: FTE).
    let series: (@Sendable (MeasureEngine, SeriesPoints, MeasureParameters) -> [Tally])?

    /// A measure whose period's tally is finished by its unit: a count, a percentage, or a rate
    /// per 10,000 of `MeasureParameters.population`.
    init(
        _ id: MeasureID, _ unit: MeasureUnit, _ polarity: Polarity, _ title: String, reads: Set<CaseTable>, source: MeasureSource? = nil,
        period: @escaping @Sendable (MeasureEngine, Period, MeasureParameters) -> Tally,
        series: (@Sendable (MeasureEngine, SeriesPoints, MeasureParameters) -> [Tally])?
    ) {
        let name = id.rawValue
        self.init(
            id, unit, polarity, title, reads: reads, source: source,
            result: { e, p, parameters in
                e.finish(period(e, p, parameters), name, unit, p, parameters)
            }, series: series)
    }

    /// A measure whose period's result is made by `result` itself. A measure reads the tables of
    /// one source, unless `source` names the one its coverage is judged by (a measure joining
    /// early help with the CIN census).
    init(
        _ id: MeasureID, _ unit: MeasureUnit, _ polarity: Polarity, _ title: String, reads: Set<CaseTable>, source: MeasureSource? = nil,
        result: @escaping @Sendable (MeasureEngine, Period, MeasureParameters) -> MeasureResult?,
        series: (@Sendable (MeasureEngine, SeriesPoints, MeasureParameters) -> [Tally])?
    ) {
        let sources = source.map { [$0] } ?? Set(reads.map(\.source))
        precondition(sources.count == 1, "\(id) must read the tables of one source")
        self.id = id
        self.unit = unit
        self.polarity = polarity
        self.title = title
        self.reads = reads
        self.source = sources.first!
        self.period = result
        self.series = series
    }

    /// Its definition as the plan and the views use it.
    public var definition: MeasureDefinition { MeasureDefinition(id.rawValue, unit, polarity, source, title) }
}

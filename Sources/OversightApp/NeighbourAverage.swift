import OversightCore

/// The average of the statistical neighbours' published values that Oversight compares with:
/// the median of the ten, as the DfE's children's social care dashboard uses (the LAIT tool uses
/// the mean). One choice for every page, download and report; pages state it.
public enum NeighbourAverage {
    /// The words pages and reports show beside the figure.
    public static let label = "Statistical neighbours (median of 10)"
    /// The column heading used in tables.
    public static let heading = "Neighbours (median)"

    /// The chosen average of a comparator summary.
    public static func value(_ summary: ComparatorSummary) -> Double? { summary.neighbourMedian }
}

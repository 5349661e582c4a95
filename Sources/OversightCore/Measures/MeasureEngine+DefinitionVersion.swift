extension MeasureEngine {
    /// The version of the measures' definitions: what every measure counts, over which records,
    /// with which rules. Stored results (the store's measure cache) are kept under it and used
    /// only while it is unchanged, so it must change whenever any measure's definition changes,
    /// in any way that can change a value, numerator, denominator or warning: a new date in the
    /// form `2026-12-07.1` (the `.n` counting changes made on one day).
    public static let definitionVersion: String = "2026-12-07.2"
}

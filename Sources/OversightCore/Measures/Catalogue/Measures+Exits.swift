/// Children leaving care to special guardianship, from the SSDA903 return.
extension Measures {
    /// `sgo_exits_pct`: of `cla_ceased` (per child, the last episode ceased), those ceasing to a
    /// special guardianship order (`REC` E43-E48).
    public static let sgoExitsPct = Measure(
        "sgo_exits_pct", .percent, .high, "Children leaving care to special guardianship", reads: [.episodes],
        period: { e, period, p in e.ceased(period, p, percent: true, counting: isSpecialGuardianship) },
        series: { e, pts, _ in e.ceasedSeries(pts, counting: isSpecialGuardianship) })

    /// `sgo_exits`: the numerator of `sgo_exits_pct`.
    public static let sgoExits = Measure(
        "sgo_exits", .count, .high, "Children leaving care to special guardianship (number)", reads: [.episodes],
        period: { e, period, p in e.ceased(period, p, percent: false, counting: isSpecialGuardianship) },
        series: { e, pts, _ in e.ceasedSeries(pts, counting: isSpecialGuardianship) })

    /// The exit measures, in the spec's order.
    static let exitMeasures: [Measure] = [sgoExitsPct, sgoExits]

    /// The `REC` codes of ceasing to a special guardianship order.
    static let sgoCodes: Set<String> = ["E43", "E44", "E45", "E46", "E47", "E48"]

    /// Ceased to a special guardianship order.
    @Sendable fileprivate static func isSpecialGuardianship(_ rec: String?) -> Bool { sgoCodes.contains(rec ?? "") }
}

/// Every measure computed from case data, as `Measure` values, in the spec's order
/// (../spec/measures.md): the one list the engine, the catalogue's definitions and the tables a
/// reader needs derive from.
///
/// Each family of measures is declared in its own file (`Measures+Referrals.swift`, ...), with
/// its computations beside it, and lists its measures in order; adding a measure to a family
/// touches that file alone.
public enum Measures {
    /// Every measure, family by family in the spec's order.
    public static let all: [Measure] = [
        referralMeasures, childrenInNeedMeasures, assessmentMeasures, childProtectionMeasures,
        lookedAfterMeasures, placementMeasures, exitMeasures, missingFromCareMeasures, socialWorkerMeasures, reviewMeasures,
        careLeaverMeasures, localMissingMeasures, supervisionMeasures, earlyHelpMeasures, workforceMeasures, sufficiencyMeasures,
    ].flatMap { $0 }

    /// Every measure by id.
    static let byID: [MeasureID: Measure] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The measure with id `id`; nil when no measure computed from case data has it.
    public static func measure(_ id: MeasureID) -> Measure? { byID[id] }
}

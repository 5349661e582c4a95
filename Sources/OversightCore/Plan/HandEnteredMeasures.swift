/// Measures whose values are entered by hand, per period, because no file the product reads
/// holds them (../spec/measures.md, "Values entered by hand").
///
/// Ids start `hand_` so they never collide with a computed measure's id. Like every measure id
/// they are stable: never rename one.
public enum HandEnteredMeasures {
    /// Every hand-entered measure.
    public static let all: [MeasureDefinition] = [
        .init("hand_households_recruited", .count, .high, .handEntered, "Foster households recruited"),
        .init("hand_rrp_completed_pct", .percent, .high, .handEntered, "Staff who completed the Restorative Relational Practice programme"),
        .init("hand_sw_vacancy_rate", .percent, .low, .handEntered, "Social work vacancy rate"),
        .init("hand_right_help_families", .count, .high, .handEntered, "Families reporting they received the right help at the right time"),
        .init("hand_families_helped_sustained", .count, .high, .handEntered, "Families reporting they were helped and changes were sustained"),
        .init("hand_tdas_confidence_pct", .percent, .high, .handEntered, "TDAS: young people reporting better confidence and self-esteem"),
        .init("hand_tdas_relationships_pct", .percent, .high, .handEntered, "TDAS: young people reporting better family relationships and less isolation"),
        .init("hand_tdas_resilience_pct", .percent, .high, .handEntered, "TDAS: young people reporting they are more resilient"),
        .init("hand_marac_deescalated_pct", .percent, .high, .handEntered, "Families de-escalated from MARAC"),
        .init("hand_act_pathway_children", .count, .none, .handEntered, "Children on the ACT pathway"),
        .init("hand_gcp_partner_completed", .count, .high, .handEntered, "Graded care profiles completed by partner agencies"),
        .init("hand_eha_partner_pct", .percent, .high, .handEntered, "Early help assessments completed by partner agencies"),
        .init("hand_families_supported_partner_pct", .percent, .high, .handEntered, "Families supported by partner agencies"),
        .init("hand_eha_taf_da_meetings", .count, .high, .handEntered, "Early help and team around the family meetings where domestic abuse is a factor"),
        .init("hand_multiagency_participation_pct", .percent, .high, .handEntered, "Participation in multi-agency meetings"),
        .init("hand_sgo_living_children", .count, .high, .handEntered, "Children living with special guardians"),
        .init("hand_care_proceedings", .count, .low, .handEntered, "Care proceedings issued"),
        .init("hand_care_proceedings_neglect", .count, .low, .handEntered, "Care proceedings issued where neglect is a feature"),
        .init("hand_care_proceedings_da", .count, .low, .handEntered, "Care proceedings issued where domestic abuse is a feature"),
    ]

    /// Looks up a hand-entered measure by id.
    public static func definition(_ id: String) -> MeasureDefinition? {
        byID[id]
    }

    static let byID: [String: MeasureDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

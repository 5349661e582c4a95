/// The definitions of every measure: those computed from case data (`Measures.all`, in the spec's
/// order) and the quality assurance measures computed from audits. Hand-entered measures are in
/// `HandEnteredMeasures`.
public enum MeasureCatalogue {
    /// Every measure computed from case data, in the spec's order.
    public static let all: [MeasureDefinition] = Measures.all.map(\.definition)

    /// Quality assurance measures (computed from audits in the store).
    public static let qualityAssurance: [MeasureDefinition] = [
        .init("audits_completed_pct", .percent, .high, .qualityAssurance, "Audits completed"),
        .init("audits_completed_on_time_pct", .percent, .high, .qualityAssurance, "Audits completed on time"),
        .init("audits_moderated_pct", .percent, .high, .qualityAssurance, "Case file audits moderated"),
        .init("audits_ri_or_better_pct", .percent, .high, .qualityAssurance, "Case file audits judged requires improvement or better"),
        .init("cin_audits_ri_or_better_pct", .percent, .high, .qualityAssurance, "Children in need audits judged requires improvement or better"),
        .init("audits_lived_experience_pct", .percent, .high, .qualityAssurance, "Audits evidencing the child's lived experience consistently"),
        .init("audits_strengths_based_pct", .percent, .high, .qualityAssurance, "Audits evidencing strength-based assessment"),
        .init("audits_management_oversight_pct", .percent, .high, .qualityAssurance, "Audits evidencing management oversight"),
        .init("supervision_audits_ri_or_better_pct", .percent, .high, .qualityAssurance, "Supervision audits judged requires improvement or better"),
        .init("supervision_audits_reflective_pct", .percent, .high, .qualityAssurance, "Supervision audits evidencing reflective supervision"),
        .init("multi_agency_audits_ri_or_better_pct", .percent, .high, .qualityAssurance, "Multi-agency audits judged requires improvement or better"),
        .init("moderation_agreement_pct", .percent, .high, .qualityAssurance, "Moderations agreeing with the auditor's grade"),
        .init("moderation_kappa", .ratio, .high, .qualityAssurance, "Agreement between auditors and moderators (weighted kappa)"),
    ]

    /// Families' and children's feedback measures (computed from the feedback responses in the
    /// store; see `FeedbackMeasures`).
    public static let feedback: [MeasureDefinition] = [
        .init("feedback_responses", .count, .high, .feedback, "Feedback responses from families and children"),
        .init("feedback_right_help_families", .count, .high, .feedback, "Families saying they got the right help at the right time"),
        .init("feedback_helped_sustained_families", .count, .high, .feedback, "Families saying things are better and the changes have lasted"),
        .init("feedback_right_help_pct", .percent, .high, .feedback, "Families agreeing they got the right help at the right time"),
        .init("feedback_tdas_confidence_pct", .percent, .high, .feedback, "Children and young people feeling more confident (domestic abuse service)"),
        .init(
            "feedback_tdas_relationships_pct", .percent, .high, .feedback,
            "Children and young people saying things are better in their family (domestic abuse service)"),
        .init(
            "feedback_tdas_resilience_pct", .percent, .high, .feedback,
            "Children and young people feeling more able to deal with things (domestic abuse service)"),
    ]

    /// Looks up any measure of the catalogue by id.
    public static func definition(_ id: String) -> MeasureDefinition? {
        byID[id]
    }

    /// Every definition (case data, quality assurance and feedback) by id.
    static let byID: [String: MeasureDefinition] = {
        var d: [String: MeasureDefinition] = [:]
        for m in all + qualityAssurance + feedback { d[m.id] = m }
        return d
    }()
}

/// A measure of the catalogue (../spec/measures.md): its stable id, unit, polarity and title.
public struct MeasureDefinition: Hashable, Sendable {
    public var id: String
    public var unit: MeasureUnit
    public var polarity: Polarity
    public var source: MeasureSource
    /// A short title as a user reads it.
    public var title: String
    public init(_ id: String, _ unit: MeasureUnit, _ polarity: Polarity, _ source: MeasureSource, _ title: String) {
        self.id = id; self.unit = unit; self.polarity = polarity; self.source = source; self.title = title
    }
}

/// The groups of `assessment_factor_pct_{group}`: group id and the factor codes in it.
public let assessmentFactorGroups: [(id: String, codes: Set<String>, title: String)] = [
    ("da", ["3A", "3B", "3C"], "domestic abuse"),
    ("neglect", ["16A"], "neglect"),
    ("cse", ["11A"], "child sexual exploitation"),
    ("cce", ["24A"], "child criminal exploitation"),
    ("missing", ["10A"], "going missing"),
    ("gangs", ["13A"], "gangs"),
    ("trafficking", ["12A"], "trafficking"),
]

/// The groups of `referral_source_pct_{group}`: group id and the `ReferralSource` codes in it.
/// `unknown` also takes blank and invalid sources, so the groups sum to 100.
public let referralSourceGroups: [(id: String, codes: Set<String>, title: String)] = [
    ("individual", ["1A", "1B", "1C", "1D"], "individuals"),
    ("education", ["2A", "2B"], "education services"),
    ("health", ["3A", "3B", "3C", "3D", "3E", "3F"], "health services"),
    ("housing", ["4"], "housing"),
    ("la_services", ["5A", "5B", "5C", "5D"], "local authority services"),
    ("police", ["6"], "police"),
    ("legal", ["7"], "other legal agency"),
    ("other", ["8"], "other"),
    ("anonymous", ["9"], "anonymous"),
    ("unknown", ["10"], "unknown"),
]

/// Every measure computed from case data, in the spec's order.
public enum MeasureCatalogue {
    public static let all: [MeasureDefinition] = {
        var m: [MeasureDefinition] = [
            .init("referrals", .count, .none, .cin, "Referrals"),
            .init("rereferrals_12m_pct", .percent, .low, .cin, "Re-referrals within 12 months"),
            .init("referrals_nfa_pct", .percent, .none, .cin, "Referrals with no further action"),
        ]
        for g in referralSourceGroups {
            m.append(.init("referral_source_pct_\(g.id)", .percent, .none, .cin, "Referrals from \(g.title)"))
        }
        m += [
            .init("cin_at_end", .count, .none, .cin, "Children in need at period end"),
            .init("cin_rate_per_10k", .rate, .none, .cin, "Children in need per 10,000 children"),
            .init("assessments_completed", .count, .none, .cin, "Assessments completed"),
            .init("assessments_45_days_pct", .percent, .high, .cin, "Assessments completed within 45 working days"),
        ]
        for g in assessmentFactorGroups {
            m.append(.init("assessment_factor_pct_\(g.id)", .percent, .none, .cin, "Assessments where \(g.title) is a factor"))
        }
        m += [
            .init("s47_enquiries", .count, .none, .cin, "Section 47 enquiries started"),
            .init("icpc_15_days_pct", .percent, .high, .cin, "Initial child protection conferences within 15 working days"),
            .init("cpp_at_end", .count, .none, .cin, "Children on a child protection plan at period end"),
            .init("cpp_rate_per_10k", .rate, .none, .cin, "Children on a child protection plan per 10,000 children"),
            .init("cpp_starts", .count, .none, .cin, "Child protection plans started"),
            .init("cpp_second_subsequent_pct", .percent, .low, .cin, "Child protection plans that are second or subsequent"),
            .init("cpp_repeat_2y_pct", .percent, .low, .cin, "Child protection plans starting within 2 years of a previous plan ending"),
            .init("cpp_2y_plus_pct", .percent, .low, .cin, "Child protection plans open 2 years or more"),
            .init("cpp_neglect_pct", .percent, .none, .cin, "Child protection plans with neglect as initial category"),
            .init("cpp_neglect_starts", .count, .none, .cin, "Child protection plans started with neglect as initial category"),
            .init("cpp_da_pct", .percent, .low, .cin, "Children on a child protection plan where domestic abuse is a feature"),
            .init("cpp_repeat_da", .count, .low, .cin, "Repeat child protection plans where domestic abuse is a feature"),
            .init("cla_at_end", .count, .none, .ssda903, "Children looked after at period end"),
            .init("cla_rate_per_10k", .rate, .none, .ssda903, "Children looked after per 10,000 children"),
            .init("cla_starts", .count, .none, .ssda903, "Children starting to be looked after"),
            .init("cla_starts_rate_per_10k", .rate, .none, .ssda903, "Children starting to be looked after per 10,000 children"),
            .init("cla_ceased", .count, .none, .ssda903, "Children ceasing to be looked after"),
            .init("placement_stability_short_pct", .percent, .low, .ssda903, "Children looked after with 3 or more placements in 12 months"),
            .init("placement_stability_long_pct", .percent, .high, .ssda903, "Children looked after 2.5 years or more in the same placement for 2 years"),
            .init("placed_with_parents_at_end", .count, .low, .ssda903, "Children placed with parents at period end"),
            .init("placed_with_parents_pct", .percent, .low, .ssda903, "Children looked after placed with parents"),
            .init("placed_with_parents_change_pct", .percent, .low, .ssda903, "Change in children placed with parents over a year"),
            .init("placement_moves_planned_children", .count, .low, .ssda903, "Children looked after with a planned placement move"),
            .init("placement_moves_unplanned_children", .count, .low, .ssda903, "Children looked after with an unplanned placement move"),
            .init("external_placements_at_end", .count, .low, .ssda903, "Children in private or voluntary placements at period end"),
            .init("external_placements_pct", .percent, .low, .ssda903, "Children looked after in private or voluntary placements"),
            .init("external_residential_at_end", .count, .low, .ssda903, "Children in external children's homes at period end"),
            .init("sgo_exits_pct", .percent, .high, .ssda903, "Children leaving care to special guardianship"),
            .init("sgo_exits", .count, .high, .ssda903, "Children leaving care to special guardianship (number)"),
            .init("missing_children_pct", .percent, .low, .ssda903, "Children looked after who went missing"),
            .init("away_children_pct", .percent, .low, .ssda903, "Children looked after who were away without authorisation"),
            .init("missing_incidents", .count, .low, .ssda903, "Missing incidents of children looked after"),
            .init("sw_changes_3plus_pct", .percent, .low, .ssda903, "Children looked after with 3 or more social workers in 12 months"),
            .init("cla_review_participation_pct", .percent, .high, .ssda903, "Looked-after reviews the child took part in"),
            .init("review_participation_16plus_pct", .percent, .high, .ssda903, "Looked-after reviews of young people aged 16 or over that they took part in"),
            .init("care_leavers_eet_pct", .percent, .high, .ssda903, "Care leavers aged 19-21 in education, employment or training"),
            .init("care_leavers_suitable_accom_pct", .percent, .high, .ssda903, "Care leavers aged 19-21 in suitable accommodation"),
            .init("care_leavers_in_touch_pct", .percent, .high, .ssda903, "Care leavers aged 19-21 in touch"),
            .init("missing_episodes", .count, .low, .localMissing, "Missing episodes"),
            .init("missing_children", .count, .low, .localMissing, "Children who went missing"),
            .init("rhi_offered_72h_pct", .percent, .high, .localMissing, "Return home interviews offered within 72 hours"),
            .init("rhi_accepted_pct", .percent, .high, .localMissing, "Return home interviews accepted"),
            .init("rhi_completed_72h_pct", .percent, .high, .localMissing, "Return home interviews completed within 72 hours"),
            .init("supervision_in_standard_pct", .percent, .high, .supervision, "Supervision held in line with practice standards"),
            .init("supervision_reflective_pct", .percent, .high, .supervision, "Formal supervision recorded as reflective"),
        ]
        return m
    }()

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
        .init("moderation_agreement_pct", .percent, .high, .qualityAssurance, "Moderations agreeing with the auditor's grade"),
        .init("moderation_kappa", .ratio, .high, .qualityAssurance, "Agreement between auditors and moderators (weighted kappa)"),
    ]

    /// Looks up any measure of the catalogue by id.
    public static func definition(_ id: String) -> MeasureDefinition? {
        byID[id]
    }

    static let byID: [String: MeasureDefinition] = {
        var d: [String: MeasureDefinition] = [:]
        for m in all + qualityAssurance { d[m.id] = m }
        return d
    }()
}

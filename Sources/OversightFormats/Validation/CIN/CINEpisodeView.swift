import OversightCore

/// One `CINdetails` block with its dates parsed.
struct CINEpisodeView: Sendable {
    let raw: CINRawEpisode
    let referral: Day?
    let closure: Day?
    /// `DateOfInitialCPC` on the `CINdetails` block itself.
    let icpc: Day?
    /// `ReferralNFA`: true for a referral with no further action; nil when missing or invalid.
    let nfa: Bool?
    let assessments: [CINAssessmentView]
    let plans: [CINPlanView]
    let section47s: [CINSection47View]
    let protectionPlans: [CINProtectionPlanView]

    init(_ raw: CINRawEpisode) {
        self.raw = raw
        referral = cinDate(raw.details, "CINreferralDate")
        closure = cinDate(raw.details, "CINclosureDate")
        icpc = cinDate(raw.details, "DateOfInitialCPC")
        nfa = cinFlag(raw.details["ReferralNFA"])
        assessments = raw.assessments.map(CINAssessmentView.init)
        plans = raw.cinPlans.map(CINPlanView.init)
        section47s = raw.section47s.map(CINSection47View.init)
        protectionPlans = raw.protectionPlans.map(CINProtectionPlanView.init)
    }

    var details: CINRawBlock { raw.details }
    /// `ReasonForClosure` trimmed, nil when absent or blank.
    var reasonForClosure: String? { cinText(raw.details, "ReasonForClosure") }
    /// Names the episode in a finding's note.
    var label: String { "referral " + (referral?.iso ?? "with no date") }
}

import OversightCore

/// One child (`Child` element) with its dates parsed.
struct CINChildView: Sendable {
    let raw: CINRawChild
    /// `LAchildID` normalised; nil when missing.
    let id: ChildID?
    let birth: Day?
    let expectedBirth: Day?
    let death: Day?
    let episodes: [CINEpisodeView]

    init(_ raw: CINRawChild) {
        self.raw = raw
        id = ChildID(normalising: raw.laChildID)
        birth = cinDate(raw.identifiers, "PersonBirthDate")
        expectedBirth = cinDate(raw.identifiers, "ExpectedPersonBirthDate")
        death = cinDate(raw.identifiers, "PersonDeathDate")
        episodes = raw.episodes.map(CINEpisodeView.init)
    }

    var identifiers: CINRawBlock { raw.identifiers }
    var characteristics: CINRawBlock { raw.characteristics }
    /// Whether any episode is a referral going on to further action (`ReferralNFA` false).
    var hasFurtherAction: Bool { episodes.contains { $0.nfa == false } }
}

import OversightCore

/// What the return rules need to know about a whole CIN census return, gathered one child at a
/// time while the file streams past, so that a national-scale return is checked without holding
/// its children: each child's place and identifiers, and the counts the authority-level queries
/// compare.
struct CINCensus: Sendable {
    /// A referral open at the end of a return (no closure date, `ReferralNFA` false): what
    /// `OV-CIN-PREV` looks for in the next year's return.
    struct OpenReferral: Hashable, Sendable {
        let child: ChildID
        let referral: Day
    }

    let file: String
    let context: CINContext
    /// The `Header` leaves flattened.
    var header: CINRawBlock

    /// Per child, in file order: the `Child` element's position and normalised `LAchildID`.
    private(set) var positions: [Int] = []
    private(set) var ids: [ChildID?] = []
    /// Per child: the UPN upper-cased, nil when absent or blank.
    private(set) var upns: [String?] = []

    /// Plan starts and initial conferences (on an episode or a section 47) inside the census period.
    private(set) var planStartsInPeriod = 0
    private(set) var conferencesInPeriod = 0
    /// Children (unborn children aside) with `GenderCurrent` missing or 0, and with `Sex` missing or U.
    private(set) var missingGender = 0
    private(set) var missingSex = 0
    /// Disability codes used (NONE and blanks aside); children with one or more codes; with two or more.
    private(set) var disabilityCodes: Set<String> = []
    private(set) var disabledChildren = 0
    private(set) var childrenWithSeveralDisabilities = 0

    /// The first child index of each `LAchildID`, and every (child, referral date) in the return.
    private(set) var firstIndex: [ChildID: Int] = [:]
    private(set) var referrals: Set<OpenReferral> = []
    /// Referrals open at the end of this return, in file order.
    private(set) var openAtEnd: [OpenReferral] = []

    /// Last year's open referrals, when last year's return is at hand.
    var previous: [OpenReferral]?

    init(file: String, header: CINRawBlock, context: CINContext) {
        self.file = file
        self.header = header
        self.context = context
    }

    var count: Int { positions.count }

    /// Adds one child's part of the return-level tallies.
    mutating func add(_ c: CINChildView) {
        let index = positions.count
        positions.append(c.raw.position)
        ids.append(c.id)
        upns.append(cinText(c.identifiers, "UPN")?.uppercased())
        for e in c.episodes {
            if let d = e.icpc, context.inPeriod(d) { conferencesInPeriod += 1 }
            for s in e.section47s { if let d = s.icpc, context.inPeriod(d) { conferencesInPeriod += 1 } }
            for p in e.protectionPlans { if let d = p.start, context.inPeriod(d) { planStartsInPeriod += 1 } }
        }
        if cinText(c.identifiers, "ExpectedPersonBirthDate") == nil {
            let g = cinText(c.identifiers, "GenderCurrent")
            if g == nil || g == "0" { missingGender += 1 }
            let s = cinText(c.identifiers, "Sex")?.uppercased()
            if s == nil || s == "U" { missingSex += 1 }
        }
        let codes = Set(CINRuleTable.disabilities(c).filter { !$0.isEmpty && $0 != "NONE" })
        disabilityCodes.formUnion(codes)
        if !codes.isEmpty { disabledChildren += 1 }
        if codes.count > 1 { childrenWithSeveralDisabilities += 1 }
        if let id = c.id {
            if firstIndex[id] == nil { firstIndex[id] = index }
            for e in c.episodes { if let r = e.referral { referrals.insert(OpenReferral(child: id, referral: r)) } }
        }
        openAtEnd += Self.openReferrals(c.raw)
    }

    /// The referrals of `child` open at the end of its return: no closure date and `ReferralNFA`
    /// false, with a valid referral date.
    static func openReferrals(_ child: CINRawChild) -> [OpenReferral] {
        guard let id = ChildID(normalising: child.laChildID) else { return [] }
        var out: [OpenReferral] = []
        for e in child.episodes where cinText(e.details, "CINclosureDate") == nil && cinFlag(e.details["ReferralNFA"]) == false {
            if let r = cinDate(e.details, "CINreferralDate") { out.append(OpenReferral(child: id, referral: r)) }
        }
        return out
    }

    /// Child indices (in file order) whose key is shared with another child, with how many share it.
    static func shared<Key: Hashable>(_ keys: [Key?]) -> [(index: Int, count: Int)] {
        var counts: [Key: Int] = [:]
        for k in keys { if let k { counts[k, default: 0] += 1 } }
        var out: [(Int, Int)] = []
        for (i, k) in keys.enumerated() { if let k, let n = counts[k], n > 1 { out.append((i, n)) } }
        return out
    }
}

import OversightCore

/// A CIN census return indexed once for the rules: every date parsed, every flag read, each
/// child's identifier normalised.
struct CINCensus: Sendable {
    let raw: CINRawReturn
    let context: CINContext
    let children: [CINChildView]
    /// Last year's return, when given, for the checks that compare the two.
    let previous: CINRawReturn?

    init(_ raw: CINRawReturn, previous: CINRawReturn?, context: CINContext) {
        self.raw = raw
        self.previous = previous
        self.context = context
        children = raw.children.map(CINChildView.init)
    }
}

/// Reads an ISO date leaf: nil when absent, blank or not a date.
func cinDate(_ block: CINRawBlock, _ name: String) -> Day? {
    guard let text = block[name] else { return nil }
    return cinParseISO(cinTrim(text))
}

/// `yyyy-mm-dd` read straight from the UTF-8 bytes (the returns hold millions of dates).
func cinParseISO(_ text: String) -> Day? {
    let bytes = text.utf8
    return bytes.withContiguousStorageIfAvailable { b -> Day? in
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                n = n * 10 + d
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    } ?? Day.parseISO(String(bytes))
}

/// Trims spaces, tabs and line breaks from both ends, without copying when there are none.
func cinTrim(_ text: String) -> String {
    func isSpace(_ c: Character) -> Bool { c == " " || c.isWhitespace }
    guard let first = text.first, let last = text.last else { return text }
    if !isSpace(first) && !isSpace(last) { return text }
    guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(text[start...end])
}

/// Reads a CIN yes/no leaf: `1`/`true` and `0`/`false` (any case); nil for anything else.
func cinFlag(_ text: String?) -> Bool? {
    guard let text else { return nil }
    switch cinTrim(text) {
    case "1": return true
    case "0": return false
    case let t:
        switch t.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}

/// The text of a leaf with white space trimmed; nil when absent or blank.
func cinText(_ block: CINRawBlock, _ name: String) -> String? {
    guard let raw = block[name] else { return nil }
    let t = cinTrim(raw)
    return t.isEmpty ? nil : t
}

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

/// One `Assessments` block.
struct CINAssessmentView: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let authorised: Day?
    /// `AssessmentFactors` codes, trimmed and upper-cased, blanks kept as "".
    let factors: [String]

    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "AssessmentActualStartDate")
        authorised = cinDate(raw, "AssessmentAuthorisationDate")
        factors = (raw.lists["AssessmentFactors"] ?? []).map { cinTrim($0).uppercased() }
    }

    var label: String { "assessment started " + (start?.iso ?? "on no date") }
}

/// One `CINPlanDates` block.
struct CINPlanView: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let end: Day?
    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "CINPlanStartDate")
        end = cinDate(raw, "CINPlanEndDate")
    }
    var label: String { "CIN plan started " + (start?.iso ?? "on no date") }
}

/// One `Section47` block.
struct CINSection47View: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let target: Day?
    let icpc: Day?
    /// `ICPCnotRequired`; nil when missing or invalid.
    let icpcNotRequired: Bool?
    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "S47ActualStartDate")
        target = cinDate(raw, "InitialCPCtarget")
        icpc = cinDate(raw, "DateOfInitialCPC")
        icpcNotRequired = cinFlag(raw["ICPCnotRequired"])
    }
    /// No conference held and none ruled out: the enquiry is still open.
    var isOpen: Bool { icpc == nil && icpcNotRequired != true }
    var label: String { "section 47 enquiry started " + (start?.iso ?? "on no date") }
}

/// One `ChildProtectionPlans` block.
struct CINProtectionPlanView: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let end: Day?
    /// `CPPreviewDate` texts as written.
    let reviewTexts: [String]
    /// The review dates that parse.
    let reviews: [Day]
    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "CPPstartDate")
        end = cinDate(raw, "CPPendDate")
        reviewTexts = raw.lists["CPPreviewDate"] ?? []
        reviews = reviewTexts.compactMap { cinParseISO(cinTrim($0)) }
    }
    var label: String { "child protection plan started " + (start?.iso ?? "on no date") }
}

import OversightCore
@testable import OversightFormats

/// Builds small synthetic CIN census returns for the rule tests: one valid child by default,
/// altered by closures.
struct CINBuilder {
    static func block(_ fields: [String: String], lists: [String: [String]] = [:]) -> CINRawBlock {
        CINRawBlock(line: 1, fields: fields, lists: lists)
    }

    /// A valid 2024-25 child: born 2015, one referral in June 2024 with a completed assessment,
    /// a section 47 enquiry, a conference and an open child protection plan.
    static func child(_ id: String = "C1", position: Int = 1, sexField: String = "Sex", sex: String = "M") -> CINRawChild {
        let details = block(["CINreferralDate": "2024-06-03", "ReferralSource": "1A", "PrimaryNeedCode": "N1", "ReferralNFA": "0"])
        let assessment = block(
            ["AssessmentActualStartDate": "2024-06-04", "AssessmentAuthorisationDate": "2024-06-20"],
            lists: ["AssessmentFactors": ["3A", "4B"]])
        let s47 = block(["S47ActualStartDate": "2024-06-05", "InitialCPCtarget": "2024-06-19", "DateOfInitialCPC": "2024-06-19", "ICPCnotRequired": "0"])
        let plan = block(
            ["CPPstartDate": "2024-06-19", "InitialCategoryOfAbuse": "NEG", "LatestCategoryOfAbuse": "NEG", "NumberOfPreviousCPP": "0"],
            lists: ["CPPreviewDate": ["2024-09-10"]])
        let episode = CINRawEpisode(details: details, assessments: [assessment], section47s: [s47], protectionPlans: [plan])
        return CINRawChild(
            position: position,
            identifiers: block(["LAchildID": id, "UPN": "P201123456789", "PersonBirthDate": "2015-05-01", sexField: sex]),
            characteristics: block(["Ethnicity": "WBRI"], lists: ["Disability": ["NONE"]]),
            episodes: [episode])
    }

    static func census(_ children: [CINRawChild], referenceDate: String = "2025-03-31") -> CINRawReturn {
        CINRawReturn(
            file: "test.xml", header: block(["Collection": "CIN", "ReferenceDate": referenceDate, "LEA": "201"]),
            children: children, collectionYear: 2025)
    }

    /// The codes of the rules the valid child breaks once `change` is made. For a year other than
    /// 2025 the child's dates are first moved by whole years into that year's census.
    static func codes(year: Int = 2025, _ change: (inout CINRawChild) -> Void = { _ in }) -> Set<String> {
        var c = shifted(child(sexField: year >= 2025 ? "Sex" : "GenderCurrent", sex: year >= 2025 ? "M" : "1"), years: year - 2025)
        change(&c)
        let ref = "\(year)-03-31"
        return Set(CINValidator.validate(census([c], referenceDate: ref), previous: nil, collectionYear: year).map(\.rule))
    }
}

/// Terse edits of a built child, for the rule tables. Setting a value to nil removes the element.
extension CINBuilder {
    /// Moves every date in the child by `years` whole years.
    static func shifted(_ child: CINRawChild, years: Int) -> CINRawChild {
        guard years != 0 else { return child }
        func move(_ b: CINRawBlock) -> CINRawBlock {
            var b = b
            for (k, v) in b.fields { if let d = Day.parseISO(v) { b.fields[k] = d.adding(years: years).iso } }
            for (k, vs) in b.lists { b.lists[k] = vs.map { Day.parseISO($0).map { $0.adding(years: years).iso } ?? $0 } }
            return b
        }
        var c = child
        c.identifiers = move(c.identifiers)
        c.episodes = c.episodes.map { e in
            CINRawEpisode(
                details: move(e.details), assessments: e.assessments.map(move), cinPlans: e.cinPlans.map(move),
                section47s: e.section47s.map(move), protectionPlans: e.protectionPlans.map(move))
        }
        return c
    }
}

extension CINRawChild {
    mutating func ident(_ name: String, _ value: String?) { identifiers.fields[name] = value }
    mutating func detail(_ name: String, _ value: String?, episode e: Int = 0) { episodes[e].details.fields[name] = value }
    mutating func assessment(_ name: String, _ value: String?, _ i: Int = 0) { episodes[0].assessments[i].fields[name] = value }
    mutating func factors(_ codes: [String], _ i: Int = 0) { episodes[0].assessments[i].lists["AssessmentFactors"] = codes }
    mutating func s47(_ name: String, _ value: String?, _ i: Int = 0) { episodes[0].section47s[i].fields[name] = value }
    mutating func cpp(_ name: String, _ value: String?, _ i: Int = 0) { episodes[0].protectionPlans[i].fields[name] = value }
    mutating func reviews(_ dates: [String], _ i: Int = 0) { episodes[0].protectionPlans[i].lists["CPPreviewDate"] = dates }
    mutating func disabilities(_ codes: [String]) { characteristics.lists["Disability"] = codes }

    /// Adds a CIN plan to the first episode.
    mutating func addPlan(_ start: String?, _ end: String? = nil) {
        var fields: [String: String] = [:]
        fields["CINPlanStartDate"] = start
        fields["CINPlanEndDate"] = end
        episodes[0].cinPlans.append(CINBuilder.block(fields))
    }

    /// Adds a copy of the first episode's assessment, section 47 or protection plan.
    mutating func duplicateAssessment() { episodes[0].assessments.append(episodes[0].assessments[0]) }
    mutating func duplicateSection47() { episodes[0].section47s.append(episodes[0].section47s[0]) }
    mutating func duplicateProtectionPlan() { episodes[0].protectionPlans.append(episodes[0].protectionPlans[0]) }

    /// Adds a bare episode (no assessments or plans).
    mutating func addEpisode(referral: String, closure: String? = nil, nfa: String = "0") {
        var fields = ["CINreferralDate": referral, "ReferralSource": "1A", "PrimaryNeedCode": "N4", "ReferralNFA": nfa]
        if let closure { fields["CINclosureDate"] = closure; fields["ReasonForClosure"] = "RC7" }
        episodes.append(CINRawEpisode(details: CINBuilder.block(fields)))
    }

    /// Closes the first episode.
    mutating func close(_ date: String, _ reason: String = "RC7") {
        detail("CINclosureDate", date)
        detail("ReasonForClosure", reason)
    }

    /// Makes the first episode a referral with no further action: no assessment, enquiry or plan.
    mutating func makeNFA() {
        episodes[0] = CINRawEpisode(details: episodes[0].details)
        detail("ReferralNFA", "1")
    }
}

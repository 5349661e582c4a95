/// Every CIN census rule Oversight runs, in the order findings are listed.
enum CINRuleTable {
    static let ci = "ChildIdentifiers"
    static let cc = "ChildCharacteristics"
    static let cd = "CINdetails"
    static let asmt = "Assessments"
    static let plan = "CINPlanDates"
    static let s47 = "Section47"
    static let cpp = "ChildProtectionPlans"
    static let header = "Header"

    static let all: [CINRule] =
        headerRules + childRules + episodeRules + assessmentRules + planRules
        + section47Rules + protectionPlanRules + returnRules + structureRules
}

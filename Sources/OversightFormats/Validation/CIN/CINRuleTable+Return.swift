import OversightCore

extension CINRuleTable {
    /// Rules on the `Header`.
    static let headerRules: [CINRule] = [
        CINRule("100", .error, header, ["ReferenceDate"], "The census reference date is missing or not 31 March of the collection year") { census, f in
            let text = census.header["ReferenceDate"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if Day.parseISO(text) != census.context.referenceDate {
                f.flag(text.isEmpty ? "missing" : "\(text) given, \(census.context.referenceDate.iso) expected")
            }
        },
        CINRule("OV-CIN-LEA", .error, header, ["LEA"], "The local authority number (LEA) is missing or not three digits") { census, f in
            let lea = census.header["LEA"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if lea.count != 3 || !lea.allSatisfy({ $0.isASCII && $0.isNumber }) { f.flag() }
        },
    ]

    /// Rules across children, and the DfE's authority-level queries. They read the tallies
    /// `CINCensus` gathers as the children stream past.
    static let returnRules: [CINRule] = [
        CINRule("8510", .error, ci, ["LAchildID"], "More than one child has this LA child ID") { census, f in
            for (i, n) in CINCensus.shared(census.ids) { f.flag(child: i, "\(n) children share it") }
        },
        CINRule("1520", .error, ci, ["UPN"], "More than one child has this UPN") { census, f in
            for (i, n) in CINCensus.shared(census.upns) { f.flag(child: i, "\(n) children share it") }
        },
        CINRule(
            "2883", .error, cpp, ["CPPstartDate", "DateOfInitialCPC"],
            "More child protection plans start in the year than initial child protection conferences are held"
        ) { census, f in
            let starts = census.planStartsInPeriod, conferences = census.conferencesInPeriod
            if starts > conferences { f.flag("\(starts) plans started, \(conferences) conferences") }
        },
        CINRule(
            "2886Q", .query, ci, ["GenderCurrent", "ExpectedPersonBirthDate"], years: 2024...2024,
            "More than 2% of children (unborn children aside) have no gender recorded (missing or 0)"
        ) { census, f in
            let n = census.count, missing = census.missingGender
            if n > 0, Double(missing) / Double(n) > 0.02 { f.flag("\(missing) of \(n)") }
        },
        CINRule(
            "2886Q", .query, ci, ["Sex", "ExpectedPersonBirthDate"], years: 2025...2026,
            "More than 2% of children (unborn children aside) have no sex recorded (missing or U)"
        ) { census, f in
            let n = census.count, missing = census.missingSex
            if n > 0, Double(missing) / Double(n) > 0.02 { f.flag("\(missing) of \(n)") }
        },
        CINRule("2887Q", .query, cc, ["Disability"], "Fewer than 8 different disability codes are used in the return") { census, f in
            if census.disabilityCodes.count < 8 { f.flag("\(census.disabilityCodes.count) used") }
        },
        CINRule("2888Q", .query, cc, ["Disability"], "Every disabled child has only one disability code: record all of a child's disabilities") { census, f in
            if census.disabledChildren > 0 && census.childrenWithSeveralDisabilities == 0 { f.flag() }
        },
        CINRule(
            "OV-CIN-PREV", .query, cd, ["CINreferralDate", "CINclosureDate"],
            "An episode open at the end of last year's return is missing from this return"
        ) { census, f in
            guard let previous = census.previous else { return }
            for open in previous {
                if let here = census.firstIndex[open.child] {
                    if !census.referrals.contains(open) { f.flag(child: here, "referral \(open.referral.iso)") }
                } else {
                    f.flag(absentChildID: open.child.rawValue, "referral \(open.referral.iso); the child is not in this return")
                }
            }
        },
    ]
}

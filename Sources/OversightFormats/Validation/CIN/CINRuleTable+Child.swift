import OversightCore

extension CINRuleTable {
    /// Rules on `ChildIdentifiers` and `ChildCharacteristics`.
    static let childRules: [CINRule] = [
        CINRule("8500", .error, ci, ["LAchildID"], "The child's LA child ID (LAchildID) is missing") { c, _, f in
            if c.id == nil { f.flag() }
        },
        CINRule("1570", .error, ci, ["LAchildID"], years: 2025...2026, "The LA child ID is longer than 20 characters") { c, _, f in
            if let t = cinText(c.identifiers, "LAchildID"), t.count > 20 { f.flag() }
        },
        CINRule(
            "1580", .error, ci, ["LAchildID"], years: 2025...2026,
            "The LA child ID contains characters other than letters and digits"
        ) { c, _, f in
            if let t = cinText(c.identifiers, "LAchildID"), !t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { f.flag() }
        },
        CINRule("1510", .error, ci, ["UPN"], "The UPN's first character is not the right check letter") { c, _, f in
            guard let upn = cinText(c.identifiers, "UPN"), upn.count == 13, let expected = CINUPN.expectedCheckLetter(upn) else { return }
            if Character(upn.prefix(1).uppercased()) != expected { f.flag("the check letter should be \(expected)") }
        },
        CINRule("1530", .error, ci, ["UPN"], "Characters 2-4 of the UPN are not a recognised local authority code") { c, _, f in
            guard let upn = cinText(c.identifiers, "UPN"), upn.count == 13 else { return }
            if !CINCodeLists.upnAuthorityCodes.contains(String(Array(upn)[1...3])) { f.flag() }
        },
        CINRule("1540", .error, ci, ["UPN"], "Characters 5-12 of the UPN are not all digits") { c, _, f in
            guard let upn = cinText(c.identifiers, "UPN"), upn.count == 13 else { return }
            if !Array(upn)[4...11].allSatisfy({ $0.isASCII && $0.isNumber }) { f.flag() }
        },
        CINRule("1550", .error, ci, ["UPN"], "The UPN's 13th character is not a digit or a letter other than I, O or S") { c, _, f in
            guard let upn = cinText(c.identifiers, "UPN"), upn.count == 13, let last = upn.uppercased().last else { return }
            let ok = last.isASCII && (last.isNumber || (last.isLetter && !"IOS".contains(last)))
            if !ok { f.flag() }
        },
        CINRule("1560Q", .query, ci, ["FormerUPN"], "The former UPN is not in the UPN format (a letter, 11 digits, then a digit or letter)") { c, _, f in
            if let upn = cinText(c.identifiers, "FormerUPN"), !CINUPN.hasSchemaShape(upn) { f.flag() }
        },
        CINRule("4180", .error, ci, ["GenderCurrent"], years: 2024...2024, "The child's gender (GenderCurrent) is missing or not 0, 1, 2 or 9") { c, _, f in
            let g = cinText(c.identifiers, "GenderCurrent")
            if g == nil || !CINCodeLists.genderCurrent.contains(g!) {
                f.flag(c.identifiers["Sex"] != nil ? "Sex was given: 2023-24 returns use GenderCurrent" : nil)
            }
        },
        CINRule("4180", .error, ci, ["Sex"], years: 2025...2026, "The child's sex is missing or not M, F or U") { c, _, f in
            let s = cinText(c.identifiers, "Sex")?.uppercased()
            if s == nil || !CINCodeLists.sex.contains(s!) {
                f.flag(c.identifiers["GenderCurrent"] != nil ? "GenderCurrent was given: from 2024-25 returns use Sex" : nil)
            }
        },
        CINRule(
            "8750", .error, ci, ["GenderCurrent", "PersonBirthDate", "ExpectedPersonBirthDate"], years: 2024...2024,
            "An unborn child (expected date of birth, no date of birth) must have gender 0"
        ) { c, _, f in
            if c.birth == nil, c.expectedBirth != nil, cinText(c.identifiers, "GenderCurrent") != "0" { f.flag() }
        },
        CINRule(
            "8750", .error, ci, ["Sex", "PersonBirthDate", "ExpectedPersonBirthDate"], years: 2025...2026,
            "An unborn child (expected date of birth, no date of birth) must have sex U"
        ) { c, _, f in
            if c.birth == nil, c.expectedBirth != nil, cinText(c.identifiers, "Sex")?.uppercased() != "U" { f.flag() }
        },
        CINRule("8520", .error, ci, ["PersonBirthDate"], "The date of birth is after the census reference date") { c, ctx, f in
            if let b = c.birth, b > ctx.referenceDate { f.flag(b.iso) }
        },
        CINRule(
            "8525Q", .query, ci, ["PersonBirthDate", "ExpectedPersonBirthDate"],
            "Give either a date of birth or an expected date of birth, not both and not neither"
        ) { c, _, f in
            let hasBirth = cinText(c.identifiers, "PersonBirthDate") != nil
            let hasExpected = cinText(c.identifiers, "ExpectedPersonBirthDate") != nil
            if hasBirth == hasExpected { f.flag(hasBirth ? "both are given" : "neither is given") }
        },
        CINRule(
            "8530Q", .query, ci, ["ExpectedPersonBirthDate"],
            "The expected date of birth is not between 30 days before and 9 months after the reference date"
        ) { c, ctx, f in
            guard let e = c.expectedBirth else { return }
            if e < ctx.referenceDate.adding(days: -30) || e > ctx.referenceDate.adding(months: 9) { f.flag(e.iso) }
        },
        CINRule("8535Q", .query, ci, ["PersonDeathDate", "PersonBirthDate"], "The date of death is before the date of birth, or there is no date of birth") { c, _, f in
            // A death with no date of birth cannot be shown to follow the birth: confirm it.
            guard let d = c.death else { return }
            if let b = c.birth { if d < b { f.flag() } } else { f.flag("no date of birth") }
        },
        CINRule("8545Q", .query, ci, ["PersonDeathDate"], "The date of death is outside the census year") { c, ctx, f in
            if let d = c.death, !ctx.inPeriod(d) { f.flag(d.iso) }
        },
        CINRule(
            "8770Q", .query, ci, ["UPN", "UPNunknown"], years: 2024...2024,
            "A child aged 6 or over who went on to further action has no UPN and no reason (UN2-UN7) for it"
        ) { c, ctx, f in
            guard let b = c.birth, b <= ctx.referenceDate.adding(years: -6), c.hasFurtherAction else { return }
            if cinText(c.identifiers, "UPN") == nil, !missingUPNReasons.contains(cinText(c.identifiers, "UPNunknown")?.uppercased() ?? "") { f.flag() }
        },
        CINRule(
            "8770Q", .query, ci, ["UPN", "UPNunknown"], years: 2025...2026,
            "A child of school age who went on to further action has no UPN and no reason (UN2-UN7) for it"
        ) { c, ctx, f in
            // School age: born on or before 31 August six years before the census year's end.
            guard let b = c.birth, let cutoff = Day(year: ctx.referenceDate.year - 6, month: 8, day: 31), b <= cutoff, c.hasFurtherAction else { return }
            if cinText(c.identifiers, "UPN") == nil, !missingUPNReasons.contains(cinText(c.identifiers, "UPNunknown")?.uppercased() ?? "") { f.flag() }
        },
        CINRule(
            "8772", .error, ci, ["UPNunknown", "ReferralNFA"],
            "The UPN is unknown for reason UN7 (referral with no further action) but an episode went on to further action"
        ) { c, _, f in
            if cinText(c.identifiers, "UPNunknown")?.uppercased() == "UN7", c.hasFurtherAction { f.flag() }
        },
        CINRule("8775Q", .query, ci, ["PersonBirthDate", "CINclosureDate"], "The child is over 25 and an episode is open or closed after their 25th birthday") { c, ctx, f in
            guard let b = c.birth, b < ctx.referenceDate.adding(years: -25) else { return }
            let limit = b.adding(years: 25)
            for e in c.episodes where e.closure == nil || e.closure! > limit { f.flag(e.label) }
        },
        CINRule("4220", .error, cc, ["Ethnicity"], "The ethnicity is missing or not a code from the CIN census list") { c, _, f in
            let e = cinText(c.characteristics, "Ethnicity")?.uppercased()
            if e == nil || !CINCodeLists.ethnicity.contains(e!) { f.flag(e) }
        },
        CINRule(
            "8540", .error, cc, ["Disability", "PersonBirthDate", "ReferralNFA"],
            "A born child who went on to further action needs at least one disability code (NONE if none), all from the code list"
        ) { c, _, f in
            guard c.birth != nil, c.hasFurtherAction else { return }
            let codes = disabilities(c)
            if codes.isEmpty { f.flag("no disability recorded"); return }
            if let bad = codes.first(where: { !CINCodeLists.disability.contains($0) }) { f.flag("invalid code \(bad.isEmpty ? "(blank)" : bad)") }
        },
        CINRule("8790", .error, cc, ["Disability"], "The disabilities include NONE together with other codes") { c, _, f in
            let codes = disabilities(c)
            if codes.contains("NONE"), codes.contains(where: { $0 != "NONE" }) { f.flag() }
        },
        CINRule("8794", .error, cc, ["Disability"], "The same disability code is recorded more than once") { c, _, f in
            let codes = disabilities(c).filter { !$0.isEmpty }
            if Set(codes).count < codes.count { f.flag() }
        },
        CINRule("8590", .error, ci, ["LAchildID"], "The child has no CIN episode (CINdetails)") { c, _, f in
            if c.episodes.isEmpty { f.flag() }
        },
    ]

    /// The reasons that excuse a missing UPN for rule 8770Q. UN1 (under 6 and not yet at school)
    /// does not excuse it for a child of school age.
    static let missingUPNReasons: Set<String> = ["UN2", "UN3", "UN4", "UN5", "UN6", "UN7"]

    static func disabilities(_ c: CINChildView) -> [String] {
        (c.characteristics.lists["Disability"] ?? []).map { cinTrim($0).uppercased() }
    }
}

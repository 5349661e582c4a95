import OversightCore

extension CINRuleTable {
    /// Checks of the schema's shape that the DfE's numbered rules leave out: dates that are not
    /// dates, required elements with no DfE rule of their own, codes outside the schema's lists.
    static let structureRules: [CINRule] = [
        CINRule(
            "OV-CIN-DATE", .error, ci,
            [
                "PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate", "CINreferralDate", "CINclosureDate",
                "DateOfInitialCPC", "AssessmentActualStartDate", "AssessmentInternalReviewDate",
                "AssessmentAuthorisationDate", "CINPlanStartDate", "CINPlanEndDate", "S47ActualStartDate",
                "InitialCPCtarget", "CPPstartDate", "CPPendDate",
            ],
            "A date is not a valid date in the form yyyy-mm-dd"
        ) { c, _, f in
            func check(_ block: CINRawBlock, _ names: [String], _ table: String, _ note: String?) {
                for name in names {
                    if let t = cinText(block, name), cinParseISO(t) == nil {
                        f.flag(table: table, fields: [name], [note, "\(name) '\(t)'"].compactMap { $0 }.joined(separator: ": "))
                    }
                }
            }
            check(c.identifiers, ["PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate"], ci, nil)
            for e in c.episodes {
                check(e.details, ["CINreferralDate", "CINclosureDate", "DateOfInitialCPC"], cd, e.label)
                for a in e.assessments { check(a.raw, ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"], asmt, a.label) }
                for p in e.plans { check(p.raw, ["CINPlanStartDate", "CINPlanEndDate"], plan, p.label) }
                for s in e.section47s { check(s.raw, ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC"], s47, s.label) }
                for p in e.protectionPlans { check(p.raw, ["CPPstartDate", "CPPendDate"], cpp, p.label) }
            }
        },
        CINRule(
            "OV-CIN-REQUIRED", .error, asmt, ["AssessmentActualStartDate", "S47ActualStartDate"],
            "A required date is missing (assessment start or section 47 start)"
        ) { c, _, f in
            for e in c.episodes {
                for a in e.assessments where cinText(a.raw, "AssessmentActualStartDate") == nil {
                    f.flag(table: asmt, fields: ["AssessmentActualStartDate"], "an assessment in the episode with \(e.label)")
                }
                for s in e.section47s where cinText(s.raw, "S47ActualStartDate") == nil && s.icpc == nil {
                    f.flag(table: s47, fields: ["S47ActualStartDate"], "a section 47 enquiry in the episode with \(e.label)")
                }
            }
        },
        CINRule("OV-CIN-ICPCNR", .error, s47, ["ICPCnotRequired"], "The 'initial conference not required' flag (ICPCnotRequired) is missing or not 1/0 (true/false)") { c, _, f in
            for e in c.episodes { for s in e.section47s where s.icpcNotRequired == nil { f.flag(s.label) } }
        },
        CINRule("OV-CIN-UPN", .error, ci, ["UPN"], "The UPN is not 13 characters long") { c, _, f in
            if let u = cinText(c.identifiers, "UPN"), u.count != 13 { f.flag("\(u.count) characters") }
        },
        CINRule("OV-CIN-UPNUNKNOWN", .error, ci, ["UPNunknown"], "The reason the UPN is unknown is not a code UN1-UN7") { c, _, f in
            if let u = cinText(c.identifiers, "UPNunknown")?.uppercased(), !CINCodeLists.upnUnknown.contains(u) { f.flag(u) }
        },
        CINRule(
            "OV-CIN-FACTOR", .error, asmt, ["AssessmentFactors"],
            "An assessment factor is not a code from the CIN census list"
        ) { c, ctx, f in
            for e in c.episodes {
                // Assessments completed in the year are covered by 8897Q.
                for a in e.assessments where !(a.authorised.map { $0 >= ctx.censusStart } ?? false) {
                    if let bad = a.factors.first(where: { !CINCodeLists.assessmentFactors.contains($0) }) { f.flag("\(a.label): \(bad.isEmpty ? "(blank)" : bad)") }
                }
            }
        },
    ]
}

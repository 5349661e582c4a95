import OversightCore

extension CINRuleTable {
    /// Rules on `Assessments`.
    static let assessmentRules: [CINRule] = [
        CINRule("1103", .error, asmt, ["AssessmentActualStartDate", "CINreferralDate"], "The assessment started before the referral date") { c, _, f in
            for e in c.episodes {
                guard let r = e.referral else { continue }
                for a in e.assessments { if let s = a.start, s < r { f.flag(a.label) } }
            }
        },
        CINRule("8608", .error, asmt, ["AssessmentActualStartDate", "AssessmentAuthorisationDate"], "The assessment's authorisation date is before its start date") { c, _, f in
            for e in c.episodes { for a in e.assessments { if let s = a.start, let d = a.authorised, d < s { f.flag(a.label) } } }
        },
        CINRule(
            "8614", .error, asmt, ["AssessmentAuthorisationDate", "AssessmentFactors"],
            "Factors identified at assessment are recorded for an assessment that is not completed (no authorisation date)"
        ) { c, _, f in
            for e in c.episodes {
                for a in e.assessments
                where a.authorised == nil && cinText(a.raw, "AssessmentAuthorisationDate") == nil
                    && a.factors.contains(where: { !$0.isEmpty })
                { f.flag(a.label) }
            }
        },
        CINRule("8696", .error, asmt, ["AssessmentAuthorisationDate"], "The assessment's authorisation date is outside the census year") { c, ctx, f in
            for e in c.episodes { for a in e.assessments { if let d = a.authorised, !ctx.inPeriod(d) { f.flag(a.label) } } }
        },
        CINRule(
            "8736", .error, asmt, ["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
            "An assessment that is not completed must have started in the census year"
        ) { c, ctx, f in
            for e in c.episodes {
                for a in e.assessments where a.authorised == nil { if let s = a.start, !ctx.inPeriod(s) { f.flag(a.label) } }
            }
        },
        CINRule(
            "8670Q", .query, asmt, ["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
            "The assessment started more than 45 working days before the end of the census year but is not completed"
        ) { c, ctx, f in
            let limit = ctx.assessmentOverdueBefore
            for e in c.episodes {
                for a in e.assessments where a.authorised == nil { if let s = a.start, s < limit { f.flag(a.label) } }
            }
        },
        CINRule(
            "8863Q", .query, asmt, ["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
            "An assessment starts while another assessment in the same episode is still going on"
        ) { c, ctx, f in
            for e in c.episodes where e.assessments.count > 1 {
                let spans: [(start: Day?, end: Day?)] = e.assessments.map { ($0.start, $0.authorised ?? ctx.referenceDate) }
                for i in CINIntervals.startsInsideAnother(spans).sorted() { f.flag(e.assessments[i].label) }
            }
        },
        CINRule("8896", .error, asmt, ["AssessmentAuthorisationDate"], "An episode has more than one assessment that is not completed") { c, _, f in
            for e in c.episodes {
                let open = e.assessments.filter { $0.authorised == nil }
                if open.count > 1 { for a in open { f.flag(a.label) } }
            }
        },
        CINRule(
            "8897Q", .query, asmt, ["AssessmentAuthorisationDate", "AssessmentFactors"],
            "An assessment completed in the census year has no factors identified, or a factor code not on the list"
        ) { c, ctx, f in
            for e in c.episodes {
                for a in e.assessments {
                    guard let d = a.authorised, d >= ctx.censusStart else { continue }
                    if a.factors.isEmpty { f.flag(a.label); continue }
                    if let bad = a.factors.first(where: { !CINCodeLists.assessmentFactors.contains($0) }) { f.flag("\(a.label): invalid code \(bad.isEmpty ? "(blank)" : bad)") }
                }
            }
        },
        CINRule("8898", .error, asmt, ["AssessmentFactors"], "The assessment has the same factor code more than once") { c, _, f in
            for e in c.episodes {
                for a in e.assessments {
                    let codes = a.factors.filter { !$0.isEmpty }
                    if Set(codes).count < codes.count { f.flag(a.label) }
                }
            }
        },
        CINRule("8869", .error, asmt, ["AssessmentFactors"], "Factor 21 (no factors identified) is used with other factors") { c, _, f in
            for e in c.episodes { for a in e.assessments where a.factors.contains("21") && a.factors.contains(where: { $0 != "21" }) { f.flag(a.label) } }
        },
        CINRule(
            "8873Q", .query, cd, ["ReasonForClosure", "AssessmentFactors"],
            "The episode's only assessment found no factors (21) but the reason for closure is not RC8 or RC9"
        ) { c, _, f in
            for e in c.episodes where e.assessments.count == 1 && e.assessments[0].factors.contains("21") {
                if !["RC8", "RC9"].contains(e.reasonForClosure?.uppercased() ?? "") { f.flag(e.label) }
            }
        },
        CINRule(
            "8945Q", .query, asmt, ["AssessmentFactors"], years: 2025...2026,
            "Assessment factor 18A (physical abuse) should no longer be used: use 18B (child on child) or 18C (adult on child)"
        ) { c, _, f in
            for e in c.episodes { for a in e.assessments where a.factors.contains("18A") { f.flag(a.label) } }
        },
        CINRule(
            "8950Q", .query, asmt, ["AssessmentFactors"], years: 2025...2026,
            "Assessment factor 19A (sexual abuse) should no longer be used: use 19B (child on child) or 19C (adult on child)"
        ) { c, _, f in
            for e in c.episodes { for a in e.assessments where a.factors.contains("19A") { f.flag(a.label) } }
        },
        CINRule("2991Q", .query, cd, ["Section47", "Assessments"], "The episode has a section 47 enquiry but no assessment") { c, _, f in
            for e in c.episodes where !e.section47s.isEmpty && e.assessments.isEmpty { f.flag(e.label) }
        },
    ]
}

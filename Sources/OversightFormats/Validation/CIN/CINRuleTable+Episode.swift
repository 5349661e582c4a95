import OversightCore

extension CINRuleTable {
    /// Rules on `CINdetails` (one CIN episode: referral to closure).
    static let episodeRules: [CINRule] = [
        CINRule("8600", .error, cd, ["CINreferralDate"], "The referral date is missing or after the census reference date") { c, ctx, f in
            for e in c.episodes where e.referral == nil || e.referral! > ctx.referenceDate { f.flag(e.label) }
        },
        CINRule(
            "8606", .error, cd, ["CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"],
            "The referral date is more than 40 weeks (280 days) before the (expected) date of birth"
        ) { c, _, f in
            for e in c.episodes {
                guard let r = e.referral else { continue }
                let early = [c.birth, c.expectedBirth].contains { d in d.map { r < $0.adding(days: -280) } ?? false }
                if early { f.flag(e.label) }
            }
        },
        CINRule("8866", .error, cd, ["CINreferralDate", "ReferralSource"], "The source of referral is missing or not a code from the CIN census list") { c, _, f in
            let since = Day(year: 2013, month: 4, day: 1)!
            for e in c.episodes where e.referral.map({ $0 >= since }) ?? true {
                let s = cinText(e.details, "ReferralSource")?.uppercased()
                if s == nil || !CINCodeLists.referralSource.contains(s!) { f.flag(e.label) }
            }
        },
        CINRule("8610", .error, cd, ["ReferralNFA", "PrimaryNeedCode"], "A referral that went on to further action has no primary need code") { c, _, f in
            for e in c.episodes where e.nfa == false && cinText(e.details, "PrimaryNeedCode") == nil { f.flag(e.label) }
        },
        CINRule("8650", .error, cd, ["PrimaryNeedCode"], "The primary need code is not a code from the CIN census list (N0-N9)") { c, _, f in
            for e in c.episodes {
                if let p = cinText(e.details, "PrimaryNeedCode")?.uppercased(), !CINCodeLists.primaryNeed.contains(p) { f.flag(e.label) }
            }
        },
        CINRule("8568", .error, cd, ["ReferralNFA"], "The referral-with-no-further-action flag (ReferralNFA) is missing or not 1/0 (true/false)") { c, _, f in
            for e in c.episodes where e.nfa == nil { f.flag(e.label) }
        },
        CINRule(
            "8569Q", .query, cd, ["CINreferralDate", "ReferralNFA"],
            "A referral made before the last working day before the census year is marked as no further action"
        ) { c, ctx, f in
            let limit = ctx.lastWorkingDayBeforeStart
            for e in c.episodes where e.nfa == true { if let r = e.referral, r < limit { f.flag(e.label) } }
        },
        CINRule("8620", .error, cd, ["CINclosureDate"], "The CIN closure date is outside the census year") { c, ctx, f in
            for e in c.episodes { if let d = e.closure, !ctx.inPeriod(d) { f.flag(e.label) } }
        },
        CINRule("8630", .error, cd, ["CINreferralDate", "CINclosureDate"], "The CIN closure date is before the referral date") { c, _, f in
            for e in c.episodes { if let d = e.closure, let r = e.referral, d < r { f.flag(e.label) } }
        },
        CINRule("8640", .error, cd, ["ReasonForClosure"], "The reason for closure is not a code from the CIN census list (RC1-RC9)") { c, _, f in
            for e in c.episodes {
                if let r = e.reasonForClosure?.uppercased(), !CINCodeLists.reasonForClosure.contains(r) { f.flag(e.label) }
            }
        },
        CINRule("8805", .error, cd, ["CINclosureDate", "ReasonForClosure"], "The episode has a closure date but no reason for closure") { c, _, f in
            for e in c.episodes where cinText(e.details, "CINclosureDate") != nil && e.reasonForClosure == nil { f.flag(e.label) }
        },
        CINRule("8810", .error, cd, ["ReasonForClosure", "CINclosureDate"], "The episode has a reason for closure but no closure date") { c, _, f in
            for e in c.episodes where e.reasonForClosure != nil && cinText(e.details, "CINclosureDate") == nil { f.flag(e.label) }
        },
        CINRule("8585Q", .query, cd, ["ReasonForClosure", "PersonDeathDate"], "The episode closed because the child died (RC2) but there is no date of death") { c, _, f in
            guard c.death == nil else { return }
            for e in c.episodes where e.reasonForClosure?.uppercased() == "RC2" { f.flag(e.label) }
        },
        CINRule("8555Q", .query, cd, ["CINreferralDate", "PersonDeathDate"], "The referral date is after the child's date of death") { c, _, f in
            guard let d = c.death else { return }
            for e in c.episodes { if let r = e.referral, r > d { f.flag(e.label) } }
        },
        CINRule(
            "8565", .error, cd,
            [
                "CINclosureDate", "AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate",
                "DateOfInitialCPC", "CPPendDate", "CINPlanStartDate", "CINPlanEndDate",
            ],
            "Activity (assessment, section 47, conference, plan) is dated after the episode's closure date"
        ) { c, _, f in
            for e in c.episodes {
                guard let close = e.closure else { continue }
                var dates: [Day?] = [e.icpc]
                for a in e.assessments { dates += [a.start, a.authorised] }
                for s in e.section47s { dates += [s.start, s.icpc] }
                for p in e.protectionPlans { dates.append(p.end) }
                for p in e.plans { dates += [p.start, p.end] }
                if dates.contains(where: { $0.map { $0 > close } ?? false }) { f.flag(e.label) }
            }
        },
        CINRule(
            "8815", .error, cd, ["ReferralNFA", "CINclosureDate"],
            "The child has more than one open episode (no closure date) that is not a referral with no further action"
        ) { c, _, f in
            let open = c.episodes.filter { $0.closure == nil && cinText($0.details, "CINclosureDate") == nil && $0.nfa == false }
            if open.count > 1 { for e in open { f.flag(e.label) } }
        },
        CINRule(
            "8816", .error, cd, ["CINreferralDate", "ReferralNFA"],
            "An open episode that went on to further action is not the child's latest referral"
        ) { c, _, f in
            guard let latest = c.episodes.compactMap(\.referral).max() else { return }
            for e in c.episodes where e.closure == nil && cinText(e.details, "CINclosureDate") == nil && e.nfa == false {
                if let r = e.referral, r < latest { f.flag(e.label) }
            }
        },
        CINRule("8820", .error, cd, ["CINreferralDate", "CINclosureDate"], "The child's CIN episodes overlap: a referral falls inside another episode") { c, ctx, f in
            guard c.episodes.count > 1 else { return }
            // A new referral may come on the day an episode closes, so a closed episode covers
            // the days before its closure date; an open one, that went on to further action,
            // runs to the reference date.
            let spans: [(start: Day?, end: Day?)] = c.episodes.map { e in
                (
                    e.referral,
                    e.closure.map { $0.adding(days: -1) }
                        ?? (e.nfa == false && cinText(e.details, "CINclosureDate") == nil ? ctx.referenceDate : nil)
                )
            }
            for i in CINIntervals.startsInsideAnother(spans).sorted() { f.flag(c.episodes[i].label) }
        },
        CINRule(
            "2990", .error, cd, ["ReasonForClosure"],
            "An episode closed after assessment (RC8 or RC9) also has a section 47, conference, CIN plan or child protection plan"
        ) { c, _, f in
            for e in c.episodes where ["RC8", "RC9"].contains(e.reasonForClosure?.uppercased() ?? "") {
                if !e.section47s.isEmpty || !e.protectionPlans.isEmpty || !e.plans.isEmpty || cinText(e.details, "DateOfInitialCPC") != nil { f.flag(e.label) }
            }
        },
        CINRule("8825Q", .query, cd, ["ReasonForClosure"], "The episode closed after assessment (RC8 or RC9) but has no assessment") { c, _, f in
            for e in c.episodes where ["RC8", "RC9"].contains(e.reasonForClosure?.uppercased() ?? "") && e.assessments.isEmpty { f.flag(e.label) }
        },
        CINRule("4000", .error, plan, ["ReferralNFA", "CINPlanStartDate"], "A referral with no further action has a CIN plan") { c, _, f in
            for e in c.episodes where e.nfa == true && !e.plans.isEmpty { f.flag(e.label) }
        },
        CINRule(
            "8831", .error, cd, ["ReferralNFA", "AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate", "DateOfInitialCPC"],
            "A referral with no further action has an assessment, section 47 enquiry or conference recorded"
        ) { c, _, f in
            for e in c.episodes where e.nfa == true {
                let active =
                    e.icpc != nil || e.assessments.contains { $0.start != nil || $0.authorised != nil }
                    || e.section47s.contains { $0.start != nil || $0.icpc != nil }
                if active { f.flag(e.label) }
            }
        },
        CINRule("8832", .error, cpp, ["ReferralNFA", "CPPstartDate"], "A referral with no further action has a child protection plan") { c, _, f in
            for e in c.episodes where e.nfa == true && !e.protectionPlans.isEmpty { f.flag(e.label) }
        },
        CINRule("8867", .error, asmt, ["CINclosureDate", "AssessmentAuthorisationDate"], "The episode is closed but an assessment has no authorisation (completion) date") {
            c, _, f in
            for e in c.episodes where e.closure != nil {
                for a in e.assessments where a.authorised == nil { f.flag(a.label) }
            }
        },
        CINRule(
            "8868", .error, s47, ["CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired"],
            "The episode is closed but a section 47 enquiry has neither a conference date nor 'conference not required'"
        ) { c, _, f in
            for e in c.episodes where e.closure != nil {
                for s in e.section47s where s.isOpen { f.flag(s.label) }
            }
        },
        CINRule("1104", .error, cd, ["CINreferralDate", "DateOfInitialCPC"], "The initial child protection conference is dated before the referral") { c, _, f in
            for e in c.episodes {
                guard let r = e.referral else { continue }
                if let d = e.icpc, d < r { f.flag(e.label) }
                for s in e.section47s { if let d = s.icpc, d < r { f.flag(table: s47, s.label) } }
            }
        },
        CINRule(
            "2884", .error, cd, ["DateOfInitialCPC"],
            "The same initial child protection conference is recorded on both the episode and a section 47 enquiry"
        ) { c, _, f in
            for e in c.episodes {
                guard let d = e.icpc else { continue }
                if e.section47s.contains(where: { $0.icpc == d }) { f.flag(e.label) }
            }
        },
        // The DfE lists 8715 under Section47: an episode carried over from last year may rightly
        // hold last year's conference on CINdetails.
        CINRule("8715", .error, s47, ["DateOfInitialCPC"], "The section 47 enquiry's initial child protection conference date is outside the census year") { c, ctx, f in
            for e in c.episodes {
                for s in e.section47s { if let d = s.icpc, !ctx.inPeriod(d) { f.flag(s.label) } }
            }
        },
        CINRule("8875", .error, cd, ["DateOfInitialCPC"], "The initial child protection conference date is a Saturday or Sunday") { c, _, f in
            for e in c.episodes {
                if let d = e.icpc, !d.isWeekday { f.flag(e.label) }
                for s in e.section47s { if let d = s.icpc, !d.isWeekday { f.flag(table: s47, s.label) } }
            }
        },
    ]
}

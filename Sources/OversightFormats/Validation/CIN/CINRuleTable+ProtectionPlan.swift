import OversightCore

extension CINRuleTable {
    /// Rules on `ChildProtectionPlans` and their reviews.
    static let protectionPlanRules: [CINRule] = [
        CINRule("8720", .error, cpp, ["CPPstartDate"], "The child protection plan start date is missing or after the census reference date") { c, ctx, f in
            for e in c.episodes { for p in e.protectionPlans where p.start == nil || p.start! > ctx.referenceDate { f.flag(p.label) } }
        },
        CINRule("1105", .error, cpp, ["CPPstartDate", "CINreferralDate"], "The child protection plan started before the referral date") { c, _, f in
            for e in c.episodes {
                guard let r = e.referral else { continue }
                for p in e.protectionPlans { if let s = p.start, s < r { f.flag(p.label) } }
            }
        },
        CINRule("8925", .error, cpp, ["CPPstartDate", "CPPendDate"], "The child protection plan end date is before its start date") { c, _, f in
            for e in c.episodes { for p in e.protectionPlans { if let s = p.start, let d = p.end, d < s { f.flag(p.label) } } }
        },
        CINRule("8840", .error, cpp, ["CPPstartDate", "CPPendDate"], "The child protection plan starts and ends on the same day") { c, _, f in
            for e in c.episodes { for p in e.protectionPlans { if let s = p.start, s == p.end { f.flag(p.label) } } }
        },
        CINRule("8930", .error, cpp, ["CPPendDate"], "The child protection plan end date is outside the census year") { c, ctx, f in
            for e in c.episodes { for p in e.protectionPlans { if let d = p.end, !ctx.inPeriod(d) { f.flag(p.label) } } }
        },
        CINRule("8935", .error, cpp, ["CPPendDate"], "The child has more than one open child protection plan (no end date)") { c, _, f in
            let open = c.episodes.flatMap { $0.protectionPlans.filter { $0.end == nil && cinText($0.raw, "CPPendDate") == nil } }
            if open.count > 1 { for p in open { f.flag(p.label) } }
        },
        CINRule("8940", .error, cpp, ["CPPstartDate", "CPPendDate"], "The child's protection plans overlap: a plan starts inside another") { c, ctx, f in
            let plans = c.episodes.flatMap(\.protectionPlans)
            guard plans.count > 1 else { return }
            for i in CINIntervals.startsInsideAnother(plans.map { ($0.start, $0.end ?? ctx.referenceDate) }).sorted() { f.flag(plans[i].label) }
        },
        CINRule("8905", .error, cpp, ["InitialCategoryOfAbuse"], "The initial category of abuse is missing or not NEG, PHY, SAB, EMO or MUL") { c, _, f in
            for e in c.episodes {
                for p in e.protectionPlans {
                    let v = cinText(p.raw, "InitialCategoryOfAbuse")?.uppercased()
                    if v == nil || !CINCodeLists.categoryOfAbuse.contains(v!) { f.flag(p.label) }
                }
            }
        },
        CINRule("8910", .error, cpp, ["LatestCategoryOfAbuse"], "The latest category of abuse is missing or not NEG, PHY, SAB, EMO or MUL") { c, _, f in
            for e in c.episodes {
                for p in e.protectionPlans {
                    let v = cinText(p.raw, "LatestCategoryOfAbuse")?.uppercased()
                    if v == nil || !CINCodeLists.categoryOfAbuse.contains(v!) { f.flag(p.label) }
                }
            }
        },
        CINRule("8730", .error, cpp, ["NumberOfPreviousCPP"], "The number of previous child protection plans is missing or not a whole number of 0 or more") { c, _, f in
            for e in c.episodes {
                for p in e.protectionPlans {
                    guard let t = cinText(p.raw, "NumberOfPreviousCPP"), let n = Int(t), n >= 0 else { f.flag(p.label); continue }
                }
            }
        },
        CINRule("8841", .error, cpp, ["CPPstartDate", "CPPreviewDate"], "A review of the child protection plan is dated on or before the plan's start") { c, _, f in
            for e in c.episodes {
                for p in e.protectionPlans { if let s = p.start, p.reviews.contains(where: { $0 <= s }) { f.flag(p.label) } }
            }
        },
        CINRule("8842Q", .query, cpp, ["CPPreviewDate"], "A child protection plan review has a missing or invalid date") { c, _, f in
            for e in c.episodes {
                for p in e.protectionPlans where p.reviews.count < p.reviewTexts.count { f.flag(p.label) }
            }
        },
        CINRule("8915", .error, cpp, ["CPPstartDate", "PersonDeathDate"], "The child protection plan starts after the child's date of death") { c, _, f in
            guard let d = c.death else { return }
            for e in c.episodes { for p in e.protectionPlans { if let s = p.start, s > d { f.flag(p.label) } } }
        },
        CINRule("8920", .error, cpp, ["CPPendDate", "PersonDeathDate"], "The child protection plan ends after the child's date of death") { c, _, f in
            guard let d = c.death else { return }
            for e in c.episodes { for p in e.protectionPlans { if let x = p.end, x > d { f.flag(p.label) } } }
        },
        CINRule(
            "2885", .error, cpp, ["CPPstartDate", "DateOfInitialCPC"],
            "The child protection plan does not start on the day of an initial child protection conference"
        ) { c, ctx, f in
            for e in c.episodes {
                // Conferences held: those on section 47 enquiries (not marked 'not required'),
                // else the one on the episode itself.
                let s47s = e.section47s.filter { $0.icpcNotRequired != true }
                let conferences: [Day] = s47s.isEmpty ? [e.icpc].compactMap { $0 } : s47s.compactMap(\.icpc)
                for p in e.protectionPlans {
                    guard let s = p.start, ctx.inPeriod(s) else { continue }
                    if !conferences.contains(s) { f.flag(p.label) }
                }
            }
        },
    ]
}

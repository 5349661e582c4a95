import OversightCore

extension CINRuleTable {
    /// Rules on `CINPlanDates`, with their clashes with child protection plans.
    static let planRules: [CINRule] = [
        CINRule("4010", .error, plan, ["CINPlanStartDate"], "The CIN plan start date is missing or after the census reference date") { c, ctx, f in
            for e in c.episodes { for p in e.plans where p.start == nil || p.start! > ctx.referenceDate { f.flag(p.label) } }
        },
        CINRule("4011", .error, plan, ["CINPlanStartDate", "CINPlanEndDate"], "The CIN plan end date is before its start date") { c, _, f in
            for e in c.episodes { for p in e.plans { if let s = p.start, let d = p.end, d < s { f.flag(p.label) } } }
        },
        CINRule("4012Q", .query, plan, ["CINPlanStartDate", "CINPlanEndDate"], "The CIN plan starts and ends on the same day") { c, _, f in
            for e in c.episodes { for p in e.plans { if let s = p.start, s == p.end { f.flag(p.label) } } }
        },
        CINRule("4013", .error, plan, ["CINPlanEndDate"], "The CIN plan end date is outside the census year") { c, ctx, f in
            for e in c.episodes { for p in e.plans { if let d = p.end, !ctx.inPeriod(d) { f.flag(p.label) } } }
        },
        CINRule("4015", .error, plan, ["CINPlanStartDate", "CINreferralDate"], "The CIN plan started before the referral date") { c, _, f in
            for e in c.episodes {
                guard let r = e.referral else { continue }
                for p in e.plans { if let s = p.start, s < r { f.flag(p.label) } }
            }
        },
        CINRule("4004", .error, plan, ["CINPlanEndDate"], "The child has more than one open CIN plan (no end date)") { c, _, f in
            let open = c.episodes.flatMap { $0.plans.filter { $0.end == nil && cinText($0.raw, "CINPlanEndDate") == nil } }
            if open.count > 1 { for p in open { f.flag(p.label) } }
        },
        CINRule("4014", .error, plan, ["CINPlanStartDate", "CINPlanEndDate"], "The child's CIN plans overlap: a plan starts inside another") { c, ctx, f in
            let plans = c.episodes.flatMap(\.plans)
            guard plans.count > 1 else { return }
            for i in CINIntervals.startsInsideAnother(plans.map { ($0.start, $0.end ?? ctx.referenceDate) }).sorted() { f.flag(plans[i].label) }
        },
        CINRule("4008", .error, plan, ["CINPlanStartDate", "PersonDeathDate"], "The CIN plan starts after the child's date of death") { c, _, f in
            guard let d = c.death else { return }
            for e in c.episodes { for p in e.plans { if let s = p.start, s > d { f.flag(p.label) } } }
        },
        CINRule("4009Q", .query, plan, ["CINPlanEndDate", "PersonDeathDate"], "The CIN plan ends after the child's date of death") { c, _, f in
            guard let d = c.death else { return }
            for e in c.episodes { for p in e.plans { if let x = p.end, x > d { f.flag(p.label) } } }
        },
        CINRule("4001", .error, plan, ["CINPlanEndDate", "CPPendDate"], "An episode has an open CIN plan and an open child protection plan at the same time") { c, _, f in
            for e in c.episodes {
                let openPlan = e.plans.contains { $0.end == nil && cinText($0.raw, "CINPlanEndDate") == nil }
                let openCPP = e.protectionPlans.contains { $0.end == nil && cinText($0.raw, "CPPendDate") == nil }
                if openPlan && openCPP { f.flag(e.label) }
            }
        },
        CINRule(
            "4003", .error, cpp, ["CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate"],
            "A child protection plan review is dated while a CIN plan is open"
        ) { c, ctx, f in
            for e in c.episodes where !e.plans.isEmpty {
                let spans = CINIntervals.Spans(e.plans.compactMap { p in p.start.map { ($0, (p.end ?? ctx.referenceDate).adding(days: 1)) } })
                for cp in e.protectionPlans {
                    if cp.reviews.contains(where: { $0 != cp.end && spans.contains($0) }) { f.flag(cp.label) }
                }
            }
        },
        CINRule(
            "4016", .error, plan, ["CINPlanStartDate", "CPPstartDate", "CPPendDate"],
            "A CIN plan starts while a child protection plan is open"
        ) { c, ctx, f in
            let cpps = c.episodes.flatMap(\.protectionPlans)
            guard !cpps.isEmpty else { return }
            // A CIN plan may start on the day a protection plan ends.
            let spans = CINIntervals.Spans(cpps.compactMap { p in p.start.map { ($0, p.end ?? ctx.referenceDate.adding(days: 1)) } })
            for e in c.episodes { for p in e.plans { if let s = p.start, spans.contains(s) { f.flag(p.label) } } }
        },
        CINRule(
            "4017", .error, cpp, ["CPPstartDate", "CINPlanStartDate", "CINPlanEndDate"],
            "A child protection plan starts while a CIN plan is open"
        ) { c, ctx, f in
            let plans = c.episodes.flatMap(\.plans)
            guard !plans.isEmpty else { return }
            // A protection plan may start on the day a CIN plan ends.
            let spans = CINIntervals.Spans(plans.compactMap { p in p.start.map { ($0, p.end ?? ctx.referenceDate.adding(days: 1)) } })
            for e in c.episodes { for p in e.protectionPlans { if let s = p.start, spans.contains(s) { f.flag(p.label) } } }
        },
    ]
}

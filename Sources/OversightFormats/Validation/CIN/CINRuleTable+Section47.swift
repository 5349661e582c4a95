import OversightCore

extension CINRuleTable {
    /// Rules on `Section47` (enquiries under section 47 of the Children Act 1989).
    static let section47Rules: [CINRule] = [
        CINRule("2889", .error, s47, ["S47ActualStartDate", "CINreferralDate"], "The section 47 enquiry started before the referral date") { c, _, f in
            for e in c.episodes {
                guard let r = e.referral else { continue }
                for s in e.section47s { if let d = s.start, d < r { f.flag(s.label) } }
            }
        },
        CINRule(
            "8615", .error, s47, ["S47ActualStartDate", "DateOfInitialCPC"],
            "A section 47 enquiry with a conference date has no start date, or starts after the conference"
        ) { c, _, f in
            for e in c.episodes {
                for s in e.section47s { if let d = s.icpc, s.start == nil || s.start! > d { f.flag(s.label) } }
            }
        },
        CINRule(
            "8740", .error, s47, ["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"],
            "A section 47 enquiry with no conference held by the end of the year must have started in the census year"
        ) { c, ctx, f in
            for e in c.episodes {
                for s in e.section47s where s.icpc == nil && s.icpcNotRequired == false { if let d = s.start, !ctx.inPeriod(d) { f.flag(s.label) } }
            }
        },
        CINRule(
            "8675Q", .query, s47, ["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"],
            "The section 47 enquiry started more than 15 working days before the end of the census year and has no conference date"
        ) { c, ctx, f in
            let limit = ctx.section47OverdueBefore
            for e in c.episodes {
                for s in e.section47s where s.icpc == nil && s.icpcNotRequired == false { if let d = s.start, d < limit { f.flag(s.label) } }
            }
        },
        CINRule("8839", .error, s47, ["DateOfInitialCPC", "ICPCnotRequired"], "An episode has more than one open section 47 enquiry (no conference and not 'not required')") {
            c, _, f in
            for e in c.episodes {
                let open = e.section47s.filter(\.isOpen)
                if open.count > 1 { for s in open { f.flag(s.label) } }
            }
        },
        CINRule(
            "8890", .error, s47, ["S47ActualStartDate", "DateOfInitialCPC"],
            "A section 47 enquiry starts while another in the same episode is still going on"
        ) { c, ctx, f in
            for e in c.episodes where e.section47s.count > 1 {
                let spans: [(start: Day?, end: Day?)] = e.section47s.map { s in (s.start, s.icpc ?? (s.isOpen ? ctx.referenceDate : nil)) }
                for i in CINIntervals.startsInsideAnother(spans).sorted() { f.flag(e.section47s[i].label) }
            }
        },
        CINRule("8870Q", .query, s47, ["InitialCPCtarget"], "The target date for the initial child protection conference is a Saturday or Sunday") { c, _, f in
            for e in c.episodes { for s in e.section47s { if let d = s.target, !d.isWeekday { f.flag(s.label) } } }
        },
    ]
}

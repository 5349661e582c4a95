/// Section 47 enquiries and child protection plans, from the CIN census.
extension Measures {
    /// `s47_enquiries`: section 47 enquiries starting in the period.
    public static let s47Enquiries = Measure(
        "s47_enquiries", .count, .none, "Section 47 enquiries started", reads: [.cin],
        period: { e, period, p in e.section47Enquiries(period, p) },
        series: { e, pts, _ in e.section47EnquiriesSeries(pts) })

    /// `icpc_15_days_pct`: of the initial conferences in the period, those within 15 working
    /// days of the enquiry's start.
    public static let icpc15DaysPct = Measure(
        "icpc_15_days_pct", .percent, .high, "Initial child protection conferences within 15 working days", reads: [.cin],
        period: { e, period, p in e.conferencesWithin15Days(period, p) },
        series: { e, pts, _ in e.conferencesWithin15DaysSeries(pts) })

    /// `cpp_at_end`: distinct children on a plan at the period end.
    public static let cppAtEnd = Measure(
        "cpp_at_end", .count, .none, "Children on a child protection plan at period end", reads: [.cin],
        period: { e, period, p in e.openPlans(period, p) },
        series: { e, pts, _ in e.openPlansSeries(pts) })

    /// `cpp_rate_per_10k`: `cpp_at_end` per 10,000 children.
    public static let cppRatePer10k = Measure(
        "cpp_rate_per_10k", .rate, .none, "Children on a child protection plan per 10,000 children", reads: [.cin],
        period: { e, period, p in e.openPlans(period, p) },
        series: { e, pts, _ in e.openPlansSeries(pts) })

    /// `cpp_starts`: plans starting in the period.
    public static let cppStarts = Measure(
        "cpp_starts", .count, .none, "Child protection plans started", reads: [.cin],
        period: { e, period, p in e.planStarts(period, p) },
        series: { e, pts, _ in e.planStartsSeries(pts) })

    /// `cpp_second_subsequent_pct`: of the plans started, those that are the child's second or later.
    public static let cppSecondSubsequentPct = Measure(
        "cpp_second_subsequent_pct", .percent, .low, "Child protection plans that are second or subsequent", reads: [.cin],
        period: { e, period, p in e.secondPlans(period, p) },
        series: { e, pts, _ in e.secondPlansSeries(pts) })

    /// `cpp_repeat_2y_pct`: of the plans started, those starting within 2 years of another ending.
    public static let cppRepeat2yPct = Measure(
        "cpp_repeat_2y_pct", .percent, .low, "Child protection plans starting within 2 years of a previous plan ending", reads: [.cin],
        period: { e, period, p in e.repeatPlans(period, p) },
        series: { e, pts, _ in e.repeatPlansSeries(pts) })

    /// `cpp_2y_plus_pct`: of the children in `cpp_at_end`, those whose open plan began 2 years or more before the end.
    public static let cpp2yPlusPct = Measure(
        "cpp_2y_plus_pct", .percent, .low, "Child protection plans open 2 years or more", reads: [.cin],
        period: { e, period, p in e.openPlans(period, p, numerator: Self.isOpenTwoYears) },
        series: { e, pts, _ in e.openPlansSeries(pts, numerator: Self.isOpenTwoYears) })

    /// `cpp_neglect_pct`: of the plans started, those with neglect as initial category.
    public static let cppNeglectPct = Measure(
        "cpp_neglect_pct", .percent, .none, "Child protection plans with neglect as initial category", reads: [.cin],
        period: { e, period, p in e.neglectPlans(period, p, percent: true) },
        series: { e, pts, _ in e.neglectPlansSeries(pts, percent: true) })

    /// `cpp_neglect_starts`: the numerator of `cpp_neglect_pct`.
    public static let cppNeglectStarts = Measure(
        "cpp_neglect_starts", .count, .none, "Child protection plans started with neglect as initial category", reads: [.cin],
        period: { e, period, p in e.neglectPlans(period, p, percent: false) },
        series: { e, pts, _ in e.neglectPlansSeries(pts, percent: false) })

    /// `cpp_da_pct`: of the children in `cpp_at_end`, those whose plan's episode has an assessment
    /// started by the end recording domestic abuse.
    public static let cppDaPct = Measure(
        "cpp_da_pct", .percent, .low, "Children on a child protection plan where domestic abuse is a feature", reads: [.cin],
        period: { e, period, p in e.openPlans(period, p, numerator: Self.isDomesticAbuse, warnsOfDomesticAbuse: true) },
        series: { e, pts, _ in e.openPlansSeries(pts, numerator: Self.isDomesticAbuse, warnsOfDomesticAbuse: true) })

    /// `cpp_repeat_da`: plans in the numerator of `cpp_second_subsequent_pct` whose episode has an
    /// assessment started by the end recording domestic abuse.
    public static let cppRepeatDa = Measure(
        "cpp_repeat_da", .count, .low, "Repeat child protection plans where domestic abuse is a feature", reads: [.cin],
        period: { e, period, p in e.repeatDomesticAbusePlans(period, p) },
        series: { e, pts, _ in e.repeatDomesticAbusePlansSeries(pts) })

    /// The section 47 and child protection measures, in the spec's order.
    static let childProtectionMeasures: [Measure] = [
        s47Enquiries, icpc15DaysPct, cppAtEnd, cppRatePer10k, cppStarts, cppSecondSubsequentPct, cppRepeat2yPct, cpp2yPlusPct,
        cppNeglectPct, cppNeglectStarts, cppDaPct, cppRepeatDa,
    ]

    /// `cpp_2y_plus_pct`'s numerator: the open plan began 2 years or more before the end.
    @Sendable fileprivate static func isOpenTwoYears(_ plan: CINIndex.PlanRef, _ domesticAbuse: Bool, _ twoYearsBefore: Day) -> Bool {
        plan.start <= twoYearsBefore
    }

    /// `cpp_da_pct`'s numerator: domestic abuse recorded by the end.
    @Sendable fileprivate static func isDomesticAbuse(_ plan: CINIndex.PlanRef, _ domesticAbuse: Bool, _ twoYearsBefore: Day) -> Bool {
        domesticAbuse
    }
}

extension MeasureEngine {
    /// `s47_enquiries` for one period.
    fileprivate func section47Enquiries(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for s in cin.section47s { if let d = s.start.day, period.contains(d) { t.countOnly(s47Record(s)) } }
        t.warn(cin.section47s.filter { $0.start.isInvalid }.count, "section 47 enquiries with an invalid start date were left out")
        return t
    }

    /// `s47_enquiries` for a series.
    fileprivate func section47EnquiriesSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        var invalid = 0
        for s in cin.section47s {
            if s.start.isInvalid { invalid += 1 }
            if let d = s.start.day { num.add(pts.containing(d)) }
        }
        return Self.tallies(
            n, numerator: num.totals,
            warnings: [
                (Self.constant(invalid, n), "section 47 enquiries with an invalid start date were left out")
            ])
    }

    /// `icpc_15_days_pct` for one period: the conferences held in it.
    fileprivate func conferencesWithin15Days(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for s in cin.section47s {
            guard let icpc = s.icpc.day, period.contains(icpc) else { if s.icpc.isInvalid { invalid += 1 }; continue }
            if s.start.isInvalid { invalid += 1; continue }
            let within = s.start.day.map { calendar.isWithin(15, workingDaysOf: $0, icpc) } ?? false
            t.count(within, s47Record(s))
        }
        t.warn(invalid, "section 47 enquiries with an invalid date were left out")
        return t
    }

    /// An invalid conference date is counted at every point; an invalid start only where the
    /// conference falls in the window.
    fileprivate func conferencesWithin15DaysSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n), extra = PointCounts(n)
        var invalidICPC = 0
        for s in cin.section47s {
            guard let icpc = s.icpc.day else { if s.icpc.isInvalid { invalidICPC += 1 }; continue }
            let k = pts.containing(icpc)
            if k.isEmpty { continue }
            if s.start.isInvalid { extra.add(k); continue }
            den.add(k)
            if let st = s.start.day, calendar.isWithin(15, workingDaysOf: st, icpc) { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (Self.sum(extra.totals, Self.constant(invalidICPC, n)), "section 47 enquiries with an invalid date were left out")
            ])
    }

    /// The children on a plan at the period end, each with its open plan: the latest-starting
    /// plan open at the end (of equal starts, the later in index order). These read CPPendDate:
    /// a plan whose end is not a date is left out. Without `numerator` every child is counted;
    /// with it, the children are the base and `numerator` (the open plan, whether domestic abuse
    /// is recorded, the day 2 years before the end) says which are counted. Domestic abuse
    /// counts when the episode of the open plan, or of any plan open then with the same start,
    /// has an assessment started by the end recording 3A, 3B or 3C.
    fileprivate func openPlans(
        _ period: Period, _ p: MeasureParameters,
        numerator: ((CINIndex.PlanRef, Bool, Day) -> Bool)? = nil, warnsOfDomesticAbuse: Bool = false
    ) -> Tally {
        var open: [ChildID: (plan: CINIndex.PlanRef, domesticAbuse: Bool)] = [:]
        let eps = data.cinEpisodes
        for r in cin.plans where !r.endIsInvalid && r.start <= period.end && (r.stop.map { $0 > period.end } ?? true) {
            let c = eps[r.episode].child
            let da = cin.episodeFirstDomesticAbuse[r.episode].map { $0 <= period.end } ?? false
            if let o = open[c] {
                if o.plan.start > r.start { continue }
                if o.plan.start == r.start { open[c] = (r, da || o.domesticAbuse); continue }
            }
            open[c] = (r, da)
        }
        var t = Tally(keep: RecordKeep(p))
        let twoYears = period.end.adding(years: -2)
        for (_, o) in open.sorted(by: { $0.key < $1.key }) {
            if let numerator { t.count(numerator(o.plan, o.domesticAbuse, twoYears), planRecord(o.plan)) } else { t.countOnly(planRecord(o.plan)) }
        }
        t.warn(cin.invalidPlanStarts + cin.invalidPlanEnds, "child protection plans with an invalid start or end date were left out")
        if warnsOfDomesticAbuse { t.warn(cin.invalidDomesticAbuseStarts, "assessments recording domestic abuse with an invalid start date were left out") }
        return t
    }

    /// `openPlans` for a series: per child and point, the latest-starting plan open at the
    /// point's end (on equal starts the later plan in index order), and whether any plan open
    /// then with that start has an episode with an assessment started by the point's end
    /// recording 3A, 3B or 3C.
    fileprivate func openPlansSeries(
        _ pts: SeriesPoints, numerator: ((CINIndex.PlanRef, Bool, Day) -> Bool)? = nil,
        warnsOfDomesticAbuse: Bool = false
    ) -> [Tally] {
        let n = pts.count
        let twoYears = pts.ends.map { $0.adding(years: -2) }
        var chosen = Array(repeating: -1, count: n)
        var domesticAbuse = Array(repeating: false, count: n)
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n)
        for group in cin.planGroups {
            var lo = n, hi = 0
            for j in group {
                let r = cin.plans[j]
                if r.endIsInvalid { continue }
                let k = pts.open(from: r.start, until: r.stop)
                if k.isEmpty { continue }
                lo = min(lo, k.lowerBound); hi = max(hi, k.upperBound)
                let firstDA = cin.episodeFirstDomesticAbuse[r.episode]
                for kk in k {
                    let da = firstDA.map { $0 <= pts.ends[kk] } ?? false
                    let c = chosen[kk]
                    if c >= 0 {
                        if cin.plans[c].start > r.start { continue }
                        if cin.plans[c].start == r.start { chosen[kk] = j; domesticAbuse[kk] = domesticAbuse[kk] || da; continue }
                    }
                    chosen[kk] = j
                    domesticAbuse[kk] = da
                }
            }
            if lo >= hi { continue }
            for kk in lo..<hi where chosen[kk] >= 0 {
                let r = cin.plans[chosen[kk]]
                chosen[kk] = -1
                if let numerator {
                    bases[kk] += 1
                    if numerator(r, domesticAbuse[kk], twoYears[kk]) { numbers[kk] += 1 }
                } else {
                    numbers[kk] += 1
                }
                domesticAbuse[kk] = false
            }
        }
        var warnings = [invalidPlanWarning(n)]
        if warnsOfDomesticAbuse { warnings.append(invalidDomesticAbuseWarning(n)) }
        return Self.tallies(n, numerator: numbers, denominator: bases, warnings: warnings)
    }

    /// `cpp_starts` for one period.
    fileprivate func planStarts(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for r in cin.plans where period.contains(r.start) { t.countOnly(planRecord(r)) }
        t.warn(cin.invalidPlanStarts, "child protection plans with an invalid start date were left out")
        return t
    }

    /// `cpp_starts` for a series.
    fileprivate func planStartsSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        for r in cin.plans { num.add(pts.containing(r.start)) }
        return Self.tallies(n, numerator: num.totals, warnings: [invalidPlanStartWarning(n)])
    }

    /// `cpp_second_subsequent_pct` for one period.
    fileprivate func secondPlans(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var short = 0
        for r in cin.plans where period.contains(r.start) {
            t.count(r.isSecondOrSubsequent, planRecord(r))
            if !r.hasPreviousCount { short += 1 }
        }
        t.warn(short, "plans have no NumberOfPreviousCPP, so only the loaded history says whether they are repeats")
        t.warn(cin.invalidPlanStarts, "child protection plans with an invalid start date were left out")
        return t
    }

    /// `cpp_second_subsequent_pct` for a series.
    fileprivate func secondPlansSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n), extra = PointCounts(n)
        for r in cin.plans {
            let k = pts.containing(r.start)
            if k.isEmpty { continue }
            den.add(k)
            if r.isSecondOrSubsequent { num.add(k) }
            if !r.hasPreviousCount { extra.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (extra.totals, "plans have no NumberOfPreviousCPP, so only the loaded history says whether they are repeats"),
                invalidPlanStartWarning(n),
            ])
    }

    /// Reads CPPendDate (of this plan and the others): a plan whose end is not a date is left out.
    fileprivate func repeatPlans(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var short = 0
        for r in cin.plans where period.contains(r.start) {
            if r.endIsInvalid { continue }
            t.count(r.isRepeatWithin2Years, planRecord(r))
            if let h = cinHistoryStart, r.start.adding(years: -2) < h { short += 1 }
        }
        t.warn(short, "plans have less than 2 years of loaded history before them")
        t.warn(cin.invalidPlanStarts + cin.invalidPlanEnds, "child protection plans with an invalid start or end date were left out")
        return t
    }

    /// `cpp_repeat_2y_pct` for a series.
    fileprivate func repeatPlansSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n), extra = PointCounts(n)
        let h = cinHistoryStart
        for r in cin.plans {
            let k = pts.containing(r.start)
            if k.isEmpty || r.endIsInvalid { continue }
            den.add(k)
            if r.isRepeatWithin2Years { num.add(k) }
            if let h, r.start.adding(years: -2) < h { extra.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (extra.totals, "plans have less than 2 years of loaded history before them"), invalidPlanWarning(n),
            ])
    }

    /// Plans started with neglect as initial category: of all plans started (`percent`), or counted alone.
    fileprivate func neglectPlans(_ period: Period, _ p: MeasureParameters, percent: Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for r in cin.plans where period.contains(r.start) {
            if percent { t.count(r.initialCategory == "NEG", planRecord(r)) } else if r.initialCategory == "NEG" { t.countOnly(planRecord(r)) }
        }
        t.warn(cin.invalidPlanStarts, "child protection plans with an invalid start date were left out")
        return t
    }

    /// `neglectPlans` for a series.
    fileprivate func neglectPlansSeries(_ pts: SeriesPoints, percent: Bool) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n)
        for r in cin.plans {
            let k = pts.containing(r.start)
            if k.isEmpty { continue }
            if percent { den.add(k) }
            if r.initialCategory == "NEG" { num.add(k) }
        }
        return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [invalidPlanStartWarning(n)])
    }

    /// `cpp_repeat_da` for one period: repeat plans starting in it whose episode has an assessment started by the end recording 3A, 3B or 3C.
    fileprivate func repeatDomesticAbusePlans(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for r in cin.plans where period.contains(r.start) {
            let da = cin.episodeFirstDomesticAbuse[r.episode].map { $0 <= period.end } ?? false
            if r.isSecondOrSubsequent && da { t.countOnly(planRecord(r)) }
        }
        t.warn(cin.invalidPlanStarts, "child protection plans with an invalid start date were left out")
        t.warn(cin.invalidDomesticAbuseStarts, "assessments recording domestic abuse with an invalid start date were left out")
        return t
    }

    /// A plan counts at the points whose end is on or after the first such assessment's start.
    fileprivate func repeatDomesticAbusePlansSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        for r in cin.plans {
            let k = pts.containing(r.start)
            if k.isEmpty { continue }
            guard r.isSecondOrSubsequent, let firstDA = cin.episodeFirstDomesticAbuse[r.episode] else { continue }
            let from = max(k.lowerBound, pts.firstEnd(onOrAfter: firstDA))
            if from < k.upperBound { num.add(from..<k.upperBound) }
        }
        return Self.tallies(n, numerator: num.totals, warnings: [invalidPlanStartWarning(n), invalidDomesticAbuseWarning(n)])
    }

    /// Plans left out of the measures reading their ends, at each of `n` points.
    fileprivate func invalidPlanWarning(_ n: Int) -> ([Int], String) {
        (Self.constant(cin.invalidPlanStarts + cin.invalidPlanEnds, n), "child protection plans with an invalid start or end date were left out")
    }

    /// Plans left out of the measures reading their starts only, at each of `n` points.
    fileprivate func invalidPlanStartWarning(_ n: Int) -> ([Int], String) {
        (Self.constant(cin.invalidPlanStarts, n), "child protection plans with an invalid start date were left out")
    }

    /// Assessments recording domestic abuse left out, at each of `n` points.
    fileprivate func invalidDomesticAbuseWarning(_ n: Int) -> ([Int], String) {
        (Self.constant(cin.invalidDomesticAbuseStarts, n), "assessments recording domestic abuse with an invalid start date were left out")
    }
}

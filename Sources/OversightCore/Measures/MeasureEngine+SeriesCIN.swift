extension MeasureEngine {
    /// The CIN census measures of a series (see `computeCIN` for each measure's rules; the
    /// warnings and counts here are the same, placed per point).
    func seriesCIN(_ id: String, _ pts: SeriesPoints) -> [Tally]? {
        let n = pts.count
        let invalidReferral = (Self.constant(cin.invalidReferralDates, n), "episodes with an invalid referral date were left out")
        let invalidPlan = (Self.constant(cin.invalidPlanStarts + cin.invalidPlanEnds, n), "child protection plans with an invalid start or end date were left out")
        let invalidPlanStart = (Self.constant(cin.invalidPlanStarts, n), "child protection plans with an invalid start date were left out")
        let invalidDomesticAbuse = (Self.constant(cin.invalidDomesticAbuseStarts, n),
                                    "assessments recording domestic abuse with an invalid start date were left out")
        var num = PointCounts(n), den = PointCounts(n), extra = PointCounts(n)

        switch id {
        case "referrals":
            for r in cin.referrals { num.add(pts.containing(r.date)) }
            return Self.tallies(n, numerator: num.totals, warnings: [invalidReferral])

        case "rereferrals_12m_pct":
            let h = cinHistoryStart
            for r in cin.referrals {
                let k = pts.containing(r.date)
                if k.isEmpty { continue }
                den.add(k)
                if r.isRereferral { num.add(k) }
                if let h, r.date.adding(years: -1) < h { extra.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
                (extra.totals, "referrals have less than 12 months of loaded history before them"), invalidReferral,
            ])

        case "referrals_nfa_pct":
            for r in cin.referrals {
                let k = pts.containing(r.date)
                den.add(k)
                if r.isNFA { num.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [invalidReferral])

        case _ where id.hasPrefix("referral_source_pct_"):
            let gid = String(id.dropFirst("referral_source_pct_".count))
            guard let g = referralSourceGroups.firstIndex(where: { $0.id == gid }) else { return nil }
            for r in cin.referrals {
                let k = pts.containing(r.date)
                den.add(k)
                if r.sourceGroup == g { num.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [invalidReferral])

        case "cin_at_end", "cin_rate_per_10k":
            // A child counts at a point when any of its episodes is open then.
            var invalid = 0
            var ranges: [Range<Int>] = []
            for child in 0..<cin.childCount {
                ranges.removeAll(keepingCapacity: true)
                for i in cin.episodes(ofChild: child) {
                    let sp = cin.spans[i]
                    if sp.hasInvalidDate { invalid += 1; continue }
                    guard let r = sp.referral, !sp.isNFA else { continue }
                    let k = pts.open(from: r, until: sp.closure)
                    if !k.isEmpty { ranges.append(k) }
                }
                SeriesPoints.union(&ranges)
                for k in ranges { num.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, warnings: [
                (Self.constant(invalid, n), "episodes with an invalid referral or closure date were left out"),
            ])

        case "assessments_completed":
            for a in cin.assessments { num.add(pts.containing(a.authorised)) }
            return Self.tallies(n, numerator: num.totals, warnings: [
                (Self.constant(cin.invalidAuthorisationDates, n), "assessments with an invalid authorisation date were left out"),
            ])

        case "assessments_45_days_pct":
            for a in cin.assessments {
                let k = pts.containing(a.authorised)
                if k.isEmpty { continue }
                if a.start.isInvalid { extra.add(k); continue }
                den.add(k)
                if let s = a.start.day, calendar.isWithin(45, workingDaysOf: s, a.authorised) { num.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
                (extra.totals, "assessments with an invalid start date were left out"),
                (Self.constant(cin.invalidAuthorisationDates, n), "assessments with an invalid authorisation date were left out"),
            ])

        case _ where id.hasPrefix("assessment_factor_pct_"):
            // An episode counts once at a point, in the numerator when any of its assessments in
            // that window records a factor of the group. One episode's assessments are consecutive.
            let gid = String(id.dropFirst("assessment_factor_pct_".count))
            guard let g = assessmentFactorGroups.firstIndex(where: { $0.id == gid }) else { return nil }
            let bit: UInt32 = 1 << g
            var all: [Range<Int>] = [], hits: [Range<Int>] = []
            func flush() {
                SeriesPoints.union(&all)
                SeriesPoints.union(&hits)
                for k in all { den.add(k) }
                for k in hits { num.add(k) }
                all.removeAll(keepingCapacity: true)
                hits.removeAll(keepingCapacity: true)
            }
            var current = -1
            for a in cin.assessments {
                if a.episode != current { flush(); current = a.episode }
                let k = pts.containing(a.authorised)
                if k.isEmpty { continue }
                all.append(k)
                if a.factorGroups & bit != 0 { hits.append(k) }
            }
            flush()
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
                (Self.constant(cin.invalidAuthorisationDates, n), "assessments with an invalid authorisation date were left out"),
            ])

        case "s47_enquiries":
            var invalid = 0
            for s in cin.section47s {
                if s.start.isInvalid { invalid += 1 }
                if let d = s.start.day { num.add(pts.containing(d)) }
            }
            return Self.tallies(n, numerator: num.totals, warnings: [
                (Self.constant(invalid, n), "section 47 enquiries with an invalid start date were left out"),
            ])

        case "icpc_15_days_pct":
            // An invalid conference date is counted at every point; an invalid start only where
            // the conference falls in the window.
            var invalidICPC = 0
            for s in cin.section47s {
                guard let icpc = s.icpc.day else { if s.icpc.isInvalid { invalidICPC += 1 }; continue }
                let k = pts.containing(icpc)
                if k.isEmpty { continue }
                if s.start.isInvalid { extra.add(k); continue }
                den.add(k)
                if let st = s.start.day, calendar.isWithin(15, workingDaysOf: st, icpc) { num.add(k) }
            }
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [
                (Self.sum(extra.totals, Self.constant(invalidICPC, n)), "section 47 enquiries with an invalid date were left out"),
            ])

        case "cpp_at_end", "cpp_rate_per_10k", "cpp_2y_plus_pct", "cpp_da_pct":
            // Per child and point, the latest-starting plan open at the point's end (on equal
            // starts the later plan in index order, as `computeCIN` picks it); for cpp_da_pct,
            // whether any plan open then with that start has an episode with an assessment
            // started by the point's end recording 3A, 3B or 3C.
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
                    switch id {
                    case "cpp_2y_plus_pct":
                        bases[kk] += 1
                        if r.start <= twoYears[kk] { numbers[kk] += 1 }
                    case "cpp_da_pct":
                        bases[kk] += 1
                        if domesticAbuse[kk] { numbers[kk] += 1 }
                    default: numbers[kk] += 1
                    }
                    domesticAbuse[kk] = false
                }
            }
            return Self.tallies(n, numerator: numbers, denominator: bases,
                                warnings: id == "cpp_da_pct" ? [invalidPlan, invalidDomesticAbuse] : [invalidPlan])

        case "cpp_starts", "cpp_second_subsequent_pct", "cpp_repeat_2y_pct", "cpp_neglect_pct", "cpp_neglect_starts", "cpp_repeat_da":
            let h = cinHistoryStart
            for r in cin.plans {
                let k = pts.containing(r.start)
                if k.isEmpty { continue }
                switch id {
                case "cpp_starts": num.add(k)
                case "cpp_second_subsequent_pct":
                    den.add(k)
                    if r.isSecondOrSubsequent { num.add(k) }
                    if !r.hasPreviousCount { extra.add(k) }
                case "cpp_repeat_2y_pct":
                    if r.endIsInvalid { continue }
                    den.add(k)
                    if r.isRepeatWithin2Years { num.add(k) }
                    if let h, r.start.adding(years: -2) < h { extra.add(k) }
                case "cpp_neglect_pct":
                    den.add(k)
                    if r.initialCategory == "NEG" { num.add(k) }
                case "cpp_neglect_starts":
                    if r.initialCategory == "NEG" { num.add(k) }
                default:
                    // Counted at the points whose end is on or after the first such assessment's start.
                    guard r.isSecondOrSubsequent, let firstDA = cin.episodeFirstDomesticAbuse[r.episode] else { continue }
                    let from = max(k.lowerBound, pts.firstEnd(onOrAfter: firstDA))
                    if from < k.upperBound { num.add(from..<k.upperBound) }
                }
            }
            var warnings: [([Int], String)] = []
            if id == "cpp_second_subsequent_pct" {
                warnings.append((extra.totals, "plans have no NumberOfPreviousCPP, so only the loaded history says whether they are repeats"))
            }
            if id == "cpp_repeat_2y_pct" {
                warnings.append((extra.totals, "plans have less than 2 years of loaded history before them"))
                warnings.append(invalidPlan)
            } else {
                warnings.append(invalidPlanStart)
            }
            if id == "cpp_repeat_da" { warnings.append(invalidDomesticAbuse) }
            return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: warnings)

        default:
            return nil
        }
    }
}

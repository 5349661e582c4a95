extension MeasureEngine {
    func computeCIN(_ id: String, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        let eps = data.cinEpisodes
        let keep = RecordKeep(p)
        func referralRecord(_ e: CINEpisode) -> DrillRecord {
            DrillRecord(child: e.child.rawValue, kind: "referral", key: e.referralDate.day?.iso ?? "", start: e.referralDate.day, end: e.closureDate.day,
                        origin: e.origin)
        }
        func planRecord(_ r: CINIndex.PlanRef) -> DrillRecord {
            DrillRecord(child: eps[r.episode].child.rawValue, kind: "cp_plan", key: r.start.iso, start: r.start, end: r.end, origin: eps[r.episode].origin)
        }
        switch id {
        case "referrals":
            var t = Tally(keep: keep)
            for r in cin.referrals where period.contains(r.date) { t.countOnly(referralRecord(eps[r.episode])) }
            t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
            return t.count(id, period)

        case "rereferrals_12m_pct":
            var t = Tally(keep: keep)
            var short = 0
            for r in cin.referrals where period.contains(r.date) {
                t.count(r.isRereferral, referralRecord(eps[r.episode]))
                if let h = cinHistoryStart, r.date.adding(years: -1) < h { short += 1 }
            }
            t.warn(short, "referrals have less than 12 months of loaded history before them")
            t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
            return t.percent(id, period)

        case "referrals_nfa_pct":
            var t = Tally(keep: keep)
            for r in cin.referrals where period.contains(r.date) { t.count(r.isNFA, referralRecord(eps[r.episode])) }
            t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
            return t.percent(id, period)

        case _ where id.hasPrefix("referral_source_pct_"):
            let gid = String(id.dropFirst("referral_source_pct_".count))
            guard let g = referralSourceGroups.firstIndex(where: { $0.id == gid }) else { return nil }
            var t = Tally(keep: keep)
            for r in cin.referrals where period.contains(r.date) { t.count(r.sourceGroup == g, referralRecord(eps[r.episode])) }
            t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
            return t.percent(id, period)

        case "cin_at_end", "cin_rate_per_10k":
            var children: [ChildID: Int] = [:]
            var invalid = 0
            for sp in cin.spans {
                if sp.hasInvalidDate { invalid += 1; continue }
                guard let r = sp.referral, r <= period.end, !sp.isNFA else { continue }
                if let c = sp.closure, c <= period.end { continue }
                let child = eps[sp.episode].child
                if children[child] == nil { children[child] = sp.episode }
            }
            var t = Tally(keep: keep)
            if keep.on {
                for (_, i) in children.sorted(by: { $0.key < $1.key }) { t.countOnly(referralRecord(eps[i])) }
            } else {
                t.numerator = children.count
            }
            t.warn(invalid, "episodes with an invalid referral or closure date were left out")
            return id == "cin_at_end" ? t.count(id, period) : rate(id, t, period, p)

        case "assessments_completed":
            var t = Tally(keep: keep)
            for a in cin.assessments where period.contains(a.authorised) { t.countOnly(assessmentRecord(a)) }
            t.warn(cin.invalidAuthorisationDates, "assessments with an invalid authorisation date were left out")
            return t.count(id, period)

        case "assessments_45_days_pct":
            var t = Tally(keep: keep)
            var invalid = 0
            for a in cin.assessments where period.contains(a.authorised) {
                if a.start.isInvalid { invalid += 1; continue }
                let within = a.start.day.map { calendar.isWithin(45, workingDaysOf: $0, a.authorised) } ?? false
                t.count(within, assessmentRecord(a))
            }
            t.warn(invalid, "assessments with an invalid start date were left out")
            t.warn(cin.invalidAuthorisationDates, "assessments with an invalid authorisation date were left out")
            return t.percent(id, period)

        case _ where id.hasPrefix("assessment_factor_pct_"):
            let gid = String(id.dropFirst("assessment_factor_pct_".count))
            guard let g = assessmentFactorGroups.firstIndex(where: { $0.id == gid }) else { return nil }
            let bit: UInt32 = 1 << g
            var t = Tally(keep: keep)
            func record(_ e: Int) -> DrillRecord {
                let ep = eps[e]
                return DrillRecord(child: ep.child.rawValue, kind: "cin_episode", key: ep.referralDate.day?.iso ?? "", start: ep.referralDate.day,
                                   end: ep.closureDate.day, origin: ep.origin)
            }
            // Assessments are indexed episode by episode, so one episode's are consecutive.
            var current = -1, hit = false
            for a in cin.assessments where period.contains(a.authorised) {
                if a.episode != current {
                    if current >= 0 { t.count(hit, record(current)) }
                    current = a.episode
                    hit = false
                }
                if a.factorGroups & bit != 0 { hit = true }
            }
            if current >= 0 { t.count(hit, record(current)) }
            t.warn(cin.invalidAuthorisationDates, "assessments with an invalid authorisation date were left out")
            return t.percent(id, period)

        case "s47_enquiries":
            var t = Tally(keep: keep)
            for s in cin.section47s { if let d = s.start.day, period.contains(d) { t.countOnly(s47Record(s)) } }
            t.warn(cin.section47s.filter { $0.start.isInvalid }.count, "section 47 enquiries with an invalid start date were left out")
            return t.count(id, period)

        case "icpc_15_days_pct":
            var t = Tally(keep: keep)
            var invalid = 0
            for s in cin.section47s {
                guard let icpc = s.icpc.day, period.contains(icpc) else { if s.icpc.isInvalid { invalid += 1 }; continue }
                if s.start.isInvalid { invalid += 1; continue }
                let within = s.start.day.map { calendar.isWithin(15, workingDaysOf: $0, icpc) } ?? false
                t.count(within, s47Record(s))
            }
            t.warn(invalid, "section 47 enquiries with an invalid date were left out")
            return t.percent(id, period)

        case "cpp_at_end", "cpp_rate_per_10k", "cpp_2y_plus_pct", "cpp_da_pct":
            // The open plan of each child: the latest-starting plan open at the end (of equal
            // starts, the later in index order). These read CPPendDate: a plan whose end is not a
            // date is left out. cpp_da_pct counts the child when the episode of the open plan,
            // or of any plan open then with the same start, has an assessment started by the end
            // recording 3A, 3B or 3C.
            var open: [ChildID: (plan: CINIndex.PlanRef, domesticAbuse: Bool)] = [:]
            for r in cin.plans where !r.endIsInvalid && r.start <= period.end && (r.stop.map { $0 > period.end } ?? true) {
                let c = eps[r.episode].child
                let da = cin.episodeFirstDomesticAbuse[r.episode].map { $0 <= period.end } ?? false
                if let o = open[c] {
                    if o.plan.start > r.start { continue }
                    if o.plan.start == r.start { open[c] = (r, da || o.domesticAbuse); continue }
                }
                open[c] = (r, da)
            }
            var t = Tally(keep: keep)
            let twoYears = period.end.adding(years: -2)
            for (_, o) in open.sorted(by: { $0.key < $1.key }) {
                switch id {
                case "cpp_2y_plus_pct": t.count(o.plan.start <= twoYears, planRecord(o.plan))
                case "cpp_da_pct": t.count(o.domesticAbuse, planRecord(o.plan))
                default: t.countOnly(planRecord(o.plan))
                }
            }
            t.warn(cin.invalidPlanStarts + cin.invalidPlanEnds, "child protection plans with an invalid start or end date were left out")
            if id == "cpp_da_pct" { t.warn(cin.invalidDomesticAbuseStarts, "assessments recording domestic abuse with an invalid start date were left out") }
            switch id {
            case "cpp_at_end": return t.count(id, period)
            case "cpp_rate_per_10k": return rate(id, t, period, p)
            default: return t.percent(id, period)
            }

        case "cpp_starts", "cpp_second_subsequent_pct", "cpp_repeat_2y_pct", "cpp_neglect_pct", "cpp_neglect_starts", "cpp_repeat_da":
            // Only cpp_repeat_2y_pct reads CPPendDate (of this plan and the others): a plan whose
            // end is not a date is left out of it, and counted in the others.
            var t = Tally(keep: keep)
            var short = 0
            for r in cin.plans where period.contains(r.start) {
                switch id {
                case "cpp_starts": t.countOnly(planRecord(r))
                case "cpp_second_subsequent_pct":
                    t.count(r.isSecondOrSubsequent, planRecord(r))
                    if !r.hasPreviousCount { short += 1 }
                case "cpp_repeat_2y_pct":
                    if r.endIsInvalid { continue }
                    t.count(r.isRepeatWithin2Years, planRecord(r))
                    if let h = cinHistoryStart, r.start.adding(years: -2) < h { short += 1 }
                case "cpp_neglect_pct": t.count(r.initialCategory == "NEG", planRecord(r))
                case "cpp_neglect_starts": if r.initialCategory == "NEG" { t.countOnly(planRecord(r)) }
                default:
                    let da = cin.episodeFirstDomesticAbuse[r.episode].map { $0 <= period.end } ?? false
                    if r.isSecondOrSubsequent && da { t.countOnly(planRecord(r)) }
                }
            }
            if id == "cpp_second_subsequent_pct" { t.warn(short, "plans have no NumberOfPreviousCPP, so only the loaded history says whether they are repeats") }
            if id == "cpp_repeat_2y_pct" {
                t.warn(short, "plans have less than 2 years of loaded history before them")
                t.warn(cin.invalidPlanStarts + cin.invalidPlanEnds, "child protection plans with an invalid start or end date were left out")
            } else {
                t.warn(cin.invalidPlanStarts, "child protection plans with an invalid start date were left out")
            }
            if id == "cpp_repeat_da" { t.warn(cin.invalidDomesticAbuseStarts, "assessments recording domestic abuse with an invalid start date were left out") }
            switch id {
            case "cpp_starts", "cpp_neglect_starts", "cpp_repeat_da": return t.count(id, period)
            default: return t.percent(id, period)
            }

        default:
            return nil
        }
    }

    func assessmentRecord(_ a: CINIndex.AssessmentRef) -> DrillRecord {
        let e = data.cinEpisodes[a.episode]
        return DrillRecord(child: e.child.rawValue, kind: "assessment", key: "\(e.referralDate.day?.iso ?? "")/\(a.authorised.iso)",
                           start: a.start.day, end: a.authorised, origin: e.origin)
    }

    func s47Record(_ s: CINIndex.Section47Ref) -> DrillRecord {
        let e = data.cinEpisodes[s.episode]
        return DrillRecord(child: e.child.rawValue, kind: "section47", key: "\(e.referralDate.day?.iso ?? "")/\(s.start.day?.iso ?? "")",
                           start: s.start.day, end: s.icpc.day, origin: e.origin)
    }

    func rate(_ id: String, _ t: Tally, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        guard let pop = p.population, pop > 0 else { return nil }
        return t.finished(MeasureResult(id: id, unit: .rate, period: period, numerator: Double(t.numerator), denominator: Double(pop),
                                        value: Double(t.numerator) * 10_000 / Double(pop), warnings: t.warnings,
                                        numeratorRecords: t.numeratorRecords, denominatorRecords: []))
    }
}

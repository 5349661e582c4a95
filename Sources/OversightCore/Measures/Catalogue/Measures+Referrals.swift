/// The groups of `referral_source_pct_{group}`: group id and the `ReferralSource` codes in it.
/// `unknown` also takes blank and invalid sources, so the groups sum to 100.
public let referralSourceGroups: [(id: String, codes: Set<String>, title: String)] = [
    ("individual", ["1A", "1B", "1C", "1D"], "individuals"),
    ("education", ["2A", "2B"], "education services"),
    ("health", ["3A", "3B", "3C", "3D", "3E", "3F"], "health services"),
    ("housing", ["4"], "housing"),
    ("la_services", ["5A", "5B", "5C", "5D"], "local authority services"),
    ("police", ["6"], "police"),
    ("legal", ["7"], "other legal agency"),
    ("other", ["8"], "other"),
    ("anonymous", ["9"], "anonymous"),
    ("unknown", ["10"], "unknown"),
]

/// Referrals, from the CIN census: CIN episodes by referral date.
extension Measures {
    /// `referrals`: episodes with a referral date in the period.
    public static let referrals = Measure(
        "referrals", .count, .none, "Referrals", reads: [.cin],
        period: { e, period, p in e.referrals(period, p) },
        series: { e, pts, _ in e.referralsSeries(pts) })

    /// `rereferrals_12m_pct`: of the referrals, those where the child had another referral in
    /// the year before.
    public static let rereferrals12mPct = Measure(
        "rereferrals_12m_pct", .percent, .low, "Re-referrals within 12 months", reads: [.cin],
        period: { e, period, p in e.rereferrals(period, p) },
        series: { e, pts, _ in e.rereferralsSeries(pts) })

    /// `referrals_nfa_pct`: of the referrals, those with no further action.
    public static let referralsNfaPct = Measure(
        "referrals_nfa_pct", .percent, .none, "Referrals with no further action", reads: [.cin],
        period: { e, period, p in e.referralsNFA(period, p) },
        series: { e, pts, _ in e.referralsNFASeries(pts) })

    /// `referral_source_pct_{group}`, one per group of `referralSourceGroups`: of the referrals,
    /// those from a source of the group.
    public static let referralSourcePct: [Measure] = referralSourceGroups.enumerated().map { g, group in
        Measure(
            MeasureID("referral_source_pct_\(group.id)"), .percent, .none, "Referrals from \(group.title)", reads: [.cin],
            period: { e, period, p in e.referralSource(g, period, p) },
            series: { e, pts, _ in e.referralSourceSeries(g, pts) })
    }

    /// The referral measures, in the spec's order.
    static let referralMeasures: [Measure] = [referrals, rereferrals12mPct, referralsNfaPct] + referralSourcePct
}

extension MeasureEngine {
    /// `referrals` for one period.
    fileprivate func referrals(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for r in cin.referrals where period.contains(r.date) { t.countOnly(referralRecord(data.cinEpisodes[r.episode])) }
        t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
        return t
    }

    /// `referrals` for a series.
    fileprivate func referralsSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        for r in cin.referrals { num.add(pts.containing(r.date)) }
        return Self.tallies(n, numerator: num.totals, warnings: [invalidReferralWarning(n)])
    }

    /// `rereferrals_12m_pct` for one period, with the referrals whose year before is not all loaded.
    fileprivate func rereferrals(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var short = 0
        for r in cin.referrals where period.contains(r.date) {
            t.count(r.isRereferral, referralRecord(data.cinEpisodes[r.episode]))
            if let h = cinHistoryStart, r.date.adding(years: -1) < h { short += 1 }
        }
        t.warn(short, "referrals have less than 12 months of loaded history before them")
        t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
        return t
    }

    /// `rereferrals_12m_pct` for a series.
    fileprivate func rereferralsSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n), extra = PointCounts(n)
        let h = cinHistoryStart
        for r in cin.referrals {
            let k = pts.containing(r.date)
            if k.isEmpty { continue }
            den.add(k)
            if r.isRereferral { num.add(k) }
            if let h, r.date.adding(years: -1) < h { extra.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (extra.totals, "referrals have less than 12 months of loaded history before them"), invalidReferralWarning(n),
            ])
    }

    /// `referrals_nfa_pct` for one period.
    fileprivate func referralsNFA(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for r in cin.referrals where period.contains(r.date) { t.count(r.isNFA, referralRecord(data.cinEpisodes[r.episode])) }
        t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
        return t
    }

    /// `referrals_nfa_pct` for a series.
    fileprivate func referralsNFASeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n)
        for r in cin.referrals {
            let k = pts.containing(r.date)
            den.add(k)
            if r.isNFA { num.add(k) }
        }
        return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [invalidReferralWarning(n)])
    }

    /// `g`: the group's index in `referralSourceGroups`.
    fileprivate func referralSource(_ g: Int, _ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for r in cin.referrals where period.contains(r.date) { t.count(r.sourceGroup == g, referralRecord(data.cinEpisodes[r.episode])) }
        t.warn(cin.invalidReferralDates, "episodes with an invalid referral date were left out")
        return t
    }

    /// `referral_source_pct_{group}` of group `g` for a series.
    fileprivate func referralSourceSeries(_ g: Int, _ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n)
        for r in cin.referrals {
            let k = pts.containing(r.date)
            den.add(k)
            if r.sourceGroup == g { num.add(k) }
        }
        return Self.tallies(n, numerator: num.totals, denominator: den.totals, warnings: [invalidReferralWarning(n)])
    }

    /// The referral measures' warning of episodes left out, at each of `n` points.
    fileprivate func invalidReferralWarning(_ n: Int) -> ([Int], String) {
        (Self.constant(cin.invalidReferralDates, n), "episodes with an invalid referral date were left out")
    }
}

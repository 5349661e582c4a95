/// Children's participation in their looked-after reviews, from the SSDA903 Reviews table.
extension Measures {
    /// `cla_review_participation_pct`: of the reviews in the period with a counted code, those
    /// where the child communicated their views.
    public static let claReviewParticipationPct = Measure(
        "cla_review_participation_pct", .percent, .high, "Looked-after reviews the child took part in", reads: [.episodes, .reviews],
        period: { e, period, p in e.reviewParticipation(period, p, sixteenPlus: false) },
        series: { e, pts, _ in e.reviewParticipationSeries(pts, sixteenPlus: false) })

    /// `review_participation_16plus_pct`: as `cla_review_participation_pct`, of young people 16 or
    /// over on the review's date.
    public static let reviewParticipation16plusPct = Measure(
        "review_participation_16plus_pct", .percent, .high, "Looked-after reviews of young people aged 16 or over that they took part in",
        reads: [.episodes, .reviews, .header],
        period: { e, period, p in e.reviewParticipation(period, p, sixteenPlus: true) },
        series: { e, pts, _ in e.reviewParticipationSeries(pts, sixteenPlus: true) })

    /// The review measures, in the spec's order.
    static let reviewMeasures: [Measure] = [claReviewParticipationPct, reviewParticipation16plusPct]

    /// `REVIEW_CODE`s in the review participation measures' denominators (PN0, child under 4,
    /// and blank or invalid codes are left out).
    static let reviewCodesCounted: Set<String> = ["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    /// The codes where the child communicated their views (PN4: attended but conveyed no views;
    /// PN7: neither attended nor conveyed views).
    static let reviewCodesParticipating: Set<String> = ["PN1", "PN2", "PN3", "PN5", "PN6"]
}

extension MeasureEngine {
    /// With `sixteenPlus`, only reviews on or after the child's 16th birthday (from the Header table).
    fileprivate func reviewParticipation(_ period: Period, _ p: MeasureParameters, sixteenPlus: Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0, noBirthDate = 0
        for r in data.claReviews {
            guard let d = r.date.day else { if r.date.isInvalid { invalid += 1 }; continue }
            guard period.contains(d), let code = r.participationCode, Measures.reviewCodesCounted.contains(code) else { continue }
            if sixteenPlus {
                guard let dob = data.claHeaders[r.child]?.birthDate.day else { noBirthDate += 1; continue }
                guard dob.adding(years: 16) <= d else { continue }
            }
            t.count(Measures.reviewCodesParticipating.contains(code), DrillRecord(child: r.child.rawValue, kind: "review", key: d.iso, start: d, origin: r.origin))
        }
        t.warn(noBirthDate, "reviews of children with no valid date of birth in the Header table were left out")
        t.warn(invalid, "reviews with an invalid date were left out")
        return t
    }

    /// `reviewParticipation` for a series.
    fileprivate func reviewParticipationSeries(_ pts: SeriesPoints, sixteenPlus: Bool) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n)
        var invalid = 0
        var noBirthDate = PointCounts(n)
        for r in data.claReviews {
            guard let d = r.date.day else { if r.date.isInvalid { invalid += 1 }; continue }
            guard let code = r.participationCode, Measures.reviewCodesCounted.contains(code) else { continue }
            let k = pts.containing(d)
            if k.isEmpty { continue }
            if sixteenPlus {
                guard let dob = data.claHeaders[r.child]?.birthDate.day else { noBirthDate.add(k); continue }
                guard dob.adding(years: 16) <= d else { continue }
            }
            den.add(k)
            if Measures.reviewCodesParticipating.contains(code) { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (noBirthDate.totals, "reviews of children with no valid date of birth in the Header table were left out"),
                (Self.constant(invalid, n), "reviews with an invalid date were left out"),
            ])
    }
}

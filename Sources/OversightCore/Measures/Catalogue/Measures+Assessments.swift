/// The groups of `assessment_factor_pct_{group}`: group id and the factor codes in it.
public let assessmentFactorGroups: [(id: String, codes: Set<String>, title: String)] = [
    ("da", ["3A", "3B", "3C"], "domestic abuse"),
    ("neglect", ["16A"], "neglect"),
    ("cse", ["11A"], "child sexual exploitation"),
    ("cce", ["24A"], "child criminal exploitation"),
    ("missing", ["10A"], "going missing"),
    ("gangs", ["13A"], "gangs"),
    ("trafficking", ["12A"], "trafficking"),
]

/// Assessments, from the CIN census: assessments by authorisation date.
extension Measures {
    /// `assessments_completed`: assessments authorised in the period.
    public static let assessmentsCompleted = Measure(
        "assessments_completed", .count, .none, "Assessments completed", reads: [.cin],
        period: { e, period, p in e.assessmentsCompleted(period, p) },
        series: { e, pts, _ in e.assessmentsCompletedSeries(pts) })

    /// `assessments_45_days_pct`: of those, the ones authorised within 45 working days of their start.
    public static let assessments45DaysPct = Measure(
        "assessments_45_days_pct", .percent, .high, "Assessments completed within 45 working days", reads: [.cin],
        period: { e, period, p in e.assessmentsWithin45Days(period, p) },
        series: { e, pts, _ in e.assessmentsWithin45DaysSeries(pts) })

    /// `assessment_factor_pct_{group}`, one per group of `assessmentFactorGroups`: of the episodes
    /// with an assessment authorised in the period, those where one records a factor of the group.
    public static let assessmentFactorPct: [Measure] = assessmentFactorGroups.enumerated().map { g, group in
        Measure(
            MeasureID("assessment_factor_pct_\(group.id)"), .percent, .none, "Assessments where \(group.title) is a factor", reads: [.cin],
            period: { e, period, p in e.assessmentFactor(g, period, p) },
            series: { e, pts, _ in e.assessmentFactorSeries(g, pts) })
    }

    /// The assessment measures, in the spec's order.
    static let assessmentMeasures: [Measure] = [assessmentsCompleted, assessments45DaysPct] + assessmentFactorPct
}

extension MeasureEngine {
    /// `assessments_completed` for one period.
    fileprivate func assessmentsCompleted(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        for a in cin.assessments where period.contains(a.authorised) { t.countOnly(assessmentRecord(a)) }
        t.warn(cin.invalidAuthorisationDates, "assessments with an invalid authorisation date were left out")
        return t
    }

    /// `assessments_completed` for a series.
    fileprivate func assessmentsCompletedSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n)
        for a in cin.assessments { num.add(pts.containing(a.authorised)) }
        return Self.tallies(
            n, numerator: num.totals,
            warnings: [
                (Self.constant(cin.invalidAuthorisationDates, n), "assessments with an invalid authorisation date were left out")
            ])
    }

    /// `assessments_45_days_pct` for one period. An assessment whose start is not a date is left out (and counted).
    fileprivate func assessmentsWithin45Days(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for a in cin.assessments where period.contains(a.authorised) {
            if a.start.isInvalid { invalid += 1; continue }
            let within = a.start.day.map { calendar.isWithin(45, workingDaysOf: $0, a.authorised) } ?? false
            t.count(within, assessmentRecord(a))
        }
        t.warn(invalid, "assessments with an invalid start date were left out")
        t.warn(cin.invalidAuthorisationDates, "assessments with an invalid authorisation date were left out")
        return t
    }

    /// `assessments_45_days_pct` for a series.
    fileprivate func assessmentsWithin45DaysSeries(_ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n), extra = PointCounts(n)
        for a in cin.assessments {
            let k = pts.containing(a.authorised)
            if k.isEmpty { continue }
            if a.start.isInvalid { extra.add(k); continue }
            den.add(k)
            if let s = a.start.day, calendar.isWithin(45, workingDaysOf: s, a.authorised) { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (extra.totals, "assessments with an invalid start date were left out"),
                (Self.constant(cin.invalidAuthorisationDates, n), "assessments with an invalid authorisation date were left out"),
            ])
    }

    /// `g`: the group's index in `assessmentFactorGroups`.
    fileprivate func assessmentFactor(_ g: Int, _ period: Period, _ p: MeasureParameters) -> Tally {
        let eps = data.cinEpisodes
        let bit: UInt32 = 1 << g
        var t = Tally(keep: RecordKeep(p))
        func record(_ e: Int) -> DrillRecord {
            let ep = eps[e]
            return DrillRecord(
                child: ep.child.rawValue, kind: "cin_episode", key: ep.referralDate.day?.iso ?? "", start: ep.referralDate.day,
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
        return t
    }

    /// An episode counts once at a point, in the numerator when any of its assessments in that
    /// window records a factor of the group. One episode's assessments are consecutive.
    fileprivate func assessmentFactorSeries(_ g: Int, _ pts: SeriesPoints) -> [Tally] {
        let n = pts.count
        var num = PointCounts(n), den = PointCounts(n)
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
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (Self.constant(cin.invalidAuthorisationDates, n), "assessments with an invalid authorisation date were left out")
            ])
    }
}

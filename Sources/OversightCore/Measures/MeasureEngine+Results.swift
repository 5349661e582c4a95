extension MeasureEngine {
    /// `t` finished as a result of `unit`: a count, a percentage, or a rate per 10,000 of the
    /// population (nil without one); nil for a ratio, which no case-data measure is.
    func finish(_ t: Tally, _ id: String, _ unit: MeasureUnit, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        switch unit {
        case .count: t.count(id, period)
        case .percent: t.percent(id, period)
        case .rate: rate(id, t, period, p)
        case .ratio: nil
        }
    }

    /// `t`'s numerator per 10,000 of the population; nil without a population.
    func rate(_ id: String, _ t: Tally, _ period: Period, _ p: MeasureParameters) -> MeasureResult? {
        guard let pop = p.population, pop > 0 else { return nil }
        return t.finished(
            MeasureResult(
                id: id, unit: .rate, period: period, numerator: Double(t.numerator), denominator: Double(pop),
                value: Double(t.numerator) * 10_000 / Double(pop), warnings: t.warnings,
                numeratorRecords: t.numeratorRecords, denominatorRecords: []))
    }

    // MARK: Records behind the numbers (drill-down)

    /// A CIN episode as a referral.
    func referralRecord(_ e: CINEpisode) -> DrillRecord {
        DrillRecord(
            child: e.child.rawValue, kind: "referral", key: e.referralDate.day?.iso ?? "", start: e.referralDate.day, end: e.closureDate.day,
            origin: e.origin)
    }

    /// A child protection plan.
    func planRecord(_ r: CINIndex.PlanRef) -> DrillRecord {
        let e = data.cinEpisodes[r.episode]
        return DrillRecord(child: e.child.rawValue, kind: "cp_plan", key: r.start.iso, start: r.start, end: r.end, origin: e.origin)
    }

    /// An assessment.
    func assessmentRecord(_ a: CINIndex.AssessmentRef) -> DrillRecord {
        let e = data.cinEpisodes[a.episode]
        return DrillRecord(
            child: e.child.rawValue, kind: "assessment", key: "\(e.referralDate.day?.iso ?? "")/\(a.authorised.iso)",
            start: a.start.day, end: a.authorised, origin: e.origin)
    }

    /// A section 47 enquiry.
    func s47Record(_ s: CINIndex.Section47Ref) -> DrillRecord {
        let e = data.cinEpisodes[s.episode]
        return DrillRecord(
            child: e.child.rawValue, kind: "section47", key: "\(e.referralDate.day?.iso ?? "")/\(s.start.day?.iso ?? "")",
            start: s.start.day, end: s.icpc.day, origin: e.origin)
    }

    /// A looked-after child, or the child's episode `e`.
    func childRecord(_ c: CLAIndex.Child, _ e: CLAIndex.Episode? = nil) -> DrillRecord {
        DrillRecord(
            child: c.id.rawValue, kind: e == nil ? "child" : "cla_episode", key: e?.start.iso ?? c.id.rawValue, start: e?.start, end: e?.end,
            origin: e.map { data.claEpisodes[$0.index].origin })
    }

    /// SSDA903 episode `index` of `child`.
    func episodeRecord(_ child: ChildID, _ index: Int) -> DrillRecord {
        let e = data.claEpisodes[index]
        return DrillRecord(
            child: child.rawValue, kind: "cla_episode", key: e.start.day?.iso ?? "", start: e.start.day,
            end: data.leftOpen.lastOpenDay(of: e) == nil ? e.end.day : nil, origin: e.origin)
    }

    /// The warning of the SSDA903 measures reading whole episodes (`CLAIndex.children`).
    static let invalidEpisodeNote = "episodes with an invalid start or end date were left out"
}

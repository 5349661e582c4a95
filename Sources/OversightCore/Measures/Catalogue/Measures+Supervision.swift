/// Supervision of social workers, from local supervision records: formal sessions against the
/// practice standard (`MeasureParameters.supervisionIntervalDays`, per worker
/// `supervisionIntervalByWorker`).
extension Measures {
    /// `supervision_in_standard_pct`: of the sessions whose next one fell due in the period,
    /// those followed by the next by its due date.
    public static let supervisionInStandardPct = Measure(
        "supervision_in_standard_pct", .percent, .high, "Supervision held in line with practice standards", reads: [.supervision],
        period: { e, period, p in e.supervisionInStandard(period, p) },
        series: { e, pts, p in e.supervisionInStandardSeries(pts, p) })

    /// `supervision_reflective_pct`: of the formal sessions held in the period, those recorded as reflective.
    public static let supervisionReflectivePct = Measure(
        "supervision_reflective_pct", .percent, .high, "Formal supervision recorded as reflective", reads: [.supervision],
        period: { e, period, p in e.supervisionReflective(period, p) },
        series: { e, pts, p in e.supervisionReflectiveSeries(pts, p) })

    /// The supervision measures, in the spec's order.
    static let supervisionMeasures: [Measure] = [supervisionInStandardPct, supervisionReflectivePct]
}

extension MeasureEngine {
    /// The sessions indexed with the practice standard of `p`: the engine's own index for the default.
    fileprivate func supervisionIndex(_ p: MeasureParameters) -> SupervisionIndex {
        p.supervisionIntervalDays == SupervisionIndex.defaultInterval && p.supervisionIntervalByWorker.isEmpty
            ? supervision : SupervisionIndex(data: data, defaultInterval: p.supervisionIntervalDays, byWorker: p.supervisionIntervalByWorker)
    }

    /// `supervision_in_standard_pct` for one period: the due dates falling in it.
    fileprivate func supervisionInStandard(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        let index = supervisionIndex(p)
        for d in index.due[index.range(of: period, in: index.dueDays)] {
            t.count(d.held, DrillRecord(child: d.worker, kind: "supervision_due", key: d.due.iso, start: d.session, end: d.next))
        }
        t.warn(index.invalid, "supervision sessions with an invalid date were left out")
        return t
    }

    /// `supervision_in_standard_pct` for a series.
    fileprivate func supervisionInStandardSeries(_ pts: SeriesPoints, _ p: MeasureParameters) -> [Tally] {
        let n = pts.count
        let index = supervisionIndex(p)
        var num = PointCounts(n), den = PointCounts(n)
        for d in index.due {
            let k = pts.containing(d.due)
            den.add(k)
            if d.held { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (Self.constant(index.invalid, n), "supervision sessions with an invalid date were left out")
            ])
    }

    /// `supervision_reflective_pct` for one period: the formal sessions held in it.
    fileprivate func supervisionReflective(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        let index = supervisionIndex(p)
        for s in index.formal[index.range(of: period, in: index.formalDays)] {
            t.count(s.reflective == true, DrillRecord(child: s.worker, kind: "supervision", key: s.date.iso, start: s.date))
        }
        t.warn(index.invalid, "supervision sessions with an invalid date were left out")
        return t
    }

    /// `supervision_reflective_pct` for a series.
    fileprivate func supervisionReflectiveSeries(_ pts: SeriesPoints, _ p: MeasureParameters) -> [Tally] {
        let n = pts.count
        let index = supervisionIndex(p)
        var num = PointCounts(n), den = PointCounts(n)
        for s in index.formal {
            let k = pts.containing(s.date)
            den.add(k)
            if s.reflective == true { num.add(k) }
        }
        return Self.tallies(
            n, numerator: num.totals, denominator: den.totals,
            warnings: [
                (Self.constant(index.invalid, n), "supervision sessions with an invalid date were left out")
            ])
    }
}

import OversightCore
import OversightFormats
import OversightViews

/// The main table of each report, for CSV and XLSX output (the command line's and the web's
/// downloads). Numbers stay numbers (suppressed ones are the text "c"); dates stay dates.
public enum ReportTables {
    static func value(_ r: MeasureResult?, _ suppression: Suppression) -> ExportValue {
        guard let r else { return .empty }
        return suppression.hides(r) ? .text(Suppression.mark) : .number(r.value)
    }

    public static func table(_ kind: String, _ input: ReportInput) -> ExportTable {
        let s = input.suppression
        switch kind {
        case "board":
            var t = ExportTable(
                title: "KPIs",
                columns: [
                    ExportColumn("Ambition", .integer), ExportColumn("KPI"), ExportColumn("Measure"), ExportColumn("Unit"), ExportColumn("Value", .decimal),
                    ExportColumn("Target"), ExportColumn("Target value", .decimal), ExportColumn("Status"), ExportColumn("Against last period"),
                    ExportColumn("Against last year"), ExportColumn("Comparator", .decimal),
                ])
            for e in input.evaluations {
                let unit = Plan.measureDefinition(e.kpi.measure)?.unit ?? .count
                let v: ExportValue = e.result.map { value($0, s) } ?? .number(e.value)
                t.append([
                    .integer(e.ambition), .text(e.kpi.wording), .text(e.kpi.measure), .text(unit.rawValue), v, .text(e.target.token),
                    .number(e.targetValue), .text(e.status.words), .text(e.trendVsPrevious.words), .text(e.trendVsLastYear.words),
                    .number(e.comparator?.value),
                ])
            }
            return t
        case "daily":
            var t = ExportTable(
                title: "Daily list",
                columns: [
                    ExportColumn("List"), ExportColumn("Child or worker"), ExportColumn("Since"),
                    ExportColumn("Due", .date), ExportColumn("Days overdue", .integer),
                ])
            if let f = input.frontLine {
                let day = input.generatedOn
                func late(_ d: Day) -> ExportValue { .integer(max(0, d.days(to: day))) }
                for a in f.assessments { t.append([.text("Assessment at \(a.workingDays) working days"), .text(a.child), .text(a.started.iso), .date(a.due), late(a.due)]) }
                for c in f.conferences { t.append([.text("Initial conference due"), .text(c.child), .text(c.enquiryStarted.iso), .date(c.due), late(c.due)]) }
                for r in f.reviews { t.append([.text("Looked-after review due"), .text(r.child), .text(r.lookedAfterSince.iso), .date(r.due), late(r.due)]) }
                for r in f.rhiDueToday { t.append([.text("RHI due today"), .text(r.child), .text(r.returned.iso), .date(r.rhiDue.day), .empty]) }
                for r in f.returnedWithoutRHI where !f.rhiDueToday.contains(r) {
                    t.append([.text("Back from missing, no RHI offered"), .text(r.child), .text(r.returned.iso), .date(r.rhiDue.day), .empty])
                }
                for r in f.rhiOutstanding where !f.rhiDueToday.contains(r) {
                    t.append([.text("RHI outstanding past 72 hours"), .text(r.child), .text(r.returned.iso), .date(r.rhiDue.day), late(r.rhiDue.day)])
                }
                for v in f.visitsOverdue {
                    t.append([.text("Visit overdue (\(v.plan.lowercased()))"), .text(v.child), .text(v.lastVisit?.iso ?? ""), .date(v.due), .integer(v.daysOverdue)])
                }
                for a in f.auditsDue { t.append([.text("Audit due"), .text(a.child), .text(a.reference), .date(a.due), late(a.due)]) }
                for w in f.supervisionsOverdue {
                    t.append([.text("Supervision overdue"), .text(w.worker), .text(w.lastSession?.iso ?? ""), .date(w.due), .integer(w.daysOverdue)])
                }
            }
            return t
        case "weekly":
            var t = ExportTable(
                title: "Weekly",
                columns: [
                    ExportColumn("Measure"), ExportColumn("Title"), ExportColumn("This week", .decimal),
                    ExportColumn("Last week", .decimal),
                ])
            for id in WeeklyReport.measures {
                t.append([
                    .text(id), .text(MeasureCatalogue.definition(id)?.title ?? id), value(input.results.first { $0.id == id }, s),
                    value(input.previousResults.first { $0.id == id }, s),
                ])
            }
            return t
        case "monthly":
            let months = input.series.values.max(by: { $0.count < $1.count })?.map(\.period.start) ?? []
            var t = ExportTable(
                title: "Monthly pack",
                columns: [
                    ExportColumn("Measure"), ExportColumn("Title"), ExportColumn("Unit"),
                    ExportColumn("Period", .decimal),
                ]
                    + months.map { ExportColumn(ReportDocument.monthLabel($0), .decimal) } + [ExportColumn("England", .decimal), ExportColumn("Neighbours (median)", .decimal)])
            for d in MeasureCatalogue.all + HandEnteredMeasures.all {
                let r = input.results.first { $0.id == d.id }
                let series = input.series[d.id] ?? []
                guard r?.value != nil || series.contains(where: { $0.value != nil }) else { continue }
                t.append(
                    [.text(d.id), .text(d.title), .text(d.unit.rawValue), value(r, s)]
                        + months.map { m in value(series.first { $0.period.start == m }, s) }
                        + [.number(input.comparators[d.id]?.england), .number(input.comparators[d.id]?.neighbourMedian)])
            }
            return t
        default:
            var t = ExportTable(
                title: "Clinic",
                columns: [
                    ExportColumn("Measure"), ExportColumn("Value", .decimal), ExportColumn(input.comparisonLabel ?? "Compared with", .decimal),
                    ExportColumn("Last period", .decimal), ExportColumn("Child"), ExportColumn("Record"), ExportColumn("Date", .date),
                ])
            for r in input.results where r.value != nil {
                let wider = input.comparison.first { $0.id == r.id }, before = input.previousResults.first { $0.id == r.id }
                t.append([.text(r.id), value(r, s), value(wider, s), value(before, s), .empty, .empty, .empty])
                if !s.enabled {
                    for rec in r.numeratorRecords { t.append([.text(r.id), .empty, .empty, .empty, .text(rec.child), .text(rec.kind), .date(rec.start)]) }
                }
            }
            return t
        }
    }
}

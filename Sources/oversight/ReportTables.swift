import OversightCore
import OversightFormats
import OversightViews

/// The main table of each report, for CSV and XLSX output. Numbers stay numbers (suppressed ones
/// are the text "c"); dates stay dates.
enum ReportTables {
    static func value(_ r: MeasureResult?, _ suppression: Suppression) -> ExportValue {
        guard let r else { return .empty }
        return suppression.hides(r) ? .text(Suppression.mark) : .number(r.value)
    }

    static func table(_ kind: String, _ input: ReportInput) -> ExportTable {
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
                for r in f.returnedWithoutRHI {
                    t.append([
                        .text(f.rhiDueToday.contains(r) ? "RHI due today" : "Back from missing, no RHI offered"), .text(r.child),
                        .text(r.returned.iso), .date(r.rhiDue.day), .empty,
                    ])
                }
                for a in f.auditsDue { t.append([.text("Audit due"), .text(a.child), .text(a.reference), .date(a.due), .integer(max(0, a.due.days(to: input.generatedOn)))]) }
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
                    ExportColumn("Measure"), ExportColumn("Value", .decimal), ExportColumn("Child"),
                    ExportColumn("Record"), ExportColumn("Date", .date),
                ])
            for r in input.results where r.value != nil {
                t.append([.text(r.id), value(r, s), .empty, .empty, .empty])
                if !s.enabled {
                    for rec in r.numeratorRecords { t.append([.text(r.id), .empty, .text(rec.child), .text(rec.kind), .date(rec.start)]) }
                }
            }
            return t
        }
    }
}

import Foundation
import OversightCore
import OversightFormats
import OversightStore
import OversightViews

/// Builds the board pack from what the dashboards show, writes it into the reports folder as HTML
/// (and PDF when Chromium is installed), lists what is there, and generates on a schedule.
struct ReportService: Sendable {
    let store: Store
    let options: WebOptions
    let dashboards: DashboardService
    let clock: @Sendable () -> Date

    /// A report file in the folder.
    struct Item: Sendable {
        var name: String
        var size: Int
        var modified: Date
    }

    var folder: URL { URL(fileURLWithPath: options.reportsFolder) }

    /// The files in the reports folder, newest first.
    func list() -> [Item] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".pdf") }.compactMap { name in
            guard let a = try? fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return Item(name: name, size: (a[.size] as? Int) ?? 0, modified: (a[.modificationDate] as? Date) ?? .distantPast)
        }.sorted { $0.modified > $1.modified }
    }

    /// The board pack for `period` (counts 1-4 suppressed with `suppress`): writes
    /// `board-pack-<authority>-<start>-<end>.html` and the PDF when it can; returns the names written
    /// and, when the PDF could not be made, why.
    func boardPack(authority: String, authorityName: String, period: Period, suppress: Bool) async throws -> (files: [String], pdfProblem: String?) {
        let snapshot = try await dashboards.snapshot(authority: authority)
        let data = await dashboards.dashboard(authority: authority, period: period, snapshot: snapshot)
        let plans = store.plans(authority: authority, clock: clock)
        var input = ReportInput(authority: authorityName, plan: options.plan, period: period, generatedOn: Day(clock()),
                                actions: try await store.actions(authority: authority, clock: clock).all(),
                                commentary: try await plans.commentary(period: period),
                                audit: ReportInputs.audits(snapshot.audits, period: period, reportDate: snapshot.reportDate),
                                dataQuality: try await ReportInputs.quality(store: store, authority: authority),
                                suppression: suppress ? .on : .off)
        input.evaluations = data.evaluations
        // The board pack charts the 12 calendar months to the period's end.
        let months: [Period] = (0..<12).reversed().map { back in
            let s = period.end.startOfMonth.adding(months: -back)
            return Period(start: s, end: s.endOfMonth)!
        }
        for id in Set(data.evaluations.map(\.kpi.measure)) {
            input.series[id] = months.compactMap { dashboards.measure(id, authority: authority, period: $0, snapshot: snapshot) }
        }
        for e in data.evaluations { if let c = e.comparator?.summary { input.comparators[e.kpi.measure] = c } }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = "board-pack-\(authority)-\(period.start.iso)-\(period.end.iso)\(suppress ? "-suppressed" : "")"
        let html = folder.appendingPathComponent(base + ".html")
        try Data(BoardPack.render(input).markup.utf8).write(to: html)
        var files = [html.lastPathComponent]
        var problem: String?
        do {
            let pdf = folder.appendingPathComponent(base + ".pdf")
            try PDFPrinter().print(html: html, to: pdf)
            files.append(pdf.lastPathComponent)
        } catch {
            problem = "\(error)"
        }
        return (files, problem)
    }

    /// Generates the board pack due at the cadence (see `BoardPackCadence.period`) for every
    /// authority with data, when the folder does not already hold it.
    func runScheduled(cadence: BoardPackCadence, authorityName: @Sendable (String) -> String) async {
        let period = cadence.period(today: Day(clock()))
        guard let authorities = try? await store.imports().authorities() else { return }
        for la in authorities {
            let name = "board-pack-\(la)-\(period.start.iso)-\(period.end.iso).html"
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { continue }
            _ = try? await boardPack(authority: la, authorityName: authorityName(la), period: period, suppress: false)
        }
    }
}

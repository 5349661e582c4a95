import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightViews

/// Makes the board pack from the application layer's report input (the same as
/// `oversight report board`), writes it into the authority's own reports folder as HTML (and PDF
/// when Chromium is installed), lists what is there, and generates on a schedule. Each authority's
/// reports live in a folder of their own, listed and served only to that authority's users.
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

    /// The authority's reports folder: a folder named by its code inside the reports folder.
    func folder(authority: String) -> URL {
        let safe = String(authority.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        return URL(fileURLWithPath: options.reportsFolder).appendingPathComponent(safe.isEmpty ? "_" : safe)
    }

    /// The files in the authority's reports folder, newest first.
    func list(authority: String) -> [Item] {
        let fm = FileManager.default
        let folder = folder(authority: authority)
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
        do {
            let made = try await makeBoardPack(authority: authority, authorityName: authorityName, period: period, suppress: suppress)
            dashboards.metrics.job(kind: "board-pack", outcome: made.pdfProblem == nil ? "done" : "done-without-pdf")
            return made
        } catch {
            dashboards.metrics.job(kind: "board-pack", outcome: "failed")
            throw error
        }
    }

    private func makeBoardPack(authority: String, authorityName: String, period: Period, suppress: Bool) async throws -> (files: [String], pdfProblem: String?) {
        let snapshot = try await dashboards.snapshot(authority: authority)
        try await dashboards.numbers.checkBoardPackReady(period: period, snapshot: snapshot)
        let input = try await dashboards.numbers.reportInput(.board, period: period, snapshot: snapshot, suppress: suppress, authorityName: authorityName)
        let folder = folder(authority: authority)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = "board-pack-\(authority)-\(period.start.iso)-\(period.end.iso)\(suppress ? "-suppressed" : "")"
        let html = folder.appendingPathComponent(base + ".html")
        try Data(BoardPack.render(input).markup.utf8).write(to: html)
        var files = [html.lastPathComponent]
        var problem: String?
        do {
            let pdf = folder.appendingPathComponent(base + ".pdf")
            try await PDFPrinter().print(html: html, to: pdf)
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
            if FileManager.default.fileExists(atPath: folder(authority: la).appendingPathComponent(name).path) { continue }
            _ = try? await boardPack(authority: la, authorityName: authorityName(la), period: period, suppress: false)
        }
    }
}

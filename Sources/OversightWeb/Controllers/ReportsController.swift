import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// The Reports page: the board packs in the authority's reports folder (made on request or each
/// month by `serve`), and making a new one for any period. A user sees and opens only their own
/// authority's reports.
enum ReportsController {
    static func service(_ req: Request) -> ReportService {
        ReportService(store: req.services.store, options: req.services.options, dashboards: req.services.dashboards, clock: req.services.clock)
    }

    /// GET /reports
    static func index(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        return try await page(req, user: user, notice: nil, errors: [])
    }

    static func page(_ req: Request, user: UserAccount, notice: String?, errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let items = service(req).list(authority: user.authority)
        var out = ErrorSummary.render(errors)
        if let notice { out += Notice.banner(.success, heading: notice) }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Reports")
        let schedule: String =
            switch req.services.options.boardPackCadence {
            case .monthly: "The board pack for the 12 months to each month-end is made here at the start of the next month."
            case .quarterly: "The board pack for the 12 months to each quarter-end is made here at the start of the next quarter."
            case nil: "Board packs made here are kept in the reports folder."
            }
        out += HTML.el("p", [("class", "ov-body")], text: schedule)
        out += DataTable(
            caption: "Reports", isCaptionVisible: false,
            columns: [.init("name", "Report"), .init("made", "Made"), .init("size", "Size", isNumeric: true)],
            rows: items.map { i in
                [
                    HTML.el("a", [("href", SitePath.reportFile.link(i.name))], text: i.name), .text(Format.timestamp(i.modified)),
                    .text(Format.fileSize(i.size)),
                ]
            }, emptyMessage: "No reports yet."
        ).render()
        if Access.reportMakers.allows(user.role) {
            let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
            let options = DashboardController.periodOptions(snapshot: snapshot, period: req.services.dashboards.defaultPeriod(snapshot))
            var form = FormGroup.hidden(name: "csrf", value: req.signed?.csrf ?? "")
            form += FormGroup.select(
                id: "period", label: "Period", options: options, selected: options.first?.value ?? "",
                error: errors.first { $0.fieldID == "period" }?.message)
            form += FormGroup.radios(
                id: "suppress", legend: "Who is it for?",
                options: [
                    FormOption(value: "no", label: "The authority's own staff and board"),
                    FormOption(value: "yes", label: "Partners and the public", hint: "Counts from 1 to 4 are shown as c"),
                ], selected: "no")
            form += Button.render("Make the board pack")
            out += HTML.el("h2", [("class", "ov-heading-l")], text: "Make a board pack")
            out += HTML.el("form", [("method", "post"), ("action", SiteURL.reports), ("novalidate", "")], form)
        }
        return Pages.page(req, title: errors.isEmpty ? "Reports" : "Error: Reports", section: "Reports", content: out, status: status)
    }

    /// POST /reports: makes the board pack for the chosen period.
    static func make(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        guard let period = Period.parse(f["period"] ?? "") else {
            return try await page(req, user: user, notice: nil, errors: [FieldError(fieldID: "period", message: "Choose a period")], status: .unprocessableEntity)
        }
        let made = try await service(req).boardPack(
            authority: user.authority, authorityName: Pages.authorityName(user.authority, request: req),
            period: period, suppress: f["suppress"] == "yes")
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "made board pack", target: made.files.joined(separator: ", "), isChildLevel: false)
        let note = made.pdfProblem == nil ? "The board pack is ready" : "The board pack is ready as HTML; the PDF could not be made (\(made.pdfProblem!))"
        return try await page(req, user: user, notice: note, errors: [])
    }

    /// GET /reports/:file
    static func file(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let name = req.parameters.get("file") ?? ""
        guard name == UploadReceiver.safeName(name), name.hasSuffix(".html") || name.hasSuffix(".pdf") else { throw Abort(.notFound) }
        let url = service(req).folder(authority: user.authority).appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: name.hasSuffix(".pdf") ? "application/pdf" : "text/html; charset=utf-8")
        if name.hasSuffix(".html") {
            // The report carries its own inline stylesheet.
            headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        }
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

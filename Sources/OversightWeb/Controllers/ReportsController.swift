import Foundation
import OversightApp
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

    static func page(
        _ req: Request, user: UserAccount, notice: String?, errors: [FieldError], blocked: BoardPackNeedsCommentary? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let items = service(req).list(authority: user.authority)
        var out = ErrorSummary.render(errors)
        if let notice { out += Notice.banner(.success, heading: notice) }
        if let blocked {
            // Each red KPI without its lead's account, linking to where the account is written.
            let links = blocked.kpis.map { k in
                HTML.el(
                    "li", [],
                    HTML.el(
                        "a", [("href", AmbitionPage.link(k.ambition, tab: .commentary, period: blocked.period.description) + "#kpi-\(k.measure)")],
                        text: "Ambition \(k.ambition): \(k.wording)"))
            }
            out += HTML.el(
                "div", [("class", "ov-error-summary"), ("role", "alert"), ("tabindex", "-1")],
                HTML.el(
                    "h2", [("class", "ov-error-summary__title")],
                    text: "The board pack needs the lead's account of \(blocked.kpis.count) red KPI\(blocked.kpis.count == 1 ? "" : "s")")
                    + HTML.el(
                        "p", [("class", "ov-body")],
                        text: "Why each is off track, and what is being done, written on its ambition's Commentary tab for \(Format.period(blocked.period)).")
                    + HTML.el("ul", [("class", "ov-list ov-error-summary__list")], links.joined))
        }
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
        return Pages.page(req, title: errors.isEmpty && blocked == nil ? "Reports" : "Error: Reports", section: "Reports", content: out, status: status)
    }

    /// POST /reports: makes the board pack for the chosen period.
    static func make(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        guard let period = Period.parse(f["period"] ?? "") else {
            return try await page(req, user: user, notice: nil, errors: [FieldError(fieldID: "period", message: "Choose a period")], status: .unprocessableEntity)
        }
        let made: (files: [String], pdfProblem: String?)
        do {
            made = try await service(req).boardPack(
                authority: user.authority, authorityName: Pages.authorityName(user.authority, request: req),
                period: period, suppress: f["suppress"] == "yes")
        } catch let blocked as BoardPackNeedsCommentary {
            return try await page(req, user: user, notice: nil, errors: [], blocked: blocked, status: .unprocessableEntity)
        }
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

import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightStore
import OversightViews
import Vapor

/// The Lists page (the daily list, the weekly report and the monthly pack, for the authority, a
/// service or a team) and the Clinics page (a team's, service's or worker's measures and the
/// actions agreed), with their downloads. The reports come from the application layer's report
/// input, the same as `oversight report daily|weekly|monthly|clinic`.
enum FrontLineController {
    static func query(_ req: Request, _ name: String) -> String {
        ((try? req.query.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The part named by `key` (blank: the authority), checked against the organisation.
    static func part(_ key: String, period: Period, snapshot: AuthoritySnapshot, numbers: AuthorityNumbers) -> (part: AuthorityNumbers.Part?, error: String?) {
        guard !key.isEmpty else { return (nil, nil) }
        guard let p = AuthorityNumbers.Part(key: key) else { return (nil, "Choose a team or a service from the list") }
        do {
            return (try numbers.checked(p, period: period, snapshot: snapshot), nil)
        } catch let e as UnknownPart {
            return (nil, e.description.prefix(1).uppercased() + e.description.dropFirst())
        } catch {
            return (nil, "\(error)")
        }
    }

    /// The period a list covers for the day typed: the day, the week ending on it, or its month.
    static func period(_ list: FrontLinePages.List, day: Day) -> Period {
        switch list {
        case .daily: Period(start: day, end: day)!
        case .weekly: Period(start: day.adding(days: -6), end: day)!
        case .monthly: Period(start: day.startOfMonth, end: day.endOfMonth)!
        }
    }

    /// What a Lists request asks for, checked: the period, the part, and the problems.
    struct ListRequest {
        var list: FrontLinePages.List
        var partKey: String
        var day: String
        var period: Period
        var part: AuthorityNumbers.Part?
        var partError: String?
        var dayError: String?
        var isValid: Bool { partError == nil && dayError == nil }
    }

    /// The part a page shows when none is asked for: the user's own team, when their account
    /// names one the organisation holds in `period`; else the whole authority ("").
    static func defaultPart(_ req: Request, period: Period, snapshot: AuthoritySnapshot) -> String {
        if (try? req.query.get(String.self, at: "for")) != nil { return query(req, "for") }
        guard let team = req.user?.team, !team.isEmpty,
            req.services.dashboards.numbers.organisation(snapshot).names(during: period).teams.contains(team)
        else { return "" }
        return AuthorityNumbers.Part.team(team).key
    }

    static func listRequest(_ req: Request, snapshot: AuthoritySnapshot) -> ListRequest {
        let list = FrontLinePages.List(rawValue: query(req, "list")) ?? .daily
        let fallback = req.services.dashboards.defaultPeriod(snapshot).end
        let typed = query(req, "day")
        let parsed = typed.isEmpty ? fallback : Day.parseISO(typed)
        let p = period(list, day: parsed ?? fallback)
        let key = defaultPart(req, period: p, snapshot: snapshot)
        let resolved = part(key, period: p, snapshot: snapshot, numbers: req.services.dashboards.numbers)
        return ListRequest(
            list: list, partKey: key, day: typed.isEmpty ? fallback.iso : typed, period: p, part: resolved.part, partError: resolved.error,
            dayError: parsed == nil ? "Enter the day as a date, for example \(fallback.iso)" : nil)
    }

    static func kind(_ list: FrontLinePages.List) -> ReportKind {
        switch list {
        case .daily: .daily
        case .weekly: .weekly
        case .monthly: .monthly
        }
    }

    /// GET /lists
    static func lists(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let r = listRequest(req, snapshot: snapshot)
        let parts =
            [FormOption(value: "", label: "The whole authority")]
            + services.dashboards.numbers.partChoices(during: r.period, snapshot: snapshot).map { FormOption(value: $0.key, label: $0.label) }
        func model(title: String, content: HTML) -> FrontLinePages.ListsModel {
            FrontLinePages.ListsModel(
                list: r.list, part: r.partKey, parts: parts, day: r.day, dayError: r.dayError, partError: r.partError, title: title, content: content)
        }
        guard r.isValid else {
            return Pages.page(req, title: "Error: Lists", section: "Lists", content: FrontLinePages.lists(model(title: r.list.label, content: .empty)), status: .badRequest)
        }
        let name = Pages.authorityName(user.authority, request: req)
        // Made once per data version, list, part and day.
        let page = await services.dashboards.page(authority: user.authority, key: "lists|\(r.list.rawValue)|\(r.partKey)|\(r.period)", snapshot: snapshot) {
            guard let input = try? await services.dashboards.numbers.reportInput(kind(r.list), period: r.period, snapshot: snapshot, part: r.part, authorityName: name)
            else { return RenderedPage(title: r.list.label, content: "", period: r.period.description, hasResult: false, hasErrors: true) }
            let (title, body): (String, HTML) =
                switch r.list {
                case .daily: (DailyListReport.title(input), DailyListReport.body(input, child: FrontLinePages.childLink))
                case .weekly: (WeeklyReport.title(input), WeeklyReport.body(input))
                case .monthly: (MonthlyPack.title(input), MonthlyPack.body(input))
                }
            return RenderedPage(title: title, content: body.markup, period: input.period.description, hasResult: true, hasErrors: false)
        }
        try await services.accounts.record(
            authority: user.authority, user: user.username, action: "viewed list", target: page.title, isChildLevel: r.list == .daily)
        // Rendered from escaped fragments by the report views, cached as markup.
        return Pages.page(req, title: "\(page.title) - Lists", section: "Lists", content: FrontLinePages.lists(model(title: page.title, content: .raw(page.content))))
    }

    /// GET /lists/download?format=csv|html|pdf
    static func listsDownload(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let r = listRequest(req, snapshot: snapshot)
        guard r.isValid else { throw Abort(.badRequest, reason: r.partError ?? r.dayError) }
        let input = try await req.services.dashboards.numbers.reportInput(
            kind(r.list), period: r.period, snapshot: snapshot, part: r.part, authorityName: Pages.authorityName(user.authority, request: req))
        let (title, html): (String, HTML) =
            switch r.list {
            case .daily: (DailyListReport.title(input), DailyListReport.render(input))
            case .weekly: (WeeklyReport.title(input), WeeklyReport.render(input))
            case .monthly: (MonthlyPack.title(input), MonthlyPack.render(input))
            }
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "downloaded list", target: title, isChildLevel: r.list == .daily)
        return try await document(req, html: html, table: { ReportTables.table(r.list.rawValue, input) }, name: fileName(title))
    }

    /// A file name from a report's title: letters, digits and hyphens.
    static func fileName(_ title: String) -> String {
        let kept = title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(kept).split(separator: "-").joined(separator: "-")
    }

    /// A report as the format asked for: CSV (its main table), HTML to print, or PDF (Chromium).
    static func document(_ req: Request, html: HTML, table: () -> ExportTable, name: String) async throws -> Response {
        let format = query(req, "format")
        var headers = HTTPHeaders()
        switch format {
        case "csv":
            return try Pages.download(table(), filename: name, format: "csv")
        case "html":
            headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
            headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).html\"")
            return Response(status: .ok, headers: headers, body: .init(string: html.markup))
        case "pdf":
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oversight-pdf-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let source = folder.appendingPathComponent("report.html"), pdf = folder.appendingPathComponent("report.pdf")
            try Data(html.markup.utf8).write(to: source)
            do { try await PDFPrinter().print(html: source, to: pdf) } catch let e as PDFPrinter.Failure {
                throw Abort(.serviceUnavailable, reason: "The PDF could not be made (\(e.description)). Download it to print (HTML) instead.")
            }
            headers.replaceOrAdd(name: .contentType, value: "application/pdf")
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).pdf\"")
            return Response(status: .ok, headers: headers, body: .init(data: try Data(contentsOf: pdf)))
        default:
            throw Abort(.badRequest, reason: "Choose a format: csv, html or pdf.")
        }
    }
}

extension FrontLineController {
    /// What a Clinics request asks for, checked.
    struct ClinicRequest {
        var partKey: String
        var worker: String
        var period: Period
        var periods: [FormOption]
        var part: AuthorityNumbers.Part?
        var partError: String?
    }

    /// The twelve months to the data's last month, latest first.
    static func months(endingOn end: Day) -> [Period] {
        (0..<12).map { i in
            let start = end.startOfMonth.adding(months: -i)
            return Period(start: start, end: start.endOfMonth)!
        }
    }

    static func clinicRequest(_ req: Request, fields: [String: String]? = nil, snapshot: AuthoritySnapshot) -> ClinicRequest {
        func value(_ name: String) -> String { (fields?[name] ?? query(req, name)).trimmingCharacters(in: .whitespaces) }
        let months = months(endingOn: req.services.dashboards.defaultPeriod(snapshot).end)
        let period = Period.parse(value("period")) ?? months[0]
        let worker = value("worker")
        let key = !worker.isEmpty ? AuthorityNumbers.Part.worker(worker).key : fields != nil ? value("for") : defaultPart(req, period: period, snapshot: snapshot)
        let resolved = part(key, period: period, snapshot: snapshot, numbers: req.services.dashboards.numbers)
        return ClinicRequest(
            partKey: key, worker: worker, period: period,
            periods: months.map { FormOption(value: $0.description, label: ReportDocument.periodText($0)) }, part: resolved.part, partError: resolved.error)
    }

    /// GET /clinics
    static func clinics(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        return try await clinicPage(req, user: user, request: nil, notice: query(req, "notice") == "agreed" ? "The agreed action is in the plan" : nil)
    }

    static func clinicPage(
        _ req: Request, user: UserAccount, request fields: [String: String]?, notice: String? = nil, actionErrors: [FieldError] = [],
        newAction: ActionPages.NewAction = .init()
    ) async throws -> Response {
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let r = clinicRequest(req, fields: fields, snapshot: snapshot)
        let plan = snapshot.plan(for: r.period)
        let parts =
            [FormOption(value: "", label: "Choose a team or a service")]
            + services.dashboards.numbers.partChoices(during: r.period, snapshot: snapshot).map { FormOption(value: $0.key, label: $0.label) }
        var title = "Performance clinic"
        var content: HTML?
        if let part = r.part, r.partError == nil {
            let name = Pages.authorityName(user.authority, request: req)
            let measureQuery: [(String, String?)] =
                switch part {
                case .team(let t): [("team", t)]
                case .worker(let w): [("worker", w)]
                case .service, .unallocated: []
                }
            let page = await services.dashboards.page(authority: user.authority, key: "clinic|\(part.key)|\(r.period)", snapshot: snapshot) {
                guard let input = try? await services.dashboards.numbers.reportInput(.clinic, period: r.period, snapshot: snapshot, part: part, authorityName: name)
                else { return RenderedPage(title: title, content: "", period: r.period.description, hasResult: false, hasErrors: true) }
                let body = PerformanceClinic.body(
                    input, child: FrontLinePages.childLink,
                    measure: { id, text in
                        HTML.el("a", [("href", Query(path: SitePath.measure.link(id), [("period", r.period.description)] + measureQuery).href)], text: text)
                    })
                return RenderedPage(title: PerformanceClinic.title(input), content: body.markup, period: r.period.description, hasResult: true, hasErrors: false)
            }
            title = page.title
            content = .raw(page.content)
            try await services.accounts.record(authority: user.authority, user: user.username, action: "viewed clinic", target: page.title, isChildLevel: true)
        }
        let model = FrontLinePages.ClinicModel(
            part: r.partKey, parts: parts, worker: r.worker, period: r.period.description, periods: r.periods, partError: r.partError, title: title,
            content: content, ambitions: plan.ambitions.map { ($0.number, $0.title) }, canAgree: Access.actionUpdaters.allows(user.role),
            csrf: req.signed?.csrf ?? "", notice: notice, actionErrors: actionErrors, newAction: newAction)
        let failed = r.partError != nil || !actionErrors.isEmpty
        return Pages.page(
            req, title: (failed ? "Error: " : "") + title, section: "Clinics", content: FrontLinePages.clinics(model),
            status: r.partError != nil ? .badRequest : actionErrors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// GET /clinics/download?format=pdf|html|csv
    static func clinicsDownload(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let r = clinicRequest(req, snapshot: snapshot)
        guard let part = r.part, r.partError == nil else { throw Abort(.badRequest, reason: r.partError ?? "Choose a team, a service or a worker") }
        let input = try await req.services.dashboards.numbers.reportInput(
            .clinic, period: r.period, snapshot: snapshot, part: part, authorityName: Pages.authorityName(user.authority, request: req))
        let title = PerformanceClinic.title(input)
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "downloaded clinic", target: title, isChildLevel: true)
        return try await document(req, html: PerformanceClinic.render(input), table: { ReportTables.table("clinic", input) }, name: fileName(title))
    }

    /// POST /clinics/actions: records an action agreed at the clinic, in the action plan.
    static func agree(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let r = clinicRequest(req, fields: f, snapshot: snapshot)
        guard let part = r.part, r.partError == nil else { return try await clinicPage(req, user: user, request: f) }
        let input = ActionPages.NewAction(fields: f)
        var errors = input.errors
        let plan = snapshot.plan(for: r.period)
        let ambition = Int(f["ambition"] ?? "").flatMap { n in plan.ambitions.first { $0.number == n } }
        if ambition == nil { errors.append(FieldError(fieldID: "ambition", message: "Choose the ambition the action serves")) }
        // A clinic of the unallocated has no reference (its key names no team, service or worker).
        guard errors.isEmpty, let ambition, let clinic = ClinicRef(key: "\(part.key)|\(r.period)") else {
            return try await clinicPage(req, user: user, request: f, actionErrors: errors, newAction: input)
        }
        let created = try await req.services.store.actions(authority: user.authority, clock: req.services.clock).create(
            PlanAction(
                agreedAt: clinic, ambition: ambition.number, text: input.text, owner: input.owner, due: input.due.date, by: user.username,
                at: req.services.clock()))
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(
            authority: user.authority, user: user.username, action: "added action at clinic", target: "action \(created.id ?? 0)", isChildLevel: false)
        let back = Query(
            path: SitePath.clinics.link(), [("for", r.worker.isEmpty ? r.partKey : nil), ("worker", r.worker), ("period", r.period.description), ("notice", "agreed")])
        return req.redirect(to: back.href + "#agreed", redirectType: .normal)
    }
}

extension FrontLineController {
    /// GET /teams?on=DAY: the teams and caseloads on a day (default: the data's last day).
    static func teams(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let services = req.services
        let snapshot = try await services.dashboards.snapshot(authority: user.authority)
        let fallback = services.dashboards.defaultPeriod(snapshot).end
        let typed = query(req, "on")
        let day = typed.isEmpty ? fallback : Day.parseISO(typed)
        let numbers = services.dashboards.numbers
        guard let day else {
            let page = FrontLinePages.teams(
                day: typed, dayError: "Enter the day as a date, for example \(fallback.iso)", summary: (0, 0, 0, 0, 0), bands: [], teams: [], workers: [])
            return Pages.page(req, title: "Error: Teams and caseloads", section: "Lists", content: page, status: .badRequest)
        }
        // Made once per data version and day.
        let made = await services.dashboards.page(authority: user.authority, key: "teams|\(day.iso)", snapshot: snapshot) {
            let workers = numbers.workers(snapshot, on: day)
            let s = AuthorityNumbers.caseloadSummary(workers)
            let page = FrontLinePages.teams(
                day: day.iso, dayError: nil, summary: (s.workers, s.fte, s.children, s.perWorker, s.perFTE), bands: s.bands.map { ($0.label, $0.workers) },
                teams: numbers.teams(snapshot, on: day).map {
                    .init(
                        name: $0.name, service: $0.service, workers: $0.workers.count, children: $0.children, min: $0.caseloadMin, median: $0.caseloadMedian,
                        max: $0.caseloadMax)
                },
                workers: workers.map { .init(id: $0.id, name: $0.name, team: $0.team, fte: $0.fte, employment: $0.employment, caseload: $0.caseload) })
            return RenderedPage(title: "Teams and caseloads", content: page.markup, period: day.iso, hasResult: true, hasErrors: false)
        }
        // Rendered by FrontLinePages from escaped fragments, cached as markup.
        var page = HTML.raw(made.content)
        if Access.administrators.allows(user.role) {
            page += HTML.el(
                "p", [("class", "ov-body")],
                HTML.el("a", [("href", SitePath.organisation.link())], text: "Enter or correct a worker's spell or a child's allocation"))
        }
        return Pages.page(req, title: "Teams and caseloads", section: "Lists", content: page)
    }
}

import OversightCore

/// The web's Lists and Clinics pages: a chooser of the team, service or worker and the day or
/// period, links to download the same report, and the report's own sections (the daily list,
/// the weekly report, the monthly pack, the clinic) with children's ids linking to their
/// timelines.
public enum FrontLinePages {
    /// The lists the Lists page offers.
    public enum List: String, CaseIterable, Sendable {
        case daily, weekly, monthly
        public var label: String {
            switch self {
            case .daily: "Daily list"
            case .weekly: "Weekly report"
            case .monthly: "Monthly pack"
            }
        }
    }

    /// What the Lists page shows.
    public struct ListsModel: Sendable {
        public var list: List
        /// `team:NAME`, `service:NAME` or empty (the authority).
        public var part: String
        public var parts: [FormOption]
        /// The day typed (`yyyy-mm-dd`), as given.
        public var day: String
        public var dayError: String?
        public var partError: String?
        /// The report's title ("Daily list: Assessment team 1, 31 March 2025").
        public var title: String
        /// The report's sections, already rendered.
        public var content: HTML
        public init(list: List, part: String, parts: [FormOption], day: String, dayError: String?, partError: String?, title: String, content: HTML) {
            self.list = list; self.part = part; self.parts = parts; self.day = day; self.dayError = dayError; self.partError = partError
            self.title = title; self.content = content
        }
    }

    /// A child's id as a link to their timeline.
    public static func childLink(_ id: String) -> HTML {
        HTML.el("a", [("href", SitePath.child.link(id))], text: id)
    }

    /// The Lists page.
    public static func lists(_ m: ListsModel) -> HTML {
        var errors: [FieldError] = []
        if let e = m.partError { errors.append(FieldError(fieldID: "for", message: e)) }
        if let e = m.dayError { errors.append(FieldError(fieldID: "day", message: e)) }
        var out = ErrorSummary.render(errors)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Lists")
        out += HTML.el(
            "p", [("class", "ov-body")],
            .text("What needs doing today, the week's counts and the month's pack, for the whole authority or for one service or team. ")
                + HTML.el("a", [("href", SitePath.teams.link())], text: "See the teams and their caseloads") + .text("."))
        out += Tabs.render(
            List.allCases.map { l in
                Tabs.Tab(id: l.rawValue, label: l.label, href: Query(path: SitePath.lists.link(), [("list", l.rawValue), ("for", m.part), ("day", m.day)]).href)
            },
            selected: m.list.rawValue, label: "Lists")
        var form = FormGroup.hidden(name: "list", value: m.list.rawValue)
        form += FormGroup.select(id: "for", label: "For", options: m.parts, selected: m.part, error: m.partError)
        let dayLabel =
            switch m.list {
            case .daily: "As at the end of"
            case .weekly: "The week ending"
            case .monthly: "The month of"
            }
        form += FormGroup.date(id: "day", label: dayLabel, value: m.day, error: m.dayError)
        form += Button.render("Show", kind: .secondary)
        out += HTML.el("form", [("method", "get"), ("action", SitePath.lists.link()), ("class", "ov-no-print"), ("novalidate", "")], form)
        out += HTML.el("h2", [("class", "ov-heading-l")], text: m.title)
        out += downloads(SitePath.listsDownload.link(), [("list", m.list.rawValue), ("for", m.part), ("day", m.day)], csv: true)
        out += HTML.el("div", [("class", "ov-report")], m.content)
        return out
    }

    /// Links to download a report as PDF, print-ready HTML and (for lists) CSV.
    static func downloads(_ path: String, _ query: [(String, String)], csv: Bool) -> HTML {
        func link(_ format: String, _ text: String) -> HTML {
            HTML.el("a", [("href", Query(path: path, query + [("format", format)]).href), ("download", "")], text: text)
        }
        var items = [link("pdf", "Download as PDF"), link("html", "Download to print (HTML)")]
        if csv { items.append(link("csv", "Download as CSV")) }
        return HTML.el("ul", [("class", "ov-list ov-no-print")], items.map { HTML.el("li", [], $0) }.joined)
    }

    /// What the Clinics page shows.
    public struct ClinicModel: Sendable {
        /// `team:NAME`, `service:NAME`, `worker:ID`, or empty when none is chosen yet.
        public var part: String
        public var parts: [FormOption]
        public var worker: String
        public var period: String
        public var periods: [FormOption]
        public var partError: String?
        public var title: String
        /// The clinic's sections; nil before a team, service or worker is chosen.
        public var content: HTML?
        /// The ambitions an agreed action may belong to (number, title).
        public var ambitions: [(Int, String)]
        public var canAgree: Bool
        public var csrf: String
        public var notice: String?
        public var actionErrors: [FieldError]
        public var newAction: ActionPages.NewAction
        public init(
            part: String, parts: [FormOption], worker: String, period: String, periods: [FormOption], partError: String?, title: String, content: HTML?,
            ambitions: [(Int, String)], canAgree: Bool, csrf: String, notice: String? = nil, actionErrors: [FieldError] = [],
            newAction: ActionPages.NewAction = .init()
        ) {
            self.part = part; self.parts = parts; self.worker = worker; self.period = period; self.periods = periods; self.partError = partError
            self.title = title; self.content = content; self.ambitions = ambitions; self.canAgree = canAgree; self.csrf = csrf; self.notice = notice
            self.actionErrors = actionErrors; self.newAction = newAction
        }
    }

    /// The Clinics page.
    public static func clinics(_ m: ClinicModel) -> HTML {
        var out = ErrorSummary.render((m.partError.map { [FieldError(fieldID: "for", message: $0)] } ?? []) + m.actionErrors)
        if let n = m.notice { out += Notice.banner(.success, heading: n) }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Performance clinics")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text:
                "A team's, a service's or a worker's measures against the wider service, the month before and the plan's targets, with the children behind each number and the actions agreed."
        )
        var form = FormGroup.select(id: "for", label: "Team or service", options: m.parts, selected: m.part.hasPrefix("worker:") ? "" : m.part, error: m.partError)
        form += FormGroup.text(id: "worker", label: "Or a worker's id", hint: "For example, SW00042. A worker's id takes the place of the team.", value: m.worker)
        form += FormGroup.select(id: "period", label: "Month", options: m.periods, selected: m.period)
        form += Button.render("Show the clinic", kind: .secondary)
        out += HTML.el("form", [("method", "get"), ("action", SitePath.clinics.link()), ("class", "ov-no-print"), ("novalidate", "")], form)
        guard let content = m.content else { return out }
        out += HTML.el("h2", [("class", "ov-heading-l")], text: m.title)
        out += downloads(SitePath.clinicsDownload.link(), [("for", m.part), ("period", m.period)], csv: true)
        out += HTML.el("div", [("class", "ov-report")], content)
        guard m.canAgree else { return out }
        func error(_ f: String) -> String? { m.actionErrors.first { $0.fieldID == f }?.message }
        var add = FormGroup.hidden(name: "csrf", value: m.csrf) + FormGroup.hidden(name: "for", value: m.part) + FormGroup.hidden(name: "period", value: m.period)
        add += FormGroup.textarea(id: "text", label: "What was agreed?", value: m.newAction.text, error: error("text"), rows: 3)
        add += FormGroup.text(id: "owner", label: "Who owns it?", hint: "A person's name or a role.", value: m.newAction.owner, error: error("owner"))
        add += FormGroup.dateParts(id: "due", legend: "When is it due?", hint: "For example, 30 4 2025.", value: m.newAction.due, error: error("due-day"))
        add += FormGroup.select(
            id: "ambition", label: "Which ambition of the plan does it serve?", options: m.ambitions.map { FormOption(value: String($0.0), label: "\($0.0). \($0.1)") },
            selected: nil)
        add += Button.render("Add the agreed action")
        out += HTML.el("h2", [("class", "ov-heading-m ov-no-print")], text: "Record an action agreed at this clinic")
        out += HTML.el(
            "p", [("class", "ov-body ov-no-print")], text: "It goes into the action plan under its ambition, and appears again at this team's next clinic.")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.clinicActions.link()), ("class", "ov-no-print"), ("novalidate", "")], add)
        return out
    }
}

extension FrontLinePages {
    /// One team's line on the Teams page.
    public struct TeamLine: Sendable {
        public var name: String
        public var service: String?
        public var workers: Int
        public var children: Int
        public var min: Int
        public var median: Double
        public var max: Int
        public init(name: String, service: String?, workers: Int, children: Int, min: Int, median: Double, max: Int) {
            self.name = name; self.service = service; self.workers = workers; self.children = children; self.min = min; self.median = median; self.max = max
        }
    }

    /// One worker's line.
    public struct WorkerLine: Sendable {
        public var id: String
        public var name: String?
        public var team: String
        public var fte: Double?
        public var employment: String?
        public var caseload: Int
        public init(id: String, name: String?, team: String, fte: Double?, employment: String?, caseload: Int) {
            self.id = id; self.name = name; self.team = team; self.fte = fte; self.employment = employment; self.caseload = caseload
        }
    }

    /// The Teams page: the authority's caseloads on a day (per worker and per FTE, and how many
    /// workers hold how many children), each team with its caseloads' spread and links to its
    /// lists and clinic, and each worker's caseload.
    public static func teams(
        day: String, dayError: String?, summary: (workers: Int, fte: Double, children: Int, perWorker: Double, perFTE: Double), bands: [(String, Int)],
        teams: [TeamLine], workers: [WorkerLine]
    ) -> HTML {
        var out = ErrorSummary.render(dayError.map { [FieldError(fieldID: "on", message: $0)] } ?? [])
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Teams and caseloads")
        let form = FormGroup.date(id: "on", label: "On", value: day, error: dayError) + Button.render("Show", kind: .secondary)
        out += HTML.el("form", [("method", "get"), ("action", SitePath.teams.link()), ("class", "ov-no-print"), ("novalidate", "")], form)
        guard dayError == nil else { return out }
        func one(_ v: Double) -> String { String(format: "%.1f", v) }
        out += SummaryList.render([
            .init("Workers in a team", text: "\(summary.workers) (\(one(summary.fte)) FTE)"),
            .init("Children they hold", text: String(summary.children)),
            .init("Children per worker", text: one(summary.perWorker)),
            .init("Children per FTE", text: one(summary.perFTE)),
        ])
        out += HTML.el("h2", [("class", "ov-heading-m")], text: "How many children each worker holds")
        out += DataTable(
            caption: "Workers by caseload", isCaptionVisible: false,
            columns: [.init("band", "Children held"), .init("workers", "Workers", isNumeric: true)],
            rows: bands.map { [.text($0.0), .text(String($0.1))] }
        ).render()
        out += HTML.el("h2", [("class", "ov-heading-m")], text: "Teams")
        out += DataTable(
            caption: "Teams", isCaptionVisible: false,
            columns: [
                .init("team", "Team"), .init("service", "Service"), .init("workers", "Workers", isNumeric: true), .init("children", "Children", isNumeric: true),
                .init("min", "Fewest", isNumeric: true), .init("median", "Median", isNumeric: true), .init("max", "Most", isNumeric: true), .init("links", "See"),
            ],
            rows: teams.map { t in
                let key = "team:\(t.name)"
                let links =
                    HTML.el("a", [("href", Query(path: SitePath.lists.link(), [("for", key), ("day", day)]).href)], text: "Daily list")
                    + .text(", ") + HTML.el("a", [("href", Query(path: SitePath.clinics.link(), [("for", key)]).href)], text: "Clinic")
                return [
                    .text(t.name), .text(t.service ?? "–"), .text(String(t.workers)), .text(String(t.children)), .text(String(t.min)), .text(one(t.median)),
                    .text(String(t.max)), links,
                ]
            }, emptyMessage: "No team has a worker on this day: load a workers file (docs/formats.md)."
        ).render()
        out += HTML.el("h2", [("class", "ov-heading-m")], text: "Workers")
        out += DataTable(
            caption: "Workers", isCaptionVisible: false,
            columns: [
                .init("worker", "Worker"), .init("name", "Name"), .init("team", "Team"), .init("fte", "FTE", isNumeric: true), .init("employment", "Employed or agency"),
                .init("caseload", "Children held", isNumeric: true),
            ],
            rows: workers.map { w in
                [
                    HTML.el("a", [("href", Query(path: SitePath.clinics.link(), [("worker", w.id)]).href)], text: w.id), .text(w.name ?? "–"), .text(w.team),
                    .text(w.fte.map { one($0) } ?? "–"), .text(w.employment ?? "–"), .text(String(w.caseload)),
                ]
            }, emptyMessage: "No worker in a team on this day."
        ).render()
        return out
    }
}

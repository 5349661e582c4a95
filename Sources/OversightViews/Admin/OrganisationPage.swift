import Foundation
import OversightCore

/// "The organisation" for administrators: enter or correct a worker's spell in a team and a
/// child's allocation (each imported as a one-row local file, `OrganisationEdit`), the workers'
/// spells as stored, and one child's allocations.
public enum OrganisationPage {
    /// A form's values and errors, by field name (`worker_id`, `team`, `start_date`, ...).
    public struct Form: Sendable {
        public var values: [String: String]
        public var errors: [String: String]
        public init(values: [String: String] = [:], errors: [String: String] = [:]) { self.values = values; self.errors = errors }
    }

    public struct Model: Sendable {
        public var workers: [WorkerRecord]
        public var worker = Form()
        public var allocation = Form()
        /// The child looked up, and their allocations.
        public var child = ""
        public var childAllocations: [Allocation] = []
        /// A refusal of the whole entry (the import's checks), shown above the forms.
        public var refusal: String?
        /// `worker` or `allocation` after a saved entry.
        public var notice: String?
        public var csrf: String
        public init(workers: [WorkerRecord], csrf: String) { self.workers = workers; self.csrf = csrf }
    }

    static let workerFields: [(name: String, label: String, hint: String?)] = [
        ("worker_id", "Worker id", "As the SSDA903 social worker episodes and the supervision file name them"),
        ("name", "Name", nil), ("role", "Role", "For example, Social worker, Team manager"),
        ("fte", "Full-time equivalent", "From 0.01 to 1.5; 1 is full time"),
        ("team", "Team", nil), ("service", "Service", nil),
        ("start_date", "First day in the team", "For example, 2025-04-01"),
        ("leave_date", "Last day in the team", "Leave blank while they are in it"),
    ]
    static let allocationFields: [(name: String, label: String, hint: String?)] = [
        ("child_id", "Child id", "As the returns name the child"), ("worker_id", "Worker id", nil),
        ("from_date", "First day of the allocation", "For example, 2025-04-01"),
        ("to_date", "Last day of the allocation", "Leave blank while it lasts"),
    ]

    public static func render(_ m: Model) -> HTML {
        var out = HTML.empty
        var summary: [FieldError] = []
        for (f, prefix, fields) in [(m.worker, "w-", workerFields), (m.allocation, "a-", allocationFields)] {
            for field in fields { if let e = f.errors[field.name] { summary.append(FieldError(fieldID: prefix + field.name, message: e)) } }
            if let e = f.errors["employment"], prefix == "w-" { summary.append(FieldError(fieldID: "w-employment", message: e)) }
        }
        out += ErrorSummary.render(summary)
        if let notice = m.notice {
            out += Notice.banner(.success, heading: notice == "worker" ? "The worker's spell is saved" : "The allocation is saved")
        }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "The organisation")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text:
                "Enter or correct one worker's spell in a team, or one child's allocation. Each entry is imported like a workers or allocations file (docs/formats.md): it passes the same checks, is kept in the import history under your name, and can be undone there. A spell with the same worker, team and first day replaces the stored one (to give a leave date, or correct the other details); an allocation of the same child from the same first day replaces the stored one."
        )
        if let refusal = m.refusal { out += Notice.inset(text: refusal) }

        func form(_ title: String, _ action: String, _ prefix: String, _ fields: [(name: String, label: String, hint: String?)], _ f: Form, extra: HTML)
            -> HTML
        {
            var body = FormGroup.hidden(name: "csrf", value: m.csrf)
            for field in fields {
                body += FormGroup.text(
                    id: prefix + field.name, name: field.name, label: field.label, hint: field.hint, value: f.values[field.name] ?? "",
                    error: f.errors[field.name])
                if field.name == "fte" { body += extra }
            }
            body += Button.render(title == "A worker's spell in a team" ? "Save the spell" : "Save the allocation")
            return HTML.el("h2", [("class", "ov-heading-l")], text: title)
                + HTML.el("form", [("method", "post"), ("action", action), ("novalidate", "novalidate")], body)
        }
        let employment = FormGroup.select(
            id: "w-employment", name: "employment", label: "Employment",
            options: [FormOption(value: "", label: "Not known"), FormOption(value: "employed", label: "Employed"), FormOption(value: "agency", label: "Agency")],
            selected: m.worker.values["employment"] ?? "", error: m.worker.errors["employment"])
        out += form("A worker's spell in a team", SitePath.organisationWorkers.link(), "w-", workerFields, m.worker, extra: employment)
        out += form("A child's allocation", SitePath.organisationAllocations.link(), "a-", allocationFields, m.allocation, extra: .empty)

        out += HTML.el("h2", [("class", "ov-heading-l")], text: "A child's allocations")
        out += HTML.el(
            "form", [("method", "get"), ("action", SitePath.organisation.link()), ("class", "ov-period-form")],
            FormGroup.text(id: "child", label: "Child id", value: m.child) + Button.render("Show", kind: .secondary))
        if !m.child.isEmpty {
            out += DataTable(
                caption: "Allocations of \(m.child)", isCaptionVisible: false,
                columns: [.init("worker", "Worker"), .init("from", "From"), .init("to", "To")],
                rows: m.childAllocations.sorted { ($0.from.day?.iso ?? "") < ($1.from.day?.iso ?? "") }.map { a in
                    [.text(a.worker), .text(a.from.day.map(Format.date) ?? "-"), .text(a.to.day.map(Format.date) ?? "Still allocated")]
                }, emptyMessage: "No allocation of \(m.child) is stored."
            ).render()
        }

        out += HTML.el("h2", [("class", "ov-heading-l")], text: "Workers' spells in teams (\(m.workers.count))")
        let rows: [[HTML]] = m.workers.sorted { ($0.service ?? "", $0.team, $0.id, $0.start.day?.iso ?? "") < ($1.service ?? "", $1.team, $1.id, $1.start.day?.iso ?? "") }
            .map { w in
                [
                    .text(w.id), .text(w.name ?? "-"), .text(w.role ?? "-"), .text(w.fte.map { String(format: "%.2f", $0) } ?? "-"),
                    .text(w.employment ?? "-"), .text(w.team), .text(w.service ?? "-"), .text(w.start.day.map(Format.date) ?? "-"),
                    .text(w.leave.day.map(Format.date) ?? "In the team"),
                ]
            }
        out += DataTable(
            caption: "Workers' spells", isCaptionVisible: false,
            columns: [
                .init("id", "Worker"), .init("name", "Name"), .init("role", "Role"), .init("fte", "FTE", isNumeric: true), .init("employment", "Employment"),
                .init("team", "Team"), .init("service", "Service"), .init("start", "From"), .init("leave", "To"),
            ], rows: rows, emptyMessage: "No workers are stored: upload a workers file, or enter a spell above."
        ).render()
        return out
    }
}

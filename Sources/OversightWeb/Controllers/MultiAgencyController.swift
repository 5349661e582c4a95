import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// Starting a multi-agency audit: a child's case, a lead auditor, and a partner auditor for each
/// agency's section (police, health, education, early help).
enum MultiAgencyController {
    /// The roles that may lead a multi-agency audit.
    static let leadRoles: Set<Role> = [.manager, .auditor, .moderator]

    /// GET /audits/multi-agency
    static func form(_ req: Request) async throws -> Response {
        try await page(req, values: [:], errors: [], notice: nil)
    }

    static func page(_ req: Request, values: [String: String], errors: [FieldError], notice: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser
        let users = try await req.services.accounts.users(authority: user.authority).filter { !$0.isDisabled }
        func error(_ id: String) -> String? { errors.first { $0.fieldID == id }?.message }
        var out = ErrorSummary.render(errors)
        if let notice { out += Notice.banner(.success, heading: notice) }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Start a multi-agency audit")
        var form = FormGroup.hidden(name: "csrf", value: req.signed?.csrf ?? "")
        form += FormGroup.text(id: "child", label: "Child's id", hint: "As in the CIN census (LAchildID)", value: values["child"] ?? "", error: error("child"), width: "10")
        form += FormGroup.select(
            id: "auditor", label: "Lead auditor",
            options: [FormOption(value: "", label: "Choose")]
                + users.filter { leadRoles.contains($0.role) }
                .map { FormOption(value: $0.username, label: "\($0.displayName) (\($0.username))") },
            selected: values["auditor"] ?? "", error: error("auditor"))
        for agency in PartnerAgency.allCases {
            let partners = users.filter { $0.role == .partnerAuditor && $0.agency == agency.rawValue }
            form += FormGroup.select(
                id: "partner-\(agency.rawValue)", label: "\(agency.title) section",
                options: [FormOption(value: "", label: "No partner auditor")] + partners.map { FormOption(value: $0.username, label: "\($0.displayName) (\($0.username))") },
                selected: values["partner-\(agency.rawValue)"] ?? "", error: error("partner-\(agency.rawValue)"))
        }
        form += FormGroup.text(id: "due", label: "Due date", hint: "For example, 2025-05-30", value: values["due"] ?? "", error: error("due"), width: "10")
        form += Button.render("Start the audit")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.multiAgency.link()), ("novalidate", "")], form)
        return Pages.page(
            req, title: errors.isEmpty ? "Multi-agency audit" : "Error: Multi-agency audit", section: "Audits", content: out,
            breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)], status: status)
    }

    /// POST /audits/multi-agency
    static func start(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = (try? req.content.decode([String: String].self)) ?? [:]
        var errors: [FieldError] = []
        let childID = (f["child"] ?? "").trimmingCharacters(in: .whitespaces)
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let child = ChildID(childID)
        if childID.isEmpty {
            errors.append(FieldError(fieldID: "child", message: "Enter the child's id"))
        } else if snapshot.engine.data.cinChildren[child] == nil && snapshot.engine.data.claHeaders[child] == nil {
            errors.append(FieldError(fieldID: "child", message: "There is no child \(childID) in the data loaded"))
        }
        // Only the authority's own enabled users: a lead who may audit, and for each agency's section
        // a partner auditor of that agency (the form offers no others; a forged form gets no further).
        let users = Dictionary(
            try await req.services.accounts.users(authority: user.authority).filter { !$0.isDisabled }.map { ($0.username, $0) },
            uniquingKeysWith: { a, _ in a })
        let auditor = (f["auditor"] ?? "").lowercased()
        if auditor.isEmpty {
            errors.append(FieldError(fieldID: "auditor", message: "Choose the lead auditor"))
        } else if users[auditor].map({ leadRoles.contains($0.role) }) != true {
            errors.append(FieldError(fieldID: "auditor", message: "Choose the lead auditor from the list: a manager, auditor or moderator of this authority"))
        }
        let due = Day.parseISO(Substring(f["due"] ?? ""))
        if due == nil { errors.append(FieldError(fieldID: "due", message: "Enter the due date as YYYY-MM-DD")) }
        var partners: [PartnerAgency: String] = [:]
        for agency in PartnerAgency.allCases {
            guard let p = f["partner-\(agency.rawValue)"]?.lowercased(), !p.isEmpty else { continue }
            if let partner = users[p], partner.role == .partnerAuditor, partner.agency == agency.rawValue {
                partners[agency] = p
            } else {
                errors.append(
                    FieldError(
                        fieldID: "partner-\(agency.rawValue)",
                        message: "Choose the \(agency.title.lowercased()) section's auditor from the list: a partner auditor of \(agency.title.lowercased()) in this authority"))
            }
        }
        guard errors.isEmpty, let due else { return try await page(req, values: f, errors: errors, notice: nil, status: .unprocessableEntity) }
        let repo = req.services.store.audits(clock: req.services.clock)
        if try await repo.latestTemplates(authority: user.authority).isEmpty { _ = try await repo.installShippedTemplates(authority: user.authority, by: user.username) }
        let caseKind: CaseKind = snapshot.engine.data.claHeaders[child] != nil ? .cla : .cin
        let audit = try await repo.assign(
            templateID: "multi-agency", subject: .child(child), caseKind: caseKind, team: nil, auditor: auditor,
            partnerAuditors: partners, due: due, authority: user.authority, by: user.username)
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "started multi-agency audit", target: audit.id.rawValue, isChildLevel: true)
        return try await page(req, values: [:], errors: [], notice: "The audit is assigned to \(auditor)" + (partners.isEmpty ? "" : " and \(partners.count) partner auditors"))
    }
}

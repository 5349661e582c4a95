import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// The quality assurance programme: my audits, the audit form, moderation, rounds, learning.
enum QAController {
    static func auditPath(_ id: AuditID) -> String { SitePath.audit.link(id.rawValue) }
    static func moderatePath(_ id: AuditID) -> String { SitePath.moderate.link(id.rawValue) }

    /// The links under "My audits", each shown to the roles its route admits.
    static let hubLinks: [RouteLink] = [
        RouteLink("Moderation queue", route: "moderation"),
        RouteLink("Audit alerts and overdue audits", route: "audit-alerts"),
        RouteLink("Audit rounds", route: "rounds"),
        RouteLink("Supervision sessions", route: "supervision"),
        RouteLink("Start a multi-agency audit", route: "multi-agency"),
        RouteLink("Download every audit as CSV", route: "audits-csv"),
        RouteLink("Download every audit as an Excel workbook", route: "audits-xlsx"),
        RouteLink("What we learned", route: "learning"),
    ]

    static func today(_ req: Request) -> Day { Day(req.services.clock()) }

    static func formFields(_ req: Request) -> [String: String] {
        (try? req.content.decode([String: String].self)) ?? [:]
    }

    /// The audit named in the path, when it belongs to the user's authority.
    static func audit(_ req: Request) async throws -> (Audit, AuditTemplate) {
        let user = try req.requireUser
        guard let raw = req.parameters.get("id"), let audit = try await req.services.store.audits().audit(AuditID(raw), authority: user.authority) else {
            throw Abort(.notFound)
        }
        let template = try await req.services.store.audits().template(of: audit, authority: user.authority)
        return (audit, template)
    }

    /// The agencies whose sections a partner auditor completes on this audit; nil for the audit's own auditor.
    static func agencies(of user: UserAccount, on audit: Audit) throws -> Set<PartnerAgency>? {
        if audit.auditor == user.username { return nil }
        let mine = Set(audit.partnerAuditors.filter { $0.value == user.username }.map(\.key))
        guard !mine.isEmpty else { throw Abort(.forbidden) }
        return mine
    }

    /// GET /audits: the audits assigned to the user, drafts and due dates.
    static func mine(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let audits = try await req.services.store.audits().myAudits(user: user.username, authority: user.authority)
        var content = MyAuditsPage.render(audits: audits, today: today(req), auditPath: auditPath)
        if (try? req.query.get(String.self, at: "notice")) == "submitted" {
            content = Notice.banner(.success, heading: "Your audit was submitted") + content
        }
        if (try? req.query.get(String.self, at: "notice")) == "section" {
            content = Notice.banner(.success, heading: "Your section was submitted", body: .text("The lead auditor completes the audit.")) + content
        }
        let links = RouteLink.offered(Self.hubLinks, to: user.role)
        if !links.isEmpty {
            content += HTML.el("ul", [("class", "ov-list")], links.map { HTML.el("li", [], HTML.el("a", [("href", $0.href)], text: $0.label)) }.joined)
        }
        return Pages.page(req, title: "My audits", section: "Audits", content: content)
    }

    /// GET /audits/:id: the audit form (the assigned auditor, or a partner auditor for their agency's sections).
    static func form(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (audit, template) = try await audit(req)
        let sections = try agencies(of: user, on: audit)
        if audit.status.isSubmitted && sections == nil { return req.redirect(to: AuditReviewController.reviewPath(audit.id)) }
        if audit.subject.child != nil {
            try await req.services.accounts.record(authority: user.authority, user: user.username, action: "opened audit", target: audit.id.rawValue, isChildLevel: true)
        }
        let content = AuditFormPage.render(audit: audit, template: template, csrf: req.signed?.csrf ?? "", action: auditPath(audit.id), agencies: sections)
        return Pages.page(req, title: template.title, section: "Audits", content: content, breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)])
    }

    /// POST /audits/:id: saves a draft, or submits; a submission with required answers missing
    /// comes back with an error summary linking to each question, the answers kept.
    static func save(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (audit, template) = try await audit(req)
        let sections = try agencies(of: user, on: audit)
        let submission = AuditFormPage.read(formFields(req), template: template)
        let repo = req.services.store.audits(clock: req.services.clock)
        do {
            var saved = try await repo.saveDraft(
                audit.id, answers: submission.answers, grade: sections == nil ? submission.grade : nil,
                gradeRationale: sections == nil ? submission.gradeRationale : nil,
                learningThemes: sections == nil ? submission.learningThemes : nil,
                strengths: sections == nil ? submission.strengths : nil,
                areasForDevelopment: sections == nil ? submission.areasForDevelopment : nil,
                authority: user.authority, by: user.username)
            if submission.intent == "submit" {
                do {
                    if sections == nil {
                        let before = saved
                        saved = try await repo.submit(audit.id, authority: user.authority, by: user.username)
                        await AuditAlertController.mailIfNew(saved, before: before, req)
                    } else {
                        // A partner auditor submits their agency's section; the lead auditor submits the audit.
                        saved = try await repo.submitSections(audit.id, authority: user.authority, by: user.username)
                        try await req.services.accounts.record(
                            authority: user.authority, user: user.username, action: "submitted audit section", target: audit.id.rawValue, isChildLevel: false)
                        return req.redirect(to: SiteURL.audits + "?notice=section", redirectType: .normal)
                    }
                } catch AuditWorkflowError.missingAnswers(_, let missing) {
                    let content = AuditFormPage.render(
                        audit: saved, template: template, missing: missing, csrf: req.signed?.csrf ?? "",
                        action: auditPath(audit.id), agencies: sections)
                    return Pages.page(
                        req, title: ErrorSummary.title(template.title, hasErrors: true), section: "Audits", content: content,
                        breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)], status: .unprocessableEntity)
                }
                await req.services.dashboards.invalidate(authority: user.authority)
                try await req.services.accounts.record(authority: user.authority, user: user.username, action: "submitted audit", target: audit.id.rawValue, isChildLevel: false)
                return req.redirect(to: SiteURL.audits + "?notice=submitted", redirectType: .normal)
            }
            try await req.services.accounts.record(authority: user.authority, user: user.username, action: "saved audit draft", target: audit.id.rawValue, isChildLevel: false)
            let content =
                Notice.banner(.success, heading: "Your draft is saved")
                + AuditFormPage.render(audit: saved, template: template, csrf: req.signed?.csrf ?? "", action: auditPath(audit.id), agencies: sections)
            return Pages.page(req, title: template.title, section: "Audits", content: content, breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)])
        } catch let e as AuditWorkflowError {
            throw Abort(.unprocessableEntity, reason: plain(e))
        }
    }

    /// GET /audits/moderation: audits awaiting moderation, without the user's own.
    static func queue(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let audits = try await req.services.store.audits().moderationQueue(authority: user.authority, excludingAuditor: user.username)
        return Pages.page(
            req, title: "Moderation", section: "Audits", content: ModerationQueuePage.render(audits: audits, moderatePath: moderatePath),
            breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)])
    }

    /// GET /audits/:id/moderate
    static func moderationForm(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (audit, template) = try await audit(req)
        guard audit.auditor != user.username else { throw Abort(.forbidden, reason: "You did this audit, so another moderator must moderate it.") }
        let content = ModerationFormPage.render(
            audit: audit, template: template, csrf: req.signed?.csrf ?? "", action: moderatePath(audit.id), names: try await displayNames(req, user))
        return Pages.page(req, title: "Moderate", section: "Audits", content: content, breadcrumbs: [Breadcrumb("Moderation", href: SitePath.moderation.link())])
    }

    /// The authority's users' display names by username.
    static func displayNames(_ req: Request, _ user: UserAccount) async throws -> [String: String] {
        Dictionary(try await req.services.accounts.users(authority: user.authority).map { ($0.username, $0.displayName) }) { a, _ in a }
    }

    /// POST /audits/:id/moderate
    static func moderate(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let (audit, template) = try await audit(req)
        guard audit.auditor != user.username else { throw Abort(.forbidden, reason: "You did this audit, so another moderator must moderate it.") }
        let fields = formFields(req)
        let grade = fields["grade"].flatMap(Grade.init(rawValue:))
        let rationale = fields["rationale"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [ModerationFormPage.FieldError] = []
        if grade == nil { errors.append(.gradeMissing) }
        if let grade, grade != audit.grade, (rationale ?? "").isEmpty { errors.append(.rationaleMissing) }
        if !errors.isEmpty {
            let content = ModerationFormPage.render(
                audit: audit, template: template, errors: errors, chosen: (grade, rationale),
                csrf: req.signed?.csrf ?? "", action: moderatePath(audit.id), names: try await displayNames(req, user))
            return Pages.page(req, title: "Error: Moderate", section: "Audits", content: content, status: .unprocessableEntity)
        }
        do {
            let moderated = try await req.services.store.audits(clock: req.services.clock).moderate(
                audit.id, grade: grade!, rationale: (rationale ?? "").isEmpty ? nil : rationale,
                authority: user.authority, by: user.username)
            await AuditAlertController.mailIfNew(moderated, before: audit, req)
        } catch let e as AuditWorkflowError {
            throw Abort(.unprocessableEntity, reason: plain(e))
        }
        await req.services.dashboards.invalidate(authority: user.authority)
        try await req.services.accounts.record(authority: user.authority, user: user.username, action: "moderated audit", target: audit.id.rawValue, isChildLevel: false)
        return req.redirect(to: SitePath.moderation.link(), redirectType: .normal)
    }

    /// GET /audits/rounds
    static func rounds(_ req: Request) async throws -> Response {
        try await roundsPage(req, errors: [:], values: [:], status: .ok)
    }

    static func roundsPage(_ req: Request, errors: [String: String], values: [String: String], status: HTTPResponseStatus) async throws -> Response {
        let user = try req.requireUser
        let repo = req.services.store.audits()
        var templates = try await repo.latestTemplates(authority: user.authority)
        if templates.isEmpty { templates = try await repo.installShippedTemplates(authority: user.authority, by: user.username) }
        let rounds = try await repo.rounds(authority: user.authority)
        var byRound: [String: [Audit]] = [:]
        for r in rounds { byRound[r.id] = try await repo.audits(round: r.id, authority: user.authority) }
        // The teams of the organisation files in the last year (a team round samples its real
        // caseload), and any team earlier audits named.
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let year = Period(start: today(req).adding(years: -1).adding(days: 1), end: today(req))!
        let organised = req.services.dashboards.numbers.organisation(snapshot).names(during: year).teams
        let teams = Array(organised.union(try await repo.allAudits(authority: user.authority).compactMap(\.team))).sorted()
        let content = RoundsPage.render(
            rounds: rounds, auditsByRound: byRound, templates: templates.filter { $0.type != .multiAgency }, teams: teams,
            today: today(req), errors: errors, values: values, csrf: req.signed?.csrf ?? "", action: SitePath.rounds.link(),
            roundPath: { SitePath.round.link($0) })
        return Pages.page(
            req, title: errors.isEmpty ? "Audit rounds" : "Error: Audit rounds", section: "Audits", content: content,
            breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)], status: status)
    }

    /// GET /audits/rounds/:id: one round, its progress and its audits.
    static func round(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let repo = req.services.store.audits()
        guard let id = req.parameters.get("id"), let round = try await repo.round(id, authority: user.authority) else { throw Abort(.notFound) }
        let audits = try await repo.audits(round: round.id, authority: user.authority)
        let content = RoundPage.render(
            round: round, audits: audits, today: today(req), auditPath: { SitePath.audit.link($0.rawValue) }, names: try await displayNames(req, user))
        return Pages.page(
            req, title: round.name, section: "Audits", content: content,
            breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits), Breadcrumb("Audit rounds", href: SitePath.rounds.link())])
    }

    /// POST /audits/rounds: a new round, its sample drawn at random and assigned to the authority's auditors.
    static func createRound(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let f = formFields(req)
        var errors: [String: String] = [:]
        let name = (f["name"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = "Enter a name for the round" }
        let month = Period.parse(f["month"] ?? "")
        if month == nil || (f["month"] ?? "").count != 7 { errors["month"] = "Enter the month as YYYY-MM, for example 2025-03" }
        let templateID = f["template"] ?? ""
        if templateID.isEmpty { errors["template"] = "Choose a template" }
        let cohort = CohortRule(stored: f["cohort"] ?? "")
        if cohort == nil { errors["cohort"] = "Choose a cohort" }
        let size = Int(f["sample-size"] ?? "")
        if size == nil || size! < 1 || size! > 500 { errors["sample-size"] = "Enter a sample size from 1 to 500" }
        let due = Day.parseISO(Substring(f["due-date"] ?? ""))
        if due == nil { errors["due-date"] = "Enter the due date as YYYY-MM-DD" }
        let rate = Int(f["moderation-rate"] ?? "")
        if rate == nil || !(0...100).contains(rate!) { errors["moderation-rate"] = "Enter a moderation rate from 0 to 100" }
        guard errors.isEmpty, let month, let cohort, let size, let due, let rate else {
            return try await roundsPage(req, errors: errors, values: f, status: .unprocessableEntity)
        }
        let repo = req.services.store.audits(clock: req.services.clock)
        let templates = try await repo.latestTemplates(authority: user.authority)
        let type = templates.first { $0.id == templateID }?.type ?? .caseFile
        let auditors = try await req.services.accounts.users(authority: user.authority)
            .filter { !$0.isDisabled && [.auditor, .manager].contains($0.role) }.map(\.username)
        let snapshot = try await req.services.dashboards.snapshot(authority: user.authority)
        let draft = AuditRound(
            id: "", name: name, month: month, type: type, cohort: cohort, cohortDay: month.end, sampleSize: size,
            seed: UInt64(abs(name.hashValue) % 1_000_000), moderationRatePercent: rate, dueDate: due, templateID: templateID)
        do {
            let made = try await repo.createRound(draft, data: snapshot.engine.data, auditors: auditors, authority: user.authority, by: user.username)
            await req.services.dashboards.invalidate(authority: user.authority)
            try await req.services.accounts.record(
                authority: user.authority, user: user.username, action: "created audit round",
                target: "\(name): \(made.audits.count) audits", isChildLevel: false)
        } catch let e as StoreError {
            errors["name"] = e.description.prefix(1).uppercased() + e.description.dropFirst()
            return try await roundsPage(req, errors: errors, values: f, status: .unprocessableEntity)
        }
        return req.redirect(to: SitePath.rounds.link(), redirectType: .normal)
    }

    /// GET /audits/learning: grades by team and theme, moderation agreement, strengths, areas for
    /// development and outstanding actions for a period (default: the 12 months to today).
    static func learning(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let day = today(req)
        let (period, options) = try await learningPeriods(req, user: user, today: day)
        let summary = try await req.services.store.audits().learningSummary(period: period, reportDate: day, authority: user.authority)
        let chooser = PeriodChooser.render(action: SitePath.learning.link(), options: options, selected: period.description)
        return Pages.page(
            req, title: "What we learned", section: "Audits",
            content: chooser + LearningPage.render(summary: summary, exportPath: SitePath.learningText.link() + "?period=" + period.description),
            breadcrumbs: [Breadcrumb("My audits", href: SiteURL.audits)])
    }

    /// The learning page's period (asked for, or the 12 months to the end of the month of the
    /// latest submitted audit, so the page shows the audits there are whatever today's date) and
    /// the periods it offers: those 12 months and each reporting year with submitted audits.
    static func learningPeriods(_ req: Request, user: UserAccount, today: Day) async throws -> (Period, [FormOption]) {
        let submitted = try await req.services.store.audits().allAudits(authority: user.authority).compactMap(\.submittedAt).map { Day($0) }
        let latest = min(submitted.max() ?? today, today)
        let recent = Period.rolling12Months(endingOn: latest.endOfMonth > today ? today : latest.endOfMonth)
        let years = Set(submitted.map(\.collectionYear)).sorted(by: >)
        var periods = [recent] + years.map { Period.reportingYear($0) }
        let period = try req.requestedPeriod() ?? recent
        if !periods.contains(period) { periods.insert(period, at: 0) }
        return (period, periods.map { FormOption(value: $0.description, label: $0 == recent ? "12 months to \(Format.month(latest))" : Format.period($0)) })
    }

    /// A workflow refusal in plain words, without the audit's internal id.
    static func plain(_ e: AuditWorkflowError) -> String {
        let text = e.description
        guard let colon = text.firstIndex(of: ":") else { return text }
        let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return rest.prefix(1).uppercased() + rest.dropFirst() + "."
    }
}

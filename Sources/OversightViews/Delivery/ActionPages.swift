import Foundation
import OversightCore

/// The pages of the plan's actions: a summary card per action on the ambition's Actions tab, an
/// action's own page (its updates and the history of every change), and the two-step forms that
/// update its progress or change its owner or due date, each ending in a check-answers page.
public enum ActionPages {
    /// The field a change page edits.
    public enum Field: String, Sendable, CaseIterable {
        case owner, due

        /// The question the change page asks.
        public var question: String { self == .owner ? "Who owns this action?" : "When is this action due?" }
        /// The field's name in a summary list.
        public var label: String { self == .owner ? "Owner" : "Due date" }
    }

    /// The action's status and whether it is overdue, as tags: the RAG of the action.
    public static func statusTags(_ a: PlanAction, today: Day) -> HTML {
        var h = StatusTag.render(a.status.label, colour: colour(a.status))
        if a.isOverdue(on: today) { h += .text(" ") + StatusTag.render("Overdue", colour: .red) }
        return h
    }

    /// The action's RAG as a tag ("Red", "Amber", "Green", "Not rated").
    public static func ragTag(_ a: PlanAction, today: Day) -> HTML {
        let rag = a.rag(on: today)
        let colour: StatusTag.Colour =
            switch rag {
            case .red: .red
            case .amber: .amber
            case .green: .green
            case .grey: .grey
            }
        return StatusTag.render(rag.words, colour: colour)
    }

    static func colour(_ s: ActionStatus) -> StatusTag.Colour {
        switch s {
        case .complete, .onTrack: return .green
        case .atRisk: return .amber
        case .offTrack: return .red
        case .notStarted, .closed: return .grey
        }
    }

    /// "3 May 2025, by j.smith: Front door review done."
    public static func latestUpdateWords(_ a: PlanAction) -> String {
        guard let u = a.latestUpdate else { return "No update yet" }
        return "\(Format.timestamp(u.at)), by \(u.by): \(u.text.isEmpty ? u.evidence : u.text)"
    }

    /// The Actions tab: a card per action. `canUpdate` adds the links that update and change it.
    /// With `csrf`, those who change actions get "Move up" and "Move down" under each card.
    public static func cards(_ actions: [PlanAction], today: Day, canUpdate: Bool, ambition: Int? = nil, csrf: String? = nil) -> HTML {
        let add: HTML =
            canUpdate && ambition != nil
            ? HTML.el("p", [("class", "ov-body ov-no-print")], Button.link("Add an action", href: SitePath.planAmbitionActions.link(String(ambition!)), kind: .secondary))
            : .empty
        guard !actions.isEmpty else { return add + HTML.el("p", [("class", "ov-body")], text: "No actions are tracked for this ambition yet.") }
        let overdue = actions.filter { $0.isOverdue(on: today) }.count
        var out = HTML.el(
            "p", [("class", "ov-body")],
            text: "\(Format.counted(actions.count, "action", "actions")): "
                + ActionStatus.allCases.compactMap { s in
                    let n = actions.filter { $0.status == s }.count
                    return n == 0 ? nil : "\(n) \(s.label.lowercased())"
                }.joined(separator: ", ") + (overdue == 0 ? "." : "; \(overdue) overdue."))
        out += add
        for a in actions {
            guard let id = a.id else { continue }
            let links: [SummaryCard.Link] =
                canUpdate
                ? [
                    .init("Update progress", href: SitePath.planActionUpdate.link(String(id)), hiddenSuffix: "of \(a.text)"),
                    .init("Change owner", href: SitePath.planActionChange.link(String(id), Field.owner.rawValue), hiddenSuffix: "of \(a.text)"),
                    .init("Change due date", href: SitePath.planActionChange.link(String(id), Field.due.rawValue), hiddenSuffix: "of \(a.text)"),
                ] : []
            out += SummaryCard.render(
                title: HTML.el("a", [("href", SitePath.planAction.link(String(id)))], text: a.text), id: "action-\(id)", links: links,
                rows: [
                    .init("Owner", text: a.owner),
                    .init("Due", text: a.due.map(Format.date) ?? "Not set"),
                    .init("Status", statusTags(a, today: today)),
                    .init("RAG", ragTag(a, today: today)),
                    .init("Last update", text: latestUpdateWords(a)),
                ])
            if canUpdate, let csrf, actions.count > 1 {
                func move(_ direction: String, _ label: String) -> HTML {
                    HTML.el(
                        "form", [("method", "post"), ("action", SitePath.planActionMove.link(String(id))), ("class", "ov-inline-form ov-no-print")],
                        FormGroup.hidden(name: "csrf", value: csrf) + FormGroup.hidden(name: "direction", value: direction)
                            + HTML.el(
                                "button", [("type", "submit"), ("class", "ov-button ov-button--secondary")],
                                .text(label) + HTML.el("span", [("class", "ov-visually-hidden")], text: ": \(a.text)")))
                }
                var buttons = HTML.empty
                if a.id != actions.first?.id { buttons += move("up", "Move up") }
                if a.id != actions.last?.id { buttons += move("down", "Move down") }
                out += HTML.el("div", [("class", "ov-button-group ov-no-print")], buttons)
            }
        }
        return out
    }

    /// An action's own page: what it is, its updates newest first, and the history of every change.
    public static func detail(_ a: PlanAction, ambitionTitle: String, today: Day, canUpdate: Bool, items: HTML = .empty) -> HTML {
        let id = String(a.id ?? 0)
        var out = HTML.el("span", [("class", "ov-caption-l")], text: "Ambition \(a.ambition): \(ambitionTitle)")
        out += HTML.el("h1", [("class", "ov-heading-l")], text: a.text)
        out += SummaryList.render([
            .init("Owner", text: a.owner), .init("Due", text: a.due.map(Format.date) ?? "Not set"), .init("Status", statusTags(a, today: today)),
            .init("RAG", ragTag(a, today: today)),
        ])
        if canUpdate {
            out += HTML.el(
                "div", [("class", "ov-button-group ov-no-print")],
                Button.link("Update progress", href: SitePath.planActionUpdate.link(id))
                    + Button.link("Change owner", href: SitePath.planActionChange.link(id, Field.owner.rawValue), kind: .secondary)
                    + Button.link("Change due date", href: SitePath.planActionChange.link(id, Field.due.rawValue), kind: .secondary))
        }
        out += items
        out += HTML.el("h2", [("class", "ov-heading-m")], text: "Progress updates")
        if a.updates.isEmpty {
            out += HTML.el("p", [("class", "ov-body")], text: "No update yet.")
        } else {
            out += DataTable(
                caption: "Progress updates, newest first", isCaptionVisible: false,
                columns: [.init("when", "When"), .init("by", "By"), .init("progress", "Progress"), .init("evidence", "Evidence"), .init("status", "Status")],
                rows: a.updates.reversed().map { u in
                    let files = u.attachments.map { name in
                        HTML.el("a", [("href", SitePath.planActionFile.link(id, name)), ("download", "")], text: name)
                    }
                    var evidence: HTML = .text(u.evidence)
                    if !files.isEmpty { evidence += (u.evidence.isEmpty ? .empty : .text(". Files: ")) + HTML.join(files, separator: .text(", ")) }
                    return [.text(Format.timestamp(u.at)), .text(u.by), .text(u.text), evidence, .text(u.status?.label ?? "Unchanged")]
                }
            ).render()
        }
        out += HTML.el("h2", [("class", "ov-heading-m")], text: "History of changes")
        out += DataTable(
            caption: "Every change to this action, newest first", isCaptionVisible: false,
            columns: [.init("when", "When"), .init("by", "By"), .init("what", "What changed"), .init("from", "From"), .init("to", "To")],
            rows: a.history.reversed().map { c in
                [.text(Format.timestamp(c.at)), .text(c.by), .text(changeWords(c.field)), .text(changeValue(c.field, c.from)), .text(changeValue(c.field, c.to))]
            }
        ).render()
        return out
    }

    static func changeWords(_ field: String) -> String {
        switch field {
        case "created": return "Added"
        case "text": return "Wording"
        case "owner": return "Owner"
        case "due": return "Due date"
        case "status": return "Status"
        case "ambition": return "Ambition"
        case "update": return "Progress update"
        case "order": return "Place among the ambition's actions"
        case "clinic": return "Agreed at a performance clinic"
        case "milestone": return "Milestone added"
        case "milestone done": return "Milestone done"
        case "risk": return "Risk raised"
        case "risk closed": return "Risk closed"
        case "kpi": return "KPI it serves"
        default: return field
        }
    }

    static func changeValue(_ field: String, _ value: String) -> String {
        switch field {
        case "clinic": return ClinicRef(key: value).map { "\($0.name), \(Format.period($0.period))" } ?? value
        case "kpi": return value.isEmpty ? "None" : Plan.measureDefinition(value)?.title ?? value
        case "milestone done", "risk closed": return Day.parseISO(value).map(Format.date) ?? value
        case "due": return value.isEmpty ? "Not set" : Day.parseISO(value).map(Format.date) ?? value
        case "status": return ActionStatus(rawValue: value)?.label ?? value
        default: return value
        }
    }

    // MARK: Updating progress

    /// What the update form holds.
    public struct UpdateInput: Sendable, Hashable {
        public var text: String
        public var evidence: String
        public var status: String
        public init(text: String = "", evidence: String = "", status: String = "") { self.text = text; self.evidence = evidence; self.status = status }

        /// The problems that stop the update going to its check page: no progress written, or no status chosen.
        public var errors: [FieldError] {
            var e: [FieldError] = []
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { e.append(FieldError(fieldID: "text", message: "Write what progress was made")) }
            if ActionStatus(rawValue: status) == nil { e.append(FieldError(fieldID: "status", message: "Choose the action's status now")) }
            return e
        }
    }

    /// The first step: the progress, the evidence in words and the status.
    public static func updateForm(_ a: PlanAction, input: UpdateInput, errors: [FieldError], csrf: String) -> HTML {
        let id = String(a.id ?? 0)
        var out = ErrorSummary.render(errors)
        out += HTML.el("span", [("class", "ov-caption-l")], text: a.text)
        out += HTML.el("h1", [("class", "ov-heading-l")], text: "Update progress")
        func error(_ f: String) -> String? { errors.first { $0.fieldID == f }?.message }
        var form = FormGroup.hidden(name: "csrf", value: csrf)
        form += FormGroup.textarea(id: "text", label: "What progress has been made?", value: input.text, error: error("text"), rows: 4)
        form += FormGroup.textarea(
            id: "evidence", label: "Evidence (optional)", hint: "Where the evidence is and what it shows. You can attach files on the next page.",
            value: input.evidence, rows: 3)
        form += FormGroup.radios(
            id: "status", legend: "What is the action's status now?",
            options: ActionStatus.allCases.map { FormOption(value: $0.rawValue, label: $0.label) },
            selected: input.status.isEmpty ? a.status.rawValue : input.status, error: error("status"))
        form += Button.render("Continue")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.planActionUpdate.link(id)), ("novalidate", "")], form)
        out += HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", SitePath.planAction.link(id))], text: "Cancel"))
        return out
    }

    /// The check-answers step: the answers with a way back to change them, files to attach, and
    /// the button that saves the update.
    public static func updateCheck(_ a: PlanAction, input: UpdateInput, csrf: String) -> HTML {
        let id = String(a.id ?? 0)
        let back = Query(path: SitePath.planActionUpdate.link(id), [("text", input.text), ("evidence", input.evidence), ("status", input.status)])
        func change(_ field: String) -> HTML {
            HTML.el("a", [("href", back.href + "#\(field)")], .text("Change") + HTML.el("span", [("class", "ov-visually-hidden")], text: " \(field)"))
        }
        var out = HTML.el("span", [("class", "ov-caption-l")], text: a.text)
        out += HTML.el("h1", [("class", "ov-heading-l")], text: "Check your update before saving it")
        out += SummaryList.render([
            .init("Progress", .text(input.text) + .text(" ") + change("text")),
            .init("Evidence", .text(input.evidence.isEmpty ? "None written" : input.evidence) + .text(" ") + change("evidence")),
            .init(
                "Status",
                .text(ActionStatus(rawValue: input.status)?.label ?? input.status)
                    + .text(a.status.rawValue == input.status ? " (unchanged)" : " (was \(a.status.label))") + .text(" ") + change("status")),
        ])
        var form = FormGroup.hidden(name: "csrf", value: csrf)
        form += FormGroup.hidden(name: "text", value: input.text) + FormGroup.hidden(name: "evidence", value: input.evidence)
        form += FormGroup.hidden(name: "status", value: input.status)
        form += FormGroup.file(id: "files", label: "Attach evidence files (optional)", hint: "10 MB each at most.", isMultiple: true)
        form += Button.render("Save the update")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.planAction.link(id)), ("enctype", "multipart/form-data"), ("novalidate", "")], form)
        return out
    }

    // MARK: Changing the owner or the due date

    /// What a change page holds: the owner, or the due date's three parts.
    public struct ChangeInput: Sendable, Hashable {
        public var owner: String
        public var due: DateParts
        public init(owner: String = "", due: DateParts = DateParts()) { self.owner = owner; self.due = due }

        /// The form's values from a request's fields (`owner`, `due-day`, `due-month`, `due-year`).
        public init(fields: [String: String]) {
            owner = (fields["owner"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            due = DateParts(fields: fields, id: "due")
        }

        /// The value as the page's hidden fields carry it to the confirming post.
        public func hiddenFields(_ field: Field) -> HTML {
            switch field {
            case .owner: return FormGroup.hidden(name: "owner", value: owner)
            case .due:
                return FormGroup.hidden(name: "due-day", value: due.day) + FormGroup.hidden(name: "due-month", value: due.month)
                    + FormGroup.hidden(name: "due-year", value: due.year)
            }
        }

        /// The problems with the value for `field` (empty when it can be saved).
        public func errors(_ field: Field) -> [FieldError] {
            switch field {
            case .owner:
                return owner.isEmpty ? [FieldError(fieldID: "owner", message: "Enter who owns the action: a person or a role")] : []
            case .due:
                if due.isBlank { return [] }
                return due.problem.map { [FieldError(fieldID: "due-day", message: $0)] } ?? []
            }
        }

        /// The value in words, for the check page.
        public func words(_ field: Field) -> String {
            switch field {
            case .owner: return owner
            case .due: return due.date.map(Format.date) ?? "Not set"
            }
        }
    }

    /// The first step of a change: the question with the current value filled in.
    public static func changeForm(_ a: PlanAction, field: Field, input: ChangeInput, errors: [FieldError], csrf: String, users: [FormOption] = []) -> HTML {
        let id = String(a.id ?? 0)
        var out = ErrorSummary.render(errors)
        out += HTML.el("span", [("class", "ov-caption-l")], text: a.text)
        var form = FormGroup.hidden(name: "csrf", value: csrf) + FormGroup.hidden(name: "step", value: "check")
        switch field {
        case .owner:
            out += HTML.el("h1", [("class", "ov-heading-l")], HTML.el("label", [("for", "owner")], text: field.question))
            form += HTML.el(
                "div", [("class", errors.isEmpty ? "ov-form-group" : "ov-form-group ov-form-group--error")],
                HTML.el("div", [("class", "ov-hint"), ("id", "owner-hint")], text: "A person's name or a role, for example \"Head of Service, Children in Care\".")
                    + (errors.first.map { FormGroup.errorMessage($0.message, id: "owner-error") } ?? .empty)
                    + HTML.void(
                        "input",
                        [
                            ("class", errors.isEmpty ? "ov-input" : "ov-input ov-input--error"), ("id", "owner"), ("name", "owner"), ("type", "text"),
                            ("value", input.owner), ("list", users.isEmpty ? nil : "owner-users"),
                            ("aria-describedby", errors.isEmpty ? "owner-hint" : "owner-hint owner-error"), ("aria-invalid", errors.isEmpty ? nil : "true"),
                        ])
                    + (users.isEmpty
                        ? .empty : HTML.el("datalist", [("id", "owner-users")], users.map { HTML.el("option", [("value", $0.value)], text: $0.label) }.joined)))
        case .due:
            out += HTML.el("h1", [("class", "ov-heading-l")], text: field.question)
            form += FormGroup.dateParts(
                id: "due", legend: field.question, isLegendVisible: false, hint: "For example, 31 3 2026. Leave it empty when no date is set.",
                value: input.due, error: errors.first?.message)
        }
        form += Button.render("Continue")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.planActionChange.link(id, field.rawValue)), ("novalidate", "")], form)
        out += HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", SitePath.planAction.link(id))], text: "Cancel"))
        return out
    }

    /// The check step of a change: before and after, a way back, and the button that saves it.
    public static func changeCheck(_ a: PlanAction, field: Field, input: ChangeInput, csrf: String) -> HTML {
        let id = String(a.id ?? 0)
        let before = field == .owner ? a.owner : (a.due.map(Format.date) ?? "Not set")
        var back: [(String, String?)] = []
        switch field {
        case .owner: back = [("owner", input.owner)]
        case .due: back = [("due-day", input.due.day), ("due-month", input.due.month), ("due-year", input.due.year)]
        }
        var out = HTML.el("span", [("class", "ov-caption-l")], text: a.text)
        out += HTML.el("h1", [("class", "ov-heading-l")], text: "Check the change before saving it")
        out += SummaryList.render([
            .init("\(field.label) now", text: before),
            .init(
                "New \(field.label.lowercased())",
                .text(input.words(field)) + .text(" ")
                    + HTML.el(
                        "a", [("href", Query(path: SitePath.planActionChange.link(id, field.rawValue), back).href)],
                        .text("Change") + HTML.el("span", [("class", "ov-visually-hidden")], text: " the new \(field.label.lowercased())"))),
        ])
        var form = FormGroup.hidden(name: "csrf", value: csrf) + FormGroup.hidden(name: "step", value: "confirm") + input.hiddenFields(field)
        form += Button.render("Save the change")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.planActionChange.link(id, field.rawValue)), ("novalidate", "")], form)
        return out
    }

    // MARK: Adding an action

    /// What the add form holds: the action's words, its owner and its due date.
    public struct NewAction: Sendable, Hashable {
        public var text: String
        public var owner: String
        public var due: DateParts
        public init(text: String = "", owner: String = "", due: DateParts = DateParts()) { self.text = text; self.owner = owner; self.due = due }

        /// The form's values from a request's fields (`text`, `owner`, `due-day`, `due-month`, `due-year`).
        public init(fields: [String: String]) {
            text = (fields["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            owner = (fields["owner"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            due = DateParts(fields: fields, id: "due")
        }

        /// The problems that stop it being saved.
        public var errors: [FieldError] {
            var e: [FieldError] = []
            if text.isEmpty { e.append(FieldError(fieldID: "text", message: "Say what the action is")) }
            if owner.isEmpty { e.append(FieldError(fieldID: "owner", message: "Enter who owns the action: a person or a role")) }
            if !due.isBlank, let p = due.problem { e.append(FieldError(fieldID: "due-day", message: p)) }
            return e
        }

        /// The fields carried to the confirming post.
        var hidden: HTML {
            FormGroup.hidden(name: "text", value: text) + FormGroup.hidden(name: "owner", value: owner) + FormGroup.hidden(name: "due-day", value: due.day)
                + FormGroup.hidden(name: "due-month", value: due.month) + FormGroup.hidden(name: "due-year", value: due.year)
        }
    }

    /// The add form for ambition `ambition` (its title in the caption).
    public static func addForm(ambition: Int, ambitionTitle: String, input: NewAction, errors: [FieldError], csrf: String) -> HTML {
        func error(_ f: String) -> String? { errors.first { $0.fieldID == f }?.message }
        var out = ErrorSummary.render(errors)
        out += HTML.el("span", [("class", "ov-caption-l")], text: "Ambition \(ambition): \(ambitionTitle)")
        out += HTML.el("h1", [("class", "ov-heading-l")], text: "Add an action")
        var form = FormGroup.hidden(name: "csrf", value: csrf) + FormGroup.hidden(name: "step", value: "check")
        form += FormGroup.textarea(id: "text", label: "What is the action?", value: input.text, error: error("text"), rows: 3)
        form += FormGroup.text(
            id: "owner", label: "Who owns it?", hint: "A person's name or a role, for example \"Head of Service, Children in Care\".", value: input.owner,
            error: error("owner"))
        form += FormGroup.dateParts(id: "due", legend: "When is it due? (optional)", hint: "For example, 31 3 2026.", value: input.due, error: error("due-day"))
        form += Button.render("Continue")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.planAmbitionActions.link(String(ambition))), ("novalidate", "")], form)
        return out
    }

    /// The check page of a new action, with a way back and the button that saves it.
    public static func addCheck(ambition: Int, input: NewAction, csrf: String) -> HTML {
        let back = Query(
            path: SitePath.planAmbitionActions.link(String(ambition)),
            [("text", input.text), ("owner", input.owner), ("due-day", input.due.day), ("due-month", input.due.month), ("due-year", input.due.year)])
        func change(_ what: String, _ anchor: String) -> HTML {
            .text(" ") + HTML.el("a", [("href", back.href + "#\(anchor)")], .text("Change") + HTML.el("span", [("class", "ov-visually-hidden")], text: " the \(what)"))
        }
        var out = HTML.el("span", [("class", "ov-caption-l")], text: "Ambition \(ambition)")
        out += HTML.el("h1", [("class", "ov-heading-l")], text: "Check the new action before adding it")
        out += SummaryList.render([
            .init("Action", .text(input.text) + change("action", "text")),
            .init("Owner", .text(input.owner) + change("owner", "owner")),
            .init("Due", .text(input.due.date.map(Format.date) ?? "Not set") + change("due date", "due-day")),
        ])
        var form = FormGroup.hidden(name: "csrf", value: csrf) + FormGroup.hidden(name: "step", value: "confirm") + input.hidden
        form += Button.render("Add the action")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.planAmbitionActions.link(String(ambition))), ("novalidate", "")], form)
        return out
    }
}

extension ActionPages {
    /// What an action's items section needs: the plan's KPIs (measure, wording) to choose from.
    public struct ItemsModel: Sendable {
        public var kpis: [(measure: String, wording: String)]
        public var canUpdate: Bool
        public var csrf: String
        public init(kpis: [(measure: String, wording: String)], canUpdate: Bool, csrf: String) { self.kpis = kpis; self.canUpdate = canUpdate; self.csrf = csrf }
    }

    /// The action's milestones, the KPIs it serves and its risks, each with its form for those
    /// who change actions.
    public static func items(_ a: PlanAction, model m: ItemsModel, today: Day) -> HTML {
        let id = String(a.id ?? 0)
        let action = SitePath.planActionItems.link(id)
        func form(_ step: String, _ fields: HTML, _ button: String, secondary: Bool = true, inline: Bool = false) -> HTML {
            HTML.el(
                "form", [("method", "post"), ("action", action), ("class", inline ? "ov-inline-form ov-no-print" : "ov-no-print"), ("novalidate", "")],
                FormGroup.hidden(name: "csrf", value: m.csrf) + FormGroup.hidden(name: "step", value: step) + fields
                    + Button.render(button, kind: secondary ? .secondary : .primary))
        }
        var out = HTML.el("h2", [("class", "ov-heading-m"), ("id", "milestones")], text: "Milestones")
        if a.milestones.isEmpty {
            out += HTML.el("p", [("class", "ov-body")], text: "No milestones yet.")
        } else {
            out += DataTable(
                caption: "Milestones", isCaptionVisible: false,
                columns: [.init("milestone", "Milestone"), .init("due", "Due"), .init("done", "Done")],
                rows: a.milestones.map { ms in
                    var done: HTML = .text(ms.doneOn.map(Format.date) ?? (ms.isOverdue(on: today) ? "Overdue" : "Not yet"))
                    if ms.doneOn == nil, m.canUpdate, let mid = ms.id {
                        done += form("milestone-done", FormGroup.hidden(name: "item", value: String(mid)), "Mark done", inline: true)
                    }
                    return [.text(ms.text), .text(ms.due.map(Format.date) ?? "Not set"), done]
                }
            ).render()
        }
        if m.canUpdate {
            out += form(
                "add-milestone",
                FormGroup.text(id: "milestone-text", name: "text", label: "Add a milestone", value: "")
                    + FormGroup.date(id: "milestone-due", name: "due", label: "Due (optional)", value: ""), "Add the milestone")
        }
        out += HTML.el("h2", [("class", "ov-heading-m"), ("id", "kpis")], text: "KPIs it serves")
        let wording = Dictionary(m.kpis.map { ($0.measure, $0.wording) }, uniquingKeysWith: { first, _ in first })
        if a.measures.isEmpty {
            out += HTML.el("p", [("class", "ov-body")], text: "Not linked to a KPI yet.")
        } else {
            let items = a.measures.map { measure -> HTML in
                var li = HTML.el("a", [("href", SitePath.measure.link(measure))], text: wording[measure] ?? Plan.measureDefinition(measure)?.title ?? measure)
                if m.canUpdate { li += form("unlink-kpi", FormGroup.hidden(name: "measure", value: measure), "Remove", inline: true) }
                return HTML.el("li", [], li)
            }
            out += HTML.el("ul", [("class", "ov-list ov-list--bullet")], items.joined)
        }
        let choices = m.kpis.filter { !a.measures.contains($0.measure) }
        if m.canUpdate && !choices.isEmpty {
            out += form(
                "link-kpi",
                FormGroup.select(
                    id: "kpi", name: "measure", label: "Link a KPI of the plan", options: choices.map { FormOption(value: $0.measure, label: $0.wording) },
                    selected: nil), "Link the KPI")
        }
        out += HTML.el("h2", [("class", "ov-heading-m"), ("id", "risks")], text: "Risks")
        if a.risks.isEmpty {
            out += HTML.el("p", [("class", "ov-body")], text: "No risks recorded.")
        } else {
            out += DataTable(
                caption: "Risks", isCaptionVisible: false,
                columns: [.init("risk", "Risk"), .init("rating", "Rating"), .init("mitigation", "What lessens it"), .init("state", "Open or closed")],
                rows: a.risks.map { r in
                    var state: HTML = .text(r.closedOn.map { "Closed \(Format.date($0))" } ?? "Open")
                    if r.closedOn == nil, m.canUpdate, let rid = r.id { state += form("close-risk", FormGroup.hidden(name: "item", value: String(rid)), "Close", inline: true) }
                    return [.text(r.text), .text(r.rating.label), .text(r.mitigation), state]
                }
            ).render()
        }
        if m.canUpdate {
            out += form(
                "add-risk",
                FormGroup.text(id: "risk-text", name: "text", label: "Record a risk", value: "")
                    + FormGroup.radios(
                        id: "risk-rating", name: "rating", legend: "How serious is it?",
                        options: ActionRisk.Rating.allCases.map { FormOption(value: $0.rawValue, label: $0.label) }, selected: "medium")
                    + FormGroup.text(id: "risk-mitigation", name: "mitigation", label: "What is done to lessen it?", value: ""), "Record the risk")
        }
        return out
    }
}

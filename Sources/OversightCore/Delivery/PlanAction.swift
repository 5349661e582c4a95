import Foundation

/// One of an ambition's actions ("what we need to do"), tracked: its owner, due date, status,
/// progress updates with evidence, and the history of every change.
///
/// Change it through `edit(...)` and `addUpdate(_:)` so the history stays complete.
public struct PlanAction: Hashable, Sendable, Codable {
    /// The store's id; nil until stored.
    public var id: Int?
    /// The number of the ambition the action belongs to.
    public var ambition: Int
    /// The action as the plan (or the lead) words it.
    public var text: String
    /// Who is responsible (a role or a person).
    public var owner: String
    /// When it is due; nil when no date was set.
    public var due: Day?
    public var status: ActionStatus
    /// Progress updates, oldest first.
    public var updates: [ActionUpdate]
    /// Every change, oldest first, starting with its creation.
    public var history: [ActionChange]
    /// Its milestones, in the order added.
    public var milestones: [ActionMilestone] = []
    /// The risks to it, in the order raised.
    public var risks: [ActionRisk] = []
    /// The measures of the plan's KPIs it serves.
    public var measures: [String] = []

    /// A new action; its history starts with its creation by `by` at `at`.
    public init(
        id: Int? = nil, ambition: Int, text: String, owner: String, due: Day? = nil, status: ActionStatus = .notStarted,
        by: String, at: Date
    ) {
        self.id = id; self.ambition = ambition; self.text = text; self.owner = owner; self.due = due; self.status = status
        self.updates = []
        self.history = [ActionChange(field: "created", from: "", to: text, by: by, at: at)]
    }

    /// An action as stored, with its updates and history as they are.
    public init(
        id: Int?, ambition: Int, text: String, owner: String, due: Day?, status: ActionStatus,
        updates: [ActionUpdate], history: [ActionChange]
    ) {
        self.id = id; self.ambition = ambition; self.text = text; self.owner = owner; self.due = due; self.status = status
        self.updates = updates; self.history = history
    }

    /// Problems with the action's fields, in plain words (empty when it can be saved): the text
    /// and the owner must not be blank, the ambition number must be 1 or more.
    public var problems: [String] {
        var p: [String] = []
        if ambition < 1 { p.append("ambition: the ambition number must be 1 or more (it is \(ambition))") }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { p.append("text: say what the action is") }
        if owner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { p.append("owner: name who is responsible for the action") }
        return p
    }

    /// Changes any of the fields given (nil leaves a field as it is; `due: .some(nil)` clears the
    /// date) and records each field that really changed in the history. Returns the changes made.
    @discardableResult
    public mutating func edit(
        text newText: String? = nil, owner newOwner: String? = nil, due newDue: Day?? = nil,
        status newStatus: ActionStatus? = nil, ambition newAmbition: Int? = nil,
        by: String, at: Date
    ) -> [ActionChange] {
        var made: [ActionChange] = []
        if let newText, newText != text {
            made.append(ActionChange(field: "text", from: text, to: newText, by: by, at: at)); text = newText
        }
        if let newOwner, newOwner != owner {
            made.append(ActionChange(field: "owner", from: owner, to: newOwner, by: by, at: at)); owner = newOwner
        }
        if let newDue, newDue != due {
            made.append(ActionChange(field: "due", from: due?.iso ?? "", to: newDue?.iso ?? "", by: by, at: at)); due = newDue
        }
        if let newStatus, newStatus != status {
            made.append(ActionChange(field: "status", from: status.rawValue, to: newStatus.rawValue, by: by, at: at)); status = newStatus
        }
        if let newAmbition, newAmbition != ambition {
            made.append(ActionChange(field: "ambition", from: String(ambition), to: String(newAmbition), by: by, at: at)); ambition = newAmbition
        }
        history += made
        return made
    }

    /// Adds a progress update; a status given with it changes the action's status. Both the
    /// update and any status change are recorded in the history.
    public mutating func addUpdate(_ update: ActionUpdate) {
        updates.append(update)
        history.append(ActionChange(field: "update", from: "", to: update.text, by: update.by, at: update.at))
        if let s = update.status { edit(status: s, by: update.by, at: update.at) }
    }

    /// Whether the action is past its due date on `today` and not finished (complete or closed).
    public func isOverdue(on today: Day) -> Bool {
        guard let due, !status.isFinished else { return false }
        return due < today
    }

    /// The latest update, if any.
    public var latestUpdate: ActionUpdate? { updates.last }
}

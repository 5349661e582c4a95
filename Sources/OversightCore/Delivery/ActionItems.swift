/// A step of an action with its own date: "draft the guidance by May", "train the teams by July".
public struct ActionMilestone: Hashable, Sendable, Codable {
    /// The store's id; nil until stored.
    public var id: Int?
    public var text: String
    public var due: Day?
    /// The day it was done; nil while it is open.
    public var doneOn: Day?
    public init(id: Int? = nil, text: String, due: Day?, doneOn: Day? = nil) { self.id = id; self.text = text; self.due = due; self.doneOn = doneOn }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: Day) -> Bool { doneOn == nil && (due.map { $0 < today } ?? false) }
}

/// A risk to an action's delivery, with how serious it is and what is done to lessen it.
public struct ActionRisk: Hashable, Sendable, Codable {
    /// How serious a risk is.
    public enum Rating: String, Codable, Sendable, CaseIterable {
        case low, medium, high
        public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }
    public var id: Int?
    public var text: String
    public var rating: Rating
    public var mitigation: String
    /// The day it was closed; nil while it is open.
    public var closedOn: Day?
    public init(id: Int? = nil, text: String, rating: Rating, mitigation: String, closedOn: Day? = nil) {
        self.id = id; self.text = text; self.rating = rating; self.mitigation = mitigation; self.closedOn = closedOn
    }
}

import Foundation
import OversightCore

/// One line of the activity log: who did what, when.
public struct ActivityEntry: Sendable, Hashable {
    public var at: Date
    public var user: String
    /// The role the user had ("Team manager").
    public var role: String
    /// What kind of action ("Viewed child", "Undid import", "Signed in").
    public var action: String
    /// What it was about ("Child C0012", "Import 12", "Measure cla_at_end, 2024-25").
    public var what: String
    /// A link to the thing, when it still exists.
    public var href: String?

    public init(at: Date, user: String, role: String, action: String, what: String, href: String? = nil) {
        self.at = at; self.user = user; self.role = role; self.action = action; self.what = what; self.href = href
    }
}

/// The activity log's filters, read from the query (`user`, `action`, `from`, `to`), with errors
/// for dates that are not real dates.
public struct ActivityFilter: Sendable, Hashable {
    public var user: String
    public var action: String
    public var from: String
    public var to: String

    public init(user: String = "", action: String = "", from: String = "", to: String = "") {
        self.user = user; self.action = action; self.from = from; self.to = to
    }

    /// Reads the filters from a request's query.
    public init(query: [String: String]) {
        func q(_ k: String) -> String { (query[k] ?? "").trimmingCharacters(in: .whitespaces) }
        self.init(user: q("user"), action: q("action"), from: q("from"), to: q("to"))
    }

    /// The first and last day to show (either may be nil: no limit), or errors against the fields.
    public func dates() -> Result<(from: Day?, to: Day?), PeriodChoiceError> {
        var errors: [FieldError] = []
        let f = from.isEmpty ? nil : Day.parseISO(from), t = to.isEmpty ? nil : Day.parseISO(to)
        if !from.isEmpty && f == nil { errors.append(FieldError(fieldID: "from", message: "The first day must be a real date, for example 2025-04-01")) }
        if !to.isEmpty && t == nil { errors.append(FieldError(fieldID: "to", message: "The last day must be a real date, for example 2025-04-30")) }
        if let f, let t, t < f { errors.append(FieldError(fieldID: "to", message: "The last day must be the same as or after the first day")) }
        return errors.isEmpty ? .success((f, t)) : .failure(PeriodChoiceError(errors: errors))
    }

    /// The filters as query items.
    public var queryItems: [(String, String?)] { [("user", user), ("action", action), ("from", from), ("to", to)] }
}

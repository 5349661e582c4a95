import OversightCore
import OversightViews
import Vapor

extension Request {
    /// The period the request asks for: `period=` (`2025`, `2024-25`, `2024-06`, `2024Q3`,
    /// `START..END`) or `from=` and `to=` ISO dates; nil when it asks for none. A malformed one is
    /// a 400 with the reason.
    func requestedPeriod() throws -> Period? {
        // No query at all (most page views): nothing to decode.
        guard let q = url.query, !q.isEmpty else { return nil }
        let period = (try? query.get(String.self, at: "period"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let from = (try? query.get(String.self, at: "from")) ?? ""
        let to = (try? query.get(String.self, at: "to")) ?? ""
        if !period.isEmpty {
            guard let p = Period.parse(period) else {
                throw Abort(
                    .badRequest, reason: "The period '\(period)' is not understood. Use a reporting year (2025 or 2024-25), a month (2024-06), a quarter (2024Q3) or two dates.")
            }
            return p
        }
        if !from.isEmpty || !to.isEmpty {
            guard let s = Day.parseISO(Substring(from)), let e = Day.parseISO(Substring(to)) else {
                throw Abort(.badRequest, reason: "Give both dates of the period as YYYY-MM-DD.")
            }
            guard let p = Period(start: s, end: e) else { throw Abort(.badRequest, reason: "The period's end must not be before its start.") }
            return p
        }
        return nil
    }
}

extension Request {
    /// The period this request shows, for the links of its page to carry (nil: the default one):
    /// from `period=`, `from=`/`to=`, or a measure page's period form (`kind=` and its fields).
    var periodForLinks: String? {
        guard let q = url.query, !q.isEmpty else { return nil }
        if let p = try? requestedPeriod() { return p.description }
        guard let kind = try? query.get(String.self, at: "kind"), !kind.isEmpty else { return nil }
        var fields: [String: String] = ["kind": kind]
        for k in ["year", "month", "quarter", "rolling", "from", "to"] {
            if let v = try? query.get(String.self, at: k) { fields[k] = v }
        }
        guard case .success(let p) = PeriodChoice(query: fields, defaultYear: 0).resolve() else { return nil }
        return p.description
    }
}

import OversightCore

/// The choice of the part of the authority a dashboard shows: the whole authority, a service or a
/// team (keys as `AuthorityNumbers.Part` writes them, `team:NAME`, `service:NAME`), carried in
/// the page's `for` parameter.
public struct PartChoice: Sendable, Hashable {
    /// The part shown; blank for the whole authority.
    public var key: String
    /// Its name ("Child protection team 1"); nil for the whole authority.
    public var label: String?
    /// The parts there are to choose from; empty when the authority has no organisation data
    /// (then no chooser is shown).
    public var options: [FormOption]

    public init(key: String = "", label: String? = nil, options: [FormOption] = []) {
        self.key = key; self.label = label; self.options = options
    }

    /// The page's other fields with `for` added when a part is shown.
    public func carried(_ fields: [(String, String)]) -> [(String, String)] {
        key.isEmpty ? fields : fields + [("for", key)]
    }

    /// The "Show the plan for" form (keeping the period and `hiddenFields`) and, with a part
    /// chosen, what its figures are.
    public func render(action: String, period: String, hiddenFields: [(String, String)] = []) -> HTML {
        guard !options.isEmpty else { return .empty }
        let choices = [FormOption(value: "", label: "The whole authority")] + options
        var out = HTML.el(
            "form", [("method", "get"), ("action", action), ("class", "ov-period-form ov-no-print")],
            ((period.isEmpty ? [] : [("period", period)]) + hiddenFields).map { FormGroup.hidden(name: $0.0, value: $0.1) }.joined
                + FormGroup.select(id: "for", label: "Show the plan for", options: choices, selected: key)
                + Button.render("Show", kind: .secondary))
        if let label {
            out += Notice.inset(
                text:
                    "Figures for \(label): each child counts in the team that held them on the measure's reference day (the event's date, or the period's last day). Rates per 10,000 children, statistical neighbours, hand-entered and audit figures are the authority's, so they show no value here; nor do trend lines."
            )
        }
        return out
    }
}

import Foundation
import OversightCore

/// The overview's and ambition page's period chooser: a GET form with one select named `period`,
/// and the line above a page's figures that says which period they are for, with "Change".
public enum PeriodChooser {
    /// The form; `action` is the page's own path; `hiddenFields` carry the page's other choices (its tab).
    public static func render(action: String, options: [FormOption], selected: String, hiddenFields: [(String, String)] = []) -> HTML {
        guard !options.isEmpty else { return .empty }
        return HTML.el(
            "form", [("method", "get"), ("action", action), ("class", "ov-period-form")],
            hiddenFields.map { FormGroup.hidden(name: $0.0, value: $0.1) }.joined
                + FormGroup.select(id: "period", label: "Period", options: options, selected: selected)
                + Button.render("Show", kind: .secondary))
    }

    /// "Figures for 2024-25 (1 April 2024 to 31 March 2025). Data last loaded 3 May 2025." with
    /// "Change the period" opening `chooser`.
    public static func bar(period: Period, loaded: Date?, chooser: HTML) -> HTML {
        var words = "Figures for \(Format.period(period)) (\(Format.date(period.start)) to \(Format.date(period.end)))."
        if let loaded { words += " Data last loaded \(Format.timestamp(loaded))." }
        var out = HTML.el("p", [("class", "ov-body-lead"), ("id", "figures-for")], text: words)
        if chooser != .empty {
            out += HTML.el(
                "details", [("class", "ov-details ov-no-print"), ("id", "period-choice")],
                HTML.el(
                    "summary", [("class", "ov-details__summary")],
                    HTML.el("span", [("class", "ov-details__summary-text")], .text("Change") + HTML.el("span", [("class", "ov-visually-hidden")], text: " the period")))
                    + HTML.el("div", [("class", "ov-details__text")], chooser))
        }
        return HTML.el("div", [("class", "ov-period-bar")], out)
    }
}

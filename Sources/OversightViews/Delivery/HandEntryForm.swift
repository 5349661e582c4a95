import OversightCore

/// The form to enter a hand-entered measure's value for a period (a fragment for the web layout):
/// an error summary linking to each field in error, the input kept as typed, and the session's
/// `csrf` token in a hidden field.
public enum HandEntryForm {
    /// What the user typed, kept to show again after an error.
    public struct Input: Hashable, Sendable {
        public var measure: String
        public var period: String
        public var value: String
        public var numerator: String
        public var denominator: String
        public var source: String
        public init(measure: String = "", period: String = "", value: String = "", numerator: String = "", denominator: String = "", source: String = "") {
            self.measure = measure; self.period = period; self.value = value; self.numerator = numerator; self.denominator = denominator; self.source = source
        }
    }

    /// The field ids, in page order, for the error summary's links.
    static let fields = ["measure", "period", "value", "numerator", "denominator", "source"]

    /// The form. `problems` (from `HandEnteredEntry.problems`, or a period that could not be
    /// read, field `period`) are listed in the summary and beside their fields.
    public static func render(input: Input, problems: [HandEntryProblem], csrf: String, action: String) -> HTML {
        var h = ReportDocument.heading(1, "l", "Enter a measure's value")
        if !problems.isEmpty {
            h += HTML.raw("<div class=\"ov-error-summary\" role=\"alert\" tabindex=\"-1\"><h2 class=\"ov-heading-m\">There is a problem</h2><ul>")
            for p in problems {
                let target = fields.contains(p.field) ? p.field : "value"
                h += HTML.raw("<li><a href=\"#entry-\(target)\">") + HTML.text(p.message) + HTML.raw("</a></li>")
            }
            h += HTML.raw("</ul></div>")
        }
        h += HTML.raw("<form method=\"post\" novalidate action=\"") + HTML.text(action) + HTML.raw("\">")
        h += HTML.raw("<input type=\"hidden\" name=\"csrf\" value=\"") + HTML.text(csrf) + HTML.raw("\">")
        let byField = Dictionary(grouping: problems, by: \.field)
        // The measure list.
        h += group("measure", "Measure", hint: nil, errors: byField["measure"]) {
            var s = HTML.raw("<select class=\"ov-input\" id=\"entry-measure\" name=\"measure\">")
            for d in HandEnteredMeasures.all {
                s +=
                    HTML.raw("<option value=\"") + HTML.text(d.id) + HTML.raw("\"\(d.id == input.measure ? " selected" : "")>")
                    + HTML.text(d.title + (d.unit == .percent ? " (%)" : "")) + HTML.raw("</option>")
            }
            return s + HTML.raw("</select>")
        }
        let inputs: [(String, String, String?, String)] = [
            ("period", "Period", "A month (2025-06), a quarter (2025Q2), a reporting year (2025) or START..END", input.period),
            ("value", "Value", "A count, or a percentage from 0 to 100. Leave empty if you give a numerator and denominator.", input.value),
            ("numerator", "Numerator", "For a percentage: how many met the measure", input.numerator),
            ("denominator", "Denominator", "For a percentage: how many there were in all", input.denominator),
            ("source", "Source", "Where the figure came from", input.source),
        ]
        for (field, label, hint, value) in inputs {
            h += group(field, label, hint: hint, errors: byField[field]) {
                let err = byField[field] != nil
                return HTML.raw("<input class=\"ov-input\(err ? " ov-input--error" : "")\" type=\"text\" id=\"entry-\(field)\" name=\"\(field)\" value=\"")
                    + HTML.text(value) + HTML.raw("\"" + (hint != nil ? " aria-describedby=\"entry-\(field)-hint\"" : "") + ">")
            }
        }
        return h + HTML.raw("<button class=\"ov-button\" type=\"submit\">Save</button></form>")
    }

    static func group(_ field: String, _ label: String, hint: String?, errors: [HandEntryProblem]?, control: () -> HTML) -> HTML {
        var h = HTML.raw("<div class=\"ov-form-group\(errors != nil ? " ov-form-group--error" : "")\">")
        h += HTML.raw("<label class=\"ov-label\" for=\"entry-\(field)\">") + HTML.text(label) + HTML.raw("</label>")
        if let hint { h += HTML.raw("<div class=\"ov-hint\" id=\"entry-\(field)-hint\">") + HTML.text(hint) + HTML.raw("</div>") }
        for e in errors ?? [] {
            h += HTML.raw("<p class=\"ov-error-message\"><span class=\"ov-visually-hidden\">Error:</span> ") + HTML.text(e.message) + HTML.raw("</p>")
        }
        return h + control() + HTML.raw("</div>")
    }
}

/// The overview's and ambition page's period chooser: a GET form with one select named `period`.
public enum PeriodChooser {
    /// The form; `action` is the page's own path.
    public static func render(action: String, options: [FormOption], selected: String) -> HTML {
        guard !options.isEmpty else { return .empty }
        return HTML.el(
            "form", [("method", "get"), ("action", action), ("class", "ov-period-form")],
            FormGroup.select(id: "period", label: "Period", options: options, selected: selected)
                + Button.render("Show", kind: .secondary))
    }
}

import OversightCore

/// Every measure of the catalogue, grouped by where its data comes from, with its value for the
/// chosen period and a link to its page.
public enum MeasureIndexPage {
    /// One row of the list.
    public struct Row: Sendable, Hashable {
        public var id: String
        public var title: String
        public var unit: MeasureUnit
        public var value: Double?
        /// The numerator and denominator in words ("361 of 1,899"), when the value is a share.
        public var fraction: String?
        public init(id: String, title: String, unit: MeasureUnit, value: Double?, fraction: String?) {
            self.id = id; self.title = title; self.unit = unit; self.value = value; self.fraction = fraction
        }
    }

    /// One group of measures.
    public struct Group: Sendable, Hashable {
        public var heading: String
        public var note: String?
        public var rows: [Row]
    }

    /// What the page shows.
    public struct Model: Sendable {
        public var period: Period
        public var periodOptions: [FormOption]
        public var selectedPeriod: String
        public var groups: [Group]

        /// The model from the catalogue's definitions and the results computed for `period`.
        public static func make(
            definitions: [MeasureDefinition], results: [String: MeasureResult], period: Period,
            periodOptions: [FormOption], selectedPeriod: String
        ) -> Model {
            let order: [(MeasureSource, String, String?)] = [
                (.cin, "Children in need, child protection (CIN census)", nil),
                (.ssda903, "Children looked after and care leavers (SSDA903)", nil),
                (.localMissing, "Missing episodes and return interviews (local records)", nil),
                (.supervision, "Supervision (local records)", nil),
                (.earlyHelp, "Early help and the front door (Annex A Lists 1 and 2, or local records)", nil),
                (.workforce, "The social work workforce (workforce census)", nil),
                (.training, "Training (local records)", nil),
                (.fostering, "Fostering households (local records)", nil),
                (.specialGuardianship, "Special guardianship (local records)", nil),
                (.careProceedings, "Care proceedings (local records)", nil),
                (.pathways, "Pathways: MARAC, ACT (local records)", nil),
                (.feedback, "Feedback from families (given in Oversight)", "Computed from the feedback forms families fill in."),
                (.qualityAssurance, "Quality assurance (audits in Oversight)", "Computed from the audits done in Oversight."),
                (.handEntered, "Entered by hand", "Values entered each period by the service that holds them."),
            ]
            var seen = Set<String>()
            let groups = order.compactMap { source, heading, note -> Group? in
                let rows = definitions.filter { $0.source == source && seen.insert($0.id).inserted }.map { d -> Row in
                    let r = results[d.id]
                    var fraction: String?
                    if let r, d.unit == .percent, let n = r.numerator, let den = r.denominator {
                        fraction = "\(Format.count(n)) of \(Format.count(den))"
                    }
                    return Row(id: d.id, title: d.title, unit: d.unit, value: r?.value, fraction: fraction)
                }
                return rows.isEmpty ? nil : Group(heading: heading, note: note, rows: rows)
            }
            return Model(period: period, periodOptions: periodOptions, selectedPeriod: selectedPeriod, groups: groups)
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { "Measures" }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = HTML.el("h1", [("class", "ov-heading-xl")], text: "Measures")
        out += PeriodChooser.bar(
            period: model.period, loaded: nil,
            chooser: PeriodChooser.render(action: SiteURL.measures, options: model.periodOptions, selected: model.selectedPeriod))
        out += HTML.el("p", [("class", "ov-body")], text: "Open a measure for its definition, its trend and the children behind it.")
        for (i, g) in model.groups.enumerated() {
            out += HTML.el("h2", [("class", "ov-heading-l"), ("id", "group-\(i + 1)")], text: g.heading)
            if let note = g.note { out += HTML.el("p", [("class", "ov-body")], text: note) }
            let table = DataTable(
                caption: g.heading, isCaptionVisible: false,
                columns: [.init("measure", "Measure"), .init("value", "Value", isNumeric: true), .init("of", "Of", isNumeric: true)],
                rows: g.rows.map { r in
                    [
                        HTML.el("a", [("href", SiteURL.measure(r.id) + "?period=" + model.period.description)], text: r.title),
                        .text(r.value == nil ? "No data" : Format.value(r.value, unit: r.unit)),
                        .text(r.fraction ?? ""),
                    ]
                }, hasRowHeaders: true)
            out += table.render()
        }
        return out
    }
}

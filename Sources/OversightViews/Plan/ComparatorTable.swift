import OversightCore

/// One statistical neighbour's published value, for the measure page's comparator table.
public struct NeighbourValue: Sendable, Hashable {
    /// The authority's 3-digit DfE code.
    public var code: String
    public var name: String
    /// nil when suppressed or not published.
    public var value: Double?
    public init(code: String, name: String, value: Double?) { self.code = code; self.name = name; self.value = value }
}

/// The published comparators of a measure as a table: the authority's own published figure,
/// England, the region, the statistical neighbours' mean and median, the rank, and (when given)
/// each neighbour's value.
public enum ComparatorTable {
    /// The table; `id` makes its caption unique. Figures that were not published read "Not published".
    public static func render(_ s: ComparatorSummary, unit: MeasureUnit, neighbours: [NeighbourValue] = [], caption: String? = nil) -> HTML {
        func v(_ x: Double?) -> HTML { .text(x == nil ? "Not published" : Format.value(x, unit: unit)) }
        var rows: [[HTML]] = [
            [.text("\(s.laName) (published)"), v(s.laValue)],
            [.text("England"), v(s.england)],
        ]
        if let region = s.regionName { rows.append([.text(region), v(s.region)]) }
        // The median is the average Oversight compares with everywhere; the mean is shown for reference.
        rows.append([.text("Statistical neighbours: median (compared with)"), v(s.neighbourMedian)])
        rows.append([.text("Statistical neighbours: mean (for reference)"), v(s.neighbourMean)])
        for n in neighbours { rows.append([.text("\(n.name) (neighbour)"), v(n.value)]) }
        var out = DataTable(
            caption: caption ?? "Published comparators, \(Format.reportingYear(s.year))",
            columns: [.init("who", "Authority or group"), .init("value", "Value", isNumeric: true)],
            rows: rows, hasRowHeaders: true
        ).render()
        var notes: [String] = []
        if let rank = s.rank {
            var r = "\(s.laName) ranks \(rank) of \(s.rankedCount) local authorities"
            r += s.polarity == .none ? " (1 is the lowest)" : " (1 is the best)"
            if let q = s.quartile { r += ", in the \(ordinal(q)) quarter" }
            notes.append(r + ".")
        }
        if s.neighboursUnknown > 0 { notes.append("\(s.neighboursUnknown) of \(s.neighbours.count) neighbours have no published value and are left out of the averages.") }
        notes.append("Statistical neighbour model: \(s.neighbourModel).")
        out += HTML.el("p", [("class", "ov-body-s ov-secondary-text")], text: notes.joined(separator: " "))
        return out
    }

    static func ordinal(_ q: Int) -> String {
        switch q {
        case 1: return "first (best)";
        case 2: return "second";
        case 3: return "third";
        default: return "fourth (worst)"
        }
    }
}

/// A summary list (GOV.UK pattern): key and value pairs, as a description list.
public enum SummaryList {
    /// One row; `value` is markup built by this module (use `.text` for plain text).
    public struct Row: Sendable {
        public var key: String
        public var value: HTML
        public init(_ key: String, _ value: HTML) { self.key = key; self.value = value }
        public init(_ key: String, text: String) { self.key = key; self.value = .text(text) }
    }

    /// The list; nothing when `rows` is empty.
    public static func render(_ rows: [Row]) -> HTML {
        guard !rows.isEmpty else { return .empty }
        // Pairs sit directly in the list (no grouping elements), which every checker and screen
        // reader accepts; the stylesheet lays them out as a two-column grid.
        let items = rows.map { r in
            HTML.el("dt", [("class", "ov-summary-list__key")], text: r.key)
                + HTML.el("dd", [("class", "ov-summary-list__value")], r.value)
        }
        return HTML.el("dl", [("class", "ov-summary-list")], items.joined)
    }
}

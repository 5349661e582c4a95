/// Tabs (GOV.UK pattern) made of links: each tab is its own address, so a tab opens without
/// JavaScript, can be bookmarked, and keeps the page's other parameters (the period) in its link.
public enum Tabs {
    /// One tab: its label and the address it opens.
    public struct Tab: Sendable, Hashable {
        public var id: String
        public var label: String
        public var href: String
        public init(id: String, label: String, href: String) { self.id = id; self.label = label; self.href = href }
    }

    /// The tab list, `selected` marked as the current page, labelled `label` for screen readers.
    public static func render(_ tabs: [Tab], selected: String, label: String) -> HTML {
        let items = tabs.map { t -> HTML in
            let isSelected = t.id == selected
            return HTML.el(
                "li", [("class", isSelected ? "ov-tabs__item ov-tabs__item--selected" : "ov-tabs__item")],
                HTML.el("a", [("class", "ov-tabs__tab"), ("href", t.href), ("id", "tab-\(t.id)"), ("aria-current", isSelected ? "page" : nil)], text: t.label))
        }
        return HTML.el("nav", [("class", "ov-tabs ov-no-print"), ("aria-label", label)], HTML.el("ul", [("class", "ov-tabs__list")], items.joined))
    }
}

/// A summary card (GOV.UK pattern): a titled card holding a summary list, with links to act on
/// what it describes in its title bar.
public enum SummaryCard {
    /// One link of the card's title bar; `hiddenSuffix` tells screen readers which card it acts on.
    public struct Link: Sendable, Hashable {
        public var text: String
        public var href: String
        public var hiddenSuffix: String
        public init(_ text: String, href: String, hiddenSuffix: String) { self.text = text; self.href = href; self.hiddenSuffix = hiddenSuffix }
    }

    /// The card: `title` as a heading of `level`, the links, then the rows.
    public static func render(title: HTML, level: Int = 3, id: String? = nil, links: [Link], rows: [SummaryList.Row]) -> HTML {
        var bar = HTML.el("h\(level)", [("class", "ov-summary-card__title"), ("id", id)], title)
        if !links.isEmpty {
            bar += HTML.el(
                "ul", [("class", "ov-summary-card__actions ov-no-print")],
                links.map { l in
                    HTML.el(
                        "li", [("class", "ov-summary-card__action")],
                        HTML.el("a", [("href", l.href)], .text(l.text) + HTML.el("span", [("class", "ov-visually-hidden")], text: " " + l.hiddenSuffix)))
                }.joined)
        }
        return HTML.el(
            "div", [("class", "ov-summary-card")],
            HTML.el("div", [("class", "ov-summary-card__title-wrapper")], bar)
                + HTML.el("div", [("class", "ov-summary-card__content")], SummaryList.render(rows)))
    }
}

/// Pagination (GOV.UK pattern): previous and next links and page numbers, with gaps shown as an
/// ellipsis, the current page marked with `aria-current`.
public enum Pagination {
    /// The links for `page` of `pageCount` (1-based); nothing when there is one page or none.
    /// `link` carries the page's other parameters; `?page=` (after `parameterPrefix`) is set on it.
    /// `anchor` is the id the links return to (the table's heading), so paging keeps the reader there.
    public static func render(page: Int, pageCount: Int, link: Query, label: String = "Pages", parameterPrefix: String = "", anchor: String? = nil) -> HTML {
        guard pageCount > 1 else { return .empty }
        let current = min(max(page, 1), pageCount)
        func href(_ p: Int) -> String { link.setting(parameterPrefix + "page", p == 1 ? nil : String(p)).href + (anchor.map { "#" + $0 } ?? "") }
        var parts = HTML.empty
        if current > 1 {
            parts += HTML.el(
                "div", [("class", "ov-pagination__prev")],
                HTML.el(
                    "a", [("class", "ov-pagination__link"), ("href", href(current - 1)), ("rel", "prev")],
                    .text("Previous") + HTML.el("span", [("class", "ov-visually-hidden")], text: " page")))
        }
        var items = HTML.empty
        for p in pageNumbers(current: current, count: pageCount) {
            if let p {
                let isCurrent = p == current
                items += HTML.el(
                    "li", [("class", isCurrent ? "ov-pagination__item ov-pagination__item--current" : "ov-pagination__item")],
                    HTML.el(
                        "a",
                        [
                            ("class", "ov-pagination__link"), ("href", href(p)), ("aria-label", "Page \(p)"),
                            ("aria-current", isCurrent ? "page" : nil),
                        ], text: String(p)))
            } else {
                items += HTML.el("li", [("class", "ov-pagination__item ov-pagination__item--ellipses")], text: "\u{2026}")
            }
        }
        parts += HTML.el("ul", [("class", "ov-pagination__list")], items)
        if current < pageCount {
            parts += HTML.el(
                "div", [("class", "ov-pagination__next")],
                HTML.el(
                    "a", [("class", "ov-pagination__link"), ("href", href(current + 1)), ("rel", "next")],
                    .text("Next") + HTML.el("span", [("class", "ov-visually-hidden")], text: " page")))
        }
        return HTML.el("nav", [("class", "ov-pagination"), ("aria-label", label)], parts)
    }

    /// The page numbers to show: the first, the last, and the current with one either side; nil
    /// stands for a gap.
    public static func pageNumbers(current: Int, count: Int) -> [Int?] {
        var shown = Set([1, count, current - 1, current, current + 1].filter { (1...count).contains($0) })
        // A gap of one page is shown as the page itself, not an ellipsis.
        for p in shown.sorted() where p + 2 <= count && shown.contains(p + 2) && !shown.contains(p + 1) { shown.insert(p + 1) }
        var out: [Int?] = []
        var last = 0
        for p in shown.sorted() {
            if p > last + 1 { out.append(nil) }
            out.append(p)
            last = p
        }
        return out
    }

    /// How many pages `total` items make at `perPage` a page (at least 1).
    public static func pageCount(total: Int, perPage: Int) -> Int { max(1, (total + perPage - 1) / max(perPage, 1)) }

    /// The slice of `items` on `page` (1-based, clamped to the valid pages).
    public static func slice<T>(_ items: [T], page: Int, perPage: Int) -> ArraySlice<T> {
        let count = pageCount(total: items.count, perPage: perPage)
        let p = min(max(page, 1), count)
        let start = (p - 1) * perPage
        return items[min(start, items.count)..<min(start + perPage, items.count)]
    }
}

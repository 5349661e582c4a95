import Synchronization

/// The HTML document around every page.
public enum Layout {
    /// The service's name.
    public static let serviceName = "Oversight"

    /// A whole HTML5 document: skip link, header (service and authority name, the signed-in user
    /// and a sign-out form), navigation, phase banner, breadcrumbs, `<main id="main">` holding
    /// `content`, and footer. `extraHead` is for page-specific head elements built by this module
    /// (the import page's refresh while it runs).
    ///
    /// The document is written into one string, front to back: the content (tens of kilobytes on
    /// the dashboards, cached) is copied once, not once per element around it.
    public static func page(_ page: PageChrome, content: HTML, extraHead: HTML = .empty) -> String {
        var doc = ""
        doc.reserveCapacity(content.markup.utf8.count + 8_192)
        doc += "<!DOCTYPE html>\n"
        doc += "<html lang=\"en-GB\">"
        let head: HTML = [
            HTML.void("meta", [("charset", "utf-8")]),
            HTML.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            HTML.void("meta", [("name", "robots"), ("content", "noindex, nofollow")]),
            HTML.el("title", text: documentTitle(page.title)),
            HTML.void("link", [("rel", "stylesheet"), ("href", SiteURL.stylesheet)]),
            extraHead,
        ].joined
        doc += HTML.el("head", [], head).markup
        doc += "<body class=\"ov-body-page\">"
        doc += HTML.el("a", [("href", "#main"), ("class", "ov-skip-link")], text: "Skip to main content").markup
        doc += header(page).markup
        doc += navigation(page.navigation).markup
        doc += "<div class=\"ov-width-container\">"
        if page.isSyntheticData {
            doc +=
                HTML.el(
                    "div", [("class", "ov-phase-banner")],
                    HTML.el(
                        "p", [("class", "ov-phase-banner__content")],
                        HTML.el("strong", [("class", "ov-tag ov-tag--blue ov-phase-banner__tag")], text: "Synthetic data")
                            + HTML.el("span", text: " Every child in this service is made up. No real person's data is shown."))
                ).markup
        }
        doc += breadcrumbs(page.breadcrumbs).markup
        doc += "<main id=\"main\" class=\"ov-main\" tabindex=\"-1\">"
        doc += content.markup
        doc += "</main></div>"
        doc += footer.markup
        doc += "</body></html>\n"
        return doc
    }

    /// "Page title – Oversight"; the service name alone for an empty title.
    public static func documentTitle(_ title: String) -> String {
        title.isEmpty ? serviceName : "\(title) \u{2013} \(serviceName)"
    }

    static func header(_ page: PageChrome) -> HTML {
        var inner = HTML.el(
            "div", [("class", "ov-header__brand")],
            HTML.el("a", [("href", SiteURL.overview), ("class", "ov-header__service")], text: serviceName)
                + HTML.el("span", [("class", "ov-header__authority")], text: page.authorityName))
        if let user = page.user {
            inner += HTML.el(
                "div", [("class", "ov-header__account")],
                HTML.el(
                    "p", [("class", "ov-header__user")],
                    HTML.el("span", [("class", "ov-header__name")], text: user.name)
                        + HTML.el("span", [("class", "ov-header__role")], text: user.role))
                    + HTML.el(
                        "form", [("method", "post"), ("action", SiteURL.signOut), ("class", "ov-header__sign-out")],
                        HTML.void("input", [("type", "hidden"), ("name", "csrf"), ("value", page.csrfToken)])
                            + HTML.el("button", [("type", "submit"), ("class", "ov-header__link-button")], text: "Sign out")))
        }
        return HTML.el("header", [("class", "ov-header")], HTML.el("div", [("class", "ov-header__container")], inner))
    }

    /// The navigation's markup, made once for each list of items (a role's sections with one current).
    static func navigation(_ items: [NavItem]) -> HTML {
        if let made = navigationMarkup.withLock({ $0[items] }) { return made }
        let made = makeNavigation(items)
        navigationMarkup.withLock { $0[items] = made }
        return made
    }

    private static let navigationMarkup = Mutex<[[NavItem]: HTML]>([:])

    static func makeNavigation(_ items: [NavItem]) -> HTML {
        guard !items.isEmpty else { return .empty }
        let lis = items.map { item in
            HTML.el(
                "li", [("class", item.isCurrent ? "ov-nav__item ov-nav__item--current" : "ov-nav__item")],
                HTML.el(
                    "a", [("href", item.href), ("class", "ov-nav__link"), ("aria-current", item.isCurrent ? "page" : nil)],
                    text: item.label))
        }
        return HTML.el(
            "nav", [("class", "ov-nav"), ("aria-label", "Main")],
            HTML.el("ul", [("class", "ov-nav__list")], lis.joined))
    }

    static func breadcrumbs(_ crumbs: [Breadcrumb]) -> HTML {
        guard !crumbs.isEmpty else { return .empty }
        let lis = crumbs.map { HTML.el("li", [("class", "ov-breadcrumbs__item")], HTML.el("a", [("href", $0.href)], text: $0.label)) }
        return HTML.el(
            "nav", [("class", "ov-breadcrumbs"), ("aria-label", "Breadcrumb")],
            HTML.el("ol", [("class", "ov-breadcrumbs__list")], lis.joined))
    }

    static let footer: HTML =
        HTML.el(
            "footer", [("class", "ov-footer")],
            HTML.el(
                "div", [("class", "ov-width-container")],
                HTML.el(
                    "p", [("class", "ov-footer__text")],
                    .text("Oversight: the improvement plan, statutory data, measures and quality assurance for children's services."))))
}

import Foundation
import OversightCore
import OversightViews
import Vapor

/// Views of children's records happen only by navigation within the site, so a link on another
/// site (or in an e-mail, or a bookmark) cannot make a signed-in user's browser open a child's
/// record and write that view into the activity log against them.
///
/// The rule: a GET of a route that shows children's records (`routes`) is answered only when the
/// browser says it came from a page of this site: `Sec-Fetch-Site: same-origin` (every current
/// browser sends it); from a browser that does not send it, a `Referer` naming this host (the
/// site's pages send one: `Referrer-Policy: same-origin`). Anything else (`cross-site`,
/// `same-site`, `none`, or no sign at all) gets a page that records nothing and links to the
/// same address, which, followed, is a navigation within the site. The API is not affected: it
/// takes bearer tokens, which a browser never sends by itself.
enum ChildViewGuard {
    /// The routes whose GET writes a view of child-level data to the activity log.
    static let routes: Set<String> = [
        "child", "measure", "measure-numerator-csv", "measure-denominator-csv", "measure-numerator-xlsx",
        "measure-denominator-xlsx", "import", "import-findings-csv", "import-findings-xlsx", "audit", "lists", "lists-download", "clinics",
        "clinics-download", "feedback-responses",
    ]

    /// Whether the request to `route` by a user of `role` needs to come from the site.
    static func applies(to route: SiteRoute, role: Role) -> Bool {
        route.method == .GET && !route.isAPI && routes.contains(route.name) && (route.name != "measure" || role.seesChildLevelData)
    }

    /// Whether the browser says the request came from a page of this site.
    static func isFromThisSite(_ request: Request) -> Bool {
        if let site = request.headers.first(name: "Sec-Fetch-Site") { return site.lowercased() == "same-origin" }
        guard let referer = request.headers.first(name: .referer), let url = URLComponents(string: referer), let host = url.host,
            let requestHost = request.headers.first(name: .host)
        else { return false }
        return (host + (url.port.map { ":\($0)" } ?? "")).lowercased() == requestHost.lowercased()
    }

    /// The page that stands in for the record: what happened and a link to open it.
    static func interstitial(_ request: Request, target: String) -> Response {
        var out = HTML.el("h1", [("class", "ov-heading-xl")], text: "Open this record?")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text:
                "You came to a page that shows children's records from outside Oversight: a link on another site, in an e-mail or document, or an address typed in. Nothing has been opened yet."
        )
        out += HTML.el("p", [("class", "ov-body")], text: "Opening it is written in the activity log under your name. Open it only if you meant to.")
        out += HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", target), ("class", "ov-link")], text: "Open the record"))
        out += HTML.el("p", [("class", "ov-body")], HTML.el("a", [("href", SiteURL.overview), ("class", "ov-link")], text: "Go to the overview instead"))
        return Pages.page(request, title: "Open this record?", section: nil, content: out)
    }
}

/// Thrown by `Gate` for a request to a child's records that did not come from the site.
struct ChildViewFromElsewhere: Error {
    /// The address asked for (a path on this site, with its query).
    var target: String
}

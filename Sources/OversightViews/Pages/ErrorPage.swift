/// The pages shown for a request that cannot be answered: plain words, never details.
public enum ErrorPage {
    /// Which problem.
    public enum Kind: Int, Sendable, CaseIterable {
        case notFound = 404
        case forbidden = 403
        case serverError = 500
    }

    /// What the page shows.
    public struct Model: Sendable {
        public var kind: Kind
        public init(kind: Kind) { self.kind = kind }
    }

    /// The HTTP status the page goes with.
    public static func status(_ model: Model) -> Int { model.kind.rawValue }

    /// The page title (its heading).
    public static func title(_ model: Model) -> String {
        switch model.kind {
        case .notFound: return "Page not found"
        case .forbidden: return "You do not have access to this page"
        case .serverError: return "Sorry, there is a problem with the service"
        }
    }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = HTML.el("h1", [("class", "ov-heading-xl")], text: title(model))
        let paragraphs: [HTML]
        switch model.kind {
        case .notFound:
            paragraphs = [
                .text("If you typed the web address, check it is correct."),
                .text("If you pasted the web address, check you copied the entire address."),
                .text("Go to the ") + HTML.el("a", [("href", SiteURL.overview)], text: "overview") + .text("."),
            ]
        case .forbidden:
            paragraphs = [
                .text("Your role does not include this page."),
                .text("If you think you need it for your work, ask your Oversight administrator."),
                .text("Go to the ") + HTML.el("a", [("href", SiteURL.overview)], text: "overview") + .text("."),
            ]
        case .serverError:
            paragraphs = [
                .text("Try again later."),
                .text("If you were saving a form, go back and check whether your changes were saved before you try again."),
                .text("If it keeps happening, tell your Oversight administrator the time you saw this page."),
            ]
        }
        out += paragraphs.map { HTML.el("p", [("class", "ov-body")], $0) }.joined
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }
}

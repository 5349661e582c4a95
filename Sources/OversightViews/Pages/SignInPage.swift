/// The sign-in form: username, password, the CSRF token; comes back with an error summary and
/// the username kept.
public enum SignInPage {
    /// What the page shows.
    public struct Model: Sendable {
        /// The username as typed (kept when the form comes back).
        public var username: String
        public var csrfToken: String
        public var errors: [FieldError]
        /// A notice above the form ("You have been signed out", "Your session ended after 30 minutes without use").
        public var notice: String?
        /// Where to go after signing in (a path on this site, kept in a hidden field).
        public var returnTo: String?
        /// The authorities to choose from, when the store holds users of more than one (usernames
        /// are unique only within an authority); empty: no choice shown.
        public var authorities: [FormOption]
        /// The authority chosen (kept when the form comes back).
        public var authority: String
        /// The authorities whose staff may sign in with their council account (single sign-on):
        /// value is the authority's code, label its name.
        public var singleSignOn: [FormOption] = []

        public init(
            username: String = "", csrfToken: String, errors: [FieldError] = [], notice: String? = nil, returnTo: String? = nil,
            authorities: [FormOption] = [], authority: String = ""
        ) {
            self.username = username; self.csrfToken = csrfToken; self.errors = errors; self.notice = notice; self.returnTo = returnTo
            self.authorities = authorities; self.authority = authority
        }
    }

    /// The page title ("Error: Sign in" when the form has errors).
    public static func title(_ model: Model) -> String { ErrorSummary.title("Sign in", hasErrors: !model.errors.isEmpty) }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        func error(_ id: String) -> String? { model.errors.first { $0.fieldID == id }?.message }
        var out = ErrorSummary.render(model.errors)
        if let notice = model.notice { out += Notice.banner(.important, heading: notice) }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Sign in")
        if !model.singleSignOn.isEmpty {
            var sso = HTML.empty
            for option in model.singleSignOn {
                var link = SitePath.singleSignOn.link() + "?authority=" + option.value
                if let r = model.returnTo, r.hasPrefix("/"), !r.hasPrefix("//") {
                    link += "&returnTo=" + (r.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_."))) ?? "")
                }
                sso += Button.link("Sign in with your \(option.label) account", href: link, kind: .primary)
            }
            let error = model.errors.first { $0.fieldID == "single-sign-on" }?.message
            out += HTML.el(
                "div", [("id", "single-sign-on"), ("class", "ov-form-group" + (error == nil ? "" : " ov-form-group--error"))],
                (error.map { HTML.el("p", [("class", "ov-error-message")], .el("span", [("class", "ov-visually-hidden")], text: "Error: ") + .text($0)) } ?? .empty)
                    + sso)
            out += HTML.el("p", [("class", "ov-body")], text: "Or sign in with a password, if your administrator gave you one:")
        }
        var form = FormGroup.hidden(name: "csrf", value: model.csrfToken)
        if let r = model.returnTo, r.hasPrefix("/"), !r.hasPrefix("//") { form += FormGroup.hidden(name: "returnTo", value: r) }
        if !model.authorities.isEmpty {
            form += FormGroup.select(
                id: "authority", label: "Local authority", options: [FormOption(value: "", label: "Choose")] + model.authorities,
                selected: model.authority, error: error("authority"))
        }
        form += FormGroup.text(
            id: "username", label: "Username", value: model.username, error: error("username"),
            autocomplete: "username", width: "20")
        form += FormGroup.password(id: "password", label: "Password", error: error("password"))
        form += Button.render("Sign in")
        out += HTML.el("form", [("method", "post"), ("action", SiteURL.signIn), ("novalidate", "")], form)
        out += HTML.el("p", [("class", "ov-body")], text: "If you have forgotten your password or your account is locked, ask your Oversight administrator.")
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }
}

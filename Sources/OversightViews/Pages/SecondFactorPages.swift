/// The second step of signing in, for every role that sees children's records and for
/// administrators: a code from an authenticator app (or a recovery code), and, at the first
/// sign-in, setting the app up.
public enum SecondFactorPage {
    /// What the code page shows.
    public struct Model: Sendable {
        public var csrfToken: String
        public var errors: [FieldError]
        /// Where to go once signed in (a path on this site, kept in a hidden field).
        public var returnTo: String?

        public init(csrfToken: String, errors: [FieldError] = [], returnTo: String? = nil) {
            self.csrfToken = csrfToken; self.errors = errors; self.returnTo = returnTo
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { ErrorSummary.title("Enter the code from your authenticator app", hasErrors: !model.errors.isEmpty) }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = ErrorSummary.render(model.errors)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Enter the code from your authenticator app")
        out += HTML.el("p", [("class", "ov-body")], text: "Your account can see children's records, so signing in takes a second step.")
        var form = FormGroup.hidden(name: "csrf", value: model.csrfToken)
        if let r = model.returnTo, r.hasPrefix("/"), !r.hasPrefix("//") { form += FormGroup.hidden(name: "returnTo", value: r) }
        form += FormGroup.text(
            id: "code", label: "Code", hint: "The 6 digits your app shows now. If you do not have your phone, enter one of your recovery codes.",
            error: model.errors.first { $0.fieldID == "code" }?.message, autocomplete: "off", width: "10")
        form += Button.render("Continue")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.secondFactor.link()), ("novalidate", "")], form)
        out += HTML.el("p", [("class", "ov-body")], text: "Lost your phone and your recovery codes? Ask your Oversight administrator to reset your authenticator.")
        out += signOutForm(csrf: model.csrfToken)
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }

    /// A way out: signing out from a page that opens nothing else.
    static func signOutForm(csrf: String) -> HTML {
        Button.postForm("Sign out", action: SitePath.signOut.link(), csrfToken: csrf, kind: .secondary)
    }
}

/// Setting up an authenticator app: the key to add to the app, then a first code from it.
public enum AuthenticatorSetUpPage {
    /// What the page shows.
    public struct Model: Sendable {
        public var csrfToken: String
        public var errors: [FieldError]
        /// The key in base32, as the app takes it.
        public var key: String
        /// The account's name, shown in the app beside its codes.
        public var accountName: String
        /// Where to go once signed in.
        public var returnTo: String?

        public init(csrfToken: String, key: String, accountName: String, errors: [FieldError] = [], returnTo: String? = nil) {
            self.csrfToken = csrfToken; self.key = key; self.accountName = accountName; self.errors = errors; self.returnTo = returnTo
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { ErrorSummary.title("Set up an authenticator app", hasErrors: !model.errors.isEmpty) }

    /// The `otpauth:` address phones open in their authenticator app (the de facto format of
    /// Google Authenticator's key URI, which every common app reads).
    public static func keyURI(key: String, accountName: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        func encode(_ s: String) -> String {
            s.utf8.map { allowed.contains(Character(UnicodeScalar($0))) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        }
        return "otpauth://totp/Oversight:\(encode(accountName))?secret=\(key)&issuer=Oversight&algorithm=SHA1&digits=6&period=30"
    }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        var out = ErrorSummary.render(model.errors)
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Set up an authenticator app")
        out += HTML.el(
            "p", [("class", "ov-body")],
            text: "Your account can see children's records, so signing in takes a code from an app on your phone as well as your password. You set this up once.")
        var steps = HTML.el("li", [], text: "Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or your council's own).")
        steps += HTML.el(
            "li", [],
            .text("Add an account by entering a key (sometimes called \"enter a setup key\" or \"enter code manually\"). Type this key: ")
                + HTML.el("strong", [("id", "authenticator-key"), ("class", "ov-code")], text: Base32Text.grouped(model.key))
                + .text(" with the account name ") + HTML.el("strong", [], text: "Oversight (\(model.accountName))") + .text(". Choose time based if asked."))
        steps += HTML.el(
            "li", [],
            .text("On a phone, you can instead ")
                + HTML.el("a", [("class", "ov-link"), ("href", keyURI(key: model.key, accountName: model.accountName))], text: "open this key in your authenticator app")
                + .text("."))
        steps += HTML.el("li", [], text: "Enter the 6-digit code the app then shows.")
        out += HTML.el("ol", [("class", "ov-list ov-list--number")], steps)
        var form = FormGroup.hidden(name: "csrf", value: model.csrfToken)
        if let r = model.returnTo, r.hasPrefix("/"), !r.hasPrefix("//") { form += FormGroup.hidden(name: "returnTo", value: r) }
        form += FormGroup.text(
            id: "code", label: "Code from the app", error: model.errors.first { $0.fieldID == "code" }?.message,
            autocomplete: "off", width: "10")
        form += Button.render("Continue")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.authenticatorSetUp.link()), ("novalidate", "")], form)
        out += SecondFactorPage.signOutForm(csrf: model.csrfToken)
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }
}

/// The recovery codes, shown once after the authenticator is set up.
public enum RecoveryCodesPage {
    /// The page title.
    public static let title = "Save your recovery codes"

    /// The main content: the codes and a link on to the page asked for.
    public static func render(codes: [String], next: String) -> HTML {
        var out = Notice.banner(.success, heading: "Your authenticator app is set up")
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: title)
        out += HTML.el(
            "p", [("class", "ov-body")],
            text:
                "If you lose your phone, each of these codes signs you in once in place of a code from the app. Keep them somewhere safe, away from your phone: they are shown only now."
        )
        out += HTML.el("ul", [("id", "recovery-codes"), ("class", "ov-list ov-code")], HTML.join(codes.map { HTML.el("li", [], text: $0) }))
        out += Button.link("Continue", href: next)
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }
}

/// Base32 keys written for people: groups of four characters.
enum Base32Text {
    static func grouped(_ text: String) -> String {
        var groups: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4))); rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }
}

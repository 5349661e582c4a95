import Foundation

/// Users (administrators): the list of users with their roles, an add-user form, and for each
/// active user buttons to disable them, reset their password or reset their authenticator app.
public enum UsersPage {
    /// One user.
    public struct UserRow: Sendable, Hashable {
        public var username: String
        public var displayName: String
        /// The role in words.
        public var role: String
        public var isDisabled: Bool
        public var lastSignIn: Date?
        /// Whether the user has set up an authenticator app (the second step of signing in).
        public var hasAuthenticator: Bool
        public init(username: String, displayName: String, role: String, isDisabled: Bool, lastSignIn: Date? = nil, hasAuthenticator: Bool = false) {
            self.username = username; self.displayName = displayName; self.role = role; self.isDisabled = isDisabled; self.lastSignIn = lastSignIn
            self.hasAuthenticator = hasAuthenticator
        }
    }

    /// The add-user form's values (kept when it comes back with errors).
    public struct NewUser: Sendable, Hashable {
        public var username: String
        public var displayName: String
        public var role: String
        public init(username: String = "", displayName: String = "", role: String = "") {
            self.username = username; self.displayName = displayName; self.role = role
        }
    }

    /// What the page shows.
    public struct Model: Sendable {
        public var users: [UserRow]
        /// The roles offered: value is the role's id, label its words.
        public var roles: [FormOption]
        public var newUser: NewUser
        public var errors: [FieldError]
        public var csrfToken: String
        /// What the password policy asks, as a hint ("At least 12 characters").
        public var passwordHint: String
        /// A success message after an action ("Amy Example was added").
        public var notice: String?

        public init(
            users: [UserRow], roles: [FormOption], newUser: NewUser = NewUser(), errors: [FieldError] = [], csrfToken: String,
            passwordHint: String, notice: String? = nil
        ) {
            self.users = users; self.roles = roles; self.newUser = newUser; self.errors = errors; self.csrfToken = csrfToken
            self.passwordHint = passwordHint; self.notice = notice
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { ErrorSummary.title("Users", hasErrors: !model.errors.isEmpty) }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        func error(_ id: String) -> String? { model.errors.first { $0.fieldID == id }?.message }
        var out = ErrorSummary.render(model.errors)
        if let n = model.notice { out += Notice.banner(.success, heading: n) }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Users")
        let rows = model.users.map { u -> [HTML] in
            var actions = HTML.empty
            if !u.isDisabled {
                actions += Button.postForm(
                    "Reset password", action: SiteURL.userResetPassword(u.username), csrfToken: model.csrfToken,
                    kind: .secondary, screenReaderSuffix: " for \(u.displayName)")
                if u.hasAuthenticator {
                    actions += Button.postForm(
                        "Reset authenticator", action: SiteURL.userResetAuthenticator(u.username), csrfToken: model.csrfToken,
                        kind: .secondary, screenReaderSuffix: " for \(u.displayName)")
                }
                actions += Button.postForm(
                    "Disable", action: SiteURL.userDisable(u.username), csrfToken: model.csrfToken,
                    kind: .warning, screenReaderSuffix: " \(u.displayName)")
            }
            return [
                .text(u.displayName), .text(u.username), .text(u.role),
                u.isDisabled ? StatusTag.render("Disabled", colour: .grey) : StatusTag.render("Active", colour: .green),
                .text(u.hasAuthenticator ? "Set up" : "Not set up"),
                .text(u.lastSignIn.map(Format.timestamp) ?? "Never"), HTML.el("div", [("class", "ov-button-group")], actions),
            ]
        }
        out += DataTable(
            caption: "Users", isCaptionVisible: false,
            columns: [
                .init("name", "Name"), .init("username", "Username"), .init("role", "Role"), .init("status", "Status"),
                .init("authenticator", "Authenticator app"), .init("last", "Last signed in"), .init("actions", "Actions"),
            ],
            rows: rows, emptyMessage: "There are no users."
        ).render()
        out += HTML.el("h2", [("class", "ov-heading-l"), ("id", "add-user")], text: "Add a user")
        var form = FormGroup.hidden(name: "csrf", value: model.csrfToken)
        form += FormGroup.text(id: "displayName", label: "Full name", value: model.newUser.displayName, error: error("displayName"), autocomplete: "off")
        form += FormGroup.text(
            id: "username", label: "Username", hint: "Letters, numbers, dots and hyphens", value: model.newUser.username,
            error: error("username"), autocomplete: "off", width: "20")
        form += FormGroup.select(
            id: "role", label: "Role", options: [FormOption(value: "", label: "Choose a role")] + model.roles,
            selected: model.newUser.role, error: error("role"))
        form += FormGroup.password(
            id: "password", label: "Temporary password", hint: model.passwordHint,
            error: error("password"), autocomplete: "new-password")
        form += Button.render("Add user")
        out += HTML.el("form", [("method", "post"), ("action", SiteURL.users), ("novalidate", ""), ("aria-labelledby", "add-user")], form)
        return out
    }
}

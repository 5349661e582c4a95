/// Changing one's own password: the current password, the new one twice, and what the policy
/// asks. When an administrator set the password, it says that it must be changed first.
public enum ChangePasswordPage {
    /// What the page shows.
    public struct Model: Sendable {
        public var csrfToken: String
        public var errors: [FieldError]
        /// Whether the password was set by an administrator and must be changed before anything else.
        public var isRequired: Bool
        /// What the password policy asks, as a hint.
        public var policyHint: String

        public init(
            csrfToken: String, errors: [FieldError] = [], isRequired: Bool = false,
            policyHint: String = "At least 12 characters. Three or more random words work well, for example \"amber willow lantern\"."
        ) {
            self.csrfToken = csrfToken; self.errors = errors; self.isRequired = isRequired; self.policyHint = policyHint
        }
    }

    /// The page title.
    public static func title(_ model: Model) -> String { ErrorSummary.title("Change your password", hasErrors: !model.errors.isEmpty) }

    /// The main content.
    public static func render(_ model: Model) -> HTML {
        func error(_ id: String) -> String? { model.errors.first { $0.fieldID == id }?.message }
        var out = ErrorSummary.render(model.errors)
        if model.isRequired {
            out += Notice.banner(.important, heading: "Your password was set by an administrator. Choose a new one before you go on.")
        }
        out += HTML.el("h1", [("class", "ov-heading-xl")], text: "Change your password")
        var form = FormGroup.hidden(name: "csrf", value: model.csrfToken)
        form += FormGroup.password(id: "currentPassword", label: "Current password", error: error("currentPassword"), autocomplete: "current-password")
        form += FormGroup.password(id: "newPassword", label: "New password", hint: model.policyHint, error: error("newPassword"), autocomplete: "new-password")
        form += FormGroup.password(id: "confirmPassword", label: "New password again", error: error("confirmPassword"), autocomplete: "new-password")
        form += Button.render("Change password")
        out += HTML.el("form", [("method", "post"), ("action", SitePath.changePassword.link()), ("novalidate", "")], form)
        return HTML.el("div", [("class", "ov-grid-row")], HTML.el("div", [("class", "ov-column-two-thirds")], out))
    }
}

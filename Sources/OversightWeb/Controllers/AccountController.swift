import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// The signed-in user's own account: changing their password. A password an administrator set
/// (a new user's, or after a reset) must be changed here before any other page opens (`Gate`).
enum AccountController {
    struct Form: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    /// GET /account/password
    static func passwordForm(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        return page(req, ChangePasswordPage.Model(csrfToken: req.signed?.csrf ?? "", isRequired: user.mustChangePassword))
    }

    static func page(_ req: Request, _ model: ChangePasswordPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.page(req, title: ChangePasswordPage.title(model), section: nil, content: ChangePasswordPage.render(model), status: status)
    }

    /// POST /account/password: checks the current password (as a sign-in does, counted against
    /// the lockout), the new one against the policy and its repetition; on success every session
    /// of the user ends and this browser gets a new one.
    static func changePassword(_ req: Request) async throws -> Response {
        let user = try req.requireUser
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let current = form.currentPassword ?? "", new = form.newPassword ?? "", again = form.confirmPassword ?? ""
        func refuse(_ errors: [FieldError]) -> Response {
            page(
                req, ChangePasswordPage.Model(csrfToken: req.signed?.csrf ?? "", errors: errors, isRequired: user.mustChangePassword),
                status: .unprocessableEntity)
        }
        var errors: [FieldError] = []
        if current.isEmpty { errors.append(FieldError(fieldID: "currentPassword", message: "Enter your current password")) }
        if new.isEmpty {
            errors.append(FieldError(fieldID: "newPassword", message: "Enter a new password"))
        } else if new != again {
            errors.append(FieldError(fieldID: "confirmPassword", message: "The new passwords do not match"))
        }
        if !errors.isEmpty { return refuse(errors) }
        let services = req.services
        let outcome: PasswordChangeOutcome
        do {
            outcome = try await services.accounts.changePassword(userID: user.id, current: current, new: new)
        } catch is PasswordHashingPool.Busy {
            return refuse([FieldError(fieldID: "currentPassword", message: "Too many people are signing in at once. Try again in a minute")])
        }
        switch outcome {
        case .refused(let problems):
            return refuse(problems.map { FieldError(fieldID: "newPassword", message: $0) }.prefix(1).map { $0 })
        case .wrongPassword:
            try await services.accounts.record(authority: user.authority, user: user.username, action: "password change refused, wrong password", target: "", isChildLevel: false)
            return refuse([FieldError(fieldID: "currentPassword", message: "Your current password is not right")])
        case .locked(let until):
            try await services.accounts.record(authority: user.authority, user: user.username, action: "password change refused, name locked", target: "", isChildLevel: false)
            let time = DateFormatter.localizedString(from: until, dateStyle: .none, timeStyle: .short)
            return refuse([FieldError(fieldID: "currentPassword", message: "Too many wrong passwords. Try again after \(time)")])
        case .changed(let changed):
            if let old = req.cookies[req.sessionCookieName]?.string { await services.sessions.forget(old) }
            let session = try await services.accounts.startSession(for: changed)
            try await services.accounts.record(authority: user.authority, user: user.username, action: "changed password", target: "", isChildLevel: false)
            let response = req.redirect(to: SiteURL.overview, redirectType: .normal)
            response.cookies[req.sessionCookieName] = HTTPCookies.Value(
                string: session.token, path: "/", isSecure: services.options.secureCookies,
                isHTTPOnly: true, sameSite: .lax)
            return response
        }
    }
}

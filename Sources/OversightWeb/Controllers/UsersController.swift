import Foundation
import OversightCore
import OversightStore
import OversightViews
import Vapor

/// Users and roles (administrators), scoped to the administrator's own authority.
enum UsersController {
    struct AddForm: Content {
        var displayName: String?
        var username: String?
        var role: String?
        var password: String?
    }

    static func model(_ req: Request, newUser: UsersPage.NewUser = UsersPage.NewUser(), errors: [FieldError] = [], notice: String? = nil) async throws -> UsersPage.Model {
        let user = try req.requireUser
        let accounts = req.services.accounts
        let users = try await accounts.users(authority: user.authority)
        let withApp = try await accounts.usersWithSecondFactor(authority: user.authority)
        let lastSignIns = try await accounts.lastSignIns(authority: user.authority)
        return UsersPage.Model(
            users: users.map {
                UsersPage.UserRow(
                    username: $0.username, displayName: $0.displayName, role: $0.role.title, isDisabled: $0.isDisabled,
                    lastSignIn: lastSignIns[$0.username], hasAuthenticator: withApp.contains($0.id))
            },
            roles: Role.allCases.map { FormOption(value: $0.rawValue, label: $0.title) },
            newUser: newUser, errors: errors, csrfToken: req.signed?.csrf ?? "",
            passwordHint: "At least 12 characters. Three random words work well. The user should change it when they first sign in.",
            notice: notice)
    }

    static func page(_ req: Request, _ model: UsersPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.page(req, title: UsersPage.title(model), section: "Users", content: UsersPage.render(model), status: status)
    }

    /// GET /users
    static func index(_ req: Request) async throws -> Response {
        page(req, try await model(req))
    }

    /// POST /users: adds a user; wrong values bring the form back with the input kept.
    static func add(_ req: Request) async throws -> Response {
        let admin = try req.requireUser
        let form = (try? req.content.decode(AddForm.self)) ?? AddForm()
        let kept = UsersPage.NewUser(username: form.username ?? "", displayName: form.displayName ?? "", role: form.role ?? "")
        var errors: [FieldError] = []
        if kept.displayName.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(fieldID: "displayName", message: "Enter the user's full name")) }
        if kept.username.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(fieldID: "username", message: "Enter a username")) }
        let role = Role(rawValue: kept.role)
        if role == nil { errors.append(FieldError(fieldID: "role", message: "Choose a role")) }
        if role == .partnerAuditor { errors.append(FieldError(fieldID: "role", message: "Add partner auditors with `oversight users add --agency`, which records their agency")) }
        if role == .regional {
            errors.append(FieldError(fieldID: "role", message: "Add regional analysts with `oversight users add --la REGION`: they belong to a region, not to this authority"))
        }
        let password = form.password ?? ""
        let problems = PasswordPolicy().problems(password: password, username: kept.username.lowercased())
        if password.isEmpty {
            errors.append(FieldError(fieldID: "password", message: "Enter a temporary password"))
        } else if let first = problems.first {
            errors.append(FieldError(fieldID: "password", message: first))
        }
        if errors.isEmpty, let role {
            do {
                try await req.services.accounts.addUser(
                    authority: admin.authority, username: kept.username, displayName: kept.displayName, role: role,
                    password: password, mustChangePassword: true)
                try await req.services.accounts.record(
                    authority: admin.authority, user: admin.username, action: "added user", target: kept.username.lowercased(), isChildLevel: false)
                return page(req, try await model(req, notice: "\(kept.displayName) was added as \(role.title.lowercased())."))
            } catch let e as StoreError {
                errors.append(FieldError(fieldID: "username", message: e.description.prefix(1).uppercased() + e.description.dropFirst()))
            }
        }
        return page(req, try await model(req, newUser: kept, errors: errors), status: .unprocessableEntity)
    }

    /// POST /users/:name/disable and /enable
    static func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let admin = try req.requireUser
        let name = req.parameters.get("name") ?? ""
        guard try await req.services.accounts.users(authority: admin.authority).contains(where: { $0.username == name }) else { throw Abort(.notFound) }
        if disabled && name == admin.username {
            return page(req, try await model(req, errors: [FieldError(fieldID: "username", message: "You cannot disable your own account")]), status: .unprocessableEntity)
        }
        try await req.services.accounts.setDisabled(disabled, username: name, authority: admin.authority)
        await req.services.sessions.forgetAll()
        try await req.services.accounts.record(
            authority: admin.authority, user: admin.username, action: disabled ? "disabled user" : "enabled user", target: name, isChildLevel: false)
        return page(req, try await model(req, notice: "\(name) was \(disabled ? "disabled" : "enabled")."))
    }

    /// POST /users/:name/reset-password: sets a new random temporary password and shows it once.
    static func resetPassword(_ req: Request) async throws -> Response {
        let admin = try req.requireUser
        let name = req.parameters.get("name") ?? ""
        guard try await req.services.accounts.users(authority: admin.authority).contains(where: { $0.username == name }) else { throw Abort(.notFound) }
        let temporary = temporaryPassword()
        try await req.services.accounts.resetPassword(username: name, authority: admin.authority, newPassword: temporary, requireChange: true)
        await req.services.sessions.forgetAll()
        try await req.services.accounts.record(authority: admin.authority, user: admin.username, action: "reset password", target: name, isChildLevel: false)
        return page(req, try await model(req, notice: "New temporary password for \(name): \(temporary) (shown once; give it to them in person or by phone)."))
    }

    /// POST /users/:name/reset-authenticator: removes the user's authenticator app and recovery
    /// codes and ends their sessions; they set up a new app at their next sign-in.
    static func resetAuthenticator(_ req: Request) async throws -> Response {
        let admin = try req.requireUser
        let name = req.parameters.get("name") ?? ""
        guard try await req.services.accounts.users(authority: admin.authority).contains(where: { $0.username == name }) else { throw Abort(.notFound) }
        try await req.services.accounts.resetSecondFactor(username: name, authority: admin.authority)
        await req.services.sessions.forgetAll()
        try await req.services.accounts.record(
            authority: admin.authority, user: admin.username, action: "reset authenticator app", target: name, isChildLevel: false)
        return page(req, try await model(req, notice: "\(name)'s authenticator app was removed. They set up a new one when they next sign in."))
    }

    static func temporaryPassword() -> String { RandomPassword.make() }
}

import ArgumentParser
import Foundation
import OversightCore
import OversightStore
import OversightWeb

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list, disable and reset the passwords of the people who sign in; make, list and revoke API tokens.",
        subcommands: [Add.self, List.self, SetEmail.self, Disable.self, Enable.self, ResetPassword.self, ResetAuthenticator.self, LinkSingleSignOn.self, Token.self, Tokens.self]
    )

    static var roleList: String { Role.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads a password from `OVERSIGHT_PASSWORD` or standard input (one line), never from the
    /// command line, where other users of the machine could see it.
    static func readPassword() throws -> String {
        if let p = ProcessInfo.processInfo.environment["OVERSIGHT_PASSWORD"], !p.isEmpty { return p }
        FileHandle.standardError.write(Data("Password (at least 12 characters; three random words work well): ".utf8))
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CLIError.usage("no password given: type it when asked, or set OVERSIGHT_PASSWORD")
        }
        return line
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user. The password is read from standard input or OVERSIGHT_PASSWORD.")
        @Argument(help: "Username (letters, digits, dots, hyphens).") var username: String
        @Option(help: "Role: \(UsersCommand.roleList).") var role: String
        @Option(help: "Local authority code (e.g. 358).") var la: String
        @Option(help: "Full name as pages show it.") var name: String?
        @Option(help: "For partner auditors: police, health, education or early-help.") var agency: String?
        @Option(help: "Team, where it matters (managers, auditors).") var team: String?
        @Option(help: "E-mail address, for reminders of their overdue actions.") var email: String?

        func run() throws {
            guard let r = Role.parse(role) else { throw CLIError.usage("unknown role '\(role)'; roles are \(UsersCommand.roleList)") }
            let password = try UsersCommand.readPassword()
            let (username, la, name, agency, team, email) = (self.username, self.la, self.name, self.agency, self.team, self.email)
            let user = try StoreSession.run { store in
                try await store.accounts(hasher: BcryptHasher()).addUser(
                    authority: la, username: username, displayName: name ?? username,
                    role: r, password: password, agency: agency, team: team, email: email)
            }
            print("Added \(user.username) (\(user.role.title), authority \(user.authority)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users of an authority.")
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let la = self.la
            let users = try StoreSession.run { store in try await store.accounts(hasher: BcryptHasher()).users(authority: la) }
            if users.isEmpty { print("No users in authority \(la)."); return }
            for u in users {
                let state =
                    u.isDisabled
                    ? "disabled"
                    : (u.lockedUntil.map { $0 > Date() ? "locked" : "active" } ?? "active")
                        + (u.mustChangePassword ? ", must change password" : "")
                print([u.username, u.role.rawValue, u.displayName, u.agency ?? "", state].joined(separator: "\t"))
            }
        }
    }

    struct SetEmail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-email", abstract: "Set where a user's reminders (their overdue actions) are sent; an empty address clears it.")
        @Argument var username: String
        @Argument var email: String
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let (username, la, email) = (self.username, self.la, self.email.trimmingCharacters(in: .whitespaces))
            try StoreSession.run { store in
                try await store.accounts(hasher: BcryptHasher()).setEmail(username: username, authority: la, email: email.isEmpty ? nil : email)
            }
            print(email.isEmpty ? "Cleared \(username)'s e-mail address." : "Reminders for \(username) go to \(email).")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: they cannot sign in and their sessions end.")
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let (username, la) = (self.username, self.la)
            try StoreSession.run { store in try await store.accounts(hasher: BcryptHasher()).setDisabled(true, username: username, authority: la) }
            print("Disabled \(username).")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user again.")
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let (username, la) = (self.username, self.la)
            try StoreSession.run { store in try await store.accounts(hasher: BcryptHasher()).setDisabled(false, username: username, authority: la) }
            print("Enabled \(username).")
        }
    }

    struct ResetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract:
                "Set a new password (from standard input or OVERSIGHT_PASSWORD); clears a lock and ends the user's sessions. The user must change it at their next sign-in unless --permanent."
        )
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        @Flag(help: "Do not ask the user to change the password at their next sign-in (for a password they chose).") var permanent = false
        func run() throws {
            let password = try UsersCommand.readPassword()
            let (username, la, permanent) = (self.username, self.la, self.permanent)
            try StoreSession.run { store in
                try await store.accounts(hasher: BcryptHasher()).resetPassword(
                    username: username, authority: la, newPassword: password,
                    requireChange: !permanent)
            }
            print("New password set for \(username)" + (permanent ? "." : "; they must change it when they next sign in."))
        }
    }

    struct ResetAuthenticator: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-authenticator",
            abstract:
                "Remove a user's authenticator app and recovery codes (a lost phone) and end their sessions; they set up a new app at their next sign-in. Recorded in the activity log."
        )
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let (username, la) = (self.username, self.la)
            try StoreSession.run { store in
                let accounts = store.accounts(hasher: BcryptHasher())
                try await accounts.resetSecondFactor(username: username, authority: la)
                try await accounts.record(authority: la, user: "command line", action: "reset authenticator app", target: username.lowercased(), isChildLevel: false)
            }
            print("Removed \(username)'s authenticator app; they set up a new one when they next sign in.")
        }
    }

    struct LinkSingleSignOn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link-sso",
            abstract: "Link a user to their council account: the value of the authority's single sign-on claim (their email, say). Recorded in the activity log."
        )
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        @Option(help: "The claim's value for this user; empty to unlink.") var identity: String
        func run() throws {
            let (username, la, identity) = (self.username, self.la, self.identity)
            try StoreSession.run { store in
                let accounts = store.accounts(hasher: BcryptHasher())
                try await accounts.setSingleSignOnIdentity(username: username, authority: la, identity: identity)
                try await accounts.record(
                    authority: la, user: "command line", action: identity.isEmpty ? "unlinked single sign-on" : "linked single sign-on",
                    target: username.lowercased(), isChildLevel: false)
            }
            print(identity.isEmpty ? "Unlinked \(username)." : "Linked \(username) to \(identity.lowercased()).")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for a user (shown once; the API has the user's permissions). It lasts 90 days unless --days says less.")
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        @Option(help: "What the token is for.") var name: String = "api"
        @Option(help: "Days the token lasts (1 to 366).") var days: Int = 90
        @Flag(help: "The token may only read (GET), never change anything.") var readOnly = false
        func run() throws {
            guard (1...366).contains(days) else { throw CLIError.usage("--days must be between 1 and 366") }
            let (username, la, name, days, readOnly) = (self.username, self.la, self.name, self.days, self.readOnly)
            let token = try StoreSession.run { store in
                try await store.accounts(hasher: BcryptHasher()).createAPIToken(
                    username: username, authority: la, name: name,
                    lifetime: TimeInterval(days) * 86_400, readOnly: readOnly)
            }
            print(token)
        }
    }

    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List and revoke API tokens.", subcommands: [List.self, Revoke.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List an authority's API tokens: number, user, name, made, expires, state, scope.")
            @Option(help: "Local authority code.") var la: String
            @Option(help: "Only this user's tokens.") var user: String?
            func run() throws {
                let (la, user) = (self.la, self.user)
                let tokens = try StoreSession.run { store in try await store.accounts(hasher: BcryptHasher()).apiTokens(authority: la, username: user) }
                if tokens.isEmpty { print("No API tokens in authority \(la)."); return }
                let day = ISO8601DateFormatter()
                day.formatOptions = [.withFullDate]
                let now = Date()
                for t in tokens {
                    let state = t.isRevoked ? "revoked" : t.isActive(at: now) ? "active" : "expired"
                    print(
                        [
                            String(t.id), t.username, t.name, day.string(from: t.createdAt), t.expiresAt.map { day.string(from: $0) } ?? "",
                            state, t.isReadOnly ? "read-only" : "read-write",
                        ].joined(separator: "\t"))
                }
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke one API token by its number (from `users tokens list`).")
            @Argument(help: "The token's number.") var id: Int
            @Option(help: "Local authority code.") var la: String
            func run() throws {
                let (id, la) = (self.id, self.la)
                try StoreSession.run { store in try await store.accounts(hasher: BcryptHasher()).revokeAPIToken(id: id, authority: la) }
                print("Revoked API token \(id).")
            }
        }
    }
}

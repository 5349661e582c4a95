import ArgumentParser
import Foundation
import OversightCore
import OversightStore
import OversightWeb

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list, disable and reset the passwords of the people who sign in.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self, Token.self]
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

        func run() throws {
            guard let r = Role.parse(role) else { throw CLIError.usage("unknown role '\(role)'; roles are \(UsersCommand.roleList)") }
            let password = try UsersCommand.readPassword()
            let (username, la, name, agency, team) = (self.username, self.la, self.name, self.agency, self.team)
            let user = try StoreSession.run { store in
                try await store.accounts(hasher: BcryptHasher()).addUser(authority: la, username: username, displayName: name ?? username,
                                                                         role: r, password: password, agency: agency, team: team)
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
                let state = u.isDisabled ? "disabled" : (u.lockedUntil.map { $0 > Date() ? "locked" : "active" } ?? "active")
                print([u.username, u.role.rawValue, u.displayName, u.agency ?? "", state].joined(separator: "\t"))
            }
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
        static let configuration = CommandConfiguration(commandName: "reset-password",
                                                        abstract: "Set a new password (from standard input or OVERSIGHT_PASSWORD); clears a lock and ends the user's sessions.")
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let password = try UsersCommand.readPassword()
            let (username, la) = (self.username, self.la)
            try StoreSession.run { store in
                try await store.accounts(hasher: BcryptHasher()).resetPassword(username: username, authority: la, newPassword: password)
            }
            print("New password set for \(username).")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a user (shown once; the API has the user's permissions).")
        @Argument var username: String
        @Option(help: "Local authority code.") var la: String
        @Option(help: "What the token is for.") var name: String = "api"
        func run() throws {
            let (username, la, name) = (self.username, self.la, self.name)
            let token = try StoreSession.run { store in
                try await store.accounts(hasher: BcryptHasher()).createAPIToken(username: username, authority: la, name: name)
            }
            print(token)
        }
    }
}

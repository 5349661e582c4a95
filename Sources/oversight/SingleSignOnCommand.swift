import ArgumentParser
import Foundation
import OversightStore
import OversightWeb

/// An authority's single sign-on with its OpenID provider (a council's Microsoft tenant, say).
struct SingleSignOnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sso",
        abstract: "Set up an authority's single sign-on with OpenID Connect, show it, or remove it.",
        discussion: """
            Register Oversight with the provider as a web application (confidential client, authorisation
            code with PKCE) whose redirect address is PUBLIC-URL/sign-in/sso/callback (serve --public-url).
            Then link each user to the value of the chosen claim: oversight users link-sso NAME --la CODE --identity VALUE.
            """,
        subcommands: [Set.self, Show.self, Remove.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set (or replace) an authority's single sign-on. The client secret is read from OVERSIGHT_SSO_CLIENT_SECRET or standard input.")
        @Option(help: "Local authority code.") var la: String
        @Option(help: "The provider's issuer, exactly as its ID tokens give it (https://login.microsoftonline.com/TENANT/v2.0).") var issuer: String
        @Option(help: "The client id Oversight is registered under.") var clientID: String
        @Option(help: "The ID token claim matched against users' identities: email, preferred_username, oid...") var claim: String = "email"
        @Flag(help: "Refuse local passwords for this authority's users: single sign-on only.") var passwordsOff = false
        @Flag(help: "The provider enforces multi-factor sign-in itself: do not ask for Oversight's authenticator code after it.")
        var providerChecksSecondFactor = false

        func run() throws {
            var secret = ProcessInfo.processInfo.environment["OVERSIGHT_SSO_CLIENT_SECRET"] ?? ""
            if secret.isEmpty { secret = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces) }
            guard !secret.isEmpty else { throw CLIError.usage("give the client secret in OVERSIGHT_SSO_CLIENT_SECRET or on standard input") }
            let settings = SingleSignOnSettings(
                authority: la, issuer: issuer, clientID: clientID, clientSecret: secret, claim: claim, passwordsAllowed: !passwordsOff,
                providerChecksSecondFactor: providerChecksSecondFactor)
            try StoreSession.run { store in
                let accounts = store.accounts(hasher: BcryptHasher())
                try await accounts.setSingleSignOn(settings)
                try await accounts.record(authority: settings.authority, user: "command line", action: "set single sign-on", target: settings.issuer, isChildLevel: false)
            }
            print("Single sign-on set for authority \(la) with \(issuer) (claim \(claim); passwords \(passwordsOff ? "refused" : "still allowed")).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an authority's single sign-on (never the secret).")
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let la = self.la
            guard let s = try StoreSession.run({ store in try await store.accounts(hasher: BcryptHasher()).singleSignOn(authority: la) }) else {
                print("Authority \(la) has no single sign-on."); return
            }
            print("issuer\t\(s.issuer)\nclient id\t\(s.clientID)\nclaim\t\(s.claim)\npasswords\t\(s.passwordsAllowed ? "allowed" : "refused")")
            print("provider checks second factor\t\(s.providerChecksSecondFactor ? "yes" : "no")")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an authority's single sign-on; its users sign in with passwords.")
        @Option(help: "Local authority code.") var la: String
        func run() throws {
            let la = self.la
            try StoreSession.run { store in
                let accounts = store.accounts(hasher: BcryptHasher())
                try await accounts.removeSingleSignOn(authority: la)
                try await accounts.record(authority: la, user: "command line", action: "removed single sign-on", target: "", isChildLevel: false)
            }
            print("Removed authority \(la)'s single sign-on.")
        }
    }
}

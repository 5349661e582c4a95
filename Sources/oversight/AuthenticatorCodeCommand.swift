import ArgumentParser
import Foundation
import OversightStore

/// Prints the code an authenticator app would show now for a key: for trying the demo without a
/// phone, and for an administrator checking a key by hand.
struct AuthenticatorCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authenticator-code",
        abstract: "Print the current 6-digit code for an authenticator key (the key the set-up page shows), as an authenticator app would."
    )

    @Argument(help: "The key, in base32 as the set-up page shows it (spaces are ignored).") var key: [String]

    func run() throws {
        guard let bytes = Base32.decode(key.joined()), !bytes.isEmpty else {
            throw CLIError.usage("'\(key.joined(separator: " "))' is not an authenticator key: it is letters A to Z and digits 2 to 7")
        }
        let now = Date()
        let left = Int(TOTP.step) - Int(now.timeIntervalSince1970) % Int(TOTP.step)
        print("\(TOTP.code(key: bytes, at: now))  (changes in \(left) s)")
    }
}

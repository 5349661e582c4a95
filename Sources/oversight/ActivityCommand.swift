import ArgumentParser
import Foundation
import OversightStore
import OversightWeb

struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Check the activity log.",
        subcommands: [Verify.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the activity log's hash chain: every entry in order, none changed or missing.",
            discussion: """
                Each entry holds the SHA-256 of the previous entry's hash and its own content, so an entry
                changed or deleted in the database breaks the chain. Prints "verified N entries" and each
                authority's last place and hash (keep them elsewhere to detect a rewrite of the whole log).
                Exit status: 0 the chain holds, 1 an entry was changed or is missing (the first is named),
                2 otherwise.
                """
        )
        @Option(help: "Local authority code (default: every authority's chain).") var la: String?

        func run() throws {
            let la = self.la
            let check = try StoreSession.run { store in try await store.accounts(hasher: BcryptHasher()).verifyActivity(authority: la) }
            if let problem = check.problem {
                print("the activity log was changed: \(problem) (\(check.verified) entries verified before it)")
                throw ExitCode(1)
            }
            if la == nil {
                for (authority, head) in check.heads.sorted(by: { $0.key < $1.key }) {
                    print("head of \(authority.isEmpty ? "entries with no authority" : "authority \(authority)"): \(head)")
                }
            }
            print("verified \(check.verified) entries")
        }
    }
}

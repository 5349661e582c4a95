import ArgumentParser
import Foundation
import OversightCore
import OversightFormats
import OversightStore

struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Set up the regions of a regional deployment: named groups of the store's authorities (docs/regional.md).",
        discussion: """
            A region's analysts (role regional-analyst, added with `oversight users add NAME --role regional-analyst \
            --la CODE` where CODE is the region's code) see every member authority's aggregates side by side \
            on the regional page, /region, and never a child.
            """,
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a region, or change the name and members of one: `region add \"Greater Manchester\" --code GM --la 350,351,...`.")
        @Argument(help: "The region's name as pages show it (default with --greater-manchester: Greater Manchester).") var name: String?
        @Option(help: "The region's short code (2 to 12 letters or digits, not three digits): its analysts' --la.") var code: String?
        @Option(help: "The member authorities' 3-digit DfE codes, comma-separated, in the order the page shows them.") var la: String?
        @Flag(help: "Greater Manchester's ten authorities (Bolton 350 to Wigan 359), code GM.") var greaterManchester = false
        @Option(help: "Folder of published statistics to check the codes against (default: the copy Oversight carries, or $OVERSIGHT_REFERENCE).")
        var reference: String?

        func run() throws {
            var region: Region
            if greaterManchester {
                region = Region.greaterManchester
                if let name { region.name = name }
                if let code { region.code = code }
                if la != nil { throw CLIError.usage("--greater-manchester names its own members: leave out --la") }
            } else {
                guard let name, let code, let la else {
                    throw CLIError.usage("give the region's name, --code and --la (or --greater-manchester)")
                }
                region = Region(code: code, name: name, members: la.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            let problems = Region.problems(code: region.code, name: region.name, members: region.members)
            if !problems.isEmpty { throw CLIError.usage(problems.joined(separator: "; ")) }
            // Each code is checked against the published statistics: a code they do not know is refused.
            let statistics = try ReferenceFolder.load(reference)
            var names: [String] = []
            for m in region.members {
                guard let found = stride(from: 2025, through: 2018, by: -1).lazy.compactMap({ statistics.describe(la: m, year: $0) }).first else {
                    throw CLIError.usage("the published statistics know no local authority \(m)")
                }
                names.append("\(found.name) \(m)")
            }
            let wanted = region
            let stored = try StoreSession.run { store in try await store.regions().set(wanted) }
            print("Region \(stored.code), \(stored.name): \(names.joined(separator: ", ")).")
            print("Add its analysts with: oversight users add NAME --role regional-analyst --la \(stored.code)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the store's regions with their members.")
        func run() throws {
            let regions = try StoreSession.run { store in try await store.regions().all() }
            if regions.isEmpty { print("No regions."); return }
            for r in regions { print([r.code, r.name, r.members.joined(separator: ",")].joined(separator: "\t")) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a region; its analysts' accounts stay and see no region until it is added again.")
        @Argument var code: String
        func run() throws {
            let code = self.code
            let removed = try StoreSession.run { store in try await store.regions().remove(code: code) }
            guard removed else { throw CLIError.usage("there is no region \(code)") }
            print("Removed region \(code).")
        }
    }
}

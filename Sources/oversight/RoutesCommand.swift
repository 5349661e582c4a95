import ArgumentParser
import Foundation
import OversightCore
import OversightWeb

/// Lists the site's routes (the one table the server registers), for checks run from outside
/// such as `scripts/security-check`.
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "List every route of the web server: name, method, a sample path, who may use it and how its forms are protected.",
        shouldDisplay: false
    )

    @Flag(help: "One JSON object per line instead of a table.") var json = false

    func run() throws {
        for route in SiteRoute.all {
            let roles: [String]
            switch route.access {
            case .everyone: roles = ["everyone"]
            case .signedIn: roles = ["signed-in"]
            case .roles(let set): roles = Role.allCases.filter(set.contains).map(\.rawValue)
            }
            let protection: String
            switch route.protection {
            case .none: protection = "none"
            case .csrfForm: protection = "csrf-form"
            case .csrfMultipart: protection = "csrf-multipart"
            case .bearerToken: protection = "bearer-token"
            }
            if json {
                let object: [String: Any] = [
                    "name": route.name, "method": route.method.rawValue, "path": route.sample, "pattern": route.path.pattern,
                    "access": roles, "protection": protection,
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print([route.method.rawValue, route.sample, route.name, roles.joined(separator: ","), protection].joined(separator: "\t"))
            }
        }
    }
}

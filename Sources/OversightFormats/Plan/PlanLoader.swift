import Foundation
import OversightCore

/// Finds and loads plan files.
public enum PlanLoader {
    /// The plan the product ships: Trafford's children's services improvement plan of
    /// September 2020 (`Resources/plans/trafford-2020.yaml`).
    ///
    /// Throws a `PlanFileError` only if the bundled file is damaged (the tests read it).
    public static func defaultPlan() throws -> Plan {
        guard let url = Bundle.module.url(forResource: "trafford-2020", withExtension: "yaml", subdirectory: "Resources/plans") else {
            throw PlanFileError(file: "trafford-2020.yaml", line: nil, message: "the default plan is missing from the installation")
        }
        return try PlanFileReader().read(url: url)
    }

    /// Loads a plan file.
    public static func load(url: URL) throws -> Plan {
        try PlanFileReader().read(url: url)
    }
}

import Foundation
import OversightCore

/// Finds an authority's population aged 0-17 for rates.
enum PopulationLookup {
    static func population(la: String, reportingYearEnd: Day, reference: String) throws -> Int {
        throw CLIError.usage("population lookup from published statistics is not available in this build; give --population N")
    }
}

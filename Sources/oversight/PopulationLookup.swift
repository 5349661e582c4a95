import Foundation
import OversightCore
import OversightFormats

/// Finds an authority's population aged 0-17 for rates: the ONS mid-year estimate for the
/// calendar year before the reporting year (holding the period's end) ends.
enum PopulationLookup {
    static func population(la: String, reportingYearEnd: Day, statistics: PublishedStatistics) throws -> Int {
        let midYear = reportingYearEnd.collectionYear - 1
        if let p = statistics.population(la: la, midYear: midYear) { return p }
        // The newest estimate at or before that year, for in-year periods past the last publication.
        for y in stride(from: midYear - 1, through: midYear - 3, by: -1) {
            if let p = statistics.population(la: la, midYear: y) {
                FileHandle.standardError.write(Data("note: no mid-\(midYear) population for \(la); using mid-\(y)\n".utf8))
                return p
            }
        }
        throw CLIError.usage("no population for local authority \(la) around mid-\(midYear) in the published statistics; give --population N")
    }
}

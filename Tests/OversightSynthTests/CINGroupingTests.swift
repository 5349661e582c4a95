import Foundation
import Testing
@testable import OversightCore
@testable import OversightFormats
@testable import OversightSynth

/// The builder leaves the census episodes grouped by child and says where each child's start;
/// the census index uses that instead of finding the children again, and must give the same
/// measures, records and series as when it finds them itself.
@Suite struct CINGroupingTests {
    @Test func measuresAreTheSameWithAndWithoutTheBuildersGrouping() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cin-grouping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Several years, so children's episodes come from several returns and are restated.
        let options = SynthOptions(localAuthority: 358, firstYear: 2022, lastYear: 2025, seed: 4, scale: .factor(0.2), errorRate: 0.03)
        _ = try SynthGenerator(options: options).run(to: dir)
        let grouped = FileLoader.load(paths: [dir.path], keepRaw: false).caseData
        let bounds = try #require(grouped.cinEpisodeChildBounds)
        #expect(bounds.first == 0 && bounds.last == grouped.cinEpisodes.count && bounds.count > 100)
        // Each group is one child, and no child has two groups.
        var seen = Set<ChildID>()
        for k in 0..<(bounds.count - 1) {
            let group = grouped.cinEpisodes[bounds[k]..<bounds[k + 1]]
            #expect(!group.isEmpty && group.allSatisfy { $0.child == group.first!.child })
            #expect(seen.insert(group.first!.child).inserted)
        }

        // Any change to the episodes drops the grouping.
        var found = grouped
        found.cinEpisodes = grouped.cinEpisodes
        #expect(found.cinEpisodeChildBounds == nil)

        let a = MeasureEngine(data: grouped), b = MeasureEngine(data: found)
        var parameters = MeasureParameters()
        parameters.includeRecords = true
        let period = Period.reportingYear(2025)
        let ids = MeasureEngine.measureIDs.filter { MeasureCatalogue.definition($0)?.source == .cin }
        #expect(ids.count > 20)
        #expect(a.computeAll(period: period, ids: ids, parameters: parameters) == b.computeAll(period: period, ids: ids, parameters: parameters))
        let ends = MeasureEngine.monthEnds(in: try #require(Period(start: Day(year: 2023, month: 4, day: 1)!, end: Day(year: 2025, month: 3, day: 31)!)))
        #expect(a.seriesAll(endingOn: ends, ids: ids) == b.seriesAll(endingOn: ends, ids: ids))
    }
}

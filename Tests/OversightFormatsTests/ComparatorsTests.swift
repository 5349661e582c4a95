import Foundation
import OversightCore
import Testing
@testable import OversightFormats

@Suite struct ComparatorsTests {
    var statistics: PublishedStatistics { PublishedStatisticsTests.statistics }

    /// Trafford's 2025-model neighbours' re-referral rates in 2024-25: 15.8, 21.5, 22.8, 17.7, 20.5,
    /// 23.8, 15.8, 29.2, 22.4, 26.3. Mean 215.8 / 10 = 21.58; median (21.5 + 22.4) / 2 = 21.95.
    @Test func neighbourMeanAndMedianAsComputedByHand() throws {
        let s = try #require(Comparators.summary(measure: "rereferrals_12m_pct", la: "358", year: 2025, statistics: statistics, model: .y2025))
        #expect(s.laValue == 18.0 && s.england == 22.6 && s.region == 21.7 && s.regionName == "North West" && s.laName == "Trafford")
        #expect(abs(s.neighbourMean! - 21.58) < 1e-9)
        #expect(abs(s.neighbourMedian! - 21.95) < 1e-9)
        #expect(s.neighboursUnknown == 0)
        // 50 of the 153 authorities have a lower (better) rate than 18.0.
        #expect(s.rank == 51 && s.rankedCount == 153 && s.unknownCount == 0 && s.quartile == 2)
    }

    /// The 2021 model: 15.8, 23.8, 26.3, 21.5, 19.2, 15.9, 23.2, 15.8, 41, 22.8: mean 22.53, median 22.15.
    @Test func the2021ModelGivesOtherNeighbours() throws {
        let s = try #require(Comparators.summary(measure: "rereferrals_12m_pct", la: "358", year: 2025, statistics: statistics, model: .y2021))
        #expect(s.neighbourModel == "2021")
        #expect(abs(s.neighbourMean! - 22.53) < 1e-9)
        #expect(abs(s.neighbourMedian! - 22.15) < 1e-9)
    }

    @Test func suppressedValuesAreLeftOutAndCounted() throws {
        let s = try #require(Comparators.summary(measure: "cpp_2y_plus_pct", la: "358", year: 2025, statistics: statistics))
        #expect(s.laValue == nil && s.rank == nil && s.quartile == nil)
        #expect(s.unknownCount == 59 && s.rankedCount == 153 - 59)
    }

    @Test func unmappedMeasuresHaveNoComparators() {
        #expect(Comparators.summary(measure: "cpp_repeat_2y_pct", la: "358", year: 2025, statistics: statistics) == nil)
    }

    static let ranks: [(Double, [Double], Polarity, Int, Int)] = [
        (1, [1, 2, 3, 4], .low, 1, 1), (4, [1, 2, 3, 4], .low, 4, 4), (4, [1, 2, 3, 4], .high, 1, 1),
        (2, [1, 2, 2, 4], .high, 2, 2), (3, [1, 2, 3, 4, 5, 6, 7, 8], .none, 3, 2),
    ]

    @Test(arguments: ranks.indices)
    func ranksByPolarityWithTiesSharingTheBestRank(_ i: Int) {
        let (value, values, polarity, rank, quartile) = Self.ranks[i]
        let r = Comparators.rank(of: value, among: values, polarity: polarity)
        #expect(r.rank == rank && r.quartile == quartile)
    }

    @Test func lookupFallsBackToTheLatestPublishedYear() throws {
        let lookup = Comparators.lookup(statistics: statistics, la: "358")
        let s = try #require(lookup("rereferrals_12m_pct", Period.month(year: 2025, month: 9)))
        #expect(s.year == 2025)
        #expect(lookup("rereferrals_12m_pct", Period.reportingYear(2024))?.year == 2024)
        #expect(lookup("sw_changes_3plus_pct", Period.reportingYear(2025))?.year == 2024)
    }

    @Test func medianAndMeanOfNothingAreUnknown() {
        #expect(Comparators.mean([]) == nil && Comparators.median([]) == nil)
        #expect(Comparators.median([3, 1, 2]) == 2)
    }
}

import Foundation
import OversightCore
import Testing
@testable import OversightFormats

/// The copy of the published statistics that Oversight carries, read as the product reads it.
@Suite struct PublishedStatisticsTests {
    static let statistics = try! PublishedStatistics.bundled()
    var statistics: PublishedStatistics { Self.statistics }

    @Test func readsEveryFileOfTheCarriedCopy() {
        #expect(statistics.problems.isEmpty, "\(statistics.problems)")
        #expect(statistics.tables.count == PublishedMeasures.tidyFiles.count)
        #expect(statistics.neighbourModels.count == 2)
    }

    @Test func readsTraffordReferralsFor2024To25() {
        let trafford = Geography.localAuthority("358")
        #expect(statistics.value(measure: "referrals", geography: trafford, year: 2025) == 1879)
        #expect(statistics.value(measure: "rereferrals_12m_pct", geography: trafford, year: 2025) == 18.0)
        #expect(statistics.value(measure: "rereferrals_12m_pct", geography: .england, year: 2025) == 22.6)
        #expect(statistics.value(measure: "rereferrals_12m_pct", geography: .region("E12000002"), year: 2025) == 21.7)
        #expect(statistics.value(measure: "rereferrals_12m_pct", geography: trafford, year: 2024) == 20.4)
    }

    @Test func suppressedFiguresAreUnknownNotZero() {
        // Trafford's CP plans open 2 years or more at 31 March 2025 are suppressed ("c").
        let cell = statistics.cell(measure: "cpp_2y_plus_pct", geography: .localAuthority("358"), year: 2025)
        #expect(cell == .suppressed("c"))
        #expect(cell?.value == nil)
        #expect(PublishedCell("c").value == nil && PublishedCell("low").value == nil && PublishedCell(" ").value == nil)
        #expect(PublishedCell("x") == .suppressed("x") && PublishedCell("") == .blank && PublishedCell("1,879") == .number(1879))
    }

    @Test func populationUsesTheMidYearBeforeTheReportingYearEnds() {
        #expect(statistics.population(la: "358", midYear: 2024) == 56737)
        #expect(statistics.population(la: "358", midYear: 2023) == 56279)
        #expect(statistics.population(la: "999", midYear: 2024) == nil)
        // CP plans at 31 March 2025 (155) per 10,000 of mid-2024's 56,737 children.
        let rate = statistics.value(measure: "cpp_rate_per_10k", geography: .localAuthority("358"), year: 2025)
        #expect(abs((rate ?? 0) - 155.0 / 56737 * 10_000) < 1e-9)
        #expect(statistics.value(measure: "cla_rate_per_10k", geography: .localAuthority("358"), year: 2025) == 62)
    }

    @Test func readsFiltersAndFormulas() {
        let trafford = Geography.localAuthority("358")
        #expect(statistics.value(measure: "cla_at_end", geography: trafford, year: 2025) == 353)
        #expect(statistics.value(measure: "cla_starts", geography: trafford, year: 2025) == 119)
        #expect(statistics.value(measure: "care_leavers_eet_pct", geography: trafford, year: 2025) == 56)
        #expect(statistics.value(measure: "care_leavers_suitable_accom_pct", geography: trafford, year: 2025) == 91)
        #expect(statistics.value(measure: "cpp_second_subsequent_pct", geography: trafford, year: 2025) == 27.5)
        // Neglect (16A) in 285 of 1,788 episodes with assessment factors.
        let neglect = statistics.value(measure: "assessment_factor_pct_neglect", geography: trafford, year: 2025)
        #expect(abs((neglect ?? 0) - 100 * 285.0 / 1788) < 1e-9)
        #expect(statistics.value(measure: "hand_sw_vacancy_rate", geography: trafford, year: 2025) == 32.6)
        #expect(statistics.value(measure: "cpp_repeat_2y_pct", geography: trafford, year: 2025) == nil)
    }

    @Test func readsBothNeighbourModels() {
        #expect(statistics.neighbourModels[.y2025]?.neighbours["358"] == ["919", "356", "825", "931", "936", "305", "895", "873", "916", "334"])
        #expect(statistics.neighbourModels[.y2021]?.neighbours["358"] == ["919", "305", "334", "356", "867", "823", "816", "895", "850", "825"])
    }

    @Test func everyMappedMeasureIsInTheCatalogueOrHandEntered() {
        for m in PublishedMeasures.all {
            #expect(Plan.measureDefinition(m.measure) != nil, "\(m.measure)")
            let table = statistics.tables[m.file]
            #expect(table != nil)
            for c in m.columns { #expect(table?.hasColumn(c) == true, "\(m.file) has no \(c)") }
        }
    }

    @Test func everyMappedMeasureHasTraffordsLatestFigureOrAMarker() {
        // Packing keeps only the rows and columns the mapping reads: each must still be there.
        for m in PublishedMeasures.all where m.measure != "sw_changes_3plus_pct" {
            #expect(statistics.cell(measure: m.measure, geography: .localAuthority("358"), year: 2025) != nil, "\(m.measure)")
        }
        #expect(statistics.cell(measure: "sw_changes_3plus_pct", geography: .localAuthority("358"), year: 2024) != nil)
    }
}

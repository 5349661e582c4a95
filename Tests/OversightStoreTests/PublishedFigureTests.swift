import Foundation
import OversightCore
import OversightFormats
@testable import OversightStore
import Testing

extension StoreTests {
    /// `oversight reference import`: newer published files stored year by year over the carried copy.
    @Suite struct PublishedFigureTests {
        static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_000_000) }
        static let file = PublishedMeasures.referralsFile

        /// A made-up extract of the referrals file: Trafford's 2025 figures as carried, with one changed, and a new year.
        static func extract(referrals2025: String) -> [String: String] {
            [
                file: """
                time_period,geographic_level,old_la_code,region_code,region_name,la_name,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent
                2025,Local authority,358,E12000002,North West,Trafford,\(referrals2025),339,18.0,0,0
                2026,Local authority,358,E12000002,North West,Trafford,1900,300,15.8,0,0

                """
            ]
        }

        @Test(arguments: TestBackend.all)
        func importsNewAndChangedYearsAndLeavesTheRest(_ backend: TestBackend) async throws {
            let folder = TempFolder()
            let store = try await Store.open(try await backend.freshConfiguration(in: folder))
            let base = try PublishedStatistics.bundled()
            let trafford = Geography.localAuthority("358")
            #expect(base.value(measure: "referrals", geography: trafford, year: 2025) == 1879)
            let figures = store.publishedFigures(clock: Self.clock)

            let first = try await figures.importExtract(Self.extract(referrals2025: "1880"), source: "newer", by: "analyst", base: base)
            #expect(first.map(\.status) == [.changed, .new])
            #expect(first[0].year == 2025 && first[0].rowsAdded == 0 && first[0].rowsRemoved > 0)
            let inUse = try await figures.statistics(base: base)
            #expect(inUse.value(measure: "referrals", geography: trafford, year: 2025) == 1880)
            #expect(inUse.value(measure: "rereferrals_12m_pct", geography: trafford, year: 2026) == 15.8)
            #expect(inUse.value(measure: "referrals", geography: trafford, year: 2024) == base.value(measure: "referrals", geography: trafford, year: 2024))
            #expect(try await figures.list().map(\.year) == [2025, 2026])

            let again = try await figures.importExtract(Self.extract(referrals2025: "1880"), source: "newer", by: "analyst", base: base)
            #expect(again.allSatisfy { $0.status == .unchanged })

            let corrected = try await figures.importExtract(Self.extract(referrals2025: "1881"), source: "corrected", by: "analyst", base: base)
            #expect(corrected[0] == PublishedYearChange(file: Self.file, year: 2025, status: .changed, figuresChanged: 1))
            #expect(try await figures.statistics(base: base).value(measure: "referrals", geography: trafford, year: 2025) == 1881)
            #expect(try await figures.list().first { $0.year == 2025 }?.source == "corrected")
            await store.close()
        }
    }
}

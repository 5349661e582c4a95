import Foundation
import OversightApp
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

extension StoreTests.PublishedFigureTests {
    /// `oversight measures` from the store reads the population only when the answer is not in
    /// the cache, so the cache is keyed on the population figures' version: importing a newer
    /// population year computes the rates again with it.
    @Test(arguments: TestBackend.all)
    func cachedRatesFollowAnImportedPopulation(_ backend: TestBackend) async throws {
        let folder = TempFolder()
        let store = try await Store.open(try await backend.freshConfiguration(in: folder))
        do { try await checkCachedRatesFollowAnImportedPopulation(store, folder) } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    func checkCachedRatesFollowAnImportedPopulation(_ store: Store, _ folder: TempFolder) async throws {
        let years = SyntheticFiles.twoYears(in: folder, under: "la")
        _ = try await store.imports().importFiles(paths: [years.y2024, years.y2025], authority: "358", user: "u")
        let populationFile = PublishedMeasures.populationFile
        func figures() async throws -> AuthorityNumbers.PopulationFigures {
            .init(version: "test+" + (try await store.publishedFigures().version(file: populationFile))) {
                try await store.publishedFigures().statistics(base: try PublishedStatistics.bundledPopulation(), onlyFile: populationFile)
            }
        }
        let numbers = AuthorityNumbers(store: store, statistics: nil, loadingDefaultPlan: { try PlanLoader.defaultPlan() })
        let year = Period.reportingYear(2025)
        func rate() async throws -> (Double?, Bool) {
            let r = try await numbers.storedMeasures(authority: "358", period: year, ids: ["cla_rate_per_10k"], figures: try await figures())
            return (r.results.first?.value, r.fromCache)
        }
        let (carried, first) = try await rate()
        #expect(!first && carried != nil)
        let (again, second) = try await rate()
        #expect(second && again == carried)

        // Trafford's mid-2024 population halved (56,737 carried): the rate doubles.
        let halved = [
            populationFile: """
            time_period,geographic_level,old_la_code,region_code,region_name,la_name,population_estimate
            2024,Local authority,358,E12000002,North West,Trafford,28368

            """
        ]
        _ = try await store.publishedFigures(clock: Self.clock).importExtract(halved, source: "newer", by: "analyst", base: try PublishedStatistics.bundled())
        let (after, third) = try await rate()
        #expect(!third)
        let ratio = try #require(after) / #require(carried)
        #expect(abs(ratio - 56_737.0 / 28_368.0) < 0.01, "\(String(describing: carried)) -> \(String(describing: after))")
    }
}

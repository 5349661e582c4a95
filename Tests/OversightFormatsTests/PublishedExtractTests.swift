import Foundation
import OversightCore
import Testing
@testable import OversightFormats

/// Keeping the part of a published file the comparators read, and taking newer years from a newer copy.
@Suite struct PublishedExtractTests {
    /// A made-up tidy file in the layout of the DfE's referrals file: two years, England and one
    /// authority, with a column no measure reads.
    static let referrals = """
        time_period,time_identifier,geographic_level,country_code,region_code,region_name,old_la_code,la_name,referral_count,rereferral_percent,no_further_action_percent,not_read
        2024,Reporting year,National,E92000001,,,,,1000,20.0,5.0,x
        2024,Reporting year,Local authority,E92000001,E12000002,North West,900,Testshire,100,10.0,2.0,y
        2025,Reporting year,National,E92000001,,,,,1100,21.0,6.0,x
        2025,Reporting year,Local authority,E92000001,E12000002,North West,900,Testshire,110,c,3.0,y

        """

    /// A made-up tidy file in the layout of the stability file, with a breakdown no measure reads.
    static let stability = """
        time_period,geographic_level,old_la_code,la_name,cla_group,placement_stability,children_count,children_percent
        2025,Local authority,900,Testshire,CLA on 31 March,With 3 or more placements during the year,9,9
        2025,Local authority,900,Testshire,CLA on 31 March,With 2 placements during the year,20,20

        """

    static func file(_ text: String, _ name: String) -> CSVFile { CSVFile.parse(data: Data(text.utf8), path: name) }

    /// The caches key on `bundledVersion`: it must name the archive this build carries.
    @Test func theCarriedCopysFingerprintIsTheOneCachesKeyOn() throws {
        let data = try #require(PublishedStatistics.bundledArchive())
        #expect(PublishedStatistics.bundledFingerprint(of: data) == PublishedStatistics.bundledVersion)
        #expect(PublishedStatistics.bundledFingerprint(of: data + Data([0])) != PublishedStatistics.bundledVersion)
    }

    @Test func keepsOnlyTheColumnsTheMappingReads() {
        let t = PublishedExtract.trim(Self.file(Self.referrals, PublishedMeasures.referralsFile), file: PublishedMeasures.referralsFile)
        #expect(
            t.header == [
                "time_period", "geographic_level", "old_la_code", "region_code", "region_name", "la_name",
                "referral_count", "rereferral_percent", "no_further_action_percent",
            ])
        #expect(t.rows.count == 4)
        #expect(t.rows[3] == ["2025", "Local authority", "900", "E12000002", "North West", "Testshire", "110", "c", "3.0"])
    }

    @Test func keepsOnlyTheBreakdownRowsAMappingReads() {
        let t = PublishedExtract.trim(Self.file(Self.stability, PublishedMeasures.stabilityFile), file: PublishedMeasures.stabilityFile)
        #expect(t.rows.count == 1)
        #expect(t.rows[0].contains("With 3 or more placements during the year"))
    }

    @Test func theExtractReadsAsTheWholeFileDoes() throws {
        let name = PublishedMeasures.referralsFile
        let whole = PublishedStatistics.read(files: [name: Data(Self.referrals.utf8)])
        let t = PublishedExtract.trim(Self.file(Self.referrals, name), file: name)
        let kept = PublishedStatistics.read(files: [name: Data(PublishedExtract.csvText(header: t.header, rows: t.rows).utf8)])
        for measure in ["referrals", "rereferrals_12m_pct", "referrals_nfa_pct"] {
            for year in [2024, 2025] {
                for geography in [Geography.england, .localAuthority("900")] {
                    #expect(whole.cell(measure: measure, geography: geography, year: year) == kept.cell(measure: measure, geography: geography, year: year))
                }
            }
        }
        #expect(kept.cell(measure: "rereferrals_12m_pct", geography: .localAuthority("900"), year: 2025) == .suppressed("c"))
    }

    @Test func aNewerCopyReplacesOnlyTheYearsItHolds() throws {
        let name = PublishedMeasures.referralsFile
        let old = PublishedStatistics.read(files: [name: Data(Self.referrals.utf8)])
        let newer = PublishedStatistics.read(files: [
            name: Data(
                """
                time_period,geographic_level,old_la_code,la_name,referral_count,rereferral_percent
                2025,Local authority,900,Testshire,111,11.5
                2026,Local authority,900,Testshire,120,12.0

                """.utf8)
        ])
        let merged = old.replacingYears(with: newer)
        let la = Geography.localAuthority("900")
        #expect(merged.value(measure: "referrals", geography: la, year: 2024) == 100)
        #expect(merged.value(measure: "referrals", geography: la, year: 2025) == 111)
        #expect(merged.value(measure: "rereferrals_12m_pct", geography: la, year: 2026) == 12.0)
        // The newer copy of 2025 has no England row: 2025 is wholly the newer copy's.
        #expect(merged.value(measure: "referrals", geography: .england, year: 2025) == nil)
        #expect(merged.value(measure: "referrals", geography: .england, year: 2024) == 1000)
    }

    @Test func splitsByYearAndSaysWhatChanged() {
        let name = PublishedMeasures.referralsFile
        let t = PublishedExtract.trim(Self.file(Self.referrals, name), file: name)
        let years = PublishedExtract.splitByYear(PublishedExtract.csvText(header: t.header, rows: t.rows), file: name)
        #expect(years.keys.sorted() == [2024, 2025])
        let old = years[2025]!
        let new =
            old.replacingOccurrences(of: "110,c,3.0", with: "112,12.5,3.0")
            + "2025,Local authority,901,E12000002,North West,Otherton,50,5.0,1.0\n"
        #expect(
            PublishedYearChange.compare(file: name, year: 2025, old: old, new: new)
                == PublishedYearChange(file: name, year: 2025, status: .changed, rowsAdded: 1, rowsRemoved: 0, figuresChanged: 2))
        #expect(PublishedYearChange.compare(file: name, year: 2025, old: old, new: old).status == .unchanged)
        #expect(PublishedYearChange.compare(file: name, year: 2026, old: nil, new: old) == PublishedYearChange(file: name, year: 2026, status: .new, rowsAdded: 2))
    }

    @Test func theCarriedCopyRoundTripsThroughAnArchive() throws {
        let name = PublishedMeasures.referralsFile
        let data = try PublishedExtract.archive([name: Self.referrals])
        let files = try PublishedExtract.unarchive(data, file: "x.zip")
        #expect(files[name].map { String(decoding: $0, as: UTF8.self) } == Self.referrals)
        #expect(throws: UnusableFileError.self) { try PublishedExtract.unarchive(Data("not a zip".utf8), file: "x.zip") }
    }
}

import Testing
import OversightCore
@testable import OversightFormats

@Suite("CIN validator findings and rule lists")
struct CINValidatorTests {
    @Test func findingsAreLocatedInTheFile() throws {
        var c = CINBuilder.child(" c7 ", position: 4)
        c.assessment("AssessmentActualStartDate", "2024-06-01")
        let issues = CINValidator.validate(CINBuilder.census([c]), previous: nil, collectionYear: 2025)
        let issue = try #require(issues.first { $0.rule == "1103" })
        #expect(issue.file == "test.xml")
        #expect(issue.table == "Assessments")
        #expect(issue.row == 4)
        #expect(issue.child == "C7")
        #expect(issue.severity == .error)
        #expect(issue.fields == ["AssessmentActualStartDate", "CINreferralDate"])
        #expect(issue.message.contains("2024-06-01"))
    }

    @Test func queriesAreQueries() {
        for info in CINValidator.rules(forYear: 2025) where info.code.hasSuffix("Q") { #expect(info.severity == .query) }
        for info in CINValidator.rules(forYear: 2025) where !info.code.hasSuffix("Q") && !info.code.hasPrefix("OV") { #expect(info.severity == .error) }
    }

    @Test(arguments: [2024, 2025, 2026])
    func eachYearHasOneVersionOfEachRule(year: Int) {
        let codes = CINValidator.rules(forYear: year).map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.filter { !$0.hasPrefix("OV") }.count >= 100)
    }

    @Test func sexReplacesGenderFrom2024to25() {
        let gender = CINValidator.rules(forYear: 2024).first { $0.code == "4180" }
        let sex = CINValidator.rules(forYear: 2025).first { $0.code == "4180" }
        #expect(gender?.fields == ["GenderCurrent"])
        #expect(sex?.fields == ["Sex"])
        #expect(!CINValidator.rules(forYear: 2024).contains { $0.code == "1570" || $0.code == "8945Q" })
        #expect(CINValidator.rules(forYear: 2026).contains { $0.code == "1580" })
    }

    @Test func yearsOutsideTheSupportedRangeUseTheNearestRules() {
        #expect(CINValidator.rules(forYear: 2030).map(\.code) == CINValidator.rules(forYear: 2026).map(\.code))
        #expect(CINValidator.rules(forYear: 2020).map(\.code) == CINValidator.rules(forYear: 2024).map(\.code))
    }

    @Test func aLargeReturnIsCheckedInLinearTime() {
        // 20,000 children, each with a valid episode, some with overlaps and duplicates.
        var children: [CINRawChild] = []
        children.reserveCapacity(20_000)
        for i in 0..<20_000 {
            var c = CINBuilder.child("C\(i % 19_990)", position: i + 1)
            if i % 7 == 0 { c.addEpisode(referral: "2024-07-01", closure: "2024-07-02") }
            children.append(c)
        }
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            count = CINValidator.validate(CINBuilder.census(children), previous: nil, collectionYear: 2025).count
        }
        #expect(count > 20_000)
        #expect(elapsed < .seconds(60))
    }
}

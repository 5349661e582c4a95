import Foundation
import OversightApp
import OversightCore
import OversightFormats
import OversightViews
@testable import OversightWeb
import Testing

/// Issue 16, finding 4: board members open the board pack, so its data quality section names each
/// rule, its count and what the rule checks in general words, never a value from a finding.
@Suite struct BoardPackQualityTests {
    static let values = ["2026-03-14", "C12345", "A123456789012", "17 values", "BT901"]

    static func issues() -> [ValidationIssue] {
        [
            ValidationIssue(
                rule: "8520", severity: .error, file: "cin_2026.xml", table: "ChildIdentifiers", row: 3, child: "C12345",
                fields: ["PersonBirthDate"], message: "The date of birth is after the census reference date (2026-03-14 given)"),
            ValidationIssue(
                rule: "8520", severity: .error, file: "cin_2026.xml", table: "ChildIdentifiers", row: 9, child: "C12346",
                fields: ["PersonBirthDate"], message: "The date of birth is after the census reference date (2026-05-01 given)"),
            ValidationIssue(
                rule: "OV-CSV-WIDTH", severity: .error, file: "episodes.csv", table: "Episodes", row: 4, child: "BT901",
                fields: [], message: "This row has 17 values but the header has 13 columns; check for a stray comma"),
            ValidationIssue(
                rule: "ZZ-NEW", severity: .warning, file: "header.csv", table: "Header", row: 2, child: "BT901",
                fields: ["UPN"], message: "UPN A123456789012 is not valid"),
        ]
    }

    @Test func theBoardPackShowsRulesAndCountsButNoValueFromAFinding() throws {
        let quality = ReportInputs.quality(sources: ["cin_2026.xml (import 1, 2 records)"], issues: Self.issues())
        let input = ReportInput(
            authority: "Example", plan: try PlanLoader.defaultPlan(), period: .reportingYear(2026),
            generatedOn: Day(year: 2026, month: 5, day: 1)!, dataQuality: quality)
        let pack = BoardPack.render(input).markup
        let start = try #require(pack.range(of: "id=\"data-quality\"")).lowerBound
        let section = String(pack[start...])
        for value in Self.values { #expect(!section.contains(value), "the board pack shows \(value)") }
        #expect(section.contains("8520") && section.contains("OV-CSV-WIDTH") && section.contains("ZZ-NEW"))
        #expect(section.contains("The date of birth is after the census reference date"))
        #expect(quality.rules.first { $0.rule == "8520" }?.count == 2)
    }
}

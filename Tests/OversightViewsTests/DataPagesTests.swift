import Foundation
import Testing
@testable import OversightViews

@Suite struct DataPagesTests {
    static let when = Date(timeIntervalSince1970: 1_764_408_060)

    static func summary(_ status: ImportRow.Status) -> ImportRow {
        ImportRow(
            id: "12", importedAt: when, user: "analyst\(Samples.hostile)", fileCount: 3, years: [2025, 2024], rows: 12_345,
            errors: 2, warnings: 5, queries: 1, status: status)
    }

    static let findings = [
        FindingRow(rule: "103", severity: "error", file: "2025/header.csv", table: "Header", row: 4, child: "C0001", fields: ["DOB"], message: "Date of birth is not a real date"),
        FindingRow(
            rule: "8500", severity: "warning", file: "cin.xml", table: "CINdetails", row: 9, child: "C0002", fields: ["CINreferralDate"], message: "Referral <after> closure"),
        FindingRow(rule: "103", severity: "error", file: "2025/header.csv", table: "Header", row: 8, child: "C0003", fields: ["DOB"], message: "Date of birth is not a real date"),
    ]

    @Test func dataPageListsImportsAndOffersUndoToAdministratorsOnly() {
        let m = DataPage.Model(imports: [Self.summary(.active), Self.summary(.undone)], canUpload: true, canUndo: true, csrfToken: "tok")
        let h = DataPage.render(m).markup
        #expect(h.contains("2023-24, 2024-25"))
        #expect(h.contains("12,345"))
        #expect(Check.count("action=\"/data/imports/12/undo\"", in: h) == 1)
        #expect(h.contains("Undo<span class=\"ov-visually-hidden\"> the import of 29 November 2025 at 09:21</span>"))
        #expect(h.contains("href=\"/data/upload\""))
        #expect(!h.contains("<script>"))
        #expect(Check.tablesWithoutCaption(h) == 0)
        let analyst = DataPage.render(DataPage.Model(imports: [Self.summary(.active)], canUpload: true, canUndo: false, csrfToken: "tok")).markup
        #expect(!analyst.contains("/undo"))
    }

    @Test func findingFilterMatchesRuleTableChildAndSeverity() {
        #expect(FindingFilter(rule: "103").apply(Self.findings).count == 2)
        #expect(FindingFilter(table: "cindetails").apply(Self.findings).count == 1)
        #expect(FindingFilter(child: " c0003").apply(Self.findings).map(\.row) == [8])
        #expect(FindingFilter(severity: "warning").apply(Self.findings).map(\.rule) == ["8500"])
        #expect(FindingFilter(rule: "103", severity: "warning").apply(Self.findings).isEmpty)
    }

    @Test func importPageShowsFilesFindingsAndACSVLinkThatKeepsTheFilter() {
        let m = ImportPage.Model(
            summary: Self.summary(.active),
            files: [
                .init(
                    path: "2025/header.csv", size: 2048, sha256: "ab12", format: "ssda903-csv", table: "Header",
                    collectionYear: 2025, rowsRead: 10, rowsStored: 9)
            ],
            findings: Self.findings, filter: FindingFilter(query: ["rule": "103"]))
        let h = ImportPage.render(m).markup
        #expect(Check.count("<h1", in: h) == 1)
        #expect(h.contains("2.0 KB"))
        #expect(h.contains("<code class=\"ov-hash\">ab12</code>"))
        #expect(h.contains("2 of 3 findings match the filter."))
        #expect(h.contains("href=\"/data/imports/12/findings.csv?rule=103\""))
        #expect(h.contains("<option value=\"103\" selected>103</option>"))
        #expect(!h.contains("Referral &lt;after&gt; closure"))
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(Check.tablesWithoutCaption(h) == 0)
        #expect(ImportPage.head(m).isEmpty)
    }

    @Test func runningImportRefreshesItselfAndShowsProgress() {
        let m = ImportPage.Model(summary: Self.summary(.running), files: [], progress: .init(step: "Validating", filesDone: 1, fileCount: 3), findings: [])
        #expect(ImportPage.head(m).markup == "<meta http-equiv=\"refresh\" content=\"3\">")
        let h = ImportPage.render(m).markup
        #expect(h.contains("Importing: Validating"))
        #expect(h.contains("1 of 3 files done."))
    }

    @Test func importPageWithoutChildLevelAccessHasNoChildColumnOrFilter() {
        let m = ImportPage.Model(summary: Self.summary(.active), files: [], findings: Self.findings, showsChildren: false)
        let h = ImportPage.render(m).markup
        #expect(!h.contains("C0001"))
        #expect(!h.contains("id=\"child\""))
    }
}

import Testing
import OversightCore
@testable import OversightViews

@Suite struct CSVTests {
    @Test func cellsAreQuotedAndFormulasDefused() {
        #expect(CSV.cell("plain") == "plain")
        #expect(CSV.cell("a,b") == "\"a,b\"")
        #expect(CSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSV.cell("-20") == "'-20")
        #expect(CSV.cell("@SUM(A1)") == "'@SUM(A1)")
    }

    @Test func drillDownListHasAHeaderAndFlagsRowsWithErrors() {
        let csv = CSV.drillDown(
            [
                DrillRecord(
                    child: "C1", kind: "referral", key: "2024-05-01", start: Samples.day("2024-05-01"),
                    origin: RecordOrigin(file: 0, row: 3))
            ],
            rowsWithErrors: [RecordOrigin(file: 0, row: 3)])
        #expect(csv == "child,record,key,start,end,from_row_with_errors\r\nC1,referral,2024-05-01,2024-05-01,,yes\r\n")
    }

    @Test func findingsLeaveOutChildrenWhenAsked() {
        let f = [FindingRow(rule: "103", severity: "error", file: "h.csv", table: "Header", row: 4, child: "C9", fields: ["DOB"], message: "Not a date, really")]
        #expect(CSV.findings(f, includesChildren: true).contains(",C9,"))
        #expect(!CSV.findings(f, includesChildren: false).contains("C9"))
        #expect(CSV.findings(f, includesChildren: false).hasSuffix("error,103,h.csv,Header,4,DOB,\"Not a date, really\"\r\n"))
    }
}

import Testing
import Foundation
import OversightCore
@testable import OversightFormats

@Suite("CIN validator helpers")
struct CINHelperTests {
    func day(_ s: String) -> Day { Day.parseISO(s)! }

    @Test func startsInsideAnotherIncludesBothEnds() {
        let items: [(start: Day?, end: Day?)] = [
            (day("2024-05-01"), day("2024-05-10")),
            (day("2024-05-10"), day("2024-05-20")),   // starts on the first's last day
            (day("2024-06-01"), nil),                 // tested, never tested against
            (day("2024-06-01"), day("2024-06-02")),   // same start as the one above
            (nil, day("2024-07-01")),                 // no start: skipped
        ]
        #expect(CINIntervals.startsInsideAnother(items) == [1, 2])
    }

    @Test func spansAreHalfOpen() {
        let spans = CINIntervals.Spans([(day("2024-05-01"), day("2024-05-10")), (day("2024-04-01"), day("2024-04-03"))])
        #expect(spans.contains(day("2024-05-01")))
        #expect(spans.contains(day("2024-05-09")))
        #expect(!spans.contains(day("2024-05-10")))
        #expect(!spans.contains(day("2024-04-03")))
        #expect(spans.contains(day("2024-04-02")))
        #expect(!CINIntervals.Spans([]).contains(day("2024-04-02")))
    }

    @Test(arguments: [("P201123456789", "P"), ("M20112345678A", "M"), ("X207000016049", "P")])
    func upnCheckLetter(upn: String, letter: Character) {
        #expect(CINUPN.expectedCheckLetter(upn) == letter)
    }

    @Test func workingDaysSkipWeekendsAndBankHolidays() {
        // Easter 2024: Good Friday 29 March, Easter Monday 1 April.
        #expect(CINWorkingDays.workingDay(1, before: day("2024-04-02")) == day("2024-03-28"))
        #expect(CINWorkingDays.workingDay(1, before: day("2025-03-31")) == day("2025-03-28"))
        #expect(!CINWorkingDays.isWorkingDay(day("2025-12-26")))
    }

    @Test func isoDatesAreReadStrictly() {
        #expect(cinParseISO("2024-02-29") == day("2024-02-29"))
        #expect(cinParseISO("2023-02-29") == nil)
        #expect(cinParseISO("2024-2-09") == nil)
        #expect(cinParseISO("29/02/2024") == nil)
        #expect(cinDate(CINBuilder.block(["D": " 2024-02-29\n"]), "D") == day("2024-02-29"))
    }

    @Test func docsListEveryRule() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/validation/cin.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        for year in CINContext.supportedYears {
            for info in CINValidator.rules(forYear: year) { #expect(text.contains("| \(info.code) |"), "\(info.code) missing from docs") }
        }
    }
}

@Suite("CIN validator on malformed returns")
struct CINMalformedReturnTests {
    /// A small deterministic generator, so the test is the same every run.
    struct Lcg {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let values = ["", " ", "0", "1", "true", "x", "2024-02-30", "9999-12-31", "0001-01-01", "2024-06-03", "2025-03-31",
                         "2024-03-31", "21", "18A", "NONE", "RC8", "UN7", "N1", "-1", "P201123456789", "A1234", "ÄÖ", "2024-6-3"]
    static let names = ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "Sex", "GenderCurrent",
                        "PersonDeathDate", "Ethnicity", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                        "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA", "AssessmentActualStartDate", "AssessmentAuthorisationDate",
                        "CINPlanStartDate", "CINPlanEndDate", "S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired",
                        "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"]

    func randomBlock(_ g: inout Lcg) -> CINRawBlock {
        var fields: [String: String] = [:]
        for _ in 0..<g.next(12) { fields[Self.names[g.next(Self.names.count)]] = Self.values[g.next(Self.values.count)] }
        var lists: [String: [String]] = [:]
        for name in ["AssessmentFactors", "Disability", "CPPreviewDate"] where g.next(3) == 0 {
            lists[name] = (0..<g.next(4)).map { _ in Self.values[g.next(Self.values.count)] }
        }
        return CINBuilder.block(fields, lists: lists)
    }

    @Test(arguments: [-5, 0, 2023, 2025, 99_999])
    func randomReturnsNeverTrap(year: Int) {
        var g = Lcg(state: UInt64(bitPattern: Int64(year)))
        var children: [CINRawChild] = []
        for i in 0..<300 {
            let episodes = (0..<g.next(4)).map { _ in
                CINRawEpisode(details: randomBlock(&g), assessments: (0..<g.next(3)).map { _ in randomBlock(&g) },
                              cinPlans: (0..<g.next(3)).map { _ in randomBlock(&g) }, section47s: (0..<g.next(3)).map { _ in randomBlock(&g) },
                              protectionPlans: (0..<g.next(3)).map { _ in randomBlock(&g) })
            }
            children.append(CINRawChild(position: i + 1, identifiers: randomBlock(&g), characteristics: randomBlock(&g), episodes: episodes))
        }
        let r = CINRawReturn(file: "fuzz.xml", header: randomBlock(&g), children: children, collectionYear: year)
        let issues = CINValidator.validate(r, previous: r, collectionYear: year)
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.row == nil || (1...300).contains($0.row!) })
    }
}

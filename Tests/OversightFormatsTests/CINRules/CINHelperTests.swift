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
            (day("2024-05-10"), day("2024-05-20")), // starts on the first's last day
            (day("2024-06-01"), nil), // tested, never tested against
            (day("2024-06-01"), day("2024-06-02")), // same start as the one above
            (nil, day("2024-07-01")), // no start: skipped
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

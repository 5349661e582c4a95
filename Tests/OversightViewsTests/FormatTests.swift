import Testing
import OversightCore
@testable import OversightViews

@Suite struct FormatTests {
    @Test func valuesReadInTheirUnit() {
        #expect(Format.value(19, unit: .percent) == "19.0%")
        #expect(Format.value(180, unit: .count) == "180")
        #expect(Format.value(1899, unit: .count) == "1,899")
        #expect(Format.value(34.25, unit: .rate) == "34.3 per 10,000")
        #expect(Format.value(0.615, unit: .ratio) == "0.62")
        #expect(Format.value(nil, unit: .percent) == "-")
        #expect(Format.value(-20, unit: .percent) == "-20.0%")
        #expect(Format.value(1234567.5, unit: .rate) == "1,234,567.5 per 10,000")
    }

    @Test func periodsReadInWords() {
        #expect(Format.period(.reportingYear(2025)) == "2024-25")
        #expect(Format.period(.month(year: 2024, month: 6)) == "June 2024")
        #expect(Format.period(.quarter(year: 2024, quarter: 2)) == "April to June 2024")
        #expect(Format.period(Period(start: Samples.day("2024-04-03"), end: Samples.day("2024-05-15"))!) == "3 April 2024 to 15 May 2024")
        #expect(Format.date(Samples.day("2025-03-31")) == "31 March 2025")
    }

    @Test func fileSizes() {
        #expect(Format.fileSize(512) == "512 bytes")
        #expect(Format.fileSize(2048) == "2.0 KB")
        #expect(Format.fileSize(5 * 1024 * 1024) == "5.0 MB")
    }
}

import Testing
@testable import OversightCore

@Suite struct DayTests {
    @Test func roundTripsCivilDates() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (1899, 3, 1), (2100, 2, 28)] {
            let day = Day(year: y, month: m, day: d)!
            #expect(day.components == (y, m, d))
        }
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day.parseUK("31/04/2024") == nil)
        #expect(Day.parseUK("2024-04-01") == nil)
        #expect(Day.parseISO("01/04/2024") == nil)
        #expect(Day.parseUK("99999999999999999999999/1/2024") == nil) // no overflow trap
        #expect(Day.parseISO("2024-1-01") == nil)
    }

    @Test func stepsBackYearsFromLeapDayToTheTwentyEighth() {
        #expect(Day(year: 2024, month: 2, day: 29)!.adding(years: -1) == Day(year: 2023, month: 2, day: 28))
        #expect(Day(year: 2025, month: 3, day: 31)!.adding(months: -30) == Day(year: 2022, month: 9, day: 30))
    }

    @Test func knowsWeekdays() {
        #expect(Day(year: 2024, month: 11, day: 29)!.weekday == 5) // a Friday
        #expect(Day(year: 2024, month: 11, day: 30)!.isWeekday == false)
    }

    @Test func parsesPeriods() {
        #expect(Period.parse("2025") == Period.reportingYear(2025))
        #expect(Period.parse("2024-25") == Period.reportingYear(2025))
        #expect(Period.parse("2024-06") == Period.month(year: 2024, month: 6))
        #expect(Period.parse("2024-04-01..2025-03-31") == Period.reportingYear(2025))
        #expect(Period.parse("2025-04-01..2024-03-31") == nil)
        #expect(Period.parse("soon") == nil)
    }

    @Test func normalisesChildIDs() {
        #expect(ChildID(normalising: " ab12.0 ")?.rawValue == "AB12")
        #expect(ChildID(normalising: "  ") == nil)
    }
}

import Testing
import OversightCore
@testable import OversightFormats

@Suite struct ExcelDateTests {
    @Test(arguments: [
        (42029.0, "2015-01-25"), (44090.0, "2020-09-16"), (61.0, "1900-03-01"), (59.0, "1900-02-28"),
        (1.0, "1900-01-01"), (44090.75, "2020-09-16"), (2_958_465.0, "9999-12-31"),
    ])
    func convertsSerialsInThe1900System(serial: Double, iso: String) {
        #expect(ExcelDate.day(fromSerial: serial)?.iso == iso)
    }

    // 1e300, -1e300 and infinity: found by the hour-long fuzz run, they trapped converting to Int.
    @Test(arguments: [0.0, 60.0, -3.0, 2_958_466.0, Double.nan, 1e300, -1e300, Double.infinity, 9.3e18])
    func refusesSerialsThatAreNotDays(serial: Double) {
        #expect(ExcelDate.day(fromSerial: serial) == nil)
    }

    @Test func convertsSerialsInThe1904System() {
        #expect(ExcelDate.day(fromSerial: 0, date1904: true)?.iso == "1904-01-01")
        #expect(ExcelDate.day(fromSerial: 42029 - 1462, date1904: true)?.iso == "2015-01-25")
    }

    @Test func writesSerialsBackForDatesFromMarch1900() {
        #expect(ExcelDate.serial(of: Day(year: 2020, month: 9, day: 16)!) == 44090)
        #expect(ExcelDate.serial(of: Day(year: 1900, month: 2, day: 28)!) == nil)
    }

    @Test(arguments: [
        ("dd/mm/yyyy;@", true), ("d-mmm-yy", true), ("mmm", true), ("0.00", false), ("[h]:mm:ss", false),
        ("hh:mm", false), ("\"day \"0", false), ("General", false), ("[$-809]dd mmmm yyyy", true),
    ])
    func recognisesDateFormatCodes(code: String, isDate: Bool) {
        #expect(ExcelDate.isDateFormatCode(code) == isDate)
    }
}

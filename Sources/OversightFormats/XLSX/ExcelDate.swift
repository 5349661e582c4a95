import OversightCore

/// Excel's serial day numbers and its date number formats.
///
/// In the 1900 date system (the default) serial 1 is 1 January 1900 and Excel counts a
/// 29 February 1900 that never existed (serial 60), so serials from 61 on are days since
/// 30 December 1899. In the 1904 date system (old Mac workbooks, `date1904` in the workbook) serial
/// 0 is 1 January 1904.
public enum ExcelDate {
    static let base1900 = Day(year: 1899, month: 12, day: 30)!
    static let base1904 = Day(year: 1904, month: 1, day: 1)!

    /// The day of a serial number, its fraction (time of day) dropped. Nil for serial 60 in the
    /// 1900 system (the phantom 29 February 1900), for serials below 1 (0 in the 1904 system),
    /// above 2,958,465 (31 December 9999), and for values that are not finite.
    public static func day(fromSerial serial: Double, date1904: Bool = false) -> Day? {
        // Checked before the conversion to Int, which traps on values beyond its range (found by
        // `oversight fuzz`: a date cell holding 1e300 ended the process).
        guard serial.isFinite, serial >= -1, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 {
            guard whole >= 0, whole <= 2_957_003 else { return nil }
            return base1904.adding(days: whole)
        }
        guard whole >= 1, whole <= 2_958_465, whole != 60 else { return nil }
        return whole < 60 ? base1900.adding(days: whole + 1) : base1900.adding(days: whole)
    }

    /// The 1900-system serial number of `day`; nil before 1 March 1900, where Excel's serials
    /// disagree with the calendar.
    public static func serial(of day: Day) -> Int? {
        guard day >= Day(year: 1900, month: 3, day: 1)! else { return nil }
        return base1900.days(to: day)
    }

    /// Whether a built-in number format id is a date or date-time format (14-22 and the East Asian
    /// date formats 27-36 and 50-58; 45-47 are durations and are not dates).
    static func isBuiltInDateFormat(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom format code shows a date: it contains a day, month or year token outside
    /// quoted text, escapes and bracketed sections (colours, conditions, locales, elapsed time).
    static func isDateFormatCode(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        // Only the first section (positive numbers) decides.
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuotes { if ch == "\"" { inQuotes = false }; continue }
            if inBrackets { if ch == "]" { inBrackets = false }; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case ";": return false
            case "d", "y": return true
            case "m":
                // `m` alone is minutes when next to hours or seconds; with no h or s in the code it is a month.
                if !code.lowercased().contains("h") && !code.lowercased().contains("s") { return true }
            default: continue
            }
        }
        return false
    }
}

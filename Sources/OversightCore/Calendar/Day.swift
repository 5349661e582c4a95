import Foundation

/// A calendar date with no time zone, stored as the number of days since 1970-01-01.
///
/// Every date in the statutory returns is a calendar date; comparing and subtracting them as
/// whole days avoids the time-zone and daylight-saving traps of `Foundation.Date`.
/// Valid years are 1 to 9999.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int32

    /// Creates a day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// Creates a day from a year, month and day of month, or returns nil when the date does not
    /// exist (31 April, 29 February in a common year, month 13, year 0...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysInMonth(year: year, month: month)
        else { return nil }
        self.ordinal = Int32(Day.daysFromCivil(year, month, day))
    }

    /// The year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(Int(ordinal)) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (Int(ordinal) + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Monday to Friday.
    public var isWeekday: Bool { weekday <= 5 }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }

    /// Steps by calendar months, clamping the day to the target month's length
    /// (31 March minus one month is 28 or 29 February).
    public func adding(months n: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        let d = min(c.day, Day.daysInMonth(year: y, month: m))
        return Day(year: y, month: m, day: d)!
    }

    /// Steps by whole years; 29 February becomes 28 February in a common year.
    public func adding(years n: Int) -> Day { adding(months: 12 * n) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    /// The last day of this day's month.
    public var endOfMonth: Day {
        let c = components
        return Day(year: c.year, month: c.month, day: Day.daysInMonth(year: c.year, month: c.month))!
    }

    /// The first day of this day's month.
    public var startOfMonth: Day {
        let c = components
        return Day(year: c.year, month: c.month, day: 1)!
    }

    /// The statutory collection year that holds this day: the year of the 31 March that ends the
    /// 1 April - 31 March year (2024-06-01 is in collection year 2025).
    public var collectionYear: Int { month >= 4 ? year + 1 : year }

    /// `yyyy-mm-dd`.
    public var iso: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    /// `dd/mm/yyyy`, as the SSDA903 return writes dates.
    public var uk: String {
        let c = components
        return "\(Day.pad(c.day, 2))/\(Day.pad(c.month, 2))/\(Day.pad(c.year, 4))"
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    // MARK: Parsing

    /// Parses `dd/mm/yyyy` (one-digit day or month accepted). Returns nil for anything else.
    @inlinable public static func parseUK<S: StringProtocol>(_ text: S) -> Day? {
        guard let (p, n) = numberFields(text, separator: UInt8(ascii: "/")),
            (1...2).contains(n.0), (1...2).contains(n.1), n.2 == 4
        else { return nil }
        return Day(year: p.2, month: p.1, day: p.0)
    }

    /// Parses a date as people type it into a form: `1/4/2024`, `01/04/2024`, `1-4-2024`,
    /// `1.4.2024`, `1 4 2024`, `1 April 2024`, `1 Apr 2024`, or `2024-04-01`. Nil for anything
    /// else, and for dates that do not exist.
    public static func parseTyped(_ text: String) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = parseISO(t) { return d }
        let separators: Set<Character> = ["/", "-", ".", " "]
        let parts = t.lowercased().split { separators.contains($0) }.map(String.init)
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let month = Int(parts[1]) ?? names.firstIndex { parts[1].hasPrefix($0) && parts[1].count >= 3 }.map { $0 + 1 }
        guard let month, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Parses `yyyy-mm-dd` (the XML date type). Returns nil for anything else.
    @inlinable public static func parseISO<S: StringProtocol>(_ text: S) -> Day? {
        guard let (p, n) = numberFields(text, separator: UInt8(ascii: "-")), n.0 == 4, n.1 == 2, n.2 == 2 else { return nil }
        return Day(year: p.0, month: p.1, day: p.2)
    }

    /// Three runs of ASCII digits split by `separator`: their values and lengths. Works on the
    /// UTF-8 bytes, so reading a national-scale file does not split or copy strings.
    @inlinable static func numberFields<S: StringProtocol>(_ text: S, separator: UInt8) -> ((Int, Int, Int), (Int, Int, Int))? {
        var parts = (0, 0, 0), lengths = (0, 0, 0)
        var k = 0
        for b in text.utf8 {
            if b == separator { k += 1; if k > 2 { return nil }; continue }
            guard b >= 0x30 && b <= 0x39, k == 0 ? lengths.0 < 5 : k == 1 ? lengths.1 < 3 : lengths.2 < 5 else { return nil }
            let d = Int(b - 0x30)
            switch k {
            case 0: parts.0 = parts.0 * 10 + d; lengths.0 += 1
            case 1: parts.1 = parts.1 * 10 + d; lengths.1 += 1
            default: parts.2 = parts.2 * 10 + d; lengths.2 += 1
            }
        }
        return k == 2 ? (parts, lengths) : nil
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, Howard Hinnant's civil algorithms)

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A date field as read from a file: absent, a valid date, or present but not a date.
///
/// The spec's reading rule 6 treats the last case apart: such a record is left out of every
/// measure that uses the field and counted in that measure's warnings.
public enum DateField: Hashable, Sendable, Codable {
    case missing
    case value(Day)
    case invalid(String)

    /// The date when valid.
    public var day: Day? { if case .value(let d) = self { return d } else { return nil } }
    /// Present but not a valid date.
    public var isInvalid: Bool { if case .invalid = self { return true } else { return false } }
    /// Absent (empty in the file).
    public var isMissing: Bool { if case .missing = self { return true } else { return false } }

    /// Reads a `dd/mm/yyyy` field (surrounding white space ignored).
    public static func uk(_ raw: String) -> DateField {
        let t = raw.trimmed
        if t.isEmpty { return .missing }
        if let d = Day.parseUK(t) { return .value(d) }
        return .invalid(t)
    }

    /// Reads a `yyyy-mm-dd` field.
    public static func iso(_ raw: String) -> DateField {
        let t = raw.trimmed
        if t.isEmpty { return .missing }
        if let d = Day.parseISO(t) { return .value(d) }
        return .invalid(t)
    }
}

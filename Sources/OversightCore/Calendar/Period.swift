/// A reporting period `[start, end]`, inclusive of both days.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public let start: Day
    public let end: Day

    /// Creates a period; `start` must not be after `end`.
    public init?(start: Day, end: Day) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// The statutory reporting year `year`: 1 April `year - 1` to 31 March `year`
    /// (2025 is 2024-25).
    public static func reportingYear(_ year: Int) -> Period {
        Period(start: Day(year: year - 1, month: 4, day: 1)!, end: Day(year: year, month: 3, day: 31)!)!
    }

    /// A calendar month.
    public static func month(year: Int, month: Int) -> Period {
        let s = Day(year: year, month: month, day: 1)!
        return Period(start: s, end: s.endOfMonth)!
    }

    /// A calendar quarter (1 = January-March).
    public static func quarter(year: Int, quarter: Int) -> Period {
        let s = Day(year: year, month: (quarter - 1) * 3 + 1, day: 1)!
        return Period(start: s, end: s.adding(months: 2).endOfMonth)!
    }

    /// The 12 months to `end`: `[end - 1 year + 1 day, end]`.
    public static func rolling12Months(endingOn end: Day) -> Period {
        Period(start: end.adding(years: -1).adding(days: 1), end: end)!
    }

    /// Whether `day` lies in the period.
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// Whether an optional day lies in the period (nil never does).
    public func contains(_ day: Day?) -> Bool { day.map(contains) ?? false }

    /// The same period one year earlier (each end stepped back a year, 29 February -> 28 February).
    public var yearEarlier: Period { Period(start: start.adding(years: -1), end: end.adding(years: -1))! }

    /// The period of the same length ending the day before this one starts.
    public var previous: Period {
        let len = start.days(to: end)
        let e = start.adding(days: -1)
        return Period(start: e.adding(days: -len), end: e)!
    }

    /// Parses `START..END` with ISO dates, or shorthand: `2025` (reporting year 2024-25),
    /// `2024-25`, `2024-06` (a month), `2024Q2` (a calendar quarter).
    public static func parse(_ text: String) -> Period? {
        let t = text.trimmed
        if let r = t.range(of: "..") {
            guard let s = Day.parseISO(t[t.startIndex..<r.lowerBound]), let e = Day.parseISO(t[r.upperBound...]) else { return nil }
            return Period(start: s, end: e)
        }
        if t.count == 4, let y = Int(t), (1900...9999).contains(y) { return reportingYear(y) }
        if t.count == 7, t.dropFirst(4).first == "-", let y = Int(t.prefix(4)), let two = Int(t.suffix(2)) {
            // A month wins where both readings fit ("2011-12" is December 2011).
            if (1...12).contains(two) { return month(year: y, month: two) }
            if two == (y + 1) % 100 { return reportingYear(y + 1) }
            return nil
        }
        if t.count == 6, let y = Int(t.prefix(4)), t.dropFirst(4).first?.uppercased() == "Q", let q = Int(t.suffix(1)), (1...4).contains(q) {
            return quarter(year: y, quarter: q)
        }
        return nil
    }

    public var description: String { "\(start.iso)..\(end.iso)" }
}

import Foundation

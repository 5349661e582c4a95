/// Bank holidays in England and Wales, as published by the government, including one-off days
/// (8 May 2020 moved, 3 June 2022, 19 September 2022, 8 May 2023). Extend the list each year;
/// years outside `coveredYears` count weekdays only (spec reading rule 7).
public enum BankHolidays {
    /// ISO dates, one a line, by year.
    public static let england: [String] = [
        "2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25", "2013-12-26",
        "2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25", "2014-12-25", "2014-12-26",
        "2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28",
        "2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27",
        "2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26",
        "2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26",
        "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26",
        "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28",
        "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28",
        "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27",
        "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26",
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ]

    /// The years the list covers.
    public static let coveredYears: ClosedRange<Int> = 2013...2027
}

/// Working days: Monday to Friday except bank holidays in England.
///
/// "Within N working days of d0" means on or before the N-th working day after d0 (d0 itself not
/// counted); a date before d0 is never within.
public struct WorkingDayCalendar: Sendable {
    private let holidays: Set<Day>
    private let first: Day
    /// cumulative[i] = working days from `first` up to and including first + i.
    private let cumulative: [Int32]

    /// The calendar of `BankHolidays.england`.
    public static let england = WorkingDayCalendar(holidays: BankHolidays.england.compactMap { Day.parseISO($0) })

    public init(holidays: [Day]) {
        self.holidays = Set(holidays)
        let first = Day(year: 1990, month: 1, day: 1)!
        let last = Day(year: 2060, month: 12, day: 31)!
        var c: [Int32] = []
        c.reserveCapacity(first.days(to: last) + 1)
        var n: Int32 = 0
        var d = first
        while d <= last {
            if d.isWeekday && !self.holidays.contains(d) { n += 1 }
            c.append(n)
            d = d.adding(days: 1)
        }
        self.first = first
        self.cumulative = c
    }

    /// Whether `d` is a working day.
    public func isWorkingDay(_ d: Day) -> Bool { d.isWeekday && !holidays.contains(d) }

    /// The `n`-th working day after `d0` (n >= 1).
    public func workingDay(_ n: Int, after d0: Day) -> Day {
        var d = d0
        var k = 0
        while k < n {
            d = d.adding(days: 1)
            if isWorkingDay(d) { k += 1 }
        }
        return d
    }

    /// The working days after `d0` up to and including `later` (0 when `later` is not after `d0`).
    public func workingDays(from d0: Day, to later: Day) -> Int {
        guard later > d0 else { return 0 }
        let i0 = first.days(to: d0), i1 = first.days(to: later)
        if i0 >= 0, i1 < cumulative.count { return Int(cumulative[i1] - cumulative[i0]) }
        var n = 0
        var d = d0
        while d < later {
            d = d.adding(days: 1)
            if isWorkingDay(d) { n += 1 }
        }
        return n
    }

    /// Whether `later` is within `n` working days of `d0`.
    public func isWithin(_ n: Int, workingDaysOf d0: Day, _ later: Day) -> Bool {
        guard later >= d0 else { return false }
        let i0 = first.days(to: d0), i1 = first.days(to: later)
        if i0 >= 0, i1 < cumulative.count {
            let count = Int(cumulative[i1] - cumulative[i0])
            return count < n || (count == n && isWorkingDay(later))
        }
        return later <= workingDay(n, after: d0)
    }
}

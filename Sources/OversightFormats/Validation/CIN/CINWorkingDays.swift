import OversightCore

/// Working days in England for the CIN rules: the core's calendar (Monday to Friday less the bank
/// holidays in `BankHolidays.england`).
enum CINWorkingDays {
    static func isWorkingDay(_ day: Day) -> Bool { WorkingDayCalendar.england.isWorkingDay(day) }

    /// The `n`th working day before `day` (not counting `day` itself).
    static func workingDay(_ n: Int, before day: Day) -> Day {
        var d = day
        var left = n
        while left > 0 {
            d = d.adding(days: -1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }
}

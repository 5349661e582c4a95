import OversightCore

/// Working days in England: Monday to Friday, less England and Wales bank holidays.
///
/// The holiday list covers 2022 to 2027, the years the supported collections (2023-24 to 2025-26)
/// and their working-day look-backs can reach; outside it only weekends are skipped.
enum CINWorkingDays {
    static let bankHolidays: Set<Day> = {
        let dates: [(Int, Int, Int)] = [
            (2022, 1, 3), (2022, 4, 15), (2022, 4, 18), (2022, 5, 2), (2022, 6, 2), (2022, 6, 3), (2022, 8, 29), (2022, 9, 19),
            (2022, 12, 26), (2022, 12, 27),
            (2023, 1, 2), (2023, 4, 7), (2023, 4, 10), (2023, 5, 1), (2023, 5, 8), (2023, 5, 29), (2023, 8, 28), (2023, 12, 25),
            (2023, 12, 26),
            (2024, 1, 1), (2024, 3, 29), (2024, 4, 1), (2024, 5, 6), (2024, 5, 27), (2024, 8, 26), (2024, 12, 25), (2024, 12, 26),
            (2025, 1, 1), (2025, 4, 18), (2025, 4, 21), (2025, 5, 5), (2025, 5, 26), (2025, 8, 25), (2025, 12, 25), (2025, 12, 26),
            (2026, 1, 1), (2026, 4, 3), (2026, 4, 6), (2026, 5, 4), (2026, 5, 25), (2026, 8, 31), (2026, 12, 25), (2026, 12, 28),
            (2027, 1, 1), (2027, 3, 26), (2027, 3, 29), (2027, 5, 3), (2027, 5, 31), (2027, 8, 30), (2027, 12, 27), (2027, 12, 28),
        ]
        return Set(dates.map { Day(year: $0.0, month: $0.1, day: $0.2)! })
    }()

    static func isWorkingDay(_ day: Day) -> Bool { day.isWeekday && !bankHolidays.contains(day) }

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

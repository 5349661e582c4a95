import Foundation

extension Day {
    /// English local time, in which audit steps are dated.
    public static let englishTimeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!

    /// The calendar day of `date` in `timeZone` (English local time by default).
    public init(_ date: Date, in timeZone: TimeZone = Day.englishTimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self = Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

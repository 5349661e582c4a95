import Foundation
import OversightCore

extension Day {
    /// The day `date` falls on in England.
    static func inEngland(_ date: Date) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

import Foundation
import OversightCore

/// How numbers and dates read on screen: one decimal place for percentages and rates, thousands
/// separated by commas, dates as "1 April 2025". A missing or undefined value reads "-".
public enum Format {
    /// The text shown for a value that is missing or undefined (a percentage of nothing).
    public static let missing = "-"

    /// A measure's value in its unit: `19.0%`, `1,899`, `34.2 per 10,000`, `0.62`.
    public static func value(_ v: Double?, unit: MeasureUnit) -> String {
        guard let v, v.isFinite else { return missing }
        switch unit {
        case .percent: return decimal(v, places: 1) + "%"
        case .count: return v == v.rounded() ? grouped(v) : decimal(v, places: 1)
        case .rate: return decimal(v, places: 1) + " per 10,000"
        case .ratio: return decimal(v, places: 2)
        }
    }

    /// A value without its unit's words, for table cells and chart labels (`19.0`, `1,899`).
    public static func bare(_ v: Double?, unit: MeasureUnit) -> String {
        guard let v, v.isFinite else { return missing }
        switch unit {
        case .percent, .rate: return decimal(v, places: 1)
        case .count: return v == v.rounded() ? grouped(v) : decimal(v, places: 1)
        case .ratio: return decimal(v, places: 2)
        }
    }

    /// A count or other number with thousands separated (`1,899`, `-12`).
    public static func count(_ v: Double?) -> String {
        guard let v, v.isFinite else { return missing }
        return v == v.rounded() ? grouped(v) : decimal(v, places: 1)
    }

    /// "1 error", "2,345 errors".
    public static func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(count(n)) \(n == 1 ? one : many)" }

    /// An integer with thousands separated.
    public static func count(_ n: Int) -> String { grouped(Double(n)) }

    /// `v` rounded half away from zero to `places` decimals, thousands separated.
    public static func decimal(_ v: Double, places: Int) -> String {
        let scale = pow(10.0, Double(places))
        let r = (v * scale).rounded(.toNearestOrAwayFromZero)
        let negative = r < 0
        let whole = (abs(r) / scale).rounded(.towardZero)
        let frac = Int(abs(r) - whole * scale)
        var s = grouped(whole)
        if places > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: places - f.count) + f
        }
        return (negative ? "-" : "") + s
    }

    static func grouped(_ v: Double) -> String {
        let negative = v < 0
        var digits = String(Int64(abs(v).rounded()))
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (negative ? "-" : "") + digits + out
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]

    /// `1 April 2025`.
    public static func date(_ d: Day) -> String { "\(d.dayOfMonth) \(monthNames[d.month - 1]) \(d.year)" }

    /// `1 April 2025`, or `-` when nil.
    public static func date(_ d: Day?) -> String { d.map(date) ?? missing }

    /// `Apr 2025`.
    public static func shortMonth(_ d: Day) -> String { "\(monthNames[d.month - 1].prefix(3)) \(d.year)" }

    /// `April 2025`.
    public static func month(_ d: Day) -> String { "\(monthNames[d.month - 1]) \(d.year)" }

    /// A period in words: `2024-25` for a reporting year, `June 2024` for a month, `April to June
    /// 2024` for whole months in one year, else `1 April 2024 to 15 May 2024`.
    public static func period(_ p: Period) -> String {
        let s = p.start, e = p.end
        if s.dayOfMonth == 1, s.month == 4, e.month == 3, e.dayOfMonth == 31, e.year == s.year + 1 {
            return "\(s.year)-\(String(e.year).suffix(2))"
        }
        if s.dayOfMonth == 1, e == e.endOfMonth {
            if s.year == e.year, s.month == e.month { return month(s) }
            if s.year == e.year { return "\(monthNames[s.month - 1]) to \(month(e))" }
            return "\(month(s)) to \(month(e))"
        }
        return "\(date(s)) to \(date(e))"
    }

    /// A reporting year in words: 2025 is `2024-25`.
    public static func reportingYear(_ year: Int) -> String { "\(year - 1)-\(String(year).suffix(2))" }

    /// A file size: `512 bytes`, `12.3 KB`, `4.5 MB` (1 KB = 1,024 bytes).
    public static func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return decimal(Double(bytes) / 1024, places: 1) + " KB" }
        return decimal(Double(bytes) / 1024 / 1024, places: 1) + " MB"
    }

    /// A UTC timestamp: `29 November 2026 at 09:21`.
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = Int32((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let d = Day(ordinal: days)
        let inDay = seconds - Int64(days) * 86_400
        let h = inDay / 3600, m = (inDay % 3600) / 60
        return "\(Format.date(d)) at \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}

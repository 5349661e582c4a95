import Foundation

/// Finds the collection year a file belongs to from its path (spec reading rule 1): the file
/// name first, then each folder from the deepest up; `2024`, `2023_24`, `2023-24` and
/// `2023-2024` all mean the collection year ending 31 March 2024.
public enum CollectionYearDetector {
    /// The collection year named by the path, or nil when no component holds one.
    public static func year(fromPath path: String) -> Int? {
        let components = path.split(separator: "/").map(String.init)
        for c in components.reversed() {
            if let y = year(inComponent: c) { return y }
        }
        return nil
    }

    /// The year held by one path component (1990-2099), preferring a two-year span.
    static func year(inComponent s: String) -> Int? {
        let chars = Array(s.utf8)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < chars.count && chars[i] >= 48 && chars[i] <= 57 }
        func number(_ i: Int, _ n: Int) -> Int? {
            guard (i..<(i + n)).allSatisfy(isDigit) else { return nil }
            return (i..<(i + n)).reduce(0) { $0 * 10 + Int(chars[$1] - 48) }
        }
        var i = 0
        while i + 4 <= chars.count {
            if !isDigit(i - 1), let y = number(i, 4), !isDigit(i + 4), (1990...2099).contains(y) {
                let sep = i + 4
                if sep < chars.count, chars[sep] == UInt8(ascii: "-") || chars[sep] == UInt8(ascii: "_") {
                    if let y2 = number(sep + 1, 4), !isDigit(sep + 5), y2 == y + 1 { return y + 1 }
                    if let yy = number(sep + 1, 2), !isDigit(sep + 3), yy == (y + 1) % 100 { return y + 1 }
                }
                return y
            }
            i += 1
        }
        return nil
    }
}

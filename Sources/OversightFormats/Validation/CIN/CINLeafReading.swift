import OversightCore

/// Reads an ISO date leaf: nil when absent, blank or not a date.
func cinDate(_ block: CINRawBlock, _ name: String) -> Day? {
    guard let text = block[name] else { return nil }
    return cinParseISO(cinTrim(text))
}

/// `yyyy-mm-dd` read straight from the UTF-8 bytes (the returns hold millions of dates).
func cinParseISO(_ text: String) -> Day? {
    let bytes = text.utf8
    return bytes.withContiguousStorageIfAvailable { b -> Day? in
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                n = n * 10 + d
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    } ?? Day.parseISO(String(bytes))
}

/// Trims spaces, tabs and line breaks from both ends, without copying when there are none.
func cinTrim(_ text: String) -> String {
    func isSpace(_ c: Character) -> Bool { c == " " || c.isWhitespace }
    guard let first = text.first, let last = text.last else { return text }
    if !isSpace(first) && !isSpace(last) { return text }
    guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(text[start...end])
}

/// Reads a CIN yes/no leaf: `1`/`true` and `0`/`false` (any case); nil for anything else.
func cinFlag(_ text: String?) -> Bool? {
    guard let text else { return nil }
    switch cinTrim(text) {
    case "1": return true
    case "0": return false
    case let t:
        switch t.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}

/// The text of a leaf with white space trimmed; nil when absent or blank.
func cinText(_ block: CINRawBlock, _ name: String) -> String? {
    guard let raw = block[name] else { return nil }
    let t = cinTrim(raw)
    return t.isEmpty ? nil : t
}

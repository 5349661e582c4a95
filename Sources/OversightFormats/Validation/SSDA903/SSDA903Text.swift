import OversightCore

/// Fast text helpers for the validator's hot paths, working on UTF-8 bytes so that validating a
/// national-scale return does not allocate per value.
enum SSDA903Text {
    /// `text` upper-cased; returned unchanged (no copy) when it has no lower-case ASCII letter.
    static func upper(_ text: String) -> String {
        text.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) ? text.uppercased() : text
    }

    /// Parses `dd/mm/yyyy` (one-digit day or month accepted), as `Day.parseUK` does, without
    /// splitting the string. Nil for anything else, impossible dates included.
    static func ukDate(_ text: String) -> Day? {
        var parts = (0, 0, 0)
        var digits = (0, 0, 0)
        var field = 0
        for b in text.utf8 {
            if b == 0x2F {
                field += 1
                if field > 2 { return nil }
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { return nil }
            let v = Int(b - 0x30)
            switch field {
            case 0: parts.0 = parts.0 * 10 + v; digits.0 += 1
            case 1: parts.1 = parts.1 * 10 + v; digits.1 += 1
            default: parts.2 = parts.2 * 10 + v; digits.2 += 1
            }
        }
        guard field == 2, (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 else { return nil }
        return Day(year: parts.2, month: parts.1, day: parts.0)
    }

    /// The child id normalised as `ChildID(normalising:)` does, skipping its Foundation work
    /// when the text is already plain (ASCII digits and capitals, not ending in `.0`).
    static func childID(_ raw: String) -> ChildID? {
        let plain = !raw.isEmpty && raw.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
        return plain ? ChildID(raw) : ChildID(normalising: raw)
    }

    /// Whether two postcodes are the same once spaces are ignored.
    static func samePostcode(_ a: String, _ b: String) -> Bool {
        let x = a.utf8.filter { $0 != 0x20 }, y = b.utf8.filter { $0 != 0x20 }
        return x == y
    }
}

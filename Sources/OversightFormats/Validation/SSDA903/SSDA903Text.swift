import OversightCore

/// Fast text helpers for the validator's hot paths, working on UTF-8 bytes so that validating a
/// national-scale return does not allocate per value.
enum SSDA903Text {
    /// `text` upper-cased; returned unchanged (no copy) when it has no lower-case ASCII letter.
    static func upper(_ text: String) -> String { text.upperASCII }

    /// Parses `dd/mm/yyyy` (one-digit day or month accepted): `Day.parseUK`.
    static func ukDate(_ text: String) -> Day? { Day.parseUK(text) }

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

/// Fast text helpers for the hot reading paths. Foundation's `trimmingCharacters(in:)` and
/// `uppercased()` go through UTF-16 and character sets; data files are overwhelmingly ASCII, so
/// these work on UTF-8 bytes and fall back only where they must.
extension String {
    /// Without leading and trailing ASCII white space (space, tab, CR, LF) and no-break spaces.
    @inlinable public var trimmed: String {
        let u = utf8
        // Most values need nothing trimmed: answer without building a new string.
        guard let first = u.first, let last = u.last else { return self }
        if first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0 { return self }
        var s = u.startIndex, e = u.endIndex
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while s < e, isSpace(u[s]) { s = u.index(after: s) }
        while e > s { let p = u.index(before: e); if isSpace(u[p]) { e = p } else { break } }
        var out = String(Substring(u[s..<e]))
        // A no-break space (U+00A0), as spreadsheets leave, is white space too.
        if out.hasPrefix("\u{00A0}") || out.hasSuffix("\u{00A0}") {
            out = String(out.drop { $0 == "\u{00A0}" || $0.isWhitespace }.reversed().drop { $0 == "\u{00A0}" || $0.isWhitespace }.reversed())
        }
        return out
    }

    /// Upper-cased; ASCII text without lower-case letters is returned as it is.
    @inlinable public var upperASCII: String {
        var hasLower = false, isASCII = true
        for b in utf8 { if b >= 0x61 && b <= 0x7A { hasLower = true } else if b >= 0x80 { isASCII = false } }
        if !hasLower { return self }
        if !isASCII { return uppercased() }
        return String(decoding: utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }, as: UTF8.self)
    }

    /// Lower-cased, with the same ASCII fast path.
    @inlinable public var lowerASCII: String {
        var hasUpper = false, isASCII = true
        for b in utf8 { if b >= 0x41 && b <= 0x5A { hasUpper = true } else if b >= 0x80 { isASCII = false } }
        if !hasUpper { return self }
        if !isASCII { return lowercased() }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

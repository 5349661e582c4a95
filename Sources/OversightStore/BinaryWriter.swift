import OversightCore

/// Appends the primitives of `BinaryRecordCodec`'s layout to a byte buffer.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    /// One raw byte (versions and tags).
    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// An unsigned LEB128 varint.
    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A signed integer, zigzag-encoded.
    mutating func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    /// A count or length (never negative).
    mutating func count(_ n: Int) { varint(UInt64(n)) }

    /// A length and the UTF-8 bytes.
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            varint(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    /// 0 absent, or 1 and the string.
    mutating func optional(_ s: String?) {
        guard let s else { return byte(0) }
        byte(1); string(s)
    }

    /// 0 absent, or 1 and the signed integer.
    mutating func optional(_ i: Int?) {
        guard let i else { return byte(0) }
        byte(1); int(Int64(i))
    }

    /// 0 absent, 1 false, 2 true.
    mutating func optional(_ b: Bool?) { byte(b.map { $0 ? 2 : 1 } ?? 0) }

    /// A count and the strings.
    mutating func strings(_ a: [String]) {
        count(a.count)
        for s in a { string(s) }
    }

    /// A child id as its normalised text.
    mutating func child(_ c: ChildID) { string(c.rawValue) }

    /// File index and row, signed.
    mutating func origin(_ o: RecordOrigin) { int(Int64(o.file)); int(Int64(o.row)) }

    /// 0 missing, 1 and the day ordinal, or 2 and the text as written.
    mutating func date(_ d: DateField) {
        switch d {
        case .missing: byte(0)
        case .value(let day): byte(1); int(Int64(day.ordinal))
        case .invalid(let text): byte(2); string(text)
        }
    }

    /// 0 missing, 1 and the minutes, or 2 and the text as written.
    mutating func time(_ t: DayTimeField) {
        switch t {
        case .missing: byte(0)
        case .value(let time): byte(1); int(time.minutes)
        case .invalid(let text): byte(2); string(text)
        }
    }
}

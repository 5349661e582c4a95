import OversightCore

/// Appends the primitives of `BinaryRecordCodec`'s layout to a byte buffer.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

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

    mutating func count(_ n: Int) { varint(UInt64(n)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            varint(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optional(_ s: String?) {
        guard let s else { return byte(0) }
        byte(1); string(s)
    }

    mutating func optional(_ i: Int?) {
        guard let i else { return byte(0) }
        byte(1); int(Int64(i))
    }

    /// 0 absent, 1 false, 2 true.
    mutating func optional(_ b: Bool?) { byte(b.map { $0 ? 2 : 1 } ?? 0) }

    mutating func strings(_ a: [String]) {
        count(a.count)
        for s in a { string(s) }
    }

    mutating func child(_ c: ChildID) { string(c.rawValue) }

    mutating func origin(_ o: RecordOrigin) { int(Int64(o.file)); int(Int64(o.row)) }

    mutating func date(_ d: DateField) {
        switch d {
        case .missing: byte(0)
        case .value(let day): byte(1); int(Int64(day.ordinal))
        case .invalid(let text): byte(2); string(text)
        }
    }

    mutating func time(_ t: DayTimeField) {
        switch t {
        case .missing: byte(0)
        case .value(let time): byte(1); int(time.minutes)
        case .invalid(let text): byte(2); string(text)
        }
    }
}

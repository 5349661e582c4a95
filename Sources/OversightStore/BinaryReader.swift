import OversightCore

/// Reads the primitives `BinaryWriter` writes, checking every length against the bytes left.
struct BinaryReader {
    private let bytes: [UInt8]
    private var at = 0

    /// A reader at the start of `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    var atEnd: Bool { at == bytes.count }

    /// The error for a block that ends early or holds an impossible value.
    static let truncated = StoreError.unavailable("a stored record block is cut short or damaged; restore a backup or import the files again")

    /// One raw byte.
    mutating func byte() throws -> UInt8 {
        guard at < bytes.count else { throw Self.truncated }
        defer { at += 1 }
        return bytes[at]
    }

    /// An unsigned LEB128 varint of at most 64 bits.
    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Self.truncated }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    /// A zigzag-encoded signed integer.
    mutating func int() throws -> Int64 {
        let u = try varint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    /// A count or length, no more than the bytes left.
    mutating func count() throws -> Int {
        let n = try varint()
        guard n <= UInt64(bytes.count - at) else { throw Self.truncated } // every element takes a byte at least
        return Int(n)
    }

    /// A length and UTF-8 bytes.
    mutating func string() throws -> String {
        let n = try count()
        let s = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[at..<(at + n)]), as: UTF8.self) }
        at += n
        return s
    }

    /// 0, or 1 and a string.
    mutating func optionalString() throws -> String? { try byte() == 0 ? nil : try string() }

    /// 0, or 1 and a signed integer.
    mutating func optionalInt() throws -> Int? {
        guard try byte() != 0 else { return nil }
        guard let i = Int(exactly: try int()) else { throw Self.truncated }
        return i
    }

    /// 0 absent, 1 false, 2 true.
    mutating func optionalBool() throws -> Bool? {
        switch try byte() {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw Self.truncated
        }
    }

    /// A count and that many strings.
    mutating func strings() throws -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    /// A child id (stored normalised).
    mutating func child() throws -> ChildID { ChildID(try string()) }

    /// File index and row.
    mutating func origin() throws -> RecordOrigin {
        let file = try int(), row = try int()
        guard let f = Int32(exactly: file), let r = Int32(exactly: row) else { throw Self.truncated }
        var o = RecordOrigin(file: 0, row: 0)
        o.file = f; o.row = r
        return o
    }

    /// A date field as `BinaryWriter.date` writes it.
    mutating func date() throws -> DateField {
        switch try byte() {
        case 0: return .missing
        case 1:
            guard let ordinal = Int32(exactly: try int()) else { throw Self.truncated }
            return .value(Day(ordinal: ordinal))
        case 2: return .invalid(try string())
        default: throw Self.truncated
        }
    }

    /// A date-time field as `BinaryWriter.time` writes it.
    mutating func time() throws -> DayTimeField {
        switch try byte() {
        case 0: return .missing
        case 1: return .value(DayTime(minutes: try int()))
        case 2: return .invalid(try string())
        default: throw Self.truncated
        }
    }
}

import Foundation
import ZIPFoundation

/// Reads the files of a ZIP archive held in memory (or mapped), every read bounded by the bytes
/// the archive has. ZIPFoundation's own readers cannot be given hostile archives: its reader of
/// archives in memory traps when a directory points past the end, and both its readers loop for
/// ever when a compressed entry ends before its deflate stream does (the provider keeps returning
/// nothing). Both were found by `oversight fuzz`. Here the directory is parsed and checked against
/// the archive's length, and each entry is inflated by ZIPFoundation's `Data.decompress` from a
/// provider that refuses to read past the entry's compressed bytes.
public struct BoundedZip: Sendable {
    /// One file of the archive, as its central directory gives it.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var isDirectory: Bool
        /// The size the directory declares once unpacked (a hostile archive may lie: `extract`
        /// counts the real bytes).
        public var uncompressedSize: Int
        var compressedSize: Int
        var method: UInt16
        var localHeaderOffset: Int
    }

    /// Why an archive or an entry cannot be read.
    public enum Problem: Error, Sendable, Hashable {
        /// Not a ZIP archive, or one whose directory is damaged, points outside the bytes, or uses
        /// ZIP64 (which Oversight's files never need).
        case notAZip
        /// The entry is damaged: its bytes lie outside the archive, its method is not stored or
        /// deflate, or its deflate stream is broken or does not end inside its bytes.
        case damaged(String)
        /// The entry unpacks to more than the limit given.
        case tooLarge(String)
    }

    public let data: Data
    public let entries: [Entry]

    /// Reads the archive's central directory; throws `Problem.notAZip` when it cannot be read.
    public init(data: Data) throws {
        self.data = data
        self.entries = try Self.directory(data)
    }

    /// The entry with this path (exactly, or ignoring case, or with a leading `/`).
    public subscript(path: String) -> Entry? {
        entries.first { $0.path == path } ?? entries.first { $0.path.lowercased() == path.lowercased() || $0.path == "/" + path }
    }

    /// Unpacks an entry chunk by chunk to `consumer`, stopping with `Problem.tooLarge` once more
    /// than `limit` bytes have come out, whatever the directory declared.
    public func extract(_ entry: Entry, limit: Int, consumer: (Data) throws -> Void) throws {
        let (start, end) = try span(entry)
        var produced = 0
        // An error the consumer throws (a limit of the caller's) reaches the caller as it is.
        var consumerError: (any Error)?
        func give(_ chunk: Data) throws {
            produced += chunk.count
            if produced > limit { throw Problem.tooLarge(entry.path) }
            do { try consumer(chunk) } catch {
                consumerError = error
                throw error
            }
        }
        switch entry.method {
        case 0:
            var at = start
            while at < end {
                let next = min(end, at + 65_536)
                try give(data.subdata(in: (data.startIndex + at)..<(data.startIndex + next)))
                at = next
            }
        case 8:
            var at = start
            do {
                _ = try Data.decompress(
                    size: Int64(end - start), bufferSize: 65_536, skipCRC32: true,
                    provider: { _, size in
                        // Past the entry's bytes there is nothing more to give: a stream that has
                        // not ended by then is broken (ZIPFoundation would ask again for ever).
                        guard at < end else { throw Problem.damaged(entry.path) }
                        let next = min(end, at + size)
                        defer { at = next }
                        var chunk = data.subdata(in: (data.startIndex + at)..<(data.startIndex + next))
                        // ZIPFoundation's inflate on Linux tells zlib that every chunk holds `size`
                        // bytes: a shorter one is padded with zeros, never read past. A stream
                        // that ends inside the entry ignores them; one that does not is refused
                        // at the next request.
                        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                        return chunk
                    }, consumer: give)
            } catch {
                if let consumerError { throw consumerError }
                if let p = error as? Problem { throw p }
                throw Problem.damaged(entry.path)
            }
        default:
            throw Problem.damaged(entry.path)
        }
    }

    /// The whole of an entry (at most `limit` bytes).
    public func contents(_ entry: Entry, limit: Int) throws -> Data {
        var out = Data()
        try extract(entry, limit: limit) { out.append($0) }
        return out
    }

    // MARK: the directory

    /// Where an entry's compressed bytes are, checked to lie inside the archive.
    func span(_ e: Entry) throws -> (Int, Int) {
        let h = e.localHeaderOffset
        guard h >= 0, h + 30 <= data.count, u32(h) == 0x0403_4b50 else { throw Problem.damaged(e.path) }
        let start = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        let end = start + e.compressedSize
        guard start <= end, end <= data.count else { throw Problem.damaged(e.path) }
        return (start, end)
    }

    static func directory(_ data: Data) throws -> [Entry] {
        let z = BoundedZip.Bytes(data: data)
        // The end-of-directory record: 22 bytes, then up to 65,535 bytes of comment.
        guard data.count >= 22 else { throw Problem.notAZip }
        var eocd = -1
        var i = data.count - 22
        let lowest = max(0, data.count - 22 - 65_535)
        while i >= lowest {
            if z.u32(i) == 0x0605_4b50 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw Problem.notAZip }
        let count = Int(z.u16(eocd + 10)), size = Int(z.u32(eocd + 12)), offset = Int(z.u32(eocd + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF, offset + size <= eocd else { throw Problem.notAZip }
        var entries: [Entry] = []
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= offset + size, z.u32(at) == 0x0201_4b50 else { throw Problem.notAZip }
            let method = z.u16(at + 10)
            let compressed = Int(z.u32(at + 20)), uncompressed = Int(z.u32(at + 24))
            let nameLength = Int(z.u16(at + 28)), extraLength = Int(z.u16(at + 30)), commentLength = Int(z.u16(at + 32))
            let local = Int(z.u32(at + 42))
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF, at + 46 + nameLength <= offset + size else {
                throw Problem.notAZip
            }
            let nameBytes = data.subdata(in: (data.startIndex + at + 46)..<(data.startIndex + at + 46 + nameLength))
            let name = String(decoding: nameBytes, as: UTF8.self)
            entries.append(
                Entry(
                    path: name, isDirectory: name.hasSuffix("/"), uncompressedSize: uncompressed, compressedSize: compressed, method: method,
                    localHeaderOffset: local))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    func u16(_ at: Int) -> UInt16 { Bytes(data: data).u16(at) }
    func u32(_ at: Int) -> UInt32 { Bytes(data: data).u32(at) }

    /// Little-endian numbers at byte offsets (callers check the offsets are inside).
    struct Bytes {
        let data: Data
        func u16(_ at: Int) -> UInt16 {
            guard at >= 0, at + 2 <= data.count else { return 0 }
            let s = data.startIndex + at
            return UInt16(data[s]) | UInt16(data[s + 1]) << 8
        }
        func u32(_ at: Int) -> UInt32 {
            guard at >= 0, at + 4 <= data.count else { return 0 }
            let s = data.startIndex + at
            return UInt32(data[s]) | UInt32(data[s + 1]) << 8 | UInt32(data[s + 2]) << 16 | UInt32(data[s + 3]) << 24
        }
    }
}

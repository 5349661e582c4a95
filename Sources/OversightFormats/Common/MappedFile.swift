import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, for reading large XML files without copying them.
///
/// The pages a reader has finished with can be handed back (`release(upTo:)`): they leave the
/// process's resident memory and would be read again from the file if touched, so scanning an
/// 800 MB census adds little to the peak memory of the process.
final class MappedFile: @unchecked Sendable {
    // The mapping is read-only and released once, in deinit.
    let base: UnsafeRawPointer?
    let count: Int
    private var released = 0

    /// Maps `path`. Throws when it cannot be opened or mapped.
    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        count = Int(st.st_size)
        if count == 0 { base = nil; return }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        _ = madvise(p, count, MADV_SEQUENTIAL)
        base = UnsafeRawPointer(p)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// The bytes, valid while this object lives.
    var bytes: UnsafeBufferPointer<UInt8> {
        guard let base else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// The bytes as `Data` without copying; valid only while this object lives.
    var unownedData: Data {
        guard let base else { return Data() }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: count, deallocator: .none)
    }

    /// Starts handing pages back from the beginning again (for a second pass over the file).
    func rewind() {
        release(upTo: count)
        released = 0
    }

    /// Hands back the whole pages between bytes `from` and `to`, which the reader will not touch
    /// again. Unlike `release(upTo:)` it keeps no count, so readers of separate stretches of the
    /// file may call it at once.
    func release(from: Int, to: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let a = (max(from, 0) + page - 1) / page * page, b = min(to, count) / page * page
        guard b > a else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + a), b - a, MADV_DONTNEED)
    }

    /// Hands back the whole pages before byte `offset`, which the reader will not touch again.
    func release(upTo offset: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, count) / page * page
        guard end > released else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }
}

/// UTF-8 well-formedness, checked over the bytes in place (ASCII eight bytes at a time).
enum UTF8Check {
    /// Whether `b` is well-formed UTF-8. `passed`, when given, is called about every `step` bytes with
    /// the offset checked so far.
    static func isValid(_ b: UnsafeBufferPointer<UInt8>, step: Int = FastXMLScanner.passedStep, passed: ((Int) -> Void)? = nil) -> Bool {
        guard let start = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        var nextPassed = step
        while i < n {
            if i >= nextPassed, let passed { passed(i); nextPassed = i + step }
            if i + 8 <= n {
                let word = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { i + k < n && b[i + k] >= lo && b[i + k] <= hi }
            switch c {
            case 0xC2...0xDF: guard cont(1) else { return false }; i += 2
            case 0xE0: guard cont(1, 0xA0), cont(2) else { return false }; i += 3
            case 0xE1...0xEC, 0xEE, 0xEF: guard cont(1), cont(2) else { return false }; i += 3
            case 0xED: guard cont(1, 0x80, 0x9F), cont(2) else { return false }; i += 3
            case 0xF0: guard cont(1, 0x90), cont(2), cont(3) else { return false }; i += 4
            case 0xF1...0xF3: guard cont(1), cont(2), cont(3) else { return false }; i += 4
            case 0xF4: guard cont(1, 0x80, 0x8F), cont(2), cont(3) else { return false }; i += 4
            default: return false
            }
        }
        return true
    }
}

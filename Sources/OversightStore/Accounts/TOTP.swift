import Crypto
import Foundation
import OversightCore

/// Time-based one-time passwords (RFC 6238, with HOTP of RFC 4226): HMAC-SHA1 over the number of
/// 30-second steps since 1970, truncated to six digits; what every authenticator app computes from
/// a key it was given as base32 (RFC 4648) text.
public enum TOTP {
    /// Seconds in one step.
    public static let step: Int64 = 30
    /// Digits in a code.
    public static let digits = 6

    /// The step a moment falls in.
    public static func step(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / Double(step)).rounded(.down)) }

    /// The code of a step (RFC 4226 section 5.3: dynamic truncation of HMAC-SHA1).
    public static func code(key: [UInt8], step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let value =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let code = String(value % 1_000_000)
        return String(repeating: "0", count: digits - code.count) + code
    }

    /// The code at a moment.
    public static func code(key: [UInt8], at date: Date) -> String { code(key: key, step: step(at: date)) }

    /// The step within one of `date`'s (the one before, the same, the one after: clocks drift and
    /// people type slowly) whose code is `code`, or nil.
    public static func matchingStep(_ code: String, key: [UInt8], at date: Date) -> Int64? {
        let now = step(at: date)
        var found: Int64?
        // Every candidate is computed and compared in full, so the time taken says nothing.
        for s in (now - 1)...(now + 1) where ConstantTime.equal(code, self.code(key: key, step: s)) && found == nil { found = s }
        return found
    }

    /// A new random key of 20 bytes (160 bits, as RFC 4226 recommends).
    public static func newKey() -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: 0...255, using: &g) }
    }
}

/// Base32 (RFC 4648, upper case, no padding): how authenticator apps take keys.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// The text of some bytes.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var buffer = 0, bits = 0
        for b in bytes {
            buffer = (buffer << 8) | Int(b); bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31]); bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a text, ignoring case, spaces, hyphens and padding; nil for any other character.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer = 0, bits = 0
        for c in text.uppercased().utf8 where c != 0x20 && c != 0x2d && c != 0x3d {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            buffer = ((buffer << 5) | v) & 0xFFFF; bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xff)); bits -= 8
            }
        }
        return out
    }
}

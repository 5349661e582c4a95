import Foundation

/// Random passwords Oversight makes itself: the demo users' and an administrator's temporary
/// ones. Four groups of four characters from an alphabet without look-alikes (no 0/o, 1/l/i):
/// 16 × log2(31) ≈ 79 bits, typed in under ten seconds and read aloud over a phone.
public enum RandomPassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    static let groups = 4, groupLength = 4

    /// How many bits of entropy a password made here has.
    public static var entropyBits: Double { Double(groups * groupLength) * log2(Double(alphabet.count)) }

    /// A new password, for example `k7mq-2pxh-9dza-tr4n`.
    public static func make() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<groups).map { _ in String((0..<groupLength).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }) }
            .joined(separator: "-")
    }
}

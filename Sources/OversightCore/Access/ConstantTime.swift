/// Comparing secrets (tokens, hashes, codes) in a time that does not depend on where they first
/// differ, so the time of a refusal says nothing about how close a guess was.
public enum ConstantTime {
    /// Whether the two strings are equal, looking at every byte of them whatever it finds.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff: UInt8 = x.count == y.count ? 0 : 1
        for i in 0..<min(x.count, y.count) { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

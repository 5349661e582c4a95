/// Checks on a unique pupil number (UPN): 13 characters, a check letter, a local authority code,
/// eight digits and a final digit or letter (a letter makes it a temporary UPN).
enum CINUPN {
    /// The check letters for remainders 0 to 22 (I, O and S are never used).
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// Whether the text matches the schema's pattern: a letter, 11 digits, then a digit or letter.
    static func hasSchemaShape(_ upn: String) -> Bool {
        let c = Array(upn)
        guard c.count == 13, c[0].isASCII, c[0].isLetter else { return false }
        guard c[1...11].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return c[12].isASCII && (c[12].isNumber || c[12].isLetter)
    }

    /// The check letter the DfE's algorithm gives for characters 2-13, or nil when they cannot be
    /// weighed (a non-digit in 2-12, or a final letter outside the check-letter alphabet).
    ///
    /// Each of characters 2-13 is multiplied by its position (2...13) and the sum taken modulo 23.
    /// A temporary UPN's final letter counts as its place in the check-letter alphabet (A = 0).
    static func expectedCheckLetter(_ upn: String) -> Character? {
        let c = Array(upn.uppercased())
        guard c.count == 13 else { return nil }
        var sum = 0
        for i in 1...12 {
            let value: Int
            if let digit = c[i].wholeNumberValue, c[i].isASCII {
                value = digit
            } else if i == 12, let letterValue = checkLetters.firstIndex(of: c[i]) {
                value = letterValue
            } else {
                return nil
            }
            sum += value * (i + 1)
        }
        return checkLetters[sum % 23]
    }
}

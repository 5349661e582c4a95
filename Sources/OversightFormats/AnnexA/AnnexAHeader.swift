/// Normalises column headers so that the spellings local authorities use for one Annex A column
/// compare equal.
public enum AnnexAHeader {
    /// Trailing answer hints dropped after the text is reduced to letters and digits.
    static let suffixes = ["ddmmyyyy", "ddmmyy", "yesno", "yn"]

    /// Lower-cases; turns curly quotes and non-breaking spaces into plain ones; drops every
    /// bracketed part (`(Y/N)`, `(DD/MM/YYYY)`, `(UASC)`, `[optional]`); keeps only letters and
    /// digits; then drops a trailing `ddmmyyyy`, `ddmmyy`, `yesno` or `yn` left by unbracketed
    /// hints ("Referral NFA Y/N"). "Child Unique ID", "child unique id:" and "Child\nUnique ID"
    /// all give `childuniqueid`. Returns "" when nothing is left.
    public static func normalise(_ header: String) -> String {
        var out = ""
        var depth = 0
        for ch in header.lowercased() {
            switch ch {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            default:
                guard depth == 0 else { continue }
                if ch.isASCII, ch.isLetter || ch.isNumber { out.append(ch) }
            }
        }
        for suffix in suffixes where out.hasSuffix(suffix) && out.count > suffix.count {
            out.removeLast(suffix.count)
            break
        }
        return out
    }
}

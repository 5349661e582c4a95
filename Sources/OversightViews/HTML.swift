import Foundation

/// A fragment of HTML. Text put in with `HTML.text` (or string interpolation of `HTML.text`) is
/// escaped; only `HTML.raw` skips escaping, and each use says why it is safe.
public struct HTML: Sendable, Hashable, CustomStringConvertible {
    /// The markup.
    public private(set) var markup: String

    /// Markup used as it is. Callers pass only markup this module built or constant strings.
    public static func raw(_ markup: String) -> HTML { HTML(markup: markup) }

    /// Text, escaped for use in element content and in attribute values.
    public static func text(_ text: String) -> HTML { HTML(markup: escape(text)) }

    /// Nothing.
    public static let empty = HTML(markup: "")

    public var description: String { markup }

    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Joins fragments.
    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(markup: lhs.markup + rhs.markup) }
    /// Appends a fragment.
    public static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }
}

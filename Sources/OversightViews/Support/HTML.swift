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

extension HTML {
    /// An element: `name` and attribute names are constants chosen by this module; attribute
    /// values and text reach the markup only through `HTML.escape`. An attribute whose value is
    /// nil is left out; one whose value is the empty string is written bare (`hidden`, `required`).
    public static func el(_ name: String, _ attributes: [(String, String?)] = [], _ content: HTML = .empty) -> HTML {
        HTML(markup: "<\(name)\(attributeMarkup(attributes))>\(content.markup)</\(name)>")
    }

    /// An element with text content (escaped).
    public static func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> HTML {
        el(name, attributes, .text(text))
    }

    /// A void element (`input`, `meta`, `link`, `br`): no content and no closing tag.
    public static func void(_ name: String, _ attributes: [(String, String?)] = []) -> HTML {
        HTML(markup: "<\(name)\(attributeMarkup(attributes))>")
    }

    /// An empty SVG element (`line`, `path`, `circle`, `rect`), closed with `/>` as SVG inside
    /// HTML requires; without it the HTML parser would nest what follows inside it.
    public static func svg(_ name: String, _ attributes: [(String, String?)] = []) -> HTML {
        HTML(markup: "<\(name)\(attributeMarkup(attributes))/>")
    }

    /// Fragments one after another.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        var out = HTML.empty
        for (i, p) in parts.enumerated() {
            if i > 0 { out += separator }
            out += p
        }
        return out
    }

    /// Whether the fragment holds no markup.
    public var isEmpty: Bool { markup.isEmpty }

    static func attributeMarkup(_ attributes: [(String, String?)]) -> String {
        var out = ""
        for (name, value) in attributes {
            guard let value else { continue }
            out += value.isEmpty ? " \(name)" : " \(name)=\"\(escape(value))\""
        }
        return out
    }
}

extension Array where Element == HTML {
    /// The fragments one after another.
    public var joined: HTML { HTML.join(self) }
}

import Foundation

/// A URL path with query parameters, percent-encoded, for links that keep a page's state
/// (sort, filter, page, period) without JavaScript.
public struct Query: Hashable, Sendable {
    /// The path, already safe (`/measures/referrals`).
    public var path: String
    /// Parameters in order; a nil or empty value is left out of the link.
    public var items: [(String, String?)]

    public init(path: String, _ items: [(String, String?)] = []) { self.path = path; self.items = items }

    /// The same query with `name` set to `value` (replacing any earlier value) or removed (nil).
    public func setting(_ name: String, _ value: String?) -> Query {
        var q = self
        if let i = q.items.firstIndex(where: { $0.0 == name }) {
            q.items[i].1 = value
        } else {
            q.items.append((name, value))
        }
        return q
    }

    /// The link: `path?name=value&...` (unescaped for HTML; attribute escaping happens where it is written).
    public var href: String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return Query.encode(name) + "=" + Query.encode(value)
        }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }

    /// Percent-encodes everything except unreserved characters (RFC 3986).
    public static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A path segment for an id (`/children/A%2FB`).
    public static func segment(_ s: String) -> String { encode(s) }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public static func == (a: Query, b: Query) -> Bool { a.href == b.href }
    public func hash(into h: inout Hasher) { h.combine(href) }
}

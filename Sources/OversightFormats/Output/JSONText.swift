import OversightCore

/// A small JSON writer whose output is stable: keys in the order given, whole numbers without a
/// fraction, other numbers with up to 10 significant decimals.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Optional number: nil becomes null.
    public static func number(_ d: Double?) -> JSONValue { d.map { .number($0) } ?? .null }
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// The JSON text, indented when `pretty`.
    public func text(pretty: Bool = true) -> String {
        var out = ""
        write(&out, pretty ? 0 : -1)
        return out
    }

    private func write(_ out: inout String, _ indent: Int) {
        let nl = indent >= 0
        let pad = { (n: Int) in nl ? "\n" + String(repeating: "  ", count: n) : "" }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONValue.format(d)
        case .string(let s): out += JSONValue.quote(s)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                out += pad(indent + 1)
                v.write(&out, nl ? indent + 1 : -1)
            }
            out += pad(indent) + "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in o.enumerated() {
                if i > 0 { out += "," }
                out += pad(indent + 1) + JSONValue.quote(k) + (nl ? ": " : ":")
                v.write(&out, nl ? indent + 1 : -1)
            }
            out += pad(indent) + "}"
        }
    }

    /// Whole numbers as integers; others rounded to 10 decimal places, trailing zeros dropped.
    public static func format(_ d: Double) -> String {
        if !d.isFinite { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var s = String(format: "%.10f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

import Foundation

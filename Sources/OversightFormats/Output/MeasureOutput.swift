import Foundation
import OversightCore

/// Renders measure results in the CLI's contract formats.
public enum MeasureOutput {
    public static func json(_ r: MeasureResult) -> JSONValue {
        .object([
            ("id", .string(r.id)), ("unit", .string(r.unit.rawValue)),
            ("numerator", .number(r.numerator)), ("denominator", .number(r.denominator)), ("value", .number(r.value)),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ])
    }

    public static func json(_ p: Period) -> JSONValue { .object([("start", .string(p.start.iso)), ("end", .string(p.end.iso))]) }

    /// `{"period":{...},"measures":[...]}`, measures sorted by id.
    public static func json(period: Period, results: [MeasureResult]) -> String {
        JSONValue.object([("period", json(period)), ("measures", .array(results.sorted { $0.id < $1.id }.map(json)))]).text() + "\n"
    }

    public static func json(_ d: DrillRecord) -> JSONValue {
        .object([
            ("child", .string(d.child)), ("kind", .string(d.kind)), ("key", .string(d.key)),
            ("start", .string(d.start?.iso)), ("end", .string(d.end?.iso)),
        ])
    }

    /// A value as a person reads it: one decimal for percentages and rates, "-" when undefined.
    public static func display(_ r: MeasureResult) -> String {
        guard let v = r.value else { return "-" }
        switch r.unit {
        case .count: return JSONValue.format(v)
        case .percent, .rate: return String(format: "%.1f", v)
        case .ratio: return String(format: "%.2f", v)
        }
    }

    public static func table(_ rows: [[String]], header: [String]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in i == r.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    public static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public static func csv(_ rows: [[String]], header: [String]) -> String {
        ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    public static func number(_ d: Double?) -> String { d.map(JSONValue.format) ?? "" }
}

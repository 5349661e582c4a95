import OversightCore

/// A small inline SVG line chart of a measure's monthly values with its target as a dashed line.
/// Points with no value leave a gap. The chart is decoration for sighted readers: the same
/// figures are always given in a table beside it, and the SVG carries a text description.
public enum LineChart {
    /// One month of the chart.
    public struct Point: Hashable, Sendable {
        public var label: String
        public var value: Double?
        public var target: Double?
        public init(label: String, value: Double?, target: Double?) { self.label = label; self.value = value; self.target = target }
    }

    /// The SVG for `points` (`width` x `height` user units); `description` is its accessible text.
    public static func svg(_ points: [Point], unit: MeasureUnit, description: String, width: Double = 560, height: Double = 170) -> HTML {
        let left = 48.0, right = 12.0, top = 12.0, bottom = 26.0
        let plotW = width - left - right, plotH = height - top - bottom
        let numbers = points.flatMap { [$0.value, $0.target] }.compactMap { $0 }.filter(\.isFinite)
        var lo = numbers.min() ?? 0, hi = numbers.max() ?? 1
        if unit != .ratio { lo = min(lo, 0) }
        if unit == .percent { hi = max(hi, min(100, hi * 1.1)) }
        if hi - lo < 1e-9 { hi = lo + 1 }
        func x(_ i: Int) -> Double { points.count <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(points.count - 1) }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - lo) / (hi - lo)) }
        func f(_ v: Double) -> String { ReportDocument.decimal(v, 1) }
        var s = "<svg class=\"ov-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\">"
        s += "<title>\(HTML.escape(description))</title>"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#505a5f\" stroke-width=\"1\"/>"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#505a5f\" stroke-width=\"1\"/>"
        for v in [lo, hi] {
            s += "<text x=\"\(f(left - 4))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" font-size=\"10\" fill=\"#505a5f\">\(HTML.escape(ReportDocument.value(v, unit)))</text>"
        }
        if let first = points.first {
            s += "<text x=\"\(f(x(0)))\" y=\"\(f(height - 6))\" text-anchor=\"start\" font-size=\"10\" fill=\"#505a5f\">\(HTML.escape(first.label))</text>"
        }
        if points.count > 1, let last = points.last {
            s += "<text x=\"\(f(x(points.count - 1)))\" y=\"\(f(height - 6))\" text-anchor=\"end\" font-size=\"10\" fill=\"#505a5f\">\(HTML.escape(last.label))</text>"
        }
        s += paths(points.enumerated().map { ($0.offset, $0.element.target) }, x: x, y: y, f: f)
            .map { "<path d=\"\($0)\" fill=\"none\" stroke=\"#d4351c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" class=\"ov-chart-target\"/>" }.joined()
        s += paths(points.enumerated().map { ($0.offset, $0.element.value) }, x: x, y: y, f: f)
            .map { "<path d=\"\($0)\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" class=\"ov-chart-value\"/>" }.joined()
        for (i, p) in points.enumerated() {
            if let v = p.value, v.isFinite { s += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"2.5\" fill=\"#1d70b8\"/>" }
        }
        return HTML.raw(s + "</svg>")
    }

    /// Path data for runs of known values (a gap for each unknown one).
    static func paths(_ values: [(Int, Double?)], x: (Int) -> Double, y: (Double) -> Double, f: (Double) -> String) -> [String] {
        var out: [String] = [], current = ""
        for (i, v) in values {
            guard let v, v.isFinite else {
                if !current.isEmpty { out.append(current); current = "" }
                continue
            }
            current += (current.isEmpty ? "M" : " L") + "\(f(x(i))) \(f(y(v)))"
        }
        if !current.isEmpty { out.append(current) }
        // A single point draws nothing as a path; it is shown by its circle.
        return out.filter { $0.contains("L") }
    }
}

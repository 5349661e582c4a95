import OversightCore

/// A tag: a short status in words on a coloured ground. The words carry the meaning; the colour
/// only repeats it, so it reads the same in print and to a screen reader.
public enum StatusTag {
    /// The tag's colour.
    public enum Colour: String, Sendable {
        case green, amber, red, grey, blue
    }

    /// A tag with `text` in `colour`.
    public static func render(_ text: String, colour: Colour) -> HTML {
        HTML.el("strong", [("class", "ov-tag ov-tag--\(colour.rawValue)")], text: text)
    }

    /// A KPI's RAG (red, amber, green) status in words.
    public static func render(_ status: KPIStatus) -> HTML { render(words(status), colour: colour(status)) }

    /// "On track", "Close to target", "Off track", "No target", "No data yet".
    public static func words(_ status: KPIStatus) -> String { status.words }

    /// The colour of a RAG status.
    public static func colour(_ status: KPIStatus) -> Colour {
        switch status {
        case .green: return .green
        case .amber: return .amber
        case .red: return .red
        case .monitor, .noData: return .grey
        }
    }
}

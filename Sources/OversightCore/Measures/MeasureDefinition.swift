/// A measure's definition as the plan, the views and the readers use it: its stable id, unit,
/// polarity, source and title. For a measure computed from case data it is `Measure.definition`;
/// quality assurance and hand-entered measures have a definition only.
public struct MeasureDefinition: Hashable, Sendable {
    /// The stable id (`MeasureID.rawValue`).
    public var id: String
    /// What its value is.
    public var unit: MeasureUnit
    /// Which way is better.
    public var polarity: Polarity
    /// Where its data comes from.
    public var source: MeasureSource
    /// A short title as a user reads it.
    public var title: String
    /// A definition from its parts.
    public init(_ id: String, _ unit: MeasureUnit, _ polarity: Polarity, _ source: MeasureSource, _ title: String) {
        self.id = id; self.unit = unit; self.polarity = polarity; self.source = source; self.title = title
    }
}

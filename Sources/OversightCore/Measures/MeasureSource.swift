/// Where a measure's data comes from.
public enum MeasureSource: String, Codable, Sendable {
    /// The CIN census.
    case cin
    /// The SSDA903 return (children looked after).
    case ssda903
    /// Local missing-episode records.
    case localMissing
    /// Local supervision records.
    case supervision
    /// The product's own audits.
    case qualityAssurance
    /// Values entered by hand.
    case handEntered
    /// Families' and children's feedback given in Oversight.
    case feedback
}

import OversightCore

/// One cell of an `ExportTable`.
public enum ExportValue: Hashable, Sendable {
    /// No value (unknown, not applicable or suppressed without a mark).
    case empty
    case text(String)
    case number(Double)
    case date(Day)

    /// A number, or empty for nil.
    public static func number(_ value: Double?) -> ExportValue { value.map { .number($0) } ?? .empty }
    /// A whole number.
    public static func integer(_ value: Int?) -> ExportValue { value.map { .number(Double($0)) } ?? .empty }
    /// A date, or empty for nil.
    public static func date(_ value: Day?) -> ExportValue { value.map { .date($0) } ?? .empty }
}

/// One reason a hand-entered value is refused: the form field it concerns and the reason in
/// plain words.
public struct HandEntryProblem: Hashable, Sendable, CustomStringConvertible {
    /// `measure`, `value`, `numerator`, `denominator`, `source` or `entered_by`.
    public var field: String
    public var message: String

    public init(field: String, message: String) { self.field = field; self.message = message }

    public var description: String { "\(field): \(message)" }

    /// The rules:
    /// - the measure id must be one of `HandEnteredMeasures`;
    /// - give a value, or a numerator and a denominator, not both and not neither; a numerator
    ///   needs a denominator and the other way round (a count may be given as a value only);
    /// - numbers must be finite and not negative;
    /// - a count is a whole number;
    /// - a percentage is between 0 and 100;
    /// - a denominator is above 0 and a numerator is not above its denominator;
    /// - the source and who entered it must not be blank.
    public static func check(_ e: HandEnteredEntry) -> [HandEntryProblem] {
        var p: [HandEntryProblem] = []
        func add(_ f: String, _ m: String) { p.append(HandEntryProblem(field: f, message: m)) }
        let definition = HandEnteredMeasures.definition(e.measureID)
        if definition == nil {
            add("measure", "\"\(e.measureID)\" is not a measure entered by hand; choose one from the list")
        }
        let unit = definition?.unit ?? .count
        for (field, number) in [("value", e.value), ("numerator", e.numerator), ("denominator", e.denominator)] {
            guard let n = number else { continue }
            if !n.isFinite { add(field, "the \(field) must be a number"); continue }
            if n < 0 { add(field, "the \(field) cannot be negative (it is \(format(n)))") }
        }
        let hasFraction = e.numerator != nil || e.denominator != nil
        if e.value != nil && hasFraction {
            add("value", "give either a value or a numerator and denominator, not both")
        } else if e.value == nil && !hasFraction {
            add("value", "enter a value" + (unit == .percent ? ", or a numerator and a denominator" : ""))
        } else if hasFraction && unit == .count {
            add("numerator", "this measure is a count: enter its value, not a numerator and denominator")
        } else if hasFraction {
            if e.numerator == nil { add("numerator", "enter the numerator as well as the denominator") }
            if e.denominator == nil { add("denominator", "enter the denominator as well as the numerator") }
            if let n = e.numerator, let d = e.denominator, n.isFinite, d.isFinite, n >= 0, d >= 0 {
                if d == 0 {
                    add("denominator", "the denominator must be more than 0")
                } else if n > d {
                    add("numerator", "the numerator (\(format(n))) cannot be more than the denominator (\(format(d)))")
                }
            }
            for (field, number) in [("numerator", e.numerator), ("denominator", e.denominator)] {
                if let n = number, n.isFinite, n >= 0, n != n.rounded() { add(field, "the \(field) must be a whole number (it is \(format(n)))") }
            }
        }
        if let v = e.value, v.isFinite, v >= 0 {
            switch unit {
            case .percent where v > 100:
                add("value", "a percentage must be between 0 and 100 (it is \(format(v)))")
            case .count where v != v.rounded():
                add("value", "a count must be a whole number (it is \(format(v)))")
            default: break
            }
        }
        if e.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add("source", "say where the figure came from") }
        if e.enteredBy.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add("entered_by", "say who entered the figure") }
        return p
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}

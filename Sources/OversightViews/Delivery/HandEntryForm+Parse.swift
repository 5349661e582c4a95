import Foundation
import OversightCore

extension HandEntryForm.Input {
    /// Reads the typed input into an entry by `by` at `at`, with every problem: a period or a
    /// number that cannot be read (a number may have thousands commas and a trailing `%`), then
    /// the entry's own rules (`HandEnteredEntry.problems`). The entry is nil when the period
    /// cannot be read; otherwise it is returned even with problems, so the caller can tell.
    public func parse(by: String, at: Date) -> (entry: HandEnteredEntry?, problems: [HandEntryProblem]) {
        var problems: [HandEntryProblem] = []
        func number(_ text: String, _ field: String) -> Double? {
            var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            if t.hasSuffix("%") { t.removeLast() }
            guard !t.isEmpty else { return nil }
            guard let v = Double(t.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                problems.append(HandEntryProblem(field: field, message: "the \(field) must be a number, like 12 or 12.5"))
                return nil
            }
            return v
        }
        let v = number(value, "value"), n = number(numerator, "numerator"), d = number(denominator, "denominator")
        guard let p = Period.parse(period) else {
            problems.insert(
                HandEntryProblem(
                    field: "period",
                    message: period.trimmingCharacters(in: .whitespaces).isEmpty
                        ? "enter the period the figure is for"
                        : "the period \"\(period)\" is not understood: use a month (2025-06), a quarter (2025Q2), a reporting year (2025) or START..END"), at: 0)
            return (nil, problems)
        }
        guard problems.isEmpty else { return (nil, problems) }
        let entry = HandEnteredEntry(
            measureID: measure, period: p, value: v, numerator: n, denominator: d, source: source,
            enteredBy: by, enteredAt: at)
        return (entry, entry.problems)
    }
}

import Testing
import OversightCore
@testable import OversightFormats

/// An edit of the builder's valid child.
typealias CINEdit = @Sendable (inout CINRawChild) -> Void

/// One rule's failing and passing case: `breaks` must make the rule fire, `passes` (a near miss)
/// must not.
struct CINRuleCase: Sendable, CustomTestStringConvertible {
    let code: String
    let year: Int
    let breaks: CINEdit
    let passes: CINEdit
    var testDescription: String { "\(code) (\(year - 1)-\(year % 100))" }
}

func rule(_ code: String, year: Int = 2025, breaks: @escaping CINEdit, passes: @escaping CINEdit = { _ in }) -> CINRuleCase {
    CINRuleCase(code: code, year: year, breaks: breaks, passes: passes)
}

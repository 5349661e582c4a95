import Dispatch
import OversightCore

/// Checks an SSDA903 return (the DfE's children-looked-after return) against the DfE's
/// validation rules for its collection year, identified by the DfE's rule codes.
///
/// Rules that compare with last year's return (e.g. `502`, `503A`-`503F`, `202`-`204`) run only
/// when `previous` is given. Each rule reads only the tables it needs and is skipped when one of
/// them is absent. Children are indexed once, so a national-scale year validates in seconds.
public enum SSDA903Validator {
    /// Runs every rule in force for `current.collectionYear` and returns the findings, ordered by
    /// rule code, then table and row.
    ///
    /// The rules only read the return and the indexes built before they start, so they run on
    /// every core at once; each rule's findings are kept apart and joined in rule order, so the
    /// output is the same as one rule after another.
    public static func validate(_ current: SSDA903Return, previous: SSDA903Return?) -> [ValidationIssue] {
        let context = SSDA903Context(current: current, previous: previous)
        let rules = SSDA903RuleBook.rules(forYear: current.collectionYear).filter { rule in
            !(rule.info.needsPrevious && previous == nil) && rule.info.tables.allSatisfy { context.has($0) }
        }
        context.prepare()
        let found = ConcurrentSlots<[ValidationIssue]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { k in
            found.set(k, findings(rules[k], context, current))
        }
        var issues: [ValidationIssue] = []
        for k in rules.indices { issues += found.take(k) ?? [] }
        return issues
    }

    /// One rule's findings, in table and row order.
    static func findings(_ rule: SSDA903Rule, _ context: SSDA903Context, _ current: SSDA903Return) -> [ValidationIssue] {
        let info = rule.info
        // Per-child rules find rows in hash-table order; sorting makes the output repeatable.
        let hits = Set(rule.check(context)).sorted { ($0.table.rawValue, $0.index) < ($1.table.rawValue, $1.index) }
        var issues: [ValidationIssue] = []
        for hit in hits {
            guard let table = current[hit.table], hit.index < table.rows.count else { continue }
            let row = table.rows[hit.index]
            issues.append(
                ValidationIssue(
                    rule: info.code, severity: info.severity, file: table.file,
                    table: hit.table.rawValue, row: row.row,
                    child: context.table(hit.table)?.children[hit.index]?.rawValue,
                    fields: info.fields, message: info.message))
        }
        return issues
    }

    /// The rules in force for collection `year` (2024 = 2023-24). Years before the first one
    /// known use the first year's rules; later years use the last year's.
    public static func rules(forYear year: Int) -> [SSDA903RuleInfo] {
        SSDA903RuleBook.rules(forYear: year).map(\.info)
    }
}

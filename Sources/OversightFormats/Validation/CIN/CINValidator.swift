import OversightCore

/// Checks a CIN (children in need) census return against the DfE's validation rules for its
/// collection year, plus Oversight's structural checks (`OV-CIN-...`).
///
/// The rules and their years are listed by `rules(forYear:)` and in `docs/validation/cin.md`.
/// The return is indexed once (dates parsed, identifiers normalised); each child rule then reads
/// only one child's blocks and each cross-child rule uses a hash table, so the cost grows in step
/// with the size of the return.
public enum CINValidator {
    /// Checks `current` against the rules of `collectionYear` (2025 = 2024-25).
    ///
    /// - Parameters:
    ///   - current: the return as read.
    ///   - previous: last year's return, if at hand: then episodes open at its end but missing
    ///     from `current` are queried (`OV-CIN-PREV`).
    ///   - collectionYear: sets the census period (1 April `collectionYear - 1` to 31 March
    ///     `collectionYear`) and the rule set; years before 2024 use the 2023-24 rules and years
    ///     after 2026 the 2025-26 rules.
    /// - Returns: the findings, rule by rule in the order of `rules(forYear:)`, each rule's in
    ///   file order. Each has the file, the XML block, the `Child` element's position as `row`,
    ///   the normalised `LAchildID` as `child` (both nil for a finding about the whole return),
    ///   the elements concerned and a plain-English message.
    public static func validate(_ current: CINRawReturn, previous: CINRawReturn?, collectionYear: Int) -> [ValidationIssue] {
        let context = CINContext(year: collectionYear)
        let census = CINCensus(current, previous: previous, context: context)
        let active = activeRules(context.ruleYear)
        // Child by child, every rule in turn: each child's blocks are read while they are in cache.
        var findings = Array(repeating: CINFindings(), count: active.count)
        for (i, child) in census.children.enumerated() {
            for r in active.indices {
                guard case .child(let check) = active[r].check else { continue }
                findings[r].currentChild = i
                check(child, context, &findings[r])
            }
        }
        var issues: [ValidationIssue] = []
        for (r, rule) in active.enumerated() {
            if case .wholeReturn(let check) = rule.check {
                check(census, &findings[r])
                // Return rules may find children in hash-table order: put them in file order.
                findings[r].items = findings[r].items.enumerated()
                    .sorted { ($0.element.child ?? Int.max, $0.offset) < ($1.element.child ?? Int.max, $1.offset) }
                    .map(\.element)
            }
            for finding in findings[r].items { issues.append(issue(rule.info, finding, census)) }
        }
        return issues
    }

    /// The rules applied to returns for `forYear` (2025 = 2024-25), in the order findings are listed.
    public static func rules(forYear year: Int) -> [CINRuleInfo] {
        activeRules(CINContext(year: year).ruleYear).map(\.info)
    }

    static func activeRules(_ ruleYear: Int) -> [CINRule] {
        CINRuleTable.all.filter { $0.info.years.contains(ruleYear) }
    }

    static func issue(_ info: CINRuleInfo, _ finding: CINFindings.Finding, _ census: CINCensus) -> ValidationIssue {
        let child = finding.child.map { census.children[$0] }
        let message = finding.note.map { "\(info.message) (\($0))" } ?? info.message
        return ValidationIssue(rule: info.code, severity: info.severity, file: census.raw.file, table: finding.table ?? info.table,
                               row: child?.raw.position, child: child?.id?.rawValue ?? finding.absentChildID,
                               fields: finding.fields ?? info.fields, message: message)
    }
}

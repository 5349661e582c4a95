import OversightCore

/// Checks a CIN (children in need) census return against the DfE's validation rules for its
/// collection year, plus Oversight's structural checks (`OV-CIN-...`).
///
/// The rules and their years are listed by `rules(forYear:)` and in `docs/validation/cin.md`.
/// Each child is indexed once (dates parsed, identifiers normalised) and every child rule run on
/// it; the cross-child rules read tallies kept as the children pass (`CINReturnCheck`), so the
/// cost grows in step with the size of the return and a return streamed from a file is checked
/// without holding its children.
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
        var check = CINReturnCheck(file: current.file, header: current.header, collectionYear: collectionYear)
        for child in current.children { check.add(child) }
        return check.findings(previous: previous.map { $0.children.flatMap(CINCensus.openReferrals) })
    }

    /// The rules applied to returns for `forYear` (2025 = 2024-25), in the order findings are listed.
    public static func rules(forYear year: Int) -> [CINRuleInfo] {
        activeRules(CINContext(year: year).ruleYear).map(\.info)
    }

    static func activeRules(_ ruleYear: Int) -> [CINRule] {
        CINRuleTable.all.filter { $0.info.years.contains(ruleYear) }
    }

    static func issue(_ info: CINRuleInfo, _ finding: CINFindings.Finding, _ census: CINCensus) -> ValidationIssue {
        let message = finding.note.map { "\(info.message) (\($0))" } ?? info.message
        return ValidationIssue(
            rule: info.code, severity: info.severity, file: census.file, table: finding.table ?? info.table,
            row: finding.child.map { census.positions[$0] },
            child: finding.child.flatMap { census.ids[$0]?.rawValue } ?? finding.absentChildID,
            fields: finding.fields ?? info.fields, message: message)
    }
}

/// A CIN census return checked one child at a time, as a file streams past: child rules run on
/// each child as it is added; `findings(previous:)` then runs the return rules on the tallies.
public struct CINReturnCheck: Sendable {
    /// The collection year whose rules are applied (2025 = 2024-25).
    public let collectionYear: Int
    private var census: CINCensus
    private let active: [CINRule]
    private var found: [CINFindings]

    public init(file: String, header: CINRawBlock, collectionYear: Int) {
        self.collectionYear = collectionYear
        let context = CINContext(year: collectionYear)
        census = CINCensus(file: file, header: header, context: context)
        active = CINValidator.activeRules(context.ruleYear)
        found = Array(repeating: CINFindings(), count: active.count)
    }

    /// The `Header` when it is read after the check began.
    public mutating func setHeader(_ header: CINRawBlock) { census.header = header }

    /// Runs every child rule on `child` and adds it to the tallies.
    public mutating func add(_ child: CINRawChild) {
        let view = CINChildView(child)
        let index = census.count
        for r in active.indices {
            guard case .child(let check) = active[r].check else { continue }
            found[r].currentChild = index
            check(view, census.context, &found[r])
        }
        census.add(view)
    }

    /// Referrals open at the end of this return: last year's side of the next year's `OV-CIN-PREV`.
    public var openReferrals: [CINOpenReferral] { census.openAtEnd.map { CINOpenReferral(inner: $0) } }

    /// Every finding: rule by rule in the order of `CINValidator.rules(forYear:)`, each rule's in
    /// file order. `previous` is last year's `openReferrals`, when last year's return is at hand.
    public func findings(previous: [CINOpenReferral]?) -> [ValidationIssue] {
        findings(previous: previous?.map(\.inner))
    }

    func findings(previous: [CINCensus.OpenReferral]?) -> [ValidationIssue] {
        var census = census
        census.previous = previous
        var issues: [ValidationIssue] = []
        for (r, rule) in active.enumerated() {
            var f = found[r]
            if case .wholeReturn(let check) = rule.check {
                check(census, &f)
                // Return rules may find children out of file order: put them in file order.
                f.items = f.items.enumerated()
                    .sorted { ($0.element.child ?? Int.max, $0.offset) < ($1.element.child ?? Int.max, $1.offset) }
                    .map(\.element)
            }
            for finding in f.items { issues.append(CINValidator.issue(rule.info, finding, census)) }
        }
        return issues
    }
}

/// A referral open at the end of a CIN census return (see `CINReturnCheck.openReferrals`).
public struct CINOpenReferral: Hashable, Sendable {
    let inner: CINCensus.OpenReferral
}

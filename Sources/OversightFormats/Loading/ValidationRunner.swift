import Foundation
import OversightCore

/// Runs the DfE validation rules over everything loaded: each SSDA903 collection year as one
/// return (with the previous year's return when it was loaded too), each CIN census file with the
/// previous year's file.
public enum ValidationRunner {
    /// Every finding: the readers' own and the DfE rules', sorted by file, row and rule.
    public static func validate(_ loaded: LoadedData, defaultYear: Int? = nil) -> [ValidationIssue] {
        var issues = loaded.issues

        // SSDA903: group tables into returns by collection year.
        var byYear: [Int: [[SSDA903Table: RawTable]]] = [:]
        for t in loaded.ssda903Tables {
            let y = t.collectionYear ?? defaultYear ?? inferredYear(loaded.ssda903Tables.filter { $0.collectionYear == nil })
            var returns = byYear[y] ?? []
            if let i = returns.firstIndex(where: { $0[t.table] == nil }) { returns[i][t.table] = t } else { returns.append([t.table: t]) }
            byYear[y] = returns
        }
        for (year, returns) in byYear {
            let previous = byYear[year - 1]?.first.map { SSDA903Return(collectionYear: year - 1, tables: $0) }
            for tables in returns {
                issues += SSDA903Validator.validate(SSDA903Return(collectionYear: year, tables: tables), previous: previous)
            }
        }

        // CIN census: each file (checked child by child as it was read), with the previous
        // collection year's file when loaded.
        for check in loaded.cinChecks {
            let previous = loaded.cinChecks.first { $0.collectionYear == check.collectionYear - 1 }
            issues += check.findings(previous: previous?.openReferrals)
        }
        issues.sort { a, b in
            (a.file, a.row ?? 0, a.table, a.rule, a.child ?? "") < (b.file, b.row ?? 0, b.table, b.rule, b.child ?? "")
        }
        return issues
    }

    /// The origins of rows named by error-severity findings: every source file read from the
    /// finding's file, at the finding's row.
    public static func origins(of findings: [ValidationIssue], in files: [SourceFile]) -> Set<RecordOrigin> {
        origins(ofRows: rowsWithErrors(findings), in: files)
    }

    /// The rows (by file path) named by error-severity findings.
    public static func rowsWithErrors(_ findings: [ValidationIssue]) -> [String: Set<Int>] {
        var rows: [String: Set<Int>] = [:]
        for f in findings where f.severity == .error { if let row = f.row { rows[f.file, default: []].insert(row) } }
        return rows
    }

    /// The origins of `rows` (by file path) in `files`.
    public static func origins(ofRows rows: [String: Set<Int>], in files: [SourceFile]) -> Set<RecordOrigin> {
        var out: Set<RecordOrigin> = []
        for (i, f) in files.enumerated() {
            for row in rows[f.path] ?? [] { out.insert(RecordOrigin(file: i, row: row)) }
        }
        return out
    }

    /// The collection year holding the latest episode or review date in tables with no year.
    static func inferredYear(_ tables: [RawTable]) -> Int {
        var latest: Day?
        for t in tables {
            let columns = ["DECOM", "DEC", "REVIEW", "MIS_START"].filter { t.columnIndex($0) != nil }
            for r in t.rows { for c in columns { if let d = Day.parseUK(t.value(r, c)), latest == nil || d > latest! { latest = d } } }
        }
        return latest?.collectionYear ?? 2025
    }
}

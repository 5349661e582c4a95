import Foundation
import OversightCore
import OversightFormats

/// Flags measure results computed from rows with validation errors, the same way for the store
/// and for `oversight measures --from`.
///
/// A row has errors when an error-severity finding names its file and row. Both paths mark the
/// records read from such rows in `CaseData.rowsWithErrors` (the store from the flag it stored
/// with each record at import, `--from` from validating the files it read), then count the
/// distinct drill-down records of each result whose origin is marked.
public enum RowErrorFlags {
    /// The origins in `data` of rows named by an error-severity finding: every source file read
    /// from the finding's file, at the finding's row.
    public static func origins(of findings: [ValidationIssue], in data: CaseData) -> Set<RecordOrigin> {
        ValidationRunner.origins(of: findings, in: data.files)
    }

    /// `results` (computed with `includeRecords`) with `recordsFromRowsWithErrors` set and, when
    /// it is not 0, a warning naming the count.
    public static func flag(_ results: [MeasureResult], rowsWithErrors: Set<RecordOrigin>) -> [MeasureResult] {
        guard !rowsWithErrors.isEmpty else { return results }
        return results.map { r in
            var seen: Set<DrillRecord> = []
            for d in r.numeratorRecords + r.denominatorRecords {
                if let o = d.origin, rowsWithErrors.contains(o) { seen.insert(d) }
            }
            guard !seen.isEmpty else { return r }
            var out = r
            out.recordsFromRowsWithErrors = seen.count
            out.warnings.append(warning(seen.count))
            return out
        }
    }

    /// Computes `ids` (all when nil) for `period` and flags the results computed from rows with
    /// errors. Unless `parameters.includeRecords` asks for every record, the engine keeps only the
    /// records read from rows with errors, and the results come back without records: at national
    /// scale every record of every measure would take more memory than the data itself.
    public static func computeAll(
        _ engine: MeasureEngine, period: Period, ids: [String]?, parameters: MeasureParameters,
        rowsWithErrors: Set<RecordOrigin>
    ) -> [MeasureResult] {
        if parameters.includeRecords {
            return flag(engine.computeAll(period: period, ids: ids, parameters: parameters), rowsWithErrors: rowsWithErrors)
        }
        guard !rowsWithErrors.isEmpty else { return engine.computeAll(period: period, ids: ids, parameters: parameters) }
        var kept = parameters
        kept.includeRecords = true
        kept.recordsOnlyFrom = rowsWithErrors
        let p = kept
        // One measure at a time, what it kept dropped before the next (at national scale most
        // records can come from rows with errors; two at once took 0.2 GB more at the peak).
        let list = (ids ?? MeasureEngine.measureIDs).sorted()
        let results = ConcurrentSlots<MeasureResult>(count: list.count)
        for i in list.indices {
            guard var r = engine.compute(list[i], period: period, parameters: p) else { continue }
            if r.recordsFromRowsWithErrors > 0 {
                r.warnings.append(warning(r.recordsFromRowsWithErrors)) // counted by the engine
            } else {
                r = flag([r], rowsWithErrors: rowsWithErrors)[0] // the records from those rows, if any
            }
            results.set(i, withoutRecords([r])[0])
            MemoryRelease.now() // what the measure's records took goes back before the next
        }
        return results.values
    }

    /// The warning for `n` records from rows with errors.
    public static func warning(_ n: Int) -> String {
        "\(n) \(n == 1 ? "record" : "records") in this measure \(n == 1 ? "comes" : "come") from rows with errors "
            + "(`oversight imports show ID` or `oversight validate` lists them)"
    }

    /// `results` without their drill-down records (for callers that did not ask for them).
    public static func withoutRecords(_ results: [MeasureResult]) -> [MeasureResult] {
        results.map {
            var r = $0; r.numeratorRecords = []; r.denominatorRecords = []; return r
        }
    }
}

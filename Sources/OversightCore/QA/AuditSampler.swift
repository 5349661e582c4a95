/// Seeded, deterministic random choices for the audit programme: which cases a round audits,
/// who audits them, and which audits are moderated. The same inputs and seed always give the
/// same result.
public enum AuditSampler {
    /// Up to `size` cases drawn at random without replacement from `cohort` (in its child-id
    /// order, so the input order does not matter), in the order drawn. All of them when the cohort
    /// is no larger than `size`.
    public static func sample(_ cohort: [CohortCase], size: Int, seed: UInt64) -> [CohortCase] {
        var pool = cohort.sorted { $0.child < $1.child }
        var rng = SeededGenerator(seed: seed)
        let k = min(max(size, 0), pool.count)
        for i in 0..<k {
            let j = i + rng.below(pool.count - i)
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(k))
    }

    /// Up to `size` workers drawn at random without replacement (for supervision audit rounds),
    /// the same way as `sample`: from the sorted, de-duplicated list, in the order drawn.
    public static func sampleWorkers(_ workers: [String], size: Int, seed: UInt64) -> [String] {
        var pool = Array(Set(workers)).sorted()
        var rng = SeededGenerator(seed: seed)
        let k = min(max(size, 0), pool.count)
        for i in 0..<k { pool.swapAt(i, i + rng.below(pool.count - i)) }
        return Array(pool.prefix(k))
    }

    /// Assigns sampled cases to `auditors` in turn, skipping an auditor who is the case's own
    /// worker when another auditor is available. Empty when there are no auditors.
    public static func assign(_ cases: [CohortCase], auditors: [String]) -> [(CohortCase, String)] {
        guard !auditors.isEmpty else { return [] }
        var out: [(CohortCase, String)] = []
        var next = 0
        for c in cases {
            var chosen = auditors[next % auditors.count]
            if chosen == c.worker, auditors.count > 1 {
                chosen = auditors[(next + 1) % auditors.count]
            }
            out.append((c, chosen))
            next += 1
        }
        return out
    }

    /// The audits to moderate among the submitted ones of `audits`: `ceil(rate x n / 100)` of the
    /// `n` submitted audits drawn at random, plus every audit graded Inadequate.
    public static func moderationSelection(_ audits: [Audit], ratePercent: Int, seed: UInt64) -> Set<AuditID> {
        let submitted = audits.filter(\.status.isSubmitted).sorted { $0.id < $1.id }
        let rate = min(max(ratePercent, 0), 100)
        let k = (rate * submitted.count + 99) / 100
        var pool = submitted.map(\.id)
        var rng = SeededGenerator(seed: seed)
        for i in 0..<k { pool.swapAt(i, i + rng.below(pool.count - i)) }
        return Set(pool.prefix(k)).union(submitted.filter { $0.grade == .inadequate }.map(\.id))
    }

    /// Whether one audit is moderated, decided when it is submitted: always when graded
    /// Inadequate, else with probability `rate`% from a draw seeded by the round's seed and the
    /// audit's id (so it never changes once made, and needs no other audit).
    public static func drawsModeration(_ audit: Audit, ratePercent: Int, seed: UInt64) -> Bool {
        if audit.grade == .inadequate { return true }
        var rng = SeededGenerator(seed: SeededGenerator.seed(seed, audit.id.rawValue))
        return rng.below(100) < min(max(ratePercent, 0), 100)
    }
}

import OversightCore

/// Overlap tests over one child's or one episode's blocks, by sorting rather than comparing
/// every pair.
enum CINIntervals {
    /// The items whose start falls on or between the start and end (both included) of another
    /// item. An item with a nil `end` is only tested, never tested against; items with a nil
    /// `start` are skipped.
    static func startsInsideAnother(_ items: [(start: Day?, end: Day?)]) -> Set<Int> {
        let order = items.indices.filter { items[$0].start != nil }.sorted { items[$0].start! < items[$1].start! }
        var flagged = Set<Int>()
        var maxEnd: Day?
        var g = 0
        while g < order.count {
            let start = items[order[g]].start!
            var h = g
            while h < order.count && items[order[h]].start! == start { h += 1 }
            let group = order[g..<h]
            let coveringInGroup = group.filter { i in items[i].end.map { $0 >= start } ?? false }
            for i in group {
                if let m = maxEnd, m >= start { flagged.insert(i); continue }
                if coveringInGroup.contains(where: { $0 != i }) { flagged.insert(i) }
            }
            for i in group { if let e = items[i].end, maxEnd.map({ e > $0 }) ?? true { maxEnd = e } }
            g = h
        }
        return flagged
    }

    /// Half-open spans `[start, endExclusive)` indexed for "does any span hold this day?".
    struct Spans {
        private let starts: [Day]
        private let prefixMaxEnd: [Day]

        init(_ spans: [(start: Day, endExclusive: Day)]) {
            let sorted = spans.filter { $0.start < $0.endExclusive }.sorted { $0.start < $1.start }
            starts = sorted.map(\.start)
            var maxes: [Day] = []
            maxes.reserveCapacity(sorted.count)
            for s in sorted { maxes.append(max(maxes.last ?? s.endExclusive, s.endExclusive)) }
            prefixMaxEnd = maxes
        }

        /// Whether some span has `start <= day < endExclusive`.
        func contains(_ day: Day) -> Bool {
            var lo = 0, hi = starts.count
            while lo < hi { let mid = (lo + hi) / 2; if starts[mid] <= day { lo = mid + 1 } else { hi = mid } }
            return lo > 0 && prefixMaxEnd[lo - 1] > day
        }
    }
}

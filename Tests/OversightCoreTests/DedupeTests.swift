import Testing
@testable import OversightCore

/// The builder's in-place de-duplication and grouping give what the straightforward dictionary
/// versions give, whatever the hashes do.
@Suite struct DedupeTests {
    /// A key whose hash puts every value in a few buckets, so that probes meet other keys.
    struct Clashing: Hashable {
        var value: Int
        func hash(into h: inout Hasher) { h.combine(value % 3) }
    }

    struct Row: Equatable {
        var child: String
        var key: Int
        var seq: Int
    }

    /// The dictionary version: the last of each key, at the place of the last.
    func reference(_ rows: [Row], key: (Row) -> Clashing) -> [Row] {
        var index: [Clashing: Int] = [:]
        var out: [Row?] = []
        for r in rows {
            if let i = index[key(r)] { out[i] = nil }
            index[key(r)] = out.count
            out.append(r)
        }
        return out.compactMap { $0 }
    }

    func rows(_ seed: UInt64, _ n: Int) -> [Row] {
        var g = seed
        func next(_ m: Int) -> Int {
            g = g &* 6364136223846793005 &+ 1442695040888963407
            return Int((g >> 33) % UInt64(m))
        }
        return (0..<n).map { Row(child: "C\(next(40))", key: next(n / 2 + 1), seq: $0) }
    }

    @Test func inPlaceDeduplicationKeepsTheLastOfEachKeyInOrder() {
        for (seed, n) in [(1 as UInt64, 0), (2, 1), (3, 2), (4, 50), (5, 700), (6, 5000)] {
            let input = rows(seed, n)
            var clashing = input
            CaseDataBuilder.dedupeInPlace(&clashing) { Clashing(value: $0.key) }
            #expect(clashing == reference(input) { Clashing(value: $0.key) })
            var plain = input
            CaseDataBuilder.dedupeInPlace(&plain) { $0.key }
            #expect(plain == clashing)
            #expect(CaseDataBuilder.dedupe(input) { $0.key } == plain)
        }
    }

    @Test func groupingByChildIsStableInFirstAppearanceOrder() {
        let input = rows(9, 400)
        var order: [String] = []
        var groups: [String: [Row]] = [:]
        for r in input {
            if groups[r.child] == nil { order.append(r.child) }
            groups[r.child, default: []].append(r)
        }
        let grouped = CaseDataBuilder.groupedByChild(input) { ChildID($0.child) }
        #expect(grouped == order.flatMap { groups[$0]! })
        #expect(CaseDataBuilder.groupedByChild([Row]()) { ChildID($0.child) }.isEmpty)
    }
}

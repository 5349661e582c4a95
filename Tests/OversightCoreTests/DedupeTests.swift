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
        var grouped = input
        CaseDataBuilder.groupByChild(&grouped) { ChildID($0.pointee.child) }
        #expect(grouped == order.flatMap { groups[$0]! })
        var none: [Row] = []
        CaseDataBuilder.groupByChild(&none) { ChildID($0.pointee.child) }
        #expect(none.isEmpty)
    }

    @Test func childrenAreRankedByFirstAppearanceAndGroupedStably() {
        // Ids that differ only late or by case, and many of them, so the table's probes meet.
        let ids = (0..<3000).map { i in ChildID(i % 7 == 0 ? "C\(i % 500)" : "c\(i % 900)x") }
        let (ranks, children) = ChildRanking.rank(count: ids.count) { ids[$0] }
        var first: [ChildID: Int32] = [:]
        let expected = ids.map { id in
            if let r = first[id] { return r }
            first[id] = Int32(first.count)
            return Int32(first.count - 1)
        }
        #expect(ranks == expected && children == first.count)
        let (order, bounds) = ChildRanking.groups(ranks, children: children)
        #expect(bounds.count == children + 1 && bounds.last == ids.count)
        for k in 0..<children {
            let members = order[bounds[k]..<bounds[k + 1]]
            #expect(members.allSatisfy { ranks[$0] == Int32(k) } && members.elementsEqual(members.sorted()))
        }
        #expect(ChildRanking.rank(count: 0) { _ in ChildID("x") }.children == 0)
    }
}

/// Numbers the distinct children of a list of records in the order they first appear, without a
/// dictionary: an open-addressing table of first positions (4 bytes a slot), probed with a cheap
/// hash of the id's bytes and compared by the ids themselves, so it is exact whatever the hashes.
/// Merging and indexing the census at national scale ranks 1.6 million episodes; a dictionary of
/// ids (SipHash, resizing, an entry a child) took much of that time.
enum ChildRanking {
    /// Each record's child rank (0 for the first child met, 1 for the next new one, ...) and the
    /// number of distinct children. `child(i)` is the child of record `i`, for `i` in `0..<count`.
    static func rank(count n: Int, child: (Int) -> ChildID) -> (ranks: [Int32], children: Int) {
        guard n > 0 else { return ([], 0) }
        var capacity = 16
        while capacity < n * 2 { capacity <<= 1 }
        let mask = capacity - 1
        // Slot -> the position of the first record of a child; its rank kept beside.
        var table = [Int32](repeating: -1, count: capacity)
        var ranks = [Int32](repeating: 0, count: n)
        var children: Int32 = 0
        for i in 0..<n {
            let c = child(i)
            var h = hash(c) & mask
            while true {
                let j = Int(table[h])
                if j < 0 {
                    table[h] = Int32(i)
                    ranks[i] = children
                    children += 1
                    break
                }
                if child(j) == c { ranks[i] = ranks[j]; break }
                h = (h + 1) & mask
            }
        }
        return (ranks, Int(children))
    }

    /// For ranks as `rank` gives them: the record positions grouped by child (children in rank
    /// order, each child's records in their order), and where each child's group starts
    /// (`bounds[k]..<bounds[k + 1]`).
    static func groups(_ ranks: [Int32], children: Int) -> (order: [Int], bounds: [Int]) {
        var bounds = [Int](repeating: 0, count: children + 1)
        for k in ranks { bounds[Int(k) + 1] += 1 }
        if children > 0 { for i in 1...children { bounds[i] += bounds[i - 1] } }
        var fill = bounds
        var order = [Int](repeating: 0, count: ranks.count)
        for (i, k) in ranks.enumerated() {
            order[fill[Int(k)]] = i
            fill[Int(k)] += 1
        }
        return (order, bounds)
    }

    /// FNV-1a over the id's UTF-8 bytes, mixed.
    @inline(__always) static func hash(_ c: ChildID) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var s = c.rawValue
        s.withUTF8 { u in for b in u { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        h ^= h >> 29
        return Int(truncatingIfNeeded: h &* 0xbf58_476d_1ce4_e5b9 >> 1)
    }
}

/// The points of a series of rolling 12-month windows, and the arithmetic that places a record
/// in them.
///
/// Point `k` is the window `[starts[k], ends[k]]` (the 12 months to `ends[k]`, snapshots at
/// `ends[k]`). Both sequences are non-decreasing, so the points whose window holds a day, or at
/// whose end an interval is open, always form one range of point indices. A measure of a series
/// then places each record once (a binary search over the points) and adds it to a range of
/// counts with a difference array, instead of re-reading every record for every point.
struct SeriesPoints: Sendable {
    /// First day of each point's window.
    let starts: [Day]
    /// Last day of each point's window: the snapshot day.
    let ends: [Day]

    /// For each day from the first window's start to the last end (`base` onwards): the first
    /// point ending on or after it, the first starting on or after it and the first starting
    /// after it. Makes placing a record a table look-up instead of binary searches.
    private let base: Int32
    private let endOnOrAfter: [Int32]
    private let startOnOrAfter: [Int32]
    private let startAfter: [Int32]

    /// Points for rolling 12-month windows ending on `ends`; nil unless `ends` is strictly ascending.
    init?(ends: [Day]) {
        for i in ends.indices.dropFirst() where ends[i - 1] >= ends[i] { return nil }
        self.ends = ends
        let starts = ends.map { Period.rolling12Months(endingOn: $0).start }
        self.starts = starts
        let first = starts.first?.ordinal ?? 0
        base = first
        let span = ends.last.map { Int($0.ordinal - first) + 1 } ?? 0
        // Tables only for spans of up to about 50 years; longer series use binary searches.
        let days = span <= 20_000 ? (0..<span).map { Day(ordinal: first + Int32($0)) } : []
        endOnOrAfter = days.map { Int32(Self.lowerBound(ends, $0)) }
        startOnOrAfter = days.map { Int32(Self.lowerBound(starts, $0)) }
        startAfter = days.map { Int32(Self.upperBound(starts, $0)) }
    }

    /// The first point ending on or after `d`.
    @inline(__always) func firstEnd(onOrAfter d: Day) -> Int {
        if d.ordinal <= base { return 0 }
        let i = Int(d.ordinal - base)
        if i >= endOnOrAfter.count { return endOnOrAfter.isEmpty ? Self.lowerBound(ends, d) : count }
        return Int(endOnOrAfter[i])
    }

    /// The first point starting on or after `d`.
    @inline(__always) func firstStart(onOrAfter d: Day) -> Int {
        if d.ordinal <= base { return 0 }
        let i = Int(d.ordinal - base)
        if i >= startOnOrAfter.count { return startOnOrAfter.isEmpty ? Self.lowerBound(starts, d) : count }
        return Int(startOnOrAfter[i])
    }

    /// The first point starting after `d`.
    @inline(__always) func firstStart(after d: Day) -> Int {
        if d.ordinal < base { return 0 }
        let i = Int(d.ordinal - base)
        if i >= startAfter.count { return startAfter.isEmpty ? Self.upperBound(starts, d) : count }
        return Int(startAfter[i])
    }

    var count: Int { ends.count }

    /// The periods of the points.
    var periods: [Period] { ends.map { Period.rolling12Months(endingOn: $0) } }

    /// The first index of sorted `days` holding a day on or after `d`.
    static func lowerBound(_ days: [Day], _ d: Day) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] < d { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The first index of sorted `days` holding a day after `d`.
    static func upperBound(_ days: [Day], _ d: Day) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] <= d { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The points whose window contains `d`.
    func containing(_ d: Day) -> Range<Int> {
        let lo = firstEnd(onOrAfter: d), hi = firstStart(after: d)
        return lo < hi ? lo..<hi : lo..<lo
    }

    /// The indices of ascending snapshot `days` on which `[start, end)` is open (`start <= t`,
    /// and `t < end` unless `end` is nil).
    static func open(on days: [Day], from start: Day, until end: Day?) -> Range<Int> {
        let lo = lowerBound(days, start)
        let hi = end.map { lowerBound(days, $0) } ?? days.count
        return lo < hi ? lo..<hi : lo..<lo
    }

    /// The points at whose end `[start, end)` is open.
    func open(from start: Day, until end: Day?) -> Range<Int> {
        let lo = firstEnd(onOrAfter: start)
        let hi = end.map { firstEnd(onOrAfter: $0) } ?? count
        return lo < hi ? lo..<hi : lo..<lo
    }

    /// The points whose window a record overlaps as the measures read it: it starts in the window,
    /// or started on or before the window's first day and has not stopped by then (`stop` after
    /// that day, or none).
    func overlapping(start: Day, stop: Day?) -> Range<Int> {
        let lo = firstEnd(onOrAfter: start)
        let startsInside = firstStart(after: start)
        let hi = stop.map { max(startsInside, firstStart(onOrAfter: $0)) } ?? count
        return lo < hi ? lo..<hi : lo..<lo
    }

    /// The points in whose window an episode `[start, end)` covers at least one day: it starts
    /// by the window's end and ends after both its own start and the window's first day.
    func coveringSomeDay(start: Day, end: Day?) -> Range<Int> {
        let lo = firstEnd(onOrAfter: start)
        var hi = count
        if let e = end { hi = e > start ? firstStart(onOrAfter: e) : 0 }
        return lo < hi ? lo..<hi : lo..<lo
    }

    /// Merges `ranges` in place into sorted, disjoint ranges covering the same points.
    static func union(_ ranges: inout [Range<Int>]) {
        if ranges.count < 2 { return }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var out = 0
        for r in ranges.dropFirst() {
            if r.lowerBound <= ranges[out].upperBound {
                if r.upperBound > ranges[out].upperBound { ranges[out] = ranges[out].lowerBound..<r.upperBound }
            } else {
                out += 1
                ranges[out] = r
            }
        }
        ranges.removeLast(ranges.count - out - 1)
    }

    /// The points in both sorted, disjoint range lists.
    static func intersection(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let lo = max(a[i].lowerBound, b[j].lowerBound), hi = min(a[i].upperBound, b[j].upperBound)
            if lo < hi { out.append(lo..<hi) }
            if a[i].upperBound < b[j].upperBound { i += 1 } else { j += 1 }
        }
        return out
    }
}

/// Counts per point, added a range of points at a time (a difference array).
struct PointCounts: Sendable {
    private var diff: [Int]

    /// Zero counts for `n` points.
    init(_ n: Int) { diff = Array(repeating: 0, count: n + 1) }

    /// Adds `by` to every point of `r`.
    mutating func add(_ r: Range<Int>, _ by: Int = 1) {
        if r.isEmpty { return }
        diff[r.lowerBound] += by
        diff[r.upperBound] -= by
    }

    /// Adds `by` to one point.
    mutating func add(at k: Int, _ by: Int = 1) {
        diff[k] += by
        diff[k + 1] -= by
    }

    /// The count of each point.
    var totals: [Int] {
        var out: [Int] = []
        out.reserveCapacity(diff.count - 1)
        var run = 0
        for d in diff.dropLast() {
            run += d
            out.append(run)
        }
        return out
    }
}

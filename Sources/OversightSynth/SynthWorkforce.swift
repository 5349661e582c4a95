import OversightCore

/// The authority's social workers over the simulated years: who is in post on a day, and their
/// supervision sessions.
///
/// Workers are numbered `SW00001`...; about 15% leave each year and are replaced, so children see
/// changes of worker.
public struct SynthWorkforce: Sendable {
    /// One social worker's time in post, [start, end).
    public struct Worker: Sendable {
        public var id: String
        public var start: Day
        public var end: Day
        /// How reliably they are supervised on time (1 = always).
        public var punctuality: Double
    }

    public private(set) var workers: [Worker] = []
    /// For each month since `first`, the indices of workers in post on its first day.
    private var byMonth: [[Int32]] = []
    private let first: Day

    /// Builds the workforce for [start, end] with about `size` workers in post at any time.
    public init(size: Int, start: Day, end: Day, seed: UInt64) {
        var rng = SynthRandom(seed: seed, stream: 0xF0F0_0001)
        first = start.startOfMonth
        let span = start.days(to: end)
        let meanTenure = 365.0 * 6.5
        var next = 1
        func makeWorker(from day: Day, rng: inout SynthRandom) -> Worker {
            defer { next += 1 }
            let tenure = rng.days(mean: meanTenure, minimum: 120)
            let punctual = rng.chance(0.25) ? 0.55 : 0.9
            return Worker(id: "SW" + SynthCodes.pad(next, 5), start: day, end: day.adding(days: tenure), punctuality: punctual)
        }
        var current: [Worker] = []
        for _ in 0..<max(1, size) {
            var w = makeWorker(from: start, rng: &rng)
            w.start = start.adding(days: -rng.int(0...2000))
            current.append(w)
        }
        var all: [Worker] = []
        var open = current
        // Replace each leaver by a new starter a few weeks later, until the end of the span.
        while !open.isEmpty {
            let w = open.removeLast()
            all.append(w)
            let gap = rng.int(14...90)
            let replacementStart = w.end.adding(days: gap)
            if start.days(to: replacementStart) <= span {
                open.append(makeWorker(from: replacementStart, rng: &rng))
            }
        }
        all.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        workers = all
        let months = span / 28 + 3
        var table = Array(repeating: [Int32](), count: months)
        for (i, w) in workers.enumerated() {
            var m = max(0, monthIndexStatic(w.start, first))
            while m < months {
                let day = first.adding(months: m)
                if day >= w.end { break }
                if day >= w.start { table[m].append(Int32(i)) }
                m += 1
            }
        }
        byMonth = table
    }

    /// A worker in post on `day` (drawn with `rng`).
    public func worker(on day: Day, rng: inout SynthRandom) -> String {
        let m = min(max(0, monthIndexStatic(day, first)), byMonth.count - 1)
        let pool = byMonth[m]
        if pool.isEmpty { return workers.first?.id ?? "SW00001" }
        return workers[Int(pool[Int(rng.next() % UInt64(pool.count))])].id
    }
}

private func monthIndexStatic(_ day: Day, _ first: Day) -> Int {
    (day.year - first.year) * 12 + (day.month - first.month)
}

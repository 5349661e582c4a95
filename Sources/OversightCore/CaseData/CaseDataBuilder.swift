import Dispatch

/// Builds a `CaseData` from the records of many files, applying the spec's reading rules:
///
/// - Returns are applied in collection-year order (files with no year first, ties by the order
///   files were added, which callers make the path order).
/// - When the return for year Y holds a child, it restates that child's records for Y's collection
///   period (1 April Y-1 to 31 March Y): the child's earlier records in the same table that overlap
///   or fall in that period are dropped before Y's are added; records wholly before it are kept.
/// - A record restated under the same key replaces the earlier copy wherever it starts; a
///   restated CIN episode is merged one level down (`restateCINEpisodes`).
/// - "Left open, closed before Y": an earlier-year episode, social worker episode or CIN episode
///   (or CIN block) that overlaps Y's period only because it has no end date (or an invalid one),
///   and that Y does not restate, is kept as open up to 31 March Y-1, its end unknown
///   (`CaseData.leftOpen`).
/// - Within one file, the later of two rows with the same key wins.
/// - Header rows: the latest per child. OC3 rows: one per child and collection year.
/// - Records whose child id is blank are left out and counted.
public struct CaseDataBuilder: Sendable {
    private var files: [SourceFile] = []
    private var cinChildren: [Batch<CINChild>] = []
    private var cinEpisodes: [Batch<CINEpisode>] = []
    private var claHeaders: [Batch<CLAHeader>] = []
    private var claEpisodes: [Batch<CLAEpisode>] = []
    private var claReviews: [Batch<CLAReview>] = []
    private var claMissing: [Batch<CLAMissing>] = []
    private var careLeavers: [Batch<CareLeaverRecord>] = []
    private var swEpisodes: [Batch<SocialWorkerEpisode>] = []
    private var missingEpisodes: [Batch<MissingEpisode>] = []
    private var supervisions: [Batch<SupervisionSession>] = []
    private var workers: [Batch<WorkerRecord>] = []
    private var allocations: [Batch<Allocation>] = []
    private var visits: [Batch<Visit>] = []
    private var services: [(file: Int, records: ServiceRecords)] = []
    private var blank: [String: Int] = [:]
    public var rowsWithErrors: Set<RecordOrigin> = []

    struct Batch<R: Sendable>: Sendable {
        var file: Int
        var year: Int?
        var records: [R]
    }

    public init() {}

    /// Registers a file; returns its index for `RecordOrigin.file`. Add files in path order.
    public mutating func addFile(_ file: SourceFile) -> Int {
        files.append(file)
        return files.count - 1
    }

    /// The files registered so far, in index order.
    public var sourceFiles: [SourceFile] { files }

    /// Sets a registered file's collection year (known only once its header was read).
    public mutating func setCollectionYear(_ year: Int?, file: Int) { files[file].collectionYear = year }

    /// Counts records left out for a blank child id.
    public mutating func countBlankChildID(table: String, _ n: Int = 1) { blank[table, default: 0] += n }

    public mutating func add(cinChildren r: [CINChild], file: Int) { cinChildren.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(cinEpisodes r: [CINEpisode], file: Int) { cinEpisodes.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(claHeaders r: [CLAHeader], file: Int) { claHeaders.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(claEpisodes r: [CLAEpisode], file: Int) { claEpisodes.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(claReviews r: [CLAReview], file: Int) { claReviews.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(claMissing r: [CLAMissing], file: Int) { claMissing.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(careLeavers r: [CareLeaverRecord], file: Int) { careLeavers.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(socialWorkerEpisodes r: [SocialWorkerEpisode], file: Int) { swEpisodes.append(Batch(file: file, year: files[file].collectionYear, records: r)) }
    public mutating func add(missingEpisodes r: [MissingEpisode], file: Int) { missingEpisodes.append(Batch(file: file, year: nil, records: r)) }
    public mutating func add(supervisions r: [SupervisionSession], file: Int) { supervisions.append(Batch(file: file, year: nil, records: r)) }
    public mutating func add(workers r: [WorkerRecord], file: Int) { workers.append(Batch(file: file, year: nil, records: r)) }
    public mutating func add(allocations r: [Allocation], file: Int) { allocations.append(Batch(file: file, year: nil, records: r)) }
    public mutating func add(visits r: [Visit], file: Int) { visits.append(Batch(file: file, year: nil, records: r)) }
    /// Adds service records (contacts, early help, the workforce census, ...) of file `file`.
    public mutating func add<R: ServiceRecord>(services r: [R], file: Int) {
        var s = ServiceRecords()
        s.add(r)
        services.append((file, s))
    }

    /// Adds everything `other` holds after what this builder holds, as if its files had been
    /// added here in order after this builder's: its file indices (in batches and in every
    /// record's origin) move up by this builder's file count. Lets files be read on several
    /// threads, each into a builder of its own, and joined in path order.
    public mutating func append(_ other: consuming CaseDataBuilder) {
        var o = other
        let offset = files.count
        let by = Int32(offset)
        func move<R>(_ batches: inout [Batch<R>], _ shift: (inout R) -> Void) {
            for i in batches.indices {
                batches[i].file += offset
                for j in batches[i].records.indices { shift(&batches[i].records[j]) }
            }
        }
        move(&o.cinChildren) { $0.origin.file += by }
        move(&o.cinEpisodes) { $0.shiftFiles(by: by) }
        move(&o.claHeaders) { $0.origin.file += by }
        move(&o.claEpisodes) { $0.origin.file += by }
        move(&o.claReviews) { $0.origin.file += by }
        move(&o.claMissing) { $0.origin.file += by }
        move(&o.careLeavers) { $0.origin.file += by }
        move(&o.swEpisodes) { $0.origin.file += by }
        move(&o.missingEpisodes) { $0.origin.file += by }
        move(&o.supervisions) { $0.origin.file += by }
        move(&o.workers) { $0.origin.file += by }
        move(&o.allocations) { $0.origin.file += by }
        move(&o.visits) { $0.origin.file += by }
        for i in o.services.indices {
            o.services[i].file += offset
            o.services[i].records.transform(ShiftFiles(by: by))
        }
        files += o.files
        cinChildren += o.cinChildren; cinEpisodes += o.cinEpisodes
        claHeaders += o.claHeaders; claEpisodes += o.claEpisodes; claReviews += o.claReviews; claMissing += o.claMissing
        careLeavers += o.careLeavers; swEpisodes += o.swEpisodes
        missingEpisodes += o.missingEpisodes; supervisions += o.supervisions
        workers += o.workers; allocations += o.allocations; visits += o.visits; services += o.services
        for (table, n) in o.blank { blank[table, default: 0] += n }
        for r in o.rowsWithErrors { rowsWithErrors.insert(RecordOrigin(file: Int(r.file + by), row: Int(r.row))) }
    }

    /// Applies the reading rules and returns the merged history. Each file's records are
    /// released as soon as they are merged, so the records are not held twice at the peak.
    public consuming func build() -> CaseData {
        var d = CaseData()
        d.files = files
        d.blankChildIDs = blank
        d.rowsWithErrors = rowsWithErrors

        // The census episodes, the largest kind, are merged on a thread of their own while the
        // rest are merged here.
        let cinYears = cinEpisodes.compactMap(\.year) + cinChildren.compactMap(\.year)
        let episodes = ConcurrentSlots<[Batch<CINEpisode>]>(count: 1)
        episodes.set(0, cinEpisodes)
        cinEpisodes = []
        let mergedEpisodes = ConcurrentSlots<[CINEpisode]>(count: 1)
        let episodeBounds = ConcurrentSlots<[Int]>(count: 1)
        let episodesMerged = DispatchGroup()
        let cinLeftOpen = ConcurrentSlots<LeftOpenRecords>(count: 1)
        DispatchQueue.global().async(group: episodesMerged) {
            var batches = episodes.take(0) ?? []
            var bounds: [Int] = [0]
            var marks = LeftOpenRecords()
            let merged = Self.merge(&batches, child: { $0.pointee.child }, key: { $0.pointee.referralDate }, childBounds: &bounds) {
                Self.restateCINEpisodes(&$0, $1, $2, $3, marks: &marks)
            }
            mergedEpisodes.set(0, merged)
            episodeBounds.set(0, bounds)
            cinLeftOpen.set(0, marks)
        }
        var episodeMarks: [LeftOpenRecords.EpisodeKey: Day] = [:]
        var bounds: [Int] = []
        d.claEpisodes = Self.merge(&claEpisodes, child: { $0.pointee.child }, key: { $0.pointee.start }, childBounds: &bounds) {
            Self.restateSpans(
                &$0, $1, $2, $3, key: { $0.pointee.start }, start: \.start, end: \.end,
                mark: { e in e.start.day.map { LeftOpenRecords.EpisodeKey(child: e.child, start: $0) } }, marks: &episodeMarks)
        }
        var workerMarks: [LeftOpenRecords.WorkerKey: Day] = [:]
        d.socialWorkerEpisodes = Self.merge(
            &swEpisodes, child: { $0.pointee.child },
            key: { SWKey(worker: $0.pointee.workerID, start: $0.pointee.start) }, childBounds: &bounds
        ) {
            Self.restateSpans(
                &$0, $1, $2, $3, key: { SWKey(worker: $0.pointee.workerID, start: $0.pointee.start) }, start: \.start, end: \.end,
                mark: { s in s.start.day.map { LeftOpenRecords.WorkerKey(child: s.child, worker: s.workerID, start: $0) } },
                marks: &workerMarks)
        }
        d.leftOpen.claEpisodes = episodeMarks
        d.leftOpen.socialWorkerEpisodes = workerMarks
        d.claReviews = Self.merge(
            &claReviews, child: { $0.pointee.child }, key: { $0.pointee.date },
            touches: { $1.contains($0.date.day) })
        d.claMissing = Self.merge(
            &claMissing, child: { $0.pointee.child }, key: { $0.pointee.start },
            touches: { $1.contains($0.start.day) })
        d.careLeavers = Self.merge(&careLeavers, child: { $0.pointee.child }, key: { $0.pointee.collectionYear }, touches: { _, _ in false })
        d.missingEpisodes = Self.merge(&missingEpisodes, child: { $0.pointee.child }, key: { $0.pointee.start }, touches: { _, _ in false })
        var sessions: [SupervisionSession] = []
        for i in supervisions.indices {
            if sessions.isEmpty { swap(&sessions, &supervisions[i].records) } else { sessions.append(contentsOf: supervisions[i].records) }
            supervisions[i].records = []
        }
        Self.dedupeInPlace(&sessions, keyAt: SupervisionKey.init(at:))
        d.supervisions = sessions
        // The organisation: a later file's row for the same worker spell, or the same child's
        // allocation from the same day, replaces an earlier one (a corrected file loaded again).
        d.workers = Self.latest(Self.ordered(workers).flatMap(\.records)) { ServiceKey($0.id, $0.start, $0.team) }
        d.allocations = Self.latest(Self.ordered(allocations).flatMap(\.records)) { ServiceKey($0.child.rawValue, $0.from) }
        // A visit to the same child on the same day by the same worker, given again, is one visit.
        d.visits = Self.latest(Self.ordered(visits).flatMap(\.records)) { ServiceKey($0.child.rawValue, $0.date, $0.worker ?? "") }
        d.services = Self.mergeServices(services, files: files)
        services = []

        d.cinChildren.reserveCapacity(cinChildren.reduce(0) { $0 + $1.records.count })
        for b in Self.ordered(cinChildren) { for c in b.records { d.cinChildren[c.id] = c } }
        d.claHeaders.reserveCapacity(claHeaders.reduce(0) { $0 + $1.records.count })
        for b in Self.ordered(claHeaders) { for h in b.records { d.claHeaders[h.child] = h } }
        d.cinYears = Array(Set(cinYears)).sorted()
        d.claYears = Array(Set(files.filter { $0.format == "ssda903" }.compactMap(\.collectionYear))).sorted()
        episodesMerged.wait()
        d.cinEpisodes = mergedEpisodes.take(0) ?? []
        d.cinEpisodeChildBounds = episodeBounds.take(0)
        if let marks = cinLeftOpen.take(0) {
            d.leftOpen.cinEpisodes = marks.cinEpisodes
            d.leftOpen.cinBlocks = marks.cinBlocks
        }
        return d
    }

    struct SWKey: Hashable { var worker: String?; var start: DateField }
    struct SupervisionKey: Hashable {
        var worker: String; var date: DateField; var kind: String?; var child: ChildID?
        init(at s: UnsafePointer<SupervisionSession>) { worker = s.pointee.worker; date = s.pointee.date; kind = s.pointee.kind; child = s.pointee.child }
    }

    /// A record [start, stop) overlaps a window when it starts in the window or is open on its
    /// first day (spec rule 8). An invalid stop is treated as open here, so a restated year wins.
    static func overlaps(_ start: DateField, _ stop: DateField, _ w: Period) -> Bool {
        overlaps(start, stop: stop.day, w)
    }

    /// A record [start, stop) overlaps a window when it starts in the window or is open on its
    /// first day (spec rule 8); a nil `stop` is open. A record with no valid start overlaps none.
    static func overlaps(_ start: DateField, stop: Day?, _ w: Period) -> Bool {
        guard let s = start.day else { return false }
        if w.contains(s) { return true }
        if s > w.start { return false }
        if let e = stop { return e > w.start }
        return true
    }

    static func ordered<R>(_ batches: [Batch<R>]) -> [Batch<R>] { orderedIndices(batches).map { batches[$0] } }

    /// Indices of `batches` in the order they are merged: by collection year, then file, then as added.
    static func orderedIndices<R>(_ batches: [Batch<R>]) -> [Int] {
        batches.indices.sorted { a, b in
            let ya = batches[a].year ?? Int.min, yb = batches[b].year ?? Int.min
            if ya != yb { return ya < yb }
            if batches[a].file != batches[b].file { return batches[a].file < batches[b].file }
            return a < b
        }
    }

    struct ChildKey<K: Hashable>: Hashable { var child: ChildID; var key: K }

    /// Keeps, of the items sharing a key, the last; the kept items stay in their order.
    static func dedupe<R, K: Hashable>(_ items: [R], key: (R) -> K) -> [R] {
        var out = items
        dedupeInPlace(&out, key: key)
        return out
    }

    /// `dedupe` in place, without a dictionary of keys: an open-addressing table of positions
    /// (4 bytes a slot) whose probes compare the keys themselves, so it is exact whatever the
    /// hashes. At national scale (three million supervision sessions) a dictionary of keys took
    /// hundreds of megabytes.
    static func dedupeInPlace<R, K: Hashable>(_ items: inout [R], key: (R) -> K) {
        dedupeInPlace(&items, keyAt: { key($0.pointee) })
    }

    /// `dedupeInPlace` with the key read through a pointer to the item, so that large records
    /// are not copied to read their keys.
    static func dedupeInPlace<R, K: Hashable>(_ items: inout [R], keyAt key: (UnsafePointer<R>) -> K) {
        let n = items.count
        guard n > 1 else { return }
        var capacity = 16
        while capacity < n * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var table = [Int32](repeating: -1, count: capacity)
        var keep = [Bool](repeating: true, count: n)
        var dropped = 0
        items.withUnsafeBufferPointer { buf in
            for i in 0..<n {
                let k = key(buf.baseAddress! + i)
                var h = k.hashValue & mask
                while true {
                    let j = Int(table[h])
                    if j < 0 { table[h] = Int32(i); break }
                    if key(buf.baseAddress! + j) == k {
                        keep[j] = false
                        dropped += 1
                        table[h] = Int32(i)
                        break
                    }
                    h = (h + 1) & mask
                }
            }
        }
        guard dropped > 0 else { return }
        var w = 0
        items.withUnsafeMutableBufferPointer { buf in
            for i in 0..<n where keep[i] {
                if w != i { buf.swapAt(w, i) }
                w += 1
            }
        }
        items.removeLast(n - w)
    }

    /// Groups `rows` by child, children in the order they first appear and each child's rows in
    /// their order (a stable counting sort), as merging one batch does. The rows are moved, not
    /// copied.
    /// Returns where each child's rows start (`bounds[k]..<bounds[k + 1]` for the k-th child).
    @discardableResult
    static func groupByChild<R>(_ rows: inout [R], child: (UnsafePointer<R>) -> ChildID) -> [Int] {
        let n = rows.count
        guard n > 0 else { return [0] }
        let (ranks, children) = rows.withUnsafeBufferPointer { buf in ChildRanking.rank(count: n) { child(buf.baseAddress! + $0) } }
        // Row k of the result is row `order[k]`: applied cycle by cycle with swaps.
        var (order, bounds) = ChildRanking.groups(ranks, children: children)
        rows.withUnsafeMutableBufferPointer { buf in
            for start in 0..<n where order[start] != start {
                var k = start
                while true {
                    let next = order[k]
                    order[k] = k
                    if next == start { break }
                    buf.swapAt(k, next)
                    k = next
                }
            }
        }
        return bounds
    }

    /// Merges one kind of record from every file by the reading rules. `child` and `key` read a
    /// record through a pointer (so large records are not copied to read them).
    /// The result is grouped by child; `childBounds` is set to where each child's records start.
    static func merge<R, K: Hashable>(
        _ batches: inout [Batch<R>], child: (UnsafePointer<R>) -> ChildID, key: (UnsafePointer<R>) -> K,
        touches: (R, Period) -> Bool
    ) -> [R] {
        var bounds: [Int] = []
        return merge(&batches, child: child, key: key, touches: touches, childBounds: &bounds)
    }

    static func merge<R, K: Hashable>(
        _ batches: inout [Batch<R>], child: (UnsafePointer<R>) -> ChildID, key: (UnsafePointer<R>) -> K,
        touches: (R, Period) -> Bool, childBounds: inout [Int]
    ) -> [R] {
        merge(&batches, child: child, key: key, childBounds: &childBounds) { held, incoming, window, year in
            // The held records restated under the same key, or overlapping or falling in Y's period, are dropped.
            let keys = Set(incoming.map { withUnsafePointer(to: $0, key) })
            held.removeAll { h in keys.contains(withUnsafePointer(to: h.record, key)) || (window.map { touches(h.record, $0) } ?? false) }
            held += incoming.map { Held(record: $0, year: year) }
        }
    }

    /// A record held while merging, with the collection year of the return it came from
    /// (`Int.min` for a file with no year).
    struct Held<R> {
        var record: R
        var year: Int
    }

    /// Merges one kind of record from every file: returns in collection-year order; within one
    /// file the later row with the same key wins (rule 4); when a return holds a child,
    /// `restating` changes the child's records held so far (`held`, each with its return's year)
    /// by the return's records of the child (`incoming`), given the return's collection period
    /// (nil for a file with no year) and year (`Int.min` for none). It must add `incoming`.
    static func merge<R, K: Hashable>(
        _ batches: inout [Batch<R>], child: (UnsafePointer<R>) -> ChildID, key: (UnsafePointer<R>) -> K,
        childBounds: inout [Int],
        restating: (_ held: inout [Held<R>], _ incoming: [R], _ window: Period?, _ year: Int) -> Void
    ) -> [R] {
        if batches.count == 1 {
            // One file: its rows de-duplicated and grouped by child, without the per-child lists.
            var rows = batches[0].records
            batches[0].records = []
            dedupeInPlace(&rows, keyAt: { ChildKey(child: child($0), key: key($0)) })
            childBounds = groupByChild(&rows, child: child)
            return rows
        }
        var byChild: [ChildID: [Held<R>]] = [:]
        var order: [ChildID] = []
        for i in orderedIndices(batches) {
            let year = batches[i].year
            // Within one file the later row with the same key wins (rule 4).
            var rows = batches[i].records
            batches[i].records = []
            dedupeInPlace(&rows, keyAt: { ChildKey(child: child($0), key: key($0)) })
            var grouped: [ChildID: [R]] = [:]
            var batchOrder: [ChildID] = []
            for r in rows {
                let c = withUnsafePointer(to: r, child)
                if grouped[c] == nil { batchOrder.append(c) }
                grouped[c, default: []].append(r)
            }
            let window = year.map(Period.reportingYear)
            for c in batchOrder {
                let incoming = grouped[c]!
                guard var held = byChild[c] else {
                    byChild[c] = incoming.map { Held(record: $0, year: year ?? .min) }
                    order.append(c)
                    continue
                }
                byChild[c] = nil
                restating(&held, incoming, window, year ?? .min)
                byChild[c] = held
            }
        }
        var out: [R] = []
        childBounds = [0]
        for c in order {
            out.append(contentsOf: byChild[c]!.lazy.map(\.record))
            childBounds.append(out.count)
        }
        return out
    }

    /// The records with, for each key, only the last one given (in the order given), kept in
    /// the order of their last appearance.
    static func latest<R, K: Hashable>(_ records: [R], key: (R) -> K) -> [R] {
        var last: [K: Int] = [:]
        last.reserveCapacity(records.count)
        for (i, r) in records.enumerated() { last[key(r)] = i }
        if last.count == records.count { return records }
        return records.indices.filter { last[key(records[$0])] == $0 }.map { records[$0] }
    }

    /// The service records of every file in file order, a later file's record replacing an
    /// earlier one with the same key. Early help read from an Annex A workbook is left out when a
    /// local early help file was loaded (which carries all of List 2's fields and more).
    static func mergeServices(_ batches: [(file: Int, records: ServiceRecords)], files: [SourceFile]) -> ServiceRecords {
        var all = ServiceRecords()
        let localEarlyHelp = files.contains { $0.format == "early-help-local" }
        for b in batches.sorted(by: { $0.file < $1.file }) {
            let f = files[b.file]
            if localEarlyHelp && f.format == "annex-a" && f.table == "early-help" { continue }
            all.append(contentsOf: b.records)
        }
        all.transform(LatestByKey())
        return all
    }

    /// Moves every record's origin `by` files up.
    struct ShiftFiles: ServiceRecordTransform {
        let by: Int32
        func apply<R: ServiceRecord>(_ records: [R]) -> [R] {
            records.map {
                var r = $0; r.origin.file += by; return r
            }
        }
    }

    /// Keeps, of the records sharing a key, the last, in its place.
    struct LatestByKey: ServiceRecordTransform {
        func apply<R: ServiceRecord>(_ records: [R]) -> [R] { CaseDataBuilder.latest(records) { $0.key } }
    }
}

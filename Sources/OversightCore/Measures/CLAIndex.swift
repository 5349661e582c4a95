/// SSDA903 records prepared for the children-looked-after measures: short breaks removed,
/// episodes sorted per child, periods of care chained, placements and placement moves counted
/// as the spec says.
///
/// Reading rule 6: an episode whose `DECOM` is missing or not a date, or whose `DEC` is present
/// but not a date, is left out of `children` (every measure reading both); `cla_starts` reads only
/// `DECOM` and `RNE` (`careStarts`), `cla_ceased` and the SGO measures only `DEC` and `REC`
/// (`ceasings`). An episode kept by reading rule 2 as left open (`CaseData.leftOpen`) is open up
/// to its last open day and its end is no event.
struct CLAIndex: Sendable {
    struct Episode: Sendable {
        var index: Int
        /// Position in the child's `episodes`.
        var position: Int
        var start: Day
        /// `DEC` as an event (a valid date); nil while open and when left open with its end unknown.
        var end: Day?
        /// The first day the episode is no longer open: `DEC`, or the day after the last open day
        /// of an episode left open; nil while open.
        var stop: Day?
        var rne: String?
        var place: String?
        var provider: String?
        var rec: String?
        var reasonPlaceChange: String?
        var urn: String?
        var placementPostcode: String?

        func isOpen(on t: Day) -> Bool { start <= t && (stop.map { $0 > t } ?? true) }
        /// Starts in the window or is open on its first day.
        func overlaps(_ w: Period) -> Bool { w.contains(start) || isOpen(on: w.start) }
        var isTemporary: Bool { ["T0", "T1", "T2", "T3", "T4"].contains(place ?? "") }
    }
    struct PeriodOfCare: Sendable {
        var start: Day
        /// The first day no longer open (the last episode's `stop`); nil while open.
        var stop: Day?
        var episodes: Range<Int>
        func isOpen(on t: Day) -> Bool { start <= t && (stop.map { $0 > t } ?? true) }
    }
    struct Placement: Sendable {
        var start: Day
        var stop: Day?
        var period: Int
        /// Position of the episode that starts it in the child's `episodes`.
        var episode: Int
        func overlaps(_ w: Period) -> Bool { w.contains(start) || (start <= w.start && (stop.map { $0 > w.start } ?? true)) }
        func isOpen(on t: Day) -> Bool { start <= t && (stop.map { $0 > t } ?? true) }
    }
    /// Whether a placement move was planned, by `REASON_PLACE_CHANGE`.
    enum MoveReason: Sendable {
        /// CARPL.
        case planned
        /// CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO, CHILD, LAREQ, CUSTOD or OTHER.
        case unplanned
        /// PLACE, blank or invalid.
        case neither
    }
    /// The start of a placement other than the first of its period of care.
    struct Move: Sendable {
        var day: Day
        var reason: MoveReason
        /// Position of the episode that starts the new placement.
        var episode: Int
    }
    struct Child: Sendable {
        var id: ChildID
        var episodes: [Episode] = []
        var periods: [PeriodOfCare] = []
        var placements: [Placement] = []
        var moves: [Move] = []

        /// The open episode on `t`: the one with the latest `DECOM` among those open then.
        func openEpisode(on t: Day) -> Episode? {
            var best: Episode?
            for e in episodes where e.isOpen(on: t) { if best == nil || e.start >= best!.start { best = e } }
            return best
        }
        /// The index in `periods` of the period of care holding the episode at `position`.
        func period(holding position: Int) -> Int {
            periods.firstIndex { $0.episodes.contains(position) }!
        }
        func isLookedAfter(on t: Day) -> Bool { episodes.contains { $0.isOpen(on: t) } }
        /// Looked after on at least one day of `w`.
        func isLookedAfterOnSomeDay(of w: Period) -> Bool {
            episodes.contains { e in e.start <= w.end && (e.stop.map { $0 > max(e.start, w.start) } ?? true) }
        }
    }
    /// An episode with `RNE` S and a valid `DECOM`, whatever its `DEC`.
    struct CareStart: Sendable {
        var day: Day
        var index: Int
    }
    /// An episode with a valid `DEC` (an event, not left open) and `REC` not X1, whatever its `DECOM`.
    struct Ceasing: Sendable {
        var end: Day
        var start: Day?
        var rec: String?
        var index: Int
        /// Orders a child's ceasings: by `DEC`, then `DECOM` (none first), then row.
        static func isBefore(_ a: Ceasing, _ b: Ceasing) -> Bool {
            (a.end, a.start?.ordinal ?? .min, a.index) < (b.end, b.start?.ordinal ?? .min, b.index)
        }
    }

    var children: [Child] = []
    var position: [ChildID: Int] = [:]
    /// Episodes left out of `children`: `DECOM` missing or invalid, or `DEC` invalid.
    var invalidEpisodes = 0
    /// Episodes with a `DECOM` present but not a date (left out of `cla_starts`).
    var invalidStarts = 0
    /// Episodes with a `DEC` present but not a date and not left open (left out of `cla_ceased`).
    var invalidEnds = 0
    var shortBreakEpisodes = 0
    /// Per child (sorted by id), the episodes that start care, in start order.
    var careStarts: [(child: ChildID, starts: [CareStart])] = []
    /// Per child (sorted by id), the episodes ending care, in `Ceasing.isBefore` order.
    var ceasings: [(child: ChildID, ceasings: [Ceasing])] = []

    init(data: CaseData) {
        var byChild: [ChildID: [Episode]] = [:]
        var startsByChild: [ChildID: [CareStart]] = [:]
        var ceasingsByChild: [ChildID: [Ceasing]] = [:]
        for (i, e) in data.claEpisodes.enumerated() {
            if e.isShortBreak { shortBreakEpisodes += 1; continue }
            let last = data.leftOpen.lastOpenDay(of: e)
            if e.start.isInvalid { invalidStarts += 1 }
            if e.end.isInvalid && last == nil { invalidEnds += 1 }
            if e.reasonNewEpisode == "S", let s = e.start.day { startsByChild[e.child, default: []].append(CareStart(day: s, index: i)) }
            if last == nil, let end = e.end.day, e.reasonEnded != "X1" {
                ceasingsByChild[e.child, default: []].append(Ceasing(end: end, start: e.start.day, rec: e.reasonEnded, index: i))
            }
            guard let s = e.start.day, last != nil || !e.end.isInvalid else { invalidEpisodes += 1; continue }
            byChild[e.child, default: []].append(
                Episode(
                    index: i, position: 0, start: s, end: last == nil ? e.end.day : nil,
                    stop: last.map { $0.adding(days: 1) } ?? e.end.day, rne: e.reasonNewEpisode,
                    place: e.placement, provider: e.provider, rec: e.reasonEnded,
                    reasonPlaceChange: e.reasonPlaceChange, urn: e.urn, placementPostcode: e.placementPostcode))
        }
        for id in byChild.keys.sorted() {
            var c = Child(id: id)
            c.episodes = byChild[id]!.enumerated().sorted { a, b in
                a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset
            }.map(\.element)
            for p in c.episodes.indices { c.episodes[p].position = p }
            c.periods = Self.periodsOfCare(c.episodes)
            for (pi, p) in c.periods.enumerated() {
                let placements = Self.placements(c.episodes, p, pi)
                for pl in placements.dropFirst() {
                    c.moves.append(Move(day: pl.start, reason: Self.moveReason(c.episodes[pl.episode - 1].reasonPlaceChange), episode: pl.episode))
                }
                c.placements += placements
            }
            position[id] = children.count
            children.append(c)
        }
        careStarts = startsByChild.keys.sorted().map { id in (id, startsByChild[id]!.sorted { ($0.day, $0.index) < ($1.day, $1.index) }) }
        ceasings = ceasingsByChild.keys.sorted().map { id in (id, ceasingsByChild[id]!.sorted(by: Ceasing.isBefore)) }
    }

    static let unplannedReasons: Set<String> = ["CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "CUSTOD", "OTHER"]

    /// CARPL is planned; CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO, CHILD, LAREQ, CUSTOD and OTHER
    /// unplanned; PLACE, blank and any other code neither.
    static func moveReason(_ code: String?) -> MoveReason {
        guard let code else { return .neither }
        if code == "CARPL" { return .planned }
        return unplannedReasons.contains(code) ? .unplanned : .neither
    }

    /// Chains episodes in start order: the next continues the period when its DECOM equals the
    /// previous DEC, the previous ended with REC X1 and the next's RNE is not S (an RNE S episode
    /// always begins a new period of care). An episode left open ends nothing, so continues none.
    static func periodsOfCare(_ eps: [Episode]) -> [PeriodOfCare] {
        var out: [PeriodOfCare] = []
        var first = 0
        for i in eps.indices {
            if i > first {
                let prev = eps[i - 1]
                let continues = prev.end == eps[i].start && prev.rec == "X1" && eps[i].rne != "S"
                if !continues {
                    out.append(PeriodOfCare(start: eps[first].start, stop: eps[i - 1].stop, episodes: first..<i))
                    first = i
                }
            }
        }
        if !eps.isEmpty { out.append(PeriodOfCare(start: eps[first].start, stop: eps[eps.count - 1].stop, episodes: first..<eps.count)) }
        return out
    }

    /// Placements of one period of care (see ../spec/measures.md: temporary placements ignored,
    /// adoption by the current carer and returns from a temporary placement continue one).
    static func placements(_ eps: [Episode], _ p: PeriodOfCare, _ periodIndex: Int) -> [Placement] {
        var starts: [(day: Day, episode: Int)] = []
        var last: Episode?
        var sawTemporary = false
        for i in p.episodes {
            let e = eps[i]
            if e.isTemporary { sawTemporary = true; continue }
            if let prev = last {
                let rne = e.rne ?? ""
                if sawTemporary && samePlacement(e, prev) {
                    // A return to the placement held before the temporary one continues it.
                } else if ["P", "B", "T", "U"].contains(rne) && !(["T", "U"].contains(rne) && ["A3", "A5"].contains(e.place ?? "")) {
                    starts.append((e.start, i))
                }
            } else {
                starts.append((e.start, i))
            }
            last = e
            sawTemporary = false
        }
        return starts.enumerated().map { k, s in
            Placement(start: s.day, stop: k + 1 < starts.count ? starts[k + 1].day : p.stop, period: periodIndex, episode: s.episode)
        }
    }

    /// Same PLACE, and the same URN (or, where a URN is blank, the same non-blank PL_POST).
    static func samePlacement(_ a: Episode, _ b: Episode) -> Bool {
        guard a.place == b.place else { return false }
        if let ua = a.urn, let ub = b.urn { return ua == ub }
        if let pa = a.placementPostcode, let pb = b.placementPostcode { return pa == pb }
        return false
    }
}

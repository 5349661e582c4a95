/// SSDA903 records prepared for the children-looked-after measures: short breaks removed,
/// episodes sorted per child, periods of care chained and placements counted as the spec says.
struct CLAIndex: Sendable {
    struct Episode: Sendable {
        var index: Int
        var start: Day
        var end: Day?
        var rne: String?
        var place: String?
        var provider: String?
        var rec: String?
        var urn: String?
        var placementPostcode: String?

        func isOpen(on t: Day) -> Bool { start <= t && (end.map { $0 > t } ?? true) }
        /// Starts in the window or is open on its first day.
        func overlaps(_ w: Period) -> Bool { w.contains(start) || isOpen(on: w.start) }
        var isTemporary: Bool { ["T0", "T1", "T2", "T3", "T4"].contains(place ?? "") }
    }
    struct PeriodOfCare: Sendable {
        var start: Day
        var end: Day?
        var episodes: Range<Int>
        func isOpen(on t: Day) -> Bool { start <= t && (end.map { $0 > t } ?? true) }
    }
    struct Placement: Sendable {
        var start: Day
        var stop: Day?
        var period: Int
        var episode: Int
        func overlaps(_ w: Period) -> Bool { w.contains(start) || (start <= w.start && (stop.map { $0 > w.start } ?? true)) }
        func isOpen(on t: Day) -> Bool { start <= t && (stop.map { $0 > t } ?? true) }
    }
    struct Child: Sendable {
        var id: ChildID
        var episodes: [Episode] = []
        var periods: [PeriodOfCare] = []
        var placements: [Placement] = []

        /// The open episode on `t`: the latest-starting one open then.
        func openEpisode(on t: Day) -> Episode? {
            var best: Episode?
            for e in episodes where e.isOpen(on: t) { if best == nil || e.start >= best!.start { best = e } }
            return best
        }
        func isLookedAfter(on t: Day) -> Bool { episodes.contains { $0.isOpen(on: t) } }
        /// Looked after on at least one day of `w`.
        func isLookedAfterOnSomeDay(of w: Period) -> Bool {
            episodes.contains { e in e.start <= w.end && (e.end.map { $0 > max(e.start, w.start) } ?? true) }
        }
    }

    var children: [Child] = []
    var position: [ChildID: Int] = [:]
    var invalidEpisodes = 0
    var shortBreakEpisodes = 0

    init(data: CaseData) {
        var byChild: [ChildID: [Episode]] = [:]
        for (i, e) in data.claEpisodes.enumerated() {
            if e.isShortBreak { shortBreakEpisodes += 1; continue }
            guard let s = e.start.day, !e.end.isInvalid else { invalidEpisodes += 1; continue }
            byChild[e.child, default: []].append(Episode(index: i, start: s, end: e.end.day, rne: e.reasonNewEpisode, place: e.placement,
                                                         provider: e.provider, rec: e.reasonEnded, urn: e.urn, placementPostcode: e.placementPostcode))
        }
        for id in byChild.keys.sorted() {
            var c = Child(id: id)
            c.episodes = byChild[id]!.enumerated().sorted { a, b in
                a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset
            }.map(\.element)
            c.periods = Self.periodsOfCare(c.episodes)
            for (pi, p) in c.periods.enumerated() { c.placements += Self.placements(c.episodes, p, pi) }
            position[id] = children.count
            children.append(c)
        }
    }

    /// Chains episodes: the next continues the period when its DECOM equals the previous DEC and
    /// the previous ended with REC X1.
    static func periodsOfCare(_ eps: [Episode]) -> [PeriodOfCare] {
        var out: [PeriodOfCare] = []
        var first = 0
        for i in eps.indices {
            if i > first {
                let prev = eps[i - 1]
                let continues = prev.end == eps[i].start && prev.rec == "X1"
                if !continues {
                    out.append(PeriodOfCare(start: eps[first].start, end: eps[i - 1].end, episodes: first..<i))
                    first = i
                }
            }
        }
        if !eps.isEmpty { out.append(PeriodOfCare(start: eps[first].start, end: eps[eps.count - 1].end, episodes: first..<eps.count)) }
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
            Placement(start: s.day, stop: k + 1 < starts.count ? starts[k + 1].day : p.end, period: periodIndex, episode: s.episode)
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

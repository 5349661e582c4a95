/// How a later return restates a child's span records (reading rule 2): SSDA903 episodes and
/// social worker episodes (`restateSpans`), and CIN episodes, merged one level down
/// (`restateCINEpisodes`).
extension CaseDataBuilder {
    /// Return Y's records of a child (`incoming`) restate the child's span records held so far:
    ///
    /// - a held record with the key of one of Y's is dropped (Y's copy replaces it, wherever it starts);
    /// - a held record overlapping Y's period `window` (its end read through its mark, when it
    ///   has one; an invalid end read as none) is dropped, unless it is *left open, closed before
    ///   Y*: from an earlier year's return, started before the period, with no valid end date,
    ///   and Y holds no record of the child overlapping `[start, window.start)`. Such a record is
    ///   kept and marked (`marks`) as open up to the day before the period, its end unknown;
    /// - every other held record is kept; Y's records are added.
    ///
    /// With no window (a file with no year) only the key restates. The mark of a dropped record
    /// is removed, so it never applies to a copy restated under the same key.
    static func restateSpans<R, K: Hashable, M: Hashable>(
        _ held: inout [Held<R>], _ incoming: [R], _ window: Period?, _ year: Int, key: (UnsafePointer<R>) -> K,
        start: (R) -> DateField, end: (R) -> DateField, mark: (R) -> M?, marks: inout [M: Day]
    ) {
        let keys = Set(incoming.map { withUnsafePointer(to: $0, key) })
        var dropped: [M] = [], leftOpen: [M] = []
        let lastBefore = window.map { $0.start.adding(days: -1) }
        held.removeAll { h in
            let r = h.record
            let m = mark(r)
            if keys.contains(withUnsafePointer(to: r, key)) {
                if let m { dropped.append(m) }
                return true
            }
            guard let w = window, let lastBefore else { return false }
            let e = end(r)
            let last = e.day == nil ? m.flatMap { marks[$0] } : nil
            guard Self.overlaps(start(r), stop: last.map { $0.adding(days: 1) } ?? e.day, w) else { return false }
            if h.year < year, last == nil, e.day == nil, let m, let s = start(r).day, s < w.start,
                let before = Period(start: s, end: lastBefore),
                !incoming.contains(where: { Self.overlaps(start($0), stop: end($0).day, before) })
            {
                leftOpen.append(m)
                return false
            }
            if let m { dropped.append(m) }
            return true
        }
        for m in dropped { marks[m] = nil }
        if let lastBefore { for m in leftOpen { marks[m] = lastBefore } }
        held += incoming.map { Held(record: $0, year: year) }
    }

    /// Return Y's CIN episodes of a child (`incoming`) restate the child's episodes held so far
    /// (reading rule 2):
    ///
    /// - a held episode with the referral date of one of Y's is *merged one level down*
    ///   (`mergeDown`): Y's copy with the earlier copy's blocks that Y does not restate;
    /// - any other held episode overlapping Y's period (closure read through its mark; an invalid
    ///   closure read as none) is dropped with everything inside it, unless it is left open,
    ///   closed before Y (as `restateSpans` says, against Y's episodes of the child): then it is
    ///   kept and marked open up to the day before the period, and so is each of its open blocks
    ///   (an assessment not authorised, a CIN or protection plan with no valid end date) not
    ///   marked already;
    /// - every other held episode is kept; Y's episodes (merged) are added.
    static func restateCINEpisodes(
        _ held: inout [Held<CINEpisode>], _ incoming: [CINEpisode], _ window: Period?, _ year: Int,
        marks: inout LeftOpenRecords
    ) {
        var byReferral: [DateField: Int] = [:]
        for (i, h) in held.enumerated() { byReferral[h.record.referralDate] = i }
        var merged = incoming
        var restated = Set<Int>()
        for j in merged.indices {
            guard let i = byReferral[merged[j].referralDate] else { continue }
            restated.insert(i)
            mergeDown(held[i], into: &merged[j], window, year, marks: &marks)
        }
        let lastBefore = window.map { $0.start.adding(days: -1) }
        var kept: [Held<CINEpisode>] = []
        kept.reserveCapacity(held.count - restated.count + merged.count)
        for (i, h) in held.enumerated() where !restated.contains(i) {
            let e = h.record
            guard let w = window, let lastBefore else { kept.append(h); continue }
            let key = LeftOpenRecords.ReferralKey(child: e.child, referral: e.referralDate)
            let last = e.closureDate.day == nil ? marks.cinEpisodes[key] : nil
            guard Self.overlaps(e.referralDate, stop: last.map { $0.adding(days: 1) } ?? e.closureDate.day, w) else { kept.append(h); continue }
            if h.year < year, last == nil, e.closureDate.day == nil, let s = e.referralDate.day, s < w.start,
                let before = Period(start: s, end: lastBefore),
                !incoming.contains(where: { Self.overlaps($0.referralDate, stop: $0.closureDate.day, before) })
            {
                marks.cinEpisodes[key] = lastBefore
                for b in blockSpans(e) where b.end.day == nil {
                    guard let kind = b.kind, let start = b.start.day else { continue }
                    let bk = LeftOpenRecords.BlockKey(child: e.child, referral: e.referralDate, kind: kind, start: start)
                    if marks.cinBlocks[bk] == nil { marks.cinBlocks[bk] = lastBefore }
                }
                kept.append(h)
                continue
            }
            // Dropped with everything inside it, and its marks with it.
            marks.cinEpisodes[key] = nil
            for b in blockSpans(e) {
                guard let kind = b.kind, let start = b.start.day else { continue }
                marks.cinBlocks[LeftOpenRecords.BlockKey(child: e.child, referral: e.referralDate, kind: kind, start: start)] = nil
            }
        }
        held = kept + merged.map { Held(record: $0, year: year) }
    }

    /// One block of a CIN episode as the merge reads it: its key (start date), its end as
    /// recorded, the first day it is no longer open (nil while open), and its kind for marks
    /// (nil for a section 47 enquiry, never left open).
    struct BlockSpan {
        var start: DateField
        var end: DateField
        var stop: Day?
        var kind: LeftOpenRecords.BlockKind?
    }

    /// The blocks of `e`: assessments [start, authorisation), CIN plans and protection plans
    /// [start, end), section 47 enquiries [start, conference date or start] (an invalid
    /// conference date read as none).
    static func blockSpans(_ e: CINEpisode) -> [BlockSpan] {
        e.assessments.map(assessmentSpan) + e.cinPlans.map(cinPlanSpan) + e.section47s.map(section47Span) + e.protectionPlans.map(protectionPlanSpan)
    }

    static func assessmentSpan(_ a: Assessment) -> BlockSpan {
        BlockSpan(start: a.startDate, end: a.authorisationDate, stop: a.authorisationDate.day, kind: .assessment)
    }
    static func cinPlanSpan(_ p: CINPlan) -> BlockSpan { BlockSpan(start: p.startDate, end: p.endDate, stop: p.endDate.day, kind: .cinPlan) }
    static func protectionPlanSpan(_ p: ProtectionPlan) -> BlockSpan {
        BlockSpan(start: p.startDate, end: p.endDate, stop: p.endDate.day, kind: .protectionPlan)
    }
    static func section47Span(_ s: Section47) -> BlockSpan {
        // Open up to its conference day, or on its start day only when the conference date is
        // missing or not a date: never open-ended, so never left open.
        BlockSpan(start: s.startDate, end: s.initialCPCDate, stop: (s.initialCPCDate.day ?? s.startDate.day)?.adding(days: 1), kind: nil)
    }

    /// Merges the earlier copy `earlier` of an episode into Y's copy `later` (same child and
    /// referral date): the episode's own fields are Y's (the earlier copy's mark, if any, is
    /// removed); of each kind of block (assessments by `AssessmentActualStartDate`, section 47
    /// enquiries by `S47ActualStartDate`, CIN plans by `CINPlanStartDate`, protection plans by
    /// `CPPstartDate`), the earlier copy's blocks are kept when they neither overlap Y's period
    /// nor are restated under their key in Y's copy, or are left open, closed before Y (no valid
    /// end, started before the period, the earlier copy from an earlier year, and no block of
    /// that kind in Y's copy overlapping `[start, window.start)`), and then marked; the kept
    /// blocks come first, then every block of Y's copy. With no window only the keys restate.
    static func mergeDown(
        _ earlier: Held<CINEpisode>, into later: inout CINEpisode, _ window: Period?, _ year: Int,
        marks: inout LeftOpenRecords
    ) {
        let e = earlier.record
        marks.cinEpisodes[LeftOpenRecords.ReferralKey(child: later.child, referral: later.referralDate)] = nil
        let fromEarlierYear = earlier.year < year
        func merge<B>(_ old: [B], _ new: [B], _ span: (B) -> BlockSpan) -> [B] {
            guard !old.isEmpty else { return new }
            let newSpans = new.map(span)
            let keys = Set(newSpans.map(\.start))
            var out: [B] = []
            var dropped: [LeftOpenRecords.BlockKey] = [], leftOpen: [LeftOpenRecords.BlockKey] = []
            let lastBefore = window.map { $0.start.adding(days: -1) }
            for b in old {
                let sp = span(b)
                let key = sp.kind.flatMap { kind in
                    sp.start.day.map { LeftOpenRecords.BlockKey(child: later.child, referral: later.referralDate, kind: kind, start: $0) }
                }
                if keys.contains(sp.start) {
                    if let key { dropped.append(key) }
                    continue
                }
                guard let w = window, let lastBefore else { out.append(b); continue }
                let last = sp.end.day == nil ? key.flatMap { marks.cinBlocks[$0] } : nil
                guard Self.overlaps(sp.start, stop: last.map { $0.adding(days: 1) } ?? sp.stop, w) else { out.append(b); continue }
                if fromEarlierYear, last == nil, sp.end.day == nil, let key, let s = sp.start.day, s < w.start,
                    let before = Period(start: s, end: lastBefore),
                    !newSpans.contains(where: { Self.overlaps($0.start, stop: $0.stop, before) })
                {
                    leftOpen.append(key)
                    out.append(b)
                    continue
                }
                if let key { dropped.append(key) }
            }
            for k in dropped { marks.cinBlocks[k] = nil }
            if let lastBefore { for k in leftOpen { marks.cinBlocks[k] = lastBefore } }
            return out + new
        }
        later.assessments = merge(e.assessments, later.assessments, assessmentSpan)
        later.section47s = merge(e.section47s, later.section47s, section47Span)
        later.cinPlans = merge(e.cinPlans, later.cinPlans, cinPlanSpan)
        later.protectionPlans = merge(e.protectionPlans, later.protectionPlans, protectionPlanSpan)
    }
}

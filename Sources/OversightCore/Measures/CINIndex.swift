/// CIN census records flattened and pre-computed for the measures.
///
/// Reading rule 6: an episode's assessments, section 47 enquiries and plans are records of their
/// own, indexed whatever the episode's referral and closure dates. A record kept by reading rule
/// 2 as left open (`CaseData.leftOpen`) is open up to its last open day; its end is no event and
/// an invalid end date it had is not read as invalid.
struct CINIndex: Sendable {
    struct Referral: Sendable {
        var episode: Int
        var date: Day
        /// Another episode of the child has a referral date d0 with d - 1 year <= d0 < d.
        var isRereferral: Bool
        /// Index in `referralSourceGroups` of the source's group (`unknown` for blank or invalid).
        var sourceGroup: Int
        var isNFA: Bool
    }
    struct AssessmentRef: Sendable {
        var episode: Int
        var index: Int
        var authorised: Day
        var start: DateField
        /// Bit g set when a factor of `assessmentFactorGroups[g]` is recorded.
        var factorGroups: UInt32
    }
    /// An episode's dates for the snapshot measures, without copying the whole record.
    struct Span: Sendable {
        var episode: Int
        var referral: Day?
        /// The first day the episode is no longer open: the closure date, or the day after the
        /// last open day of an episode left open; nil while open.
        var closure: Day?
        var isNFA: Bool
        /// The referral date, or the closure date of an episode not left open, is present but not a date.
        var hasInvalidDate: Bool
    }
    struct Section47Ref: Sendable {
        var episode: Int
        var start: DateField
        var icpc: DateField
    }
    /// A protection plan with a valid `CPPstartDate`, whatever its end.
    struct PlanRef: Sendable {
        var episode: Int
        var start: Day
        /// `CPPendDate` as an event (a valid date); nil while open and when left open.
        var end: Day?
        /// The first day the plan is no longer open: `CPPendDate`, or the day after the last open
        /// day of a plan left open; nil while open.
        var stop: Day?
        /// `CPPendDate` is present but not a date (and the plan is not left open): the plan is
        /// left out of the measures that read its end.
        var endIsInvalid: Bool
        var initialCategory: String?
        /// `NumberOfPreviousCPP > 0` or another loaded plan of the child started earlier.
        var isSecondOrSubsequent: Bool
        /// Another plan of the child (with a valid start date) ended within the 2 years before
        /// this one started.
        var isRepeatWithin2Years: Bool
        var hasPreviousCount: Bool
    }

    var referrals: [Referral] = []
    var spans: [Span] = []
    var invalidReferralDates = 0
    var assessments: [AssessmentRef] = []
    var invalidAuthorisationDates = 0
    var section47s: [Section47Ref] = []
    var plans: [PlanRef] = []
    /// Plans with a `CPPstartDate` present but not a date.
    var invalidPlanStarts = 0
    /// Plans with a valid start and a `CPPendDate` present but not a date (not left open).
    var invalidPlanEnds = 0
    /// Per episode, the earliest valid start date of its assessments recording 3A, 3B or 3C.
    var episodeFirstDomesticAbuse: [Day?] = []
    /// Assessments recording 3A, 3B or 3C whose start date is present but not a date.
    var invalidDomesticAbuseStarts = 0
    /// The episode indices grouped by child (children in the order they first appear), for
    /// measures of a series that count a child once: child k's are
    /// `childEpisodeOrder[childBounds[k]..<childBounds[k + 1]]`.
    var childEpisodeOrder: [Int] = []
    var childBounds: [Int] = [0]
    /// Each child's plans: one range of `plans` per child with a plan (plans are indexed child by child).
    var planGroups: [Range<Int>] = []

    /// Child k's episode indices.
    func episodes(ofChild k: Int) -> ArraySlice<Int> { childEpisodeOrder[childBounds[k]..<childBounds[k + 1]] }
    var childCount: Int { childBounds.count - 1 }

    static let domesticAbuse: Set<String> = ["3A", "3B", "3C"]

    init(data: CaseData) {
        let eps = data.cinEpisodes
        let n = eps.count
        eps.withUnsafeBufferPointer { buf in
            let children: Int
            if let bounds = data.cinEpisodeChildBounds, bounds.last == n {
                // Grouped by the builder already.
                childEpisodeOrder = Array(0..<n)
                childBounds = bounds
                children = bounds.count - 1
            } else {
                let (ranks, count) = ChildRanking.rank(count: n) { buf[$0].child }
                (childEpisodeOrder, childBounds) = ChildRanking.groups(ranks, children: count)
                children = count
            }

            let leftOpen = data.leftOpen
            episodeFirstDomesticAbuse = [Day?](repeating: nil, count: n)
            spans.reserveCapacity(n)
            for i in 0..<n {
                let referral = buf[i].referralDate, closure = buf[i].closureDate
                let isNFA = buf[i].referralNFA == true
                let last = leftOpen.lastOpenDay(of: buf[i])
                spans.append(
                    Span(
                        episode: i, referral: referral.day, closure: last.map { $0.adding(days: 1) } ?? closure.day, isNFA: isNFA,
                        hasInvalidDate: referral.isInvalid || (closure.isInvalid && last == nil)))
                for (j, a) in buf[i].assessments.enumerated() {
                    if a.factors.contains(where: Self.domesticAbuse.contains) {
                        if a.startDate.isInvalid { invalidDomesticAbuseStarts += 1 }
                        if let s = a.startDate.day, episodeFirstDomesticAbuse[i].map({ s < $0 }) ?? true { episodeFirstDomesticAbuse[i] = s }
                    }
                    if a.authorisationDate.isInvalid && leftOpen.lastOpenDay(of: a, in: buf[i]) == nil { invalidAuthorisationDates += 1 }
                    guard let auth = a.authorisationDate.day else { continue }
                    var groups: UInt32 = 0
                    for f in a.factors { if let g = Self.factorGroup[f] { groups |= 1 << g } }
                    assessments.append(AssessmentRef(episode: i, index: j, authorised: auth, start: a.startDate, factorGroups: groups))
                }
                for s in buf[i].section47s { section47s.append(Section47Ref(episode: i, start: s.startDate, icpc: s.initialCPCDate)) }
            }

            var dates: [Day] = [], starts: [Day] = [], ends: [Day?] = []
            for k in 0..<children {
                let idxs = childEpisodeOrder[childBounds[k]..<childBounds[k + 1]]
                dates.removeAll(keepingCapacity: true)
                for i in idxs { if let d = buf[i].referralDate.day { dates.append(d) } }
                dates.sort()
                for i in idxs {
                    let date = buf[i].referralDate
                    if date.isInvalid { invalidReferralDates += 1 }
                    guard let d = date.day else { continue }
                    let from = d.adding(years: -1)
                    // Any other episode's referral in [d - 1 year, d): dates strictly before d exclude this one.
                    let isRe = Self.anyIn(dates, from: from, before: d)
                    referrals.append(
                        Referral(
                            episode: i, date: d, isRereferral: isRe, sourceGroup: Self.sourceGroup(buf[i].referralSource),
                            isNFA: buf[i].referralNFA == true))
                }
                // Plans of this child: each plan with a valid start; another plan counts as earlier
                // by its start and as ended by its end only when its own start is valid too.
                starts.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                var any = false
                for i in idxs {
                    for p in buf[i].protectionPlans {
                        any = true
                        if p.startDate.isInvalid { invalidPlanStarts += 1 }
                        guard let s = p.startDate.day else { continue }
                        starts.append(s)
                        let last = leftOpen.lastOpenDay(of: p, in: buf[i])
                        if p.endDate.isInvalid && last == nil { invalidPlanEnds += 1 }
                        ends.append(last == nil ? p.endDate.day : nil)
                    }
                }
                guard any else { continue }
                let firstPlan = plans.count
                var k = 0
                for i in idxs {
                    for p in buf[i].protectionPlans {
                        guard let s = p.startDate.day else { continue }
                        let own = k
                        k += 1
                        let last = leftOpen.lastOpenDay(of: p, in: buf[i])
                        let earlier = starts.contains { $0 < s }
                        let nprev = p.numberOfPreviousPlans
                        let lower = s.adding(years: -2)
                        var repeat2y = false
                        for (m, e) in ends.enumerated() where m != own {
                            if let e, e >= lower && e < s { repeat2y = true; break }
                        }
                        plans.append(
                            PlanRef(
                                episode: i, start: s, end: ends[own], stop: last.map { $0.adding(days: 1) } ?? p.endDate.day,
                                endIsInvalid: p.endDate.isInvalid && last == nil, initialCategory: p.initialCategory,
                                isSecondOrSubsequent: (nprev ?? 0) > 0 || earlier, isRepeatWithin2Years: repeat2y,
                                hasPreviousCount: nprev != nil))
                    }
                }
                if plans.count > firstPlan { planGroups.append(firstPlan..<plans.count) }
            }
        }
    }

    static let factorGroup: [String: Int] = {
        var d: [String: Int] = [:]
        for (g, group) in assessmentFactorGroups.enumerated() { for c in group.codes { d[c] = g } }
        return d
    }()

    static let sourceGroupByCode: [String: Int] = {
        var d: [String: Int] = [:]
        for (g, group) in referralSourceGroups.enumerated() { for c in group.codes { d[c] = g } }
        return d
    }()

    static let unknownSourceGroup = referralSourceGroups.firstIndex { $0.id == "unknown" }!

    static func sourceGroup(_ code: String?) -> Int { code.flatMap { sourceGroupByCode[$0] } ?? unknownSourceGroup }

    /// Whether sorted `dates` holds a day in [from, before).
    static func anyIn(_ dates: [Day], from: Day, before: Day) -> Bool {
        var lo = 0, hi = dates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dates[mid] < from { lo = mid + 1 } else { hi = mid }
        }
        return lo < dates.count && dates[lo] < before
    }
}

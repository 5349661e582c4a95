/// CIN census records flattened and pre-computed for the measures.
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
        var closure: Day?
        var isNFA: Bool
        var hasInvalidDate: Bool
    }
    struct Section47Ref: Sendable {
        var episode: Int
        var start: DateField
        var icpc: DateField
    }
    struct PlanRef: Sendable {
        var episode: Int
        var start: Day
        var end: Day?
        var initialCategory: String?
        /// `NumberOfPreviousCPP > 0` or another loaded plan of the child started earlier.
        var isSecondOrSubsequent: Bool
        /// Another plan of the child ended within the 2 years before this one started.
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
    var invalidPlanDates = 0
    /// Episodes with any assessment recording 3A, 3B or 3C.
    var episodeHasDomesticAbuse: [Bool] = []
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

            episodeHasDomesticAbuse = [Bool](repeating: false, count: n)
            spans.reserveCapacity(n)
            for i in 0..<n {
                let referral = buf[i].referralDate, closure = buf[i].closureDate
                let isNFA = buf[i].referralNFA == true
                spans.append(Span(episode: i, referral: referral.day, closure: closure.day, isNFA: isNFA,
                                  hasInvalidDate: referral.isInvalid || closure.isInvalid))
                for (j, a) in buf[i].assessments.enumerated() {
                    if a.factors.contains(where: Self.domesticAbuse.contains) { episodeHasDomesticAbuse[i] = true }
                    if a.authorisationDate.isInvalid { invalidAuthorisationDates += 1 }
                    guard let auth = a.authorisationDate.day else { continue }
                    var groups: UInt32 = 0
                    for f in a.factors { if let g = Self.factorGroup[f] { groups |= 1 << g } }
                    assessments.append(AssessmentRef(episode: i, index: j, authorised: auth, start: a.startDate, factorGroups: groups))
                }
                for s in buf[i].section47s { section47s.append(Section47Ref(episode: i, start: s.startDate, icpc: s.initialCPCDate)) }
            }

            var dates: [Day] = [], starts: [Day] = [], ends: [Day] = []
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
                    referrals.append(Referral(episode: i, date: d, isRereferral: isRe, sourceGroup: Self.sourceGroup(buf[i].referralSource),
                                              isNFA: buf[i].referralNFA == true))
                }
                // Plans of this child.
                starts.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                var any = false
                for i in idxs {
                    for p in buf[i].protectionPlans {
                        any = true
                        if let d = p.startDate.day { starts.append(d) }
                        if let d = p.endDate.day { ends.append(d) }
                    }
                }
                guard any else { continue }
                let firstPlan = plans.count
                for i in idxs {
                    for p in buf[i].protectionPlans {
                        guard let s = p.startDate.day, !p.endDate.isInvalid else { invalidPlanDates += 1; continue }
                        let earlier = starts.contains { $0 < s }
                        let nprev = p.numberOfPreviousPlans
                        let lower = s.adding(years: -2)
                        let repeat2y = ends.contains { $0 >= lower && $0 < s }
                        plans.append(PlanRef(episode: i, start: s, end: p.endDate.day, initialCategory: p.initialCategory,
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

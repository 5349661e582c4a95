/// The casework part of the daily list: assessments nearing their 45 working days, initial
/// child protection conferences due, looked-after reviews due, return home interviews
/// outstanding past 72 hours and visits overdue. Each rule is stated in docs/reports.md.
extension FrontLineList {
    /// How far ahead the list looks for conferences and reviews falling due.
    public static let lookAheadDays = 7
    /// An assessment is listed from this many working days after its start.
    public static let assessmentWarningDays = 35
    /// A return home interview still outstanding is listed up to this many days after the return.
    public static let outstandingRHIDays = 28
    /// The longest gap between visits to a child on a child protection plan, in working days.
    public static let protectionVisitWorkingDays = 10
    /// The longest gap between visits to a looked-after child, in days (six weeks).
    public static let lookedAfterVisitDays = 42

    /// An assessment started and not authorised by the list's day.
    public struct OpenAssessment: Hashable, Sendable {
        public var child: String
        public var started: Day
        /// Working days from the start to the list's day.
        public var workingDays: Int
        /// The 45th working day after the start.
        public var due: Day
    }

    /// A section 47 enquiry whose initial conference has not been held.
    public struct ConferenceDue: Hashable, Sendable {
        public var child: String
        public var enquiryStarted: Day
        /// The conference's target date (the census's, else 15 working days after the start).
        public var due: Day
    }

    /// A looked-after child whose next review falls due soon or is overdue.
    public struct ReviewDue: Hashable, Sendable {
        public var child: String
        /// The start of the current period of care.
        public var lookedAfterSince: Day
        public var lastReview: Day?
        public var due: Day
    }

    /// A child on a plan whose visit is overdue.
    public struct VisitOverdue: Hashable, Sendable {
        public var child: String
        /// "Child protection" or "Looked after".
        public var plan: String
        public var lastVisit: Day?
        public var due: Day
        public var daysOverdue: Int
    }

    /// True when `start...end` (end exclusive; an open end reaching `lastOpen` when an earlier
    /// return left it open) covers `day`. Never inlined: inlined into the loops below, Swift
    /// 6.3.1's optimiser crashed in a release build (an ownership verification failure).
    @inline(never)
    static func isOpen(start: Day?, end: Day?, lastOpen: Day?, on day: Day) -> Bool {
        guard let start, start <= day else { return false }
        if let end { return end > day }
        if let lastOpen { return lastOpen >= day }
        return true
    }

    static func openAssessments(_ data: CaseData, on day: Day, calendar: WorkingDayCalendar) -> [OpenAssessment] {
        var out: [OpenAssessment] = []
        for e in data.cinEpisodes where isOpen(start: e.referralDate.day, end: e.closureDate.day, lastOpen: data.leftOpen.lastOpenDay(of: e), on: day) {
            for a in e.assessments {
                guard let start = a.startDate.day, isOpen(start: start, end: a.authorisationDate.day, lastOpen: data.leftOpen.lastOpenDay(of: a, in: e), on: day)
                else { continue }
                let n = calendar.workingDays(from: start, to: day)
                guard n >= assessmentWarningDays else { continue }
                out.append(OpenAssessment(child: e.child.rawValue, started: start, workingDays: n, due: calendar.workingDay(45, after: start)))
            }
        }
        return out.sorted { ($1.workingDays, $0.child, $0.started) < ($0.workingDays, $1.child, $1.started) }
    }

    static func conferencesDue(_ data: CaseData, on day: Day, calendar: WorkingDayCalendar) -> [ConferenceDue] {
        let horizon = day.adding(days: lookAheadDays)
        var out: [ConferenceDue] = []
        for e in data.cinEpisodes {
            guard isOpen(start: e.referralDate.day, end: e.closureDate.day, lastOpen: data.leftOpen.lastOpenDay(of: e), on: day) else { continue }
            // A conference already held in the episode (on the episode or a later enquiry) ends the wait.
            let held = e.initialCPCDate.day.map { $0 <= day } ?? false
            for s in e.section47s {
                guard let start = s.startDate.day, start <= day, s.icpcNotRequired != true else { continue }
                if let icpc = s.initialCPCDate.day, icpc <= day { continue }
                if held, let icpc = e.initialCPCDate.day, icpc >= start { continue }
                let due = s.initialCPCTarget.day ?? calendar.workingDay(15, after: start)
                guard due <= horizon, start.days(to: day) <= 90 else { continue }
                out.append(ConferenceDue(child: e.child.rawValue, enquiryStarted: start, due: due))
            }
        }
        return out.sorted { ($0.due, $0.child) < ($1.due, $1.child) }
    }

    static func reviewsDue(_ data: CaseData, on day: Day) -> [ReviewDue] {
        let horizon = day.adding(days: lookAheadDays)
        var episodes: [ChildID: [CLAEpisode]] = [:]
        for e in data.claEpisodes where e.start.day != nil { episodes[e.child, default: []].append(e) }
        var reviews: [ChildID: [Day]] = [:]
        for r in data.claReviews { if let d = r.date.day, d <= day { reviews[r.child, default: []].append(d) } }
        var out: [ReviewDue] = []
        for (child, list) in episodes {
            let sorted = list.sorted { $0.start.day! < $1.start.day! }
            guard let i = sorted.lastIndex(where: { isOpen(start: $0.start.day, end: $0.end.day, lastOpen: data.leftOpen.lastOpenDay(of: $0), on: day) }),
                !sorted[i].isShortBreak
            else { continue }
            // The period of care: back through episodes each ending the day the next starts.
            var first = i
            while first > 0, let end = sorted[first - 1].end.day, end == sorted[first].start.day! { first -= 1 }
            let since = sorted[first].start.day!
            let held = (reviews[child] ?? []).filter { $0 >= since }.sorted()
            let due: Day =
                switch held.count {
                case 0: since.adding(days: 20)
                case 1: held[0].adding(months: 3)
                default: held[held.count - 1].adding(months: 6)
                }
            guard due <= horizon else { continue }
            out.append(ReviewDue(child: child.rawValue, lookedAfterSince: since, lastReview: held.last, due: due))
        }
        return out.sorted { ($0.due, $0.child) < ($1.due, $1.child) }
    }

    static func outstandingRHIs(_ data: CaseData, asAt: DayTime) -> [MissingReturn] {
        let cutoff = asAt.adding(hours: -72)
        let oldest = DayTime(day: asAt.day.adding(days: -outstandingRHIDays), hour: 0)
        var out: [MissingReturn] = []
        for e in data.missingEpisodes {
            guard let back = e.returned.time, back <= cutoff, back >= oldest else { continue }
            if let offered = e.rhiOffered.time, offered <= asAt { continue }
            out.append(MissingReturn(child: e.child.rawValue, returned: back, rhiDue: back.adding(hours: 72)))
        }
        return out.sorted { ($0.returned, $0.child) < ($1.returned, $1.child) }
    }

    static func visitsOverdue(_ data: CaseData, on day: Day, calendar: WorkingDayCalendar) -> [VisitOverdue] {
        guard data.hasVisits else { return [] }
        var last: [ChildID: Day] = [:]
        for v in data.visits {
            guard let d = v.date.day, d <= day else { continue }
            if last[v.child].map({ d > $0 }) ?? true { last[v.child] = d }
        }
        var out: [ChildID: VisitOverdue] = [:]
        func consider(_ child: ChildID, plan: String, since: Day, due: (Day) -> Day) {
            let visited = last[child].flatMap { $0 >= since ? $0 : nil }
            let d = due(visited ?? since)
            guard d < day else { return }
            let item = VisitOverdue(child: child.rawValue, plan: plan, lastVisit: visited, due: d, daysOverdue: d.days(to: day))
            // A child on both kinds of plan is listed once, under the earlier due visit.
            if let other = out[child], other.due <= d { return }
            out[child] = item
        }
        for e in data.cinEpisodes {
            guard isOpen(start: e.referralDate.day, end: e.closureDate.day, lastOpen: data.leftOpen.lastOpenDay(of: e), on: day) else { continue }
            for p in e.protectionPlans {
                guard isOpen(start: p.startDate.day, end: p.endDate.day, lastOpen: data.leftOpen.lastOpenDay(of: p, in: e), on: day) else { continue }
                consider(e.child, plan: "Child protection", since: p.startDate.day!) { calendar.workingDay(protectionVisitWorkingDays, after: $0) }
            }
        }
        for e in data.claEpisodes where !e.isShortBreak {
            guard isOpen(start: e.start.day, end: e.end.day, lastOpen: data.leftOpen.lastOpenDay(of: e), on: day) else { continue }
            consider(e.child, plan: "Looked after", since: e.start.day!) { $0.adding(days: lookedAfterVisitDays) }
        }
        return out.values.sorted { ($1.daysOverdue, $0.child) < ($0.daysOverdue, $1.child) }
    }
}

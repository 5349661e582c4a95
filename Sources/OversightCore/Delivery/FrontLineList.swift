/// What front-line managers must act on today, from the case data: assessments at 35 or more
/// working days and not authorised, initial conferences due, looked-after reviews due, children
/// back from a missing episode with no return home interview (RHI) offered (in the last 72
/// hours, and outstanding past them), RHIs falling due today, visits overdue (when a visits file
/// is loaded), audits due or overdue, and formal supervisions overdue.
public struct FrontLineList: Hashable, Sendable {
    /// A child back from a missing episode with no RHI offered yet.
    public struct MissingReturn: Hashable, Sendable {
        public var child: String
        public var returned: DayTime
        /// 72 hours after the return: when the RHI must have been offered.
        public var rhiDue: DayTime
        public init(child: String, returned: DayTime, rhiDue: DayTime) { self.child = child; self.returned = returned; self.rhiDue = rhiDue }
    }

    /// A worker whose next formal supervision is overdue.
    public struct SupervisionOverdue: Hashable, Sendable {
        public var worker: String
        /// The last formal session; nil when the worker has none on record.
        public var lastSession: Day?
        public var due: Day
        public var daysOverdue: Int
        public init(worker: String, lastSession: Day?, due: Day, daysOverdue: Int) {
            self.worker = worker; self.lastSession = lastSession; self.due = due; self.daysOverdue = daysOverdue
        }
    }

    /// The moment the list is for (the end of the day, or now).
    public var asAt: DayTime
    /// Returned within the 72 hours before `asAt`, no RHI offered, oldest return first.
    public var returnedWithoutRHI: [MissingReturn]
    /// Returns with no RHI offered whose 72 hours end on `asAt`'s day (including any whose time
    /// has already passed today).
    public var rhiDueToday: [MissingReturn]
    /// Audits due on or before `asAt`'s day, earliest first.
    public var auditsDue: [AuditDue]
    public var supervisionsOverdue: [SupervisionOverdue]
    /// Assessments open on the day at `assessmentWarningDays` working days or more, longest first.
    public var assessments: [OpenAssessment]
    /// Initial conferences not held and due within `lookAheadDays` (or overdue), earliest first.
    public var conferences: [ConferenceDue]
    /// Looked-after reviews due within `lookAheadDays` (or overdue), earliest first.
    public var reviews: [ReviewDue]
    /// Returns more than 72 hours ago (and no more than `outstandingRHIDays` days) with no RHI
    /// offered, oldest first.
    public var rhiOutstanding: [MissingReturn]
    /// Children on a plan whose visit is overdue, most overdue first (empty with no visits file).
    public var visitsOverdue: [VisitOverdue]
    /// Whether the case data holds a local missing-episodes file and a supervision file (the
    /// lists are empty without them, which is not the same as nothing to do).
    public var hasMissingData: Bool
    public var hasSupervisionData: Bool
    /// Whether the case data holds a CIN census, an SSDA903 return and a visits file.
    public var hasCINData: Bool
    public var hasLookedAfterData: Bool
    public var hasVisitsData: Bool

    /// Builds the list from `data` as at `asAt`. `audits` are the audits of the programme not yet
    /// completed (only those due by `asAt`'s day are kept). A worker's next formal supervision is
    /// due `intervalDays` after the last one (`MeasureParameters.supervisionIntervalDays`); workers
    /// with no formal session in the last 365 days are taken to have left and are not listed.
    public init(
        data: CaseData, asAt: DayTime, audits: [AuditDue] = [], intervalDays: Int = 28, calendar: WorkingDayCalendar = .england
    ) {
        self.asAt = asAt
        hasMissingData = data.hasLocalMissing
        hasSupervisionData = data.hasSupervision
        hasCINData = data.hasCIN
        hasLookedAfterData = data.hasSSDA903
        hasVisitsData = data.hasVisits
        assessments = Self.openAssessments(data, on: asAt.day, calendar: calendar)
        conferences = Self.conferencesDue(data, on: asAt.day, calendar: calendar)
        reviews = Self.reviewsDue(data, on: asAt.day)
        rhiOutstanding = Self.outstandingRHIs(data, asAt: asAt)
        visitsOverdue = Self.visitsOverdue(data, on: asAt.day, calendar: calendar)
        let windowStart = asAt.adding(hours: -72)
        var returns: [MissingReturn] = [], dueToday: [MissingReturn] = []
        for e in data.missingEpisodes {
            guard let back = e.returned.time, back <= asAt else { continue }
            if let offered = e.rhiOffered.time, offered <= asAt { continue }
            let item = MissingReturn(child: e.child.rawValue, returned: back, rhiDue: back.adding(hours: 72))
            if back > windowStart { returns.append(item) }
            if item.rhiDue.day == asAt.day { dueToday.append(item) }
        }
        let order = { (a: MissingReturn, b: MissingReturn) in (a.returned, a.child) < (b.returned, b.child) }
        returnedWithoutRHI = returns.sorted(by: order)
        rhiDueToday = dueToday.sorted(by: order)
        auditsDue = audits.filter { $0.due <= asAt.day }.sorted { ($0.due, $0.reference) < ($1.due, $1.reference) }
        var last: [String: Day] = [:]
        for s in data.supervisions where s.kind == "formal" {
            guard let d = s.date.day, d <= asAt.day else { continue }
            if last[s.worker].map({ d > $0 }) ?? true { last[s.worker] = d }
        }
        supervisionsOverdue = last.compactMap { worker, day in
            let due = day.adding(days: intervalDays)
            guard due < asAt.day, day.days(to: asAt.day) <= 365 else { return nil }
            return SupervisionOverdue(worker: worker, lastSession: day, due: due, daysOverdue: due.days(to: asAt.day))
        }.sorted { ($0.daysOverdue, $1.worker) > ($1.daysOverdue, $0.worker) }
    }

    /// The list kept to the children `child` accepts and the workers `worker` accepts (a team's
    /// or a service's part of it). Audits are kept by their child.
    public func filtered(child: (String) -> Bool, worker: (String) -> Bool) -> FrontLineList {
        var l = self
        l.returnedWithoutRHI = returnedWithoutRHI.filter { child($0.child) }
        l.rhiDueToday = rhiDueToday.filter { child($0.child) }
        l.rhiOutstanding = rhiOutstanding.filter { child($0.child) }
        l.auditsDue = auditsDue.filter { child($0.child) }
        l.assessments = assessments.filter { child($0.child) }
        l.conferences = conferences.filter { child($0.child) }
        l.reviews = reviews.filter { child($0.child) }
        l.visitsOverdue = visitsOverdue.filter { child($0.child) }
        l.supervisionsOverdue = supervisionsOverdue.filter { worker($0.worker) }
        return l
    }

    /// How many items the list holds, all kinds together.
    public var count: Int {
        returnedWithoutRHI.count + rhiDueToday.count + rhiOutstanding.count + auditsDue.count + assessments.count + conferences.count
            + reviews.count + visitsOverdue.count + supervisionsOverdue.count
    }
}

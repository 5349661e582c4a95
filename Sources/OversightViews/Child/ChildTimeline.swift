import Foundation
import OversightCore

/// One child's history across the loaded data, newest first and grouped by year, each event with
/// its date(s) in plain words. Built from `CaseData` and the child's audits.
public struct ChildTimeline: Sendable, Hashable {
    /// What kind of event, for its marker and for filtering.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case referral, assessment, section47, childProtection, cinPlan, care, placement, review, missing, careLeaver, socialWorker, audit
    }

    /// One event.
    public struct Event: Sendable, Hashable {
        public var date: Day
        /// The last day, for events that last (a plan, an episode); nil when open, left open or a
        /// single day.
        public var end: Day?
        /// Whether the event is still open at the end of the data (a plan not ended).
        public var isOpen: Bool
        /// For a record an earlier return left open and a later return did not restate
        /// (`CaseData.leftOpen`): the last day it is known to be open, 31 March of the year before
        /// the later return. It ended after that day, on a day no return gives. Such an event is
        /// not `isOpen`. nil for every other event.
        public var openUntilAtLeast: Day?
        public var category: Category
        /// What happened, in a few words ("Referral received").
        public var title: String
        /// Details in plain words ("From: school. Factors: neglect (16A).").
        public var details: [String]
        public init(
            date: Day, end: Day? = nil, isOpen: Bool = false, openUntilAtLeast: Day? = nil, category: Category, title: String,
            details: [String] = []
        ) {
            self.date = date; self.end = end; self.isOpen = isOpen; self.openUntilAtLeast = openUntilAtLeast
            self.category = category; self.title = title; self.details = details
        }

        /// The event's dates in plain words: "3 May 2024", "3 May 2024 to 9 June 2024", "3 May
        /// 2024 to now (open)", or for a record left open by an earlier return "1 June 2022,
        /// open until at least 31 March 2023, end not known".
        public var dates: String {
            let start = Format.date(date)
            if let end, end != date { return start + " to " + Format.date(end) }
            if let last = openUntilAtLeast { return start + ", open until at least " + Format.date(last) + ", end not known" }
            return isOpen ? start + " to now (open)" : start
        }
    }

    /// A year's events, newest first.
    public struct Year: Sendable, Hashable {
        public var year: Int
        public var events: [Event]
    }

    /// An audit of the child's case, as passed in by the caller.
    public struct Audit: Sendable, Hashable {
        public var date: Day
        /// What was audited ("Case file audit").
        public var title: String
        /// The grade in words ("Requires improvement"); nil before it is graded.
        public var grade: String?
        public var href: String?
        public init(date: Day, title: String, grade: String? = nil, href: String? = nil) {
            self.date = date; self.title = title; self.grade = grade; self.href = href
        }
    }

    public var child: ChildID
    public var years: [Year]
    /// Records of the child with a date that is present but not a real date (left off the timeline).
    public var undatedCount: Int

    /// Every event of the child, from each table of `data` and the `audits`, in years newest first.
    ///
    /// A record an earlier return left open and a later return did not restate (`data.leftOpen`)
    /// is shown open until at least its last open day with its end not known, not as open now;
    /// its invalid end date, if it had one, is not counted as undated (the measures no longer
    /// read it either).
    public static func make(child: ChildID, data: CaseData, audits: [Audit] = []) -> ChildTimeline {
        var events: [Event] = []
        var undated = 0
        func add(_ d: DateField, _ make: (Day) -> Event) {
            if let day = d.day { events.append(make(day)) } else if d.isInvalid { undated += 1 }
        }
        for ep in data.cinEpisodes where ep.child == child {
            let episodeLastOpen = data.leftOpen.lastOpenDay(of: ep)
            add(ep.referralDate) { d in
                var details: [String] = []
                if let s = CodeWords.referralSource(ep.referralSource) { details.append("From: \(s).") }
                if let n = ep.primaryNeedCode, !n.isEmpty { details.append("Primary need: \(needWords(n)).") }
                if ep.referralNFA == true { details.append("No further action.") }
                if let last = episodeLastOpen { details.append("Case open until at least \(Format.date(last)), closure date not known.") }
                return Event(date: d, category: .referral, title: "Referral received", details: details)
            }
            if episodeLastOpen == nil {
                add(ep.closureDate) { d in
                    Event(
                        date: d, category: .referral, title: "Case closed",
                        details: CodeWords.closureReason(ep.reasonForClosure).map { ["Reason: \($0)."] } ?? [])
                }
            }
            for a in ep.assessments {
                let factors = a.factors.map(CodeWords.factor)
                if let done = a.authorisationDate.day {
                    var details: [String] = []
                    if let s = a.startDate.day {
                        details.append("Started \(Format.date(s)); completed in \(workingDays(from: s, to: done)) working days.")
                    }
                    details.append(factors.isEmpty ? "No factors recorded." : "Factors: \(factors.joined(separator: "; ")).")
                    events.append(Event(date: done, category: .assessment, title: "Assessment completed", details: details))
                } else {
                    let last = data.leftOpen.lastOpenDay(of: a, in: ep)
                    if a.authorisationDate.isInvalid && last == nil { undated += 1 }
                    add(a.startDate) { d in
                        Event(
                            date: d, isOpen: last == nil, openUntilAtLeast: last, category: .assessment, title: "Assessment started",
                            details: factors.isEmpty ? [] : ["Factors: \(factors.joined(separator: "; "))."])
                    }
                }
            }
            for s in ep.section47s {
                add(s.startDate) { d in
                    var details: [String] = []
                    if let c = s.initialCPCDate.day {
                        details.append("Initial child protection conference \(Format.date(c)).")
                    } else if s.icpcNotRequired == true {
                        details.append("No initial conference needed.")
                    }
                    return Event(date: d, category: .section47, title: "Section 47 enquiry started", details: details)
                }
            }
            for p in ep.cinPlans {
                let last = data.leftOpen.lastOpenDay(of: p, in: ep)
                add(p.startDate) { d in
                    Event(
                        date: d, end: p.endDate.day, isOpen: p.endDate.day == nil && last == nil, openUntilAtLeast: last, category: .cinPlan,
                        title: "Child in need plan")
                }
            }
            for p in ep.protectionPlans {
                let last = data.leftOpen.lastOpenDay(of: p, in: ep)
                add(p.startDate) { d in
                    var details: [String] = []
                    if let c = CodeWords.abuseCategory(p.initialCategory) { details.append("Category: \(c).") }
                    if let n = p.numberOfPreviousPlans, n > 0 { details.append("Previous plans: \(n).") }
                    let reviews = p.reviewDates.compactMap(\.day)
                    if !reviews.isEmpty { details.append("Reviewed \(reviews.count) time\(reviews.count == 1 ? "" : "s"), last \(Format.date(reviews.max()!)).") }
                    return Event(
                        date: d, end: p.endDate.day, isOpen: p.endDate.day == nil && last == nil, openUntilAtLeast: last,
                        category: .childProtection, title: "Child protection plan", details: details)
                }
            }
        }
        for e in data.claEpisodes where e.child == child {
            let last = data.leftOpen.lastOpenDay(of: e)
            add(e.start) { d in
                var details: [String] = []
                if let ls = CodeWords.legalStatus(e.legalStatus) { details.append("Legal status: \(ls).") }
                if let pl = CodeWords.placement(e.placement) { details.append("Placement: \(pl).") }
                if let r = e.reasonEnded, !r.isEmpty, r != "X1" { details.append("Left care: reason \(r).") }
                let starts = e.reasonNewEpisode == "S"
                return Event(
                    date: d, end: e.end.day, isOpen: e.end.day == nil && last == nil, openUntilAtLeast: last, category: starts ? .care : .placement,
                    title: starts ? "Started to be looked after" : "Care episode: \(episodeWords(e.reasonNewEpisode))", details: details)
            }
        }
        for r in data.claReviews where r.child == child {
            add(r.date) { d in
                Event(
                    date: d, category: .review, title: "Looked-after review",
                    details: r.participationCode.map { ["Participation: \($0)."] } ?? [])
            }
        }
        for m in data.claMissing where m.child == child {
            add(m.start) { d in
                Event(
                    date: d, end: m.end.day, isOpen: m.end.day == nil, category: .missing,
                    title: CodeWords.missingKind(m.kind) + " from placement")
            }
        }
        for m in data.missingEpisodes where m.child == child {
            if let t = m.start.time {
                var details: [String] = []
                if let r = m.returned.time { details.append("Returned \(Format.date(r.day)) at \(time(r)).") }
                if let o = m.rhiOffered.time {
                    let hours = m.returned.time.map { Int((o.minutes - $0.minutes) / 60) }
                    details.append("Return home interview offered \(Format.date(o.day))" + (hours.map { " (\($0) hours after return)." } ?? "."))
                } else if m.returned.time != nil {
                    details.append("No return home interview offered.")
                }
                if let a = m.rhiAccepted { details.append(a ? "Interview accepted." : "Interview declined.") }
                if let c = m.rhiCompleted.time { details.append("Interview completed \(Format.date(c.day)).") }
                events.append(
                    Event(
                        date: t.day, end: m.returned.time?.day, isOpen: m.returned.time == nil, category: .missing,
                        title: (m.kind == "A" ? "Away without authorisation" : "Missing episode"), details: details))
            } else if m.start.isInvalid {
                undated += 1
            }
        }
        for c in data.careLeavers where c.child == child {
            guard let y = c.collectionYear else { continue }
            var details: [String] = []
            if let t = c.inTouch, !t.isEmpty { details.append("In touch: \(t).") }
            if let a = c.activity, !a.isEmpty { details.append("Activity: \(a).") }
            if let a = c.accommodation, !a.isEmpty { details.append("Accommodation: \(a).") }
            events.append(
                Event(
                    date: Period.reportingYear(y).end, category: .careLeaver,
                    title: "Care leaver return \(Format.reportingYear(y))", details: details))
        }
        for s in data.socialWorkerEpisodes where s.child == child {
            let last = data.leftOpen.lastOpenDay(of: s)
            add(s.start) { d in
                Event(
                    date: d, end: s.end.day, isOpen: s.end.day == nil && last == nil, openUntilAtLeast: last, category: .socialWorker,
                    title: "Social worker allocated")
            }
        }
        for a in audits {
            events.append(Event(date: a.date, category: .audit, title: a.title, details: a.grade.map { ["Grade: \($0)."] } ?? ["Not graded yet."]))
        }
        events.sort { ($0.date, $0.category.rawValue, $0.title) > ($1.date, $1.category.rawValue, $1.title) }
        var years: [Year] = []
        for e in events {
            if years.last?.year == e.date.year { years[years.count - 1].events.append(e) } else { years.append(Year(year: e.date.year, events: [e])) }
        }
        return ChildTimeline(child: child, years: years, undatedCount: undated)
    }

    /// How many events in all.
    public var eventCount: Int { years.reduce(0) { $0 + $1.events.count } }

    /// Working days after `start` up to and including `end` (0 when `end` is not after `start`).
    static func workingDays(from start: Day, to end: Day) -> Int {
        guard start < end else { return 0 }
        let calendar = WorkingDayCalendar.england
        return (1...start.days(to: end)).filter { calendar.isWorkingDay(start.adding(days: $0)) }.count
    }

    static func time(_ t: DayTime) -> String { "\(t.hour < 10 ? "0" : "")\(t.hour):\(t.minute < 10 ? "0" : "")\(t.minute)" }

    static func episodeWords(_ rne: String?) -> String {
        switch rne {
        case "P": return "placement changed"
        case "L": return "legal status changed"
        case "T", "B": return "placement and legal status changed"
        case "U": return "legal status changed, same carer"
        case .some(let c) where !c.isEmpty: return "reason \(c)"
        default: return "new episode"
        }
    }

    static func needWords(_ code: String) -> String {
        let words = [
            "N1": "abuse or neglect", "N2": "child's disability", "N3": "parental disability or illness", "N4": "family in acute stress",
            "N5": "family dysfunction", "N6": "socially unacceptable behaviour", "N7": "low income", "N8": "absent parenting",
            "N9": "cases other than children in need", "N0": "not stated",
        ]
        return words[code] ?? "code \(code)"
    }
}

/// Computes an audit round's cohort from case data, on one day `d`.
///
/// A child has an *open case* on `d` when looked after on `d` (an SSDA903 episode, short breaks
/// aside, with `DECOM <= d` and `DEC` blank or after `d`: kind CLA), else on a child protection
/// plan open on `d` (kind CP), else with a CIN episode referred on or before `d`, not closed on or
/// before `d` and not a referral with no further action (kind CIN), else a care leaver on `d`
/// (kind care leaver; `careLeavers(_:on:)`).
///
/// A record an earlier return left open that a later one shows ended before its year (reading
/// rule 2, `CaseData.leftOpen`) is open up to its last open day only.
///
/// The *worker* is the child's social worker episode (SSDA903) open on `d` with the latest start,
/// else the worker of the child's latest supervision session on or before `d`; the *team* is the
/// worker's team in `teamOfWorker` (local data). Without `teamOfWorker`, when the data holds the
/// organisation files, the worker and team are who held the child on `d` (`Organisation`: the
/// allocations, then the social worker episodes), so a team's cohort is its real caseload. Children without a known team are in every cohort
/// except the team cohorts; the returns carry no team, so without local data only the other
/// cohorts can be computed.
public enum AuditCohort {
    /// The cohort of `rule` on `d`, sorted by child id.
    public static func compute(_ rule: CohortRule, data: CaseData, on d: Day, teamOfWorker: [String: String] = [:]) -> [CohortCase] {
        let yearBefore = Period(start: d.adding(years: -1).adding(days: 1), end: d)!
        var cla: [ChildID: CLAEpisode] = [:]
        for e in data.claEpisodes where !e.isShortBreak {
            guard let s = e.start.day, s <= d, isOpen(e.end, data.leftOpen.lastOpenDay(of: e), on: d) else { continue }
            if let best = cla[e.child], let bs = best.start.day, bs > s { continue }
            cla[e.child] = e
        }
        var referrals: [ChildID: [Day]] = [:]
        var plans: [ChildID: [ProtectionPlan]] = [:]
        for ep in data.cinEpisodes {
            if let r = ep.referralDate.day { referrals[ep.child, default: []].append(r) }
            plans[ep.child, default: []] += ep.protectionPlans
        }
        var openCIN: [ChildID: [CINEpisode]] = [:]
        var openCP: [ChildID: ProtectionPlan] = [:]
        for ep in data.cinEpisodes {
            if let r = ep.referralDate.day, r <= d, isOpen(ep.closureDate, data.leftOpen.lastOpenDay(of: ep), on: d), ep.referralNFA != true {
                openCIN[ep.child, default: []].append(ep)
            }
            for p in ep.protectionPlans {
                guard let s = p.startDate.day, s <= d, isOpen(p.endDate, data.leftOpen.lastOpenDay(of: p, in: ep), on: d) else { continue }
                openCP[ep.child] = p
            }
        }
        var missing: Set<ChildID> = []
        for m in data.missingEpisodes where yearBefore.contains(m.start.time?.day) { missing.insert(m.child) }
        for m in data.claMissing where yearBefore.contains(m.start.day) { missing.insert(m.child) }

        let neglectCodes = assessmentFactorGroups.first { $0.id == "neglect" }!.codes
        let daCodes = assessmentFactorGroups.first { $0.id == "da" }!.codes
        func factors(_ c: ChildID) -> Set<String> {
            Set((openCIN[c] ?? []).flatMap { $0.assessments.flatMap(\.factors) })
        }

        var swByChild: [ChildID: [SocialWorkerEpisode]] = [:]
        for e in data.socialWorkerEpisodes { swByChild[e.child, default: []].append(e) }
        var supervisionByChild: [ChildID: [SupervisionSession]] = [:]
        for s in data.supervisions { if let c = s.child { supervisionByChild[c, default: []].append(s) } }

        let leavers = careLeavers(data, on: d)
        let children = Set(cla.keys).union(openCP.keys).union(openCIN.keys).union(leavers)
        let organisation = teamOfWorker.isEmpty && !(data.workers.isEmpty && data.allocations.isEmpty) ? Organisation(data) : nil
        var out: [CohortCase] = []
        for c in children.sorted() {
            let kind: CaseKind = cla[c] != nil ? .cla : openCP[c] != nil ? .cp : openCIN[c] != nil ? .cin : .careLeaver
            var worker = Self.worker(episodes: swByChild[c] ?? [], supervisions: supervisionByChild[c] ?? [], on: d, leftOpen: data.leftOpen)
            var team = worker.flatMap { teamOfWorker[$0] }
            if let organisation {
                let holder = organisation.holder(of: c, on: d)
                if holder.worker != nil { worker = holder.worker; team = holder.team }
            }
            let keep: Bool
            switch rule {
            case .allOpenCases: keep = true
            case .team(let t): keep = team == t
            case .rereferral:
                keep = (openCIN[c] ?? []).contains { ep in
                    guard let r = ep.referralDate.day else { return false }
                    return (referrals[c] ?? []).contains { $0 < r && $0 >= r.adding(years: -1) }
                }
            case .repeatCPPlan:
                if let p = openCP[c], let s = p.startDate.day {
                    keep = (p.numberOfPreviousPlans ?? 0) > 0 || (plans[c] ?? []).contains { ($0.startDate.day.map { $0 < s }) ?? false }
                } else {
                    keep = false
                }
            case .missingEpisode: keep = missing.contains(c)
            case .neglect:
                keep =
                    !factors(c).isDisjoint(with: neglectCodes)
                    || openCP[c].map { $0.initialCategory == "NEG" || $0.latestCategory == "NEG" } ?? false
            case .domesticAbuse: keep = !factors(c).isDisjoint(with: daCodes)
            case .placedWithParents: keep = cla[c]?.placement == "P1"
            }
            if keep { out.append(CohortCase(child: c, caseKind: kind, worker: worker, team: team)) }
        }
        return out
    }

    /// The care leavers on `d`: young people aged 17 to 21 on `d` (from 17th birthday to the day
    /// before the 22nd; date of birth from their OC3 rows, else the SSDA903 header) whose latest
    /// OC3 row of the collection year containing `d`, or of the year before (the return not made
    /// yet), does not say they died or returned home (IN_TOUCH `DIED`, `RHOM`). The caller leaves
    /// out those with another open case.
    public static func careLeavers(_ data: CaseData, on d: Day) -> Set<ChildID> {
        let years = [d.collectionYear, d.collectionYear - 1]
        var latest: [ChildID: CareLeaverRecord] = [:], dob: [ChildID: Day] = [:]
        for r in data.careLeavers {
            if let b = r.birthDate.day { dob[r.child] = b }
            guard let y = r.collectionYear, years.contains(y) else { continue }
            if let best = latest[r.child], (best.collectionYear ?? 0) > y { continue }
            latest[r.child] = r
        }
        var out: Set<ChildID> = []
        for (child, row) in latest {
            guard let b = dob[child] ?? data.claHeaders[child]?.birthDate.day, b.adding(years: 17) <= d, d < b.adding(years: 22) else { continue }
            if row.inTouch == "DIED" || row.inTouch == "RHOM" { continue }
            out.insert(child)
        }
        return out
    }

    /// Whether a record whose end is `end` is open on `d` (having started by then): its end is
    /// after `d`; with no valid end, when left open (`lastOpenDay`) until that day, else when the
    /// end is blank (an invalid end leaves it out).
    static func isOpen(_ end: DateField, _ lastOpenDay: Day?, on d: Day) -> Bool {
        if let e = end.day { return e > d }
        if let last = lastOpenDay { return d <= last }
        return !end.isInvalid
    }

    /// The child's worker on `d`: the open social worker episode with the latest start (one left
    /// open by an earlier return, `leftOpen`, only up to its last open day), else the worker of
    /// the latest supervision session about the child on or before `d`.
    static func worker(
        episodes: [SocialWorkerEpisode], supervisions: [SupervisionSession], on d: Day,
        leftOpen: LeftOpenRecords = LeftOpenRecords()
    ) -> String? {
        var best: (Day, String)?
        for e in episodes {
            guard let s = e.start.day, s <= d, e.end.day.map({ $0 > d }) ?? leftOpen.lastOpenDay(of: e).map({ d <= $0 }) ?? true,
                let w = e.workerID, !w.isEmpty
            else { continue }
            if best == nil || s >= best!.0 { best = (s, w) }
        }
        if let best { return best.1 }
        for s in supervisions {
            guard let day = s.date.day, day <= d, !s.worker.isEmpty else { continue }
            if best == nil || day >= best!.0 { best = (day, s.worker) }
        }
        return best?.1
    }
}

extension AuditCohort {
    /// The workers a supervision audit round can sample on `d`: every worker of a social worker
    /// episode open on `d` (one left open by an earlier return only up to its last open day) or of a supervision session in the 12 months to `d`, limited to
    /// `team` when given (by `teamOfWorker`). Sorted.
    public static func workers(data: CaseData, on d: Day, team: String? = nil, teamOfWorker: [String: String] = [:]) -> [String] {
        // With the organisation files and no mapping given: the workers in the team that day.
        if teamOfWorker.isEmpty, let team, !data.workers.isEmpty {
            return Organisation(data).teams(on: d).first { $0.name == team }?.workers ?? []
        }
        let yearBefore = Period(start: d.adding(years: -1).adding(days: 1), end: d)!
        var out: Set<String> = []
        for e in data.socialWorkerEpisodes {
            guard let s = e.start.day, s <= d, e.end.day.map({ $0 > d }) ?? data.leftOpen.lastOpenDay(of: e).map({ d <= $0 }) ?? true,
                let w = e.workerID, !w.isEmpty
            else { continue }
            out.insert(w)
        }
        for s in data.supervisions where yearBefore.contains(s.date.day) && !s.worker.isEmpty { out.insert(s.worker) }
        return out.filter { w in team.map { teamOfWorker[w] == $0 } ?? true }.sorted()
    }
}

import OversightCore
import OversightFormats

/// A child's records as one collection year's returns hold them: everything that happened by
/// 31 March of the year, dates after it left blank (an episode still open has no `DEC`).
public struct SynthYearView {
    public let child: SynthChild
    public let year: Int
    public let period: Period
    /// The reference date: 31 March of the year.
    public var end: Day { period.end }

    /// The DfE number of the authority (written as `LA_PERM`).
    public let localAuthority: Int

    public init(child: SynthChild, year: Int, localAuthority: Int) {
        self.child = child
        self.localAuthority = localAuthority
        self.year = year
        period = Period.reportingYear(year)
    }

    func uk(_ d: Day?) -> String { d.map(\.uk) ?? "" }
    func known(_ d: Day?) -> Day? { d.flatMap { $0 <= end ? $0 : nil } }

    /// Episodes that start by 31 March and end on or after 1 April (open ones included).
    public var careEpisodes: [SynthChild.CareEpisode] {
        child.careEpisodes.filter { $0.start <= end && ($0.end.map { $0 >= period.start } ?? true) }
    }

    /// The first day of the period of care open on `day` (short breaks ignored), nil when the
    /// child is not looked after then.
    public func periodOfCareStart(openOn day: Day) -> Day? {
        let eps = child.careEpisodes.filter { !$0.isShortBreak }
        guard var i = eps.lastIndex(where: { $0.start <= day && ($0.end.map { $0 > day } ?? true) }) else { return nil }
        while i > 0, eps[i - 1].end == eps[i].start, eps[i].reasonNew != "S" { i -= 1 }
        return eps[i].start
    }

    /// The SSDA903 rows of this child for the year, by table, in `SSDA903Table.columns` order.
    /// Empty when the child is in none of the year's tables.
    public func ssda903Rows() -> [SSDA903Table: [[String]]] {
        let eps = careEpisodes
        let leaverRows = child.careLeaverRows.filter { period.contains(child.birthday($0.birthdayAge)) }
        guard !eps.isEmpty || !leaverRows.isEmpty else { return [:] }
        var out: [SSDA903Table: [[String]]] = [:]
        let dob = child.birthDate.uk
        let lookedAfter = eps.contains { !$0.isShortBreak }
        let sex = year <= 2024 ? (child.isFemale ? "2" : "1") : (child.isFemale ? "F" : "M")
        var mother = "", motherDOB = ""
        if lookedAfter && child.isFemale {
            if let b = child.ownChildBirthDate, b <= end { mother = "1"; motherDOB = b.uk } else { mother = "0" }
        }
        let upn = child.age(on: end) < 5 ? "UN1" : child.upn
        // An episode keeps one URN in every return that restates it (rule 503F).
        func urn(_ e: SynthChild.CareEpisode) -> String { e.urn }
        out[.header] = [[child.id, sex, dob, child.ethnicity, upn, mother, motherDOB]]
        if child.isUASC && child.birthday(18) >= period.start {
            out[.uasc] = [[child.id, sex, dob, child.birthday(18).uk]]
        }
        out[.episodes] = eps.map { e in
            let ended = known(e.end)
            return [
                child.id, e.start.uk, e.reasonNew, e.legalStatus, e.categoryOfNeed, e.placement, e.provider, uk(ended),
                ended == nil ? "" : (e.reasonEnded ?? ""), ended == nil ? "" : (e.reasonPlaceChange ?? ""),
                e.isShortBreak ? "" : e.homePostcode, e.isShortBreak ? "" : e.placementPostcode, urn(e),
            ]
        }
        out[.reviews] = child.reviews.filter { period.contains($0.date) }.map { [child.id, dob, $0.date.uk, $0.code] }
        out[.missing] = child.missing.filter { $0.whileLookedAfter && period.contains($0.start) }.map {
            [child.id, dob, $0.isMissing ? "M" : "A", $0.start.uk, uk(known($0.returned))]
        }
        out[.oc3] = leaverRows.map { [child.id, dob, $0.inTouch, $0.activity, $0.accommodation] }
        // Looked after since 1 April of the year before: 12 months continuously at 31 March.
        if let start = periodOfCareStart(openOn: end), start <= period.start {
            out[.oc2] = [oc2Row(dob: dob)]
        }
        for a in child.adoptions {
            if period.contains(a.adopted) {
                out[.ad1, default: []].append([
                    child.id, dob, a.decision.uk, a.matched.uk, a.byFosterCarer ? "1" : "0",
                    String(a.adopterCount), a.adopterSexes, a.adopterLegalStatus,
                ])
            }
            if a.decision <= end && a.adopted >= period.start && lookedAfter {
                out[.placedAdoption, default: []].append([child.id, dob, a.decision.uk, "", ""])
            }
        }
        // One PrevPerm row a child, when a period of care (or a short break) started in the year.
        if eps.contains(where: { $0.reasonNew == "S" && period.contains($0.start) }) {
            let p = child.previousPermanence.last { period.contains($0.periodStart) }
            if let p, p.code != "Z1" {
                out[.prevPerm] = [[child.id, dob, p.code, SynthCodes.pad(localAuthority, 3), uk(p.date)]]
            } else {
                out[.prevPerm] = [[child.id, dob, "Z1", "", ""]]
            }
        }
        if year >= 2024 && lookedAfter {
            out[.swEpisodes] = socialWorkerRows(dob: dob)
        }
        return out
    }

    /// Social worker episodes while looked after, overlapping the year: each clipped to the
    /// period of care holding it (the DfE collects them from the start of care).
    func socialWorkerRows(dob: String) -> [[String]] {
        var periods: [(start: Day, end: Day?)] = []
        for e in child.careEpisodes where !e.isShortBreak {
            if e.reasonNew == "S" || periods.isEmpty { periods.append((e.start, e.end)) } else { periods[periods.count - 1].end = e.end }
        }
        var rows: [[String]] = []
        for (pi, p) in periods.enumerated() where p.start <= end && (p.end.map { $0 >= period.start } ?? true) {
            let inPeriod = child.socialWorkers.filter { sw in sw.start < (p.end ?? .init(ordinal: .max)) && (sw.end.map { $0 > p.start } ?? true) }
            for (k, sw) in inPeriod.enumerated() {
                let s = max(sw.start, p.start)
                let swEnd = k == inPeriod.count - 1 ? p.end : sw.end
                let e: Day? =
                    switch (swEnd, p.end) {
                    case let (a?, b?): min(a, b)
                    case let (a?, nil): a
                    case let (nil, b?): b
                    case (nil, nil): nil
                    }
                guard s <= end, e.map({ $0 > s && $0 >= period.start }) ?? true else { continue }
                // A child coming back into care starts with a first contact (FCONTA), whatever gap there was.
                let reason = pi > 0 && k == 0 ? "FCONTA" : sw.reason
                rows.append([child.id, dob, sw.workerID, s.uk, uk(known(e)), reason])
            }
        }
        return rows
    }

    /// OC2 (looked after 12 months at 31 March): health checks, and a strengths and difficulties
    /// score for children aged 4 to 16. Values are drawn from the child's id so they are stable.
    func oc2Row(dob: String) -> [String] {
        var rng = SynthRandom(seed: UInt64(child.index), stream: UInt64(year) &* 7919)
        let age = child.age(on: end)
        var sdqScore = "", sdqReason = ""
        if child.birthday(4) <= end && child.birthday(17) >= period.start {
            if rng.chance(0.8) { sdqScore = String(rng.int(0...34)) } else { sdqReason = "SDQ" + String(rng.int(2...5)) }
        }
        let convicted = age >= 10 ? (rng.chance(0.03) ? "1" : "0") : ""
        let healthCheck = age < 5 ? (rng.chance(0.9) ? "1" : "0") : ""
        let flag = { (p: Double, r: inout SynthRandom) in r.chance(p) ? "1" : "0" }
        let immunisations = flag(0.85, &rng), teeth = flag(0.8, &rng), assessment = flag(0.9, &rng)
        let misuse = age >= 11 ? flag(0.04, &rng) : "0"
        var received = "", offered = ""
        if misuse == "1" {
            received = flag(0.6, &rng)
            if received == "0" { offered = flag(0.7, &rng) }
        }
        return [child.id, dob, sdqScore, sdqReason, convicted, healthCheck, immunisations, teeth, assessment, misuse, received, offered]
    }

    /// The CIN census `Child` of this child for the year, nil when no CIN episode overlaps it.
    public func cinChild() -> CINRawChild? {
        let eps = child.cinEpisodes.filter { $0.referral <= end && ($0.closure.map { $0 >= period.start } ?? true) }
        guard !eps.isEmpty else { return nil }
        var ids: [String: String] = ["LAchildID": child.id, "PersonBirthDate": child.birthDate.iso]
        if child.age(on: end) < 5 { ids["UPNunknown"] = "UN1" } else { ids["UPN"] = child.upn }
        if year <= 2024 { ids["GenderCurrent"] = child.isFemale ? "2" : "1" } else { ids["Sex"] = child.isFemale ? "F" : "M" }
        let chars = CINRawBlock(
            line: 0, fields: ["Ethnicity": child.ethnicity],
            lists: ["Disability": child.disabilities.isEmpty ? ["NONE"] : child.disabilities])
        let episodes = eps.map(cinEpisode)
        return CINRawChild(position: 0, identifiers: CINRawBlock(line: 0, fields: ids), characteristics: chars, episodes: episodes)
    }

    func cinEpisode(_ e: SynthChild.CINEpisode) -> CINRawEpisode {
        var d: [String: String] = [
            "CINreferralDate": e.referral.iso, "ReferralSource": e.source, "PrimaryNeedCode": e.primaryNeed,
            "ReferralNFA": e.isNFA ? "1" : "0",
        ]
        if let c = known(e.closure) {
            d["CINclosureDate"] = c.iso
            d["ReasonForClosure"] = e.closureReason ?? ""
        }
        // A census year holds the activity of the year: assessments, conferences and plans that
        // ended before 1 April were in earlier returns.
        let inYear = { (d: Day?) in d.map { $0 >= self.period.start } ?? true }
        let s47s = e.section47s.filter { $0.start <= end && (period.contains($0.start) || inYear($0.icpc) && $0.icpc != nil) }
        let assessments = e.assessments.filter { $0.start <= end && inYear($0.authorised) }.map { a -> CINRawBlock in
            var f = ["AssessmentActualStartDate": a.start.iso]
            var lists: [String: [String]] = [:]
            if let auth = known(a.authorised) {
                f["AssessmentAuthorisationDate"] = auth.iso
                lists["AssessmentFactors"] = a.factors
            }
            return CINRawBlock(line: 0, fields: f, lists: lists)
        }
        let plans = e.cinPlans.filter { $0.start <= end && inYear($0.end) }.map { p -> CINRawBlock in
            var f = ["CINPlanStartDate": p.start.iso]
            if let pe = known(p.end) { f["CINPlanEndDate"] = pe.iso }
            return CINRawBlock(line: 0, fields: f)
        }
        let s47Blocks = s47s.map { s -> CINRawBlock in
            var f = ["S47ActualStartDate": s.start.iso, "InitialCPCtarget": s.icpcTarget.iso]
            if let i = known(s.icpc) { f["DateOfInitialCPC"] = i.iso; f["ICPCnotRequired"] = "0" } else { f["ICPCnotRequired"] = s.icpc == nil ? "1" : "0" }
            return CINRawBlock(line: 0, fields: f)
        }
        let cpps = e.protectionPlans.filter { $0.start <= end && inYear($0.end) }.map { p -> CINRawBlock in
            var f = ["CPPstartDate": p.start.iso, "InitialCategoryOfAbuse": p.initialCategory, "NumberOfPreviousCPP": String(p.previousPlans)]
            if let pe = known(p.end) {
                f["CPPendDate"] = pe.iso; f["LatestCategoryOfAbuse"] = p.latestCategory
            } else {
                f["LatestCategoryOfAbuse"] = p.latestCategory
            }
            let reviews = p.reviews.filter { period.contains($0) }.map(\.iso)
            return CINRawBlock(line: 0, fields: f, lists: reviews.isEmpty ? [:] : ["CPPreviewDate": reviews])
        }
        return CINRawEpisode(
            details: CINRawBlock(line: 0, fields: d), assessments: assessments, cinPlans: plans,
            section47s: s47Blocks, protectionPlans: cpps)
    }
}

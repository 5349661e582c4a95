import Foundation
import OversightCore
import OversightFormats

/// The services around social care for a synthetic authority, coherent with its simulated
/// children: contacts before referrals (and contacts that went no further), early help before
/// some referrals (step-ups) and after some closures (step-downs), care proceedings for children
/// entering care on a care order, special guardians for children leaving care on an SGO, MARAC
/// and ACT pathways for children assessed with domestic abuse or exploitation; and, for the
/// authority, its fostering households, its workers' training and its workforce census returns.
struct SynthServices {
    let options: SynthOptions

    /// Organisations that complete early help assessments, with how often each does.
    static let organisations: [(String, Double)] = [
        ("Early Help Hub (local authority)", 0.42), ("Primary school", 0.2), ("Secondary school", 0.1), ("Health visiting (NHS)", 0.12),
        ("School nurse (NHS)", 0.04), ("Police", 0.03), ("Community charity", 0.09),
    ]

    func organisation(_ rng: inout SynthRandom) -> String {
        var x = rng.unit()
        for (name, p) in Self.organisations {
            if x < p { return name }
            x -= p
        }
        return Self.organisations[0].0
    }

    /// The child's early help episodes as rows of the local early help file, and their contacts
    /// (day, source) with the front door.
    func rows(_ child: SynthChild) -> (earlyHelp: [[String]], contacts: [(Day, String)], proceedings: [[String]], sgo: [[String]], pathways: [[String]]) {
        var rng = SynthRandom(seed: options.seed ^ 0xE4E1, stream: UInt64(child.index))
        let s = options.outputStart, e = options.outputEnd
        var help: [[String]] = [], contacts: [(Day, String)] = [], proceedings: [[String]] = [], sgo: [[String]] = [], pathways: [[String]] = []
        func helpRow(start: Day, factors: [String]) {
            let completed = start.adding(days: rng.int(5...40))
            let closed = completed.adding(days: rng.int(60...300))
            let org = organisation(&rng)
            let lead = rng.chance(0.8) ? org : organisation(&rng)
            var meetings: [String] = []
            var m = completed.adding(days: rng.int(7...30))
            while m < closed && m <= e {
                meetings.append(m.iso)
                m = m.adding(days: rng.int(35...56))
            }
            let gcp = factors.contains("neglect") && rng.chance(0.6) ? completed.adding(days: rng.int(0...20)) : nil
            guard start <= e, closed >= s else { return }
            help.append([
                child.id, start.iso, completed <= e ? completed.iso : "", org, lead, closed <= e ? closed.iso : "",
                closed <= e ? (rng.chance(0.8) ? "needs met" : "stepped up") : "", factors.joined(separator: ";"), meetings.joined(separator: ";"),
                gcp.map { $0 <= e ? $0.iso : "" } ?? "",
            ])
        }
        for ep in child.cinEpisodes {
            let factors = Set(ep.assessments.flatMap(\.factors))
            let words =
                (factors.contains { ["3A", "3B", "3C"].contains($0) } ? ["domestic abuse"] : [])
                + (factors.contains("16A") || ep.primaryNeed == "N1" ? ["neglect"] : [])
            contacts.append((ep.referral.adding(days: -rng.int(0...2)), ep.source))
            if rng.chance(0.25) { helpRow(start: ep.referral.adding(days: -rng.int(40...200)), factors: words) } // step-up
            if let c = ep.closure, ep.protectionPlans.isEmpty, rng.chance(0.3) { // step-down
                helpRow(start: c.adding(days: rng.int(0...25)), factors: words)
            }
            // Exploitation and domestic abuse pathways, from the assessment's factors.
            if let a = ep.assessments.first {
                if factors.contains("11A") || factors.contains("24A"), rng.chance(0.5) {
                    let end: Day? = a.authorised.adding(days: rng.int(90...300))
                    if a.authorised <= e && (end.map { $0 >= s } ?? true) {
                        pathways.append([child.id, "ACT", a.authorised.iso, end.map { $0 <= e ? $0.iso : "" } ?? "", ""])
                    }
                }
                if words.contains("domestic abuse") && rng.chance(0.45) {
                    let end = a.authorised.adding(days: rng.int(30...240))
                    if a.authorised <= e && end >= s {
                        let outcome = end <= e ? (rng.chance(0.62) ? "de-escalated" : "repeat referral") : ""
                        pathways.append([child.id, "MARAC", a.authorised.iso, end <= e ? end.iso : "", outcome])
                    }
                }
            }
            // Care proceedings: a care episode starting on an interim care order during the episode.
            for c in child.careEpisodes
            where c.reasonNew == "S" && ["C1", "C2"].contains(c.legalStatus) && c.start >= ep.referral
                && c.start <= (ep.closure ?? e)
            {
                let issued = c.start.adding(days: -rng.int(0...10))
                if issued >= s && issued <= e {
                    let concluded = issued.adding(days: rng.int(150...400))
                    proceedings.append([child.id, issued.iso, words.joined(separator: ";"), concluded <= e ? concluded.iso : ""])
                }
            }
        }
        // Contacts that went no further: most contacts are not referred on.
        if let first = child.cinEpisodes.first?.referral {
            for _ in 0..<rng.poisson(mean: 1.2) {
                contacts.append((first.adding(days: -rng.int(20...700)), ["1A", "2A", "3A", "5A", "6"][rng.int(0...4)]))
            }
        }
        for c in child.careEpisodes where ["E43", "E44", "E45", "E46", "E47", "E48"].contains(c.reasonEnded ?? "") {
            guard let end = c.end, end <= e else { continue }
            let ended = rng.chance(0.1) ? end.adding(days: rng.int(200...900)) : nil
            if ended.map({ $0 >= s }) ?? true { sgo.append([child.id, end.iso, ended.map { $0 <= e ? $0.iso : "" } ?? ""]) }
        }
        return (help, contacts.filter { $0.0 >= s && $0.0 <= e }, proceedings, sgo, pathways)
    }

    /// Contacts about children never referred (ids `CT` and a number): about twice the
    /// referrals, as most contacts are not referred on.
    func contactsOnly() -> [(child: String, day: Day, source: String)] {
        var rng = SynthRandom(seed: options.seed ^ 0xC0C7, stream: 1)
        var out: [(String, Day, String)] = []
        var n = 0
        for y in options.years {
            for _ in 0..<Int(2000 * options.scale.referralFactor) {
                n += 1
                out.append(("CT\(n)", Period.reportingYear(y).start.adding(days: rng.int(0...364)), ["1A", "2A", "3A", "5A", "6"][rng.int(0...4)]))
            }
        }
        return out
    }

    /// Early help for families never referred to social care (ids `EH` and a number).
    func earlyHelpOnly() -> [[String]] {
        var rows: [[String]] = []
        var rng = SynthRandom(seed: options.seed ^ 0xEA11, stream: 1)
        let s = options.outputStart, e = options.outputEnd
        let perYear = Int(900 * options.scale.referralFactor / 3)
        var n = 0
        for y in options.years {
            for _ in 0..<perYear {
                n += 1
                let start = Period.reportingYear(y).start.adding(days: rng.int(0...364))
                let completed = start.adding(days: rng.int(5...40))
                let closed = completed.adding(days: rng.int(60...300))
                let org = organisation(&rng)
                guard start >= s && start <= e else { continue }
                let da = rng.chance(0.2)
                var meetings: [String] = []
                var m = completed.adding(days: rng.int(7...30))
                while m < closed && m <= e {
                    meetings.append(m.iso)
                    m = m.adding(days: rng.int(35...56))
                }
                rows.append([
                    "EH\(n)", start.iso, completed <= e ? completed.iso : "", org, rng.chance(0.85) ? org : organisation(&rng),
                    closed <= e ? closed.iso : "", closed <= e ? "needs met" : "", da ? "domestic abuse" : (rng.chance(0.2) ? "neglect" : ""),
                    meetings.joined(separator: ";"), !da && rng.chance(0.1) && completed <= e ? completed.iso : "",
                ])
            }
        }
        return rows
    }

    /// Children living with special guardians under orders made before the written years (ids
    /// `SG` and a number): the support list carries them as well as those leaving care now.
    func earlierSpecialGuardianships() -> [[String]] {
        var rng = SynthRandom(seed: options.seed ^ 0x5C0, stream: 1)
        let s = options.outputStart, e = options.outputEnd
        var rows: [[String]] = []
        for n in 1...max(1, Int(150 * options.scale.careFactor * options.scale.referralFactor)) {
            let made = s.adding(days: -rng.int(30...3600))
            let ended = made.adding(days: rng.int(400...5000))
            if ended < s { continue }
            rows.append(["SG\(n)", made.iso, ended <= e ? ended.iso : ""])
        }
        return rows
    }

    /// The authority's fostering households: those approved before the written years, and about
    /// 14 a year recruited and 11 deregistered since.
    func fosteringRows() -> [[String]] {
        var rng = SynthRandom(seed: options.seed ^ 0xF057, stream: 1)
        let factor = options.scale.careFactor * max(1, options.scale.referralFactor)
        let start = options.outputStart, e = options.outputEnd
        var rows: [[String]] = []
        var n = 0
        func household(approved: Day) {
            n += 1
            let tenure = rng.days(mean: 365 * 8, minimum: 200)
            let dereg = approved.adding(days: tenure)
            let type = ["mainstream", "mainstream", "mainstream", "connected", "short-break", "specialist"][rng.int(0...5)]
            rows.append(["FH\(n)", approved.iso, dereg <= e ? dereg.iso : "", String(type == "connected" ? 1 : rng.int(1...3)), type])
        }
        for _ in 0..<Int(110 * factor) { household(approved: start.adding(days: -rng.int(30...4000))) }
        for y in options.years {
            for _ in 0..<max(1, Int((14 + Double(rng.int(-3...4))) * factor)) {
                household(approved: Period.reportingYear(y).start.adding(days: rng.int(0...364)))
            }
        }
        return rows.filter { ($0[2].isEmpty || $0[2] >= start.iso) && $0[1] <= e.iso }
    }

    /// Workers' completions of the Restorative Relational Practice programme and other courses.
    func trainingRows(_ workers: [SynthWorkforce.Worker]) -> [[String]] {
        var rows: [[String]] = []
        let s = options.outputStart, e = options.outputEnd
        for w in workers where w.end >= s && w.start <= e {
            var rng = SynthRandom(seed: options.seed ^ 0x7EA1, stream: UInt64(truncatingIfNeeded: w.id.hashValueStable))
            if rng.chance(0.78) {
                let d = max(w.start, s).adding(days: rng.int(30...500))
                if d <= e && d < w.end { rows.append([w.id, "RRP", d.iso]) }
            }
            if rng.chance(0.5) {
                let d = max(w.start, s).adding(days: rng.int(10...700))
                if d <= e && d < w.end { rows.append([w.id, "Graded Care Profile 2", d.iso]) }
            }
        }
        return rows
    }

    /// The workforce census return of 30 September `year`, as XML.
    func workforceCensus(year: Int, workers: [SynthWorkforce.Worker], organisation: SynthOrganisation) -> String {
        let census = Day(year: year, month: 9, day: 30)!
        var rng = SynthRandom(seed: options.seed ^ 0xC5A0, stream: UInt64(year))
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Message>
              <Header>
                <CollectionDetails><Collection>CSWW</Collection><Year>\(year)</Year><ReferenceDate>\(census.iso)</ReferenceDate></CollectionDetails>
                <Source><SourceLevel>L</SourceLevel><LEA>\(SynthCodes.pad(options.localAuthority, 3))</LEA><SoftwareCode>oversight synth</SoftwareCode></Source>
              </Header>

            """
        var inPost = 0.0
        var body = ""
        for w in workers where w.start <= census && w.end > census.adding(years: -1) {
            var wr = SynthRandom(seed: options.seed ^ 0x40C5, stream: UInt64(truncatingIfNeeded: w.id.hashValueStable))
            let fte = wr.chance(0.2) ? 0.8 : 1.0
            let agency = wr.chance(0.13)
            let left = w.end <= census
            if !left && !agency { inPost += fte }
            let role = ["3", "4", "5", "5", "5", "5", "6"][wr.int(0...6)]
            let cases = !left && role == "5" ? wr.int(8...24) : 0
            body += "  <CSWWWorker>\n    <AgencyWorker>\(agency ? 1 : 0)</AgencyWorker>\n    <SWENo>\(w.id)</SWENo>\n    <FTE>\(fte)</FTE>\n"
            body += "    <OrgRole>\(role)</OrgRole>\n    <RoleStartDate>\(w.start.iso)</RoleStartDate>\n"
            if left { body += "    <RoleEndDate>\(w.end.adding(days: -1).iso)</RoleEndDate>\n    <ReasonLeave>\(wr.int(1...9))</ReasonLeave>\n" }
            if !left { body += "    <FTE30>\(fte)</FTE30>\n    <Cases30>\(cases)</Cases30>\n" }
            body += "    <WorkingDaysLost>\(wr.int(0...20))</WorkingDaysLost>\n  </CSWWWorker>\n"
        }
        let vacancies = (inPost * (0.08 + 0.1 * rng.unit()) * 10).rounded() / 10
        xml += "  <LALevelVacancies>\n    <NumberOfVacancies>\(vacancies)</NumberOfVacancies>\n"
        xml +=
            "    <NoAgencyFTE>\((vacancies * 0.7 * 10).rounded() / 10)</NoAgencyFTE>\n    <NoAgencyHeadcount>\(Int(vacancies * 0.75))</NoAgencyHeadcount>\n  </LALevelVacancies>\n"
        return xml + body + "</Message>\n"
    }
}

/// Ofsted's ILACS Annex A workbook for the last written year (1 April to 31 March), all eleven
/// lists, built child by child from the same simulated lives as the returns.
struct SynthAnnexA {
    let period: Period
    var rows: [AnnexAList: [[String: String]]] = [:]

    init(year: Int) { period = .reportingYear(year) }

    /// Adds the child's rows: contacts and early help (from `services`), referrals, assessments,
    /// section 47 enquiries, children in need, plans, care, care leaving and adoption in the year.
    /// Adds a contact about a child who is in no return (no other list names them).
    mutating func addContact(child: String, day: Day, source: String) {
        guard period.contains(day) else { return }
        rows[.list1, default: []].append(["child_id": child, "contact_date": day.iso, "contact_source": source])
    }

    /// Adds an early help assessment of a family in no return (a row of the early help file).
    mutating func addEarlyHelp(_ h: [String]) {
        guard let start = Day.parseISO(h[1]), period.contains(start) else { return }
        rows[.list2, default: []].append([
            "child_id": h[0], "assessment_start_date": h[1], "assessment_completion_date": h[2], "assessment_organisation": h[3],
        ])
    }

    mutating func add(_ child: SynthChild, contacts: [(Day, String)], earlyHelp: [[String]], missingInYear: Int, lastRHI: (Bool, Bool)?) {
        let p = period
        func base(_ disability: Bool = false) -> [String: String] {
            var r = [
                "child_id": child.id, "gender": child.isFemale ? "b) Female" : "a) Male", "ethnicity": child.ethnicity,
                "date_of_birth": child.birthDate.iso, "age": String(max(0, child.age(on: p.end))),
            ]
            if disability { r["disability"] = child.disabilities.isEmpty ? "b) No" : "a) Yes" }
            return r
        }
        func add(_ list: AnnexAList, _ values: [String: String], disability: Bool = false) {
            rows[list, default: []].append(base(disability).merging(values) { $1 })
        }
        for (d, source) in contacts where p.contains(d) { add(.list1, ["contact_date": d.iso, "contact_source": source]) }
        for h in earlyHelp {
            guard let start = Day.parseISO(h[1]), p.contains(start) else { continue }
            add(.list2, ["assessment_start_date": h[1], "assessment_completion_date": h[2], "assessment_organisation": h[3]])
        }
        for ep in child.cinEpisodes {
            if p.contains(ep.referral) {
                add(.list3, ["referral_date": ep.referral.iso, "referral_source": ep.source, "referral_nfa": ep.isNFA ? "a) Yes" : "b) No"])
            }
            for a in ep.assessments where p.contains(a.start) {
                add(.list4, ["assessment_start_date": a.start.iso, "assessment_authorisation_date": a.authorised <= p.end ? a.authorised.iso : ""], disability: true)
            }
            for s in ep.section47s where p.contains(s.start) {
                add(.list5, ["s47_start_date": s.start.iso, "icpc_date": s.icpc.map { $0 <= p.end ? $0.iso : "" } ?? ""], disability: true)
            }
            if !ep.isNFA, ep.referral <= p.end, ep.closure.map({ $0 >= p.start }) ?? true {
                let closure = ep.closure.flatMap { $0 <= p.end ? $0 : nil }
                add(
                    .list6,
                    [
                        "cin_start_date": ep.referral.iso, "primary_need_code": ep.primaryNeed, "cin_closure_date": closure?.iso ?? "",
                        "closure_reason": closure != nil ? (ep.closureReason ?? "") : "", "case_status": closure == nil ? "Open" : "Closed",
                    ], disability: true)
            }
            for plan in ep.protectionPlans where plan.start <= p.end && (plan.end.map { $0 >= p.start } ?? true) {
                let end = plan.end.flatMap { $0 <= p.end ? $0 : nil }
                add(
                    .list7,
                    [
                        "cpp_start_date": plan.start.iso, "initial_category": plan.initialCategory, "latest_category": plan.latestCategory,
                        "cpp_end_date": end?.iso ?? "", "previous_plans": String(plan.previousPlans),
                    ], disability: true)
            }
        }
        // Children looked after: one row for the latest period of care open in the year.
        let open = child.careEpisodes.filter { $0.start <= p.end && ($0.end.map { $0 >= p.start } ?? true) }
        if let last = open.last {
            var first = last
            for c in child.careEpisodes.reversed() where c.start <= last.start {
                first = c
                if c.reasonNew == "S" { break }
            }
            let end = last.end.flatMap { $0 <= p.end ? $0 : nil }
            var values = [
                "cla_start_date": first.start.iso, "legal_status": last.legalStatus, "category_of_need": last.categoryOfNeed,
                "placement_start_date": last.start.iso, "placement_type": last.placement, "placement_provider": last.provider,
                "cla_end_date": end?.iso ?? "", "reason_ceased": end != nil ? (last.reasonEnded ?? "") : "",
                "missing_episodes_12m": String(missingInYear), "uasc": child.isUASC ? "a) Yes" : "b) No",
            ]
            if let (offered, accepted) = lastRHI {
                values["rhi_offered"] = offered ? "a) Yes" : "b) No"
                values["rhi_accepted"] = offered ? (accepted ? "a) Yes" : "b) No") : ""
            }
            add(.list8, values)
        }
        for r in child.careLeaverRows {
            let birthday = child.birthday(r.birthdayAge)
            guard p.contains(birthday) else { continue }
            add(
                .list9,
                ["in_touch": r.inTouch, "activity": r.activity, "accommodation_type": r.accommodation, "uasc": child.isUASC ? "a) Yes" : "b) No"])
        }
        for a in child.adoptions where a.decision <= p.end && a.adopted >= p.start {
            var v = [
                "child_id": child.id, "gender": child.isFemale ? "b) Female" : "a) Male", "date_of_birth": child.birthDate.iso,
                "adoption_decision_date": a.decision.iso,
            ]
            if a.matched <= p.end { v["matching_date"] = a.matched.iso }
            if a.placed <= p.end { v["placed_for_adoption_date"] = a.placed.iso }
            if a.adopted <= p.end { v["adoption_order_date"] = a.adopted.iso }
            rows[.list10, default: []].append(v)
            if p.contains(a.adopted) {
                rows[.list11, default: []].append([
                    "adopter_id": "AD\(child.index)", "children_placed": "1", "adoption_order_date": a.adopted.iso,
                ])
            }
        }
    }

    func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AnnexAWriter(rows: rows).write(to: url)
    }
}

import Foundation

/// Contacts with the front door and early help (Annex A Lists 1 and 2, or the local early help
/// file), joined with the CIN census by child for step-up and step-down. docs/measures.md
/// defines each, with worked examples.
extension Measures {
    /// `contacts`: contacts dated in the period.
    public static let contacts = Measure(
        "contacts", .count, .none, "Contacts with the front door", reads: [.contacts],
        result: { e, period, p in e.service(.earlyHelp, e.data.hasContacts, "contacts", .count, period) { e.contacts(period, p) } }, series: nil)

    /// `contacts_to_referral_pct`: of the contacts in the period, those followed by a referral of
    /// the child (a CIN episode) on the contact's day or in the 7 days after.
    public static let contactsToReferralPct = Measure(
        "contacts_to_referral_pct", .percent, .none, "Contacts that became referrals", reads: [.contacts, .cin], source: .earlyHelp,
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasContacts, "contacts_to_referral_pct", .percent, period) { e.contactsToReferral(period, p) }
        }, series: nil)

    /// `eha_started`: early help assessments started in the period.
    public static let ehaStarted = Measure(
        "eha_started", .count, .none, "Early help assessments started", reads: [.earlyHelp],
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "eha_started", .count, period) { e.earlyHelpDated(period, p) { $0.start } }
        }, series: nil)

    /// `eha_completed`: early help assessments completed in the period.
    public static let ehaCompleted = Measure(
        "eha_completed", .count, .none, "Early help assessments completed", reads: [.earlyHelp],
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "eha_completed", .count, period) { e.earlyHelpDated(period, p) { $0.completed } }
        }, series: nil)

    /// `eha_completed_partner_pct`: of the assessments completed in the period by a known
    /// organisation, those completed by a partner agency (any but the local authority).
    public static let ehaCompletedPartnerPct = Measure(
        "eha_completed_partner_pct", .percent, .high, "Early help assessments completed by partner agencies", reads: [.earlyHelp],
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "eha_completed_partner_pct", .percent, period) { e.completedByPartner(period, p) }
        }, series: nil)

    /// `eha_completed_by_<kind>`: assessments completed in the period by each kind of organisation.
    static let ehaCompletedBy: [Measure] = OrganisationKind.allCases.map { kind in
        let id = "eha_completed_by_\(kind.rawValue)"
        return Measure(
            MeasureID(id), .count, .none, "Early help assessments completed by \(kind.words)", reads: [.earlyHelp],
            result: { e, period, p in
                e.service(.earlyHelp, e.data.hasEarlyHelp, id, .count, period) {
                    e.earlyHelpDated(period, p, where: { OrganisationKind.classify($0.organisation) == kind }) { $0.completed }
                }
            }, series: nil)
    }

    /// `early_help_partner_led_pct`: of the children with early help open on some day of the
    /// period and a known lead agency, those whose support a partner agency leads.
    public static let earlyHelpPartnerLedPct = Measure(
        "early_help_partner_led_pct", .percent, .high, "Families in early help supported by partner agencies", reads: [.earlyHelp],
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "early_help_partner_led_pct", .percent, period) { e.partnerLed(period, p) }
        }, series: nil)

    /// `step_ups`: referrals in the period of children in early help on the referral's day, or
    /// whose early help closed in the 30 days before it.
    public static let stepUps = Measure(
        "step_ups", .count, .none, "Step-ups from early help to social care", reads: [.earlyHelp, .cin], source: .earlyHelp,
        result: { e, period, p in e.service(.earlyHelp, e.data.hasEarlyHelp, "step_ups", .count, period) { e.stepUps(period, p) } },
        series: nil)

    /// `step_downs`: children in need episodes closed in the period followed by an early help
    /// assessment started on the closure's day or in the 30 days after.
    public static let stepDowns = Measure(
        "step_downs", .count, .none, "Step-downs from social care to early help", reads: [.earlyHelp, .cin], source: .earlyHelp,
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "step_downs", .count, period) { e.stepDowns(period, p, rereferred: false) }
        }, series: nil)

    /// `rereferrals_after_step_down_pct`: of the step-downs in the period, those where the child
    /// was referred again within 12 months of the closure.
    public static let rereferralsAfterStepDownPct = Measure(
        "rereferrals_after_step_down_pct", .percent, .low, "Re-referrals within 12 months of a step-down", reads: [.earlyHelp, .cin],
        source: .earlyHelp,
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "rereferrals_after_step_down_pct", .percent, period) {
                e.stepDowns(period, p, rereferred: true)
            }
        }, series: nil)

    /// `eh_da_assessments_meetings`: for early help where domestic abuse is a factor, the
    /// assessments completed in the period and the team around the family meetings held in it.
    public static let ehDAAssessmentsMeetings = Measure(
        "eh_da_assessments_meetings", .count, .high, "Early help assessments and TAF meetings where domestic abuse is a factor",
        reads: [.earlyHelp],
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "eh_da_assessments_meetings", .count, period) { e.domesticAbuseWork(period, p) }
        }, series: nil)

    /// `gcp2_partner_completed`: Graded Care Profile 2 assessments completed in the period in
    /// early help whose assessment a partner agency completed.
    public static let gcp2PartnerCompleted = Measure(
        "gcp2_partner_completed", .count, .high, "Graded care profiles completed by partner agencies", reads: [.earlyHelp],
        result: { e, period, p in
            e.service(.earlyHelp, e.data.hasEarlyHelp, "gcp2_partner_completed", .count, period) {
                e.earlyHelpDated(period, p, where: { OrganisationKind.classify($0.organisation)?.isPartner == true }) { $0.gcp2Completed }
            }
        }, series: nil)

    /// The early help and front door measures, in the order docs/measures.md gives them.
    static let earlyHelpMeasures: [Measure] =
        [contacts, contactsToReferralPct, ehaStarted, ehaCompleted, ehaCompletedPartnerPct] + ehaCompletedBy
        + [earlyHelpPartnerLedPct, stepUps, stepDowns, rereferralsAfterStepDownPct, ehDAAssessmentsMeetings, gcp2PartnerCompleted]
}

/// The kind of organisation that completed an early help assessment or leads a family's support,
/// read from the name as written (docs/measures.md lists the words).
public enum OrganisationKind: String, CaseIterable, Sendable {
    case localAuthority = "local_authority"
    case education
    case health
    case police
    case voluntary
    case other

    /// How a list names it.
    public var words: String {
        switch self {
        case .localAuthority: "the local authority"
        case .education: "schools and education"
        case .health: "health"
        case .police: "the police"
        case .voluntary: "the voluntary sector"
        case .other: "other organisations"
        }
    }

    /// Whether it is a partner agency: any organisation but the local authority.
    public var isPartner: Bool { self != .localAuthority }

    /// The kind of the organisation named `text`: the first of education, health, police,
    /// voluntary and local authority whose words it holds, else other; nil when blank.
    public static func classify(_ text: String?) -> OrganisationKind? {
        guard let text else { return nil }
        classified.lock()
        if let known = classifiedNames[text] {
            classified.unlock()
            return known
        }
        classified.unlock()
        let kind = read(text)
        classified.lock()
        if classifiedNames.count < 100_000 { classifiedNames[text] = kind }
        classified.unlock()
        return kind
    }

    /// Names already read (a file names a few organisations many times), under `classified`.
    nonisolated(unsafe) private static var classifiedNames: [String: OrganisationKind?] = [:]
    private static let classified = NSLock()

    /// `classify`, reading the words.
    static func read(_ text: String) -> OrganisationKind? {
        guard !text.trimmed.isEmpty else { return nil }
        let t = " " + text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        func has(_ words: [String]) -> Bool { words.contains { t.contains($0) } }
        if has(["school", "academy", "college", "nursery", "education", " pru "]) { return .education }
        if has(["health", " nhs ", " gp ", "midwi", "nurse", "hospital", "camhs", "surgery"]) { return .health }
        if has(["police"]) { return .police }
        if has(["voluntary", "charity", "community", " vcs", "third sector", "vcfse"]) { return .voluntary }
        if has(["local authority", "council", "early help", "social care", "children s services", " la ", "family support", "targeted"]) {
            return .localAuthority
        }
        return .other
    }
}

/// Factors as written in a local file (free words or CIN census factor codes).
enum FactorWords {
    /// Domestic abuse: CIN codes 3A, 3B, 3C, or words naming domestic abuse or violence.
    static func isDomesticAbuse(_ f: String) -> Bool {
        let t = f.trimmed.lowercased()
        return ["3a", "3b", "3c", "da"].contains(t) || t.contains("domestic")
    }

    /// Neglect: CIN code 16A, or the word.
    static func isNeglect(_ f: String) -> Bool {
        let t = f.trimmed.lowercased()
        return t == "16a" || t.contains("neglect")
    }
}

extension MeasureEngine {
    /// The result of a measure of a local or Annex A list: nil-valued, with the source's
    /// coverage warning (added by `compute`), when none of its files was loaded; else `tally`'s.
    func service(
        _ source: MeasureSource, _ loaded: Bool, _ id: String, _ unit: MeasureUnit, _ period: Period, _ tally: () -> Tally
    ) -> MeasureResult? {
        guard loaded else {
            let none = coverageWarnings(source, period).isEmpty ? ["none of the files this measure reads was loaded"] : []
            return MeasureResult(id: id, unit: unit, period: period, numerator: nil, denominator: nil, value: nil, warnings: none)
        }
        let t = tally()
        return unit == .percent ? t.percent(id, period) : t.count(id, period)
    }

    fileprivate func contacts(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for c in data.services.contacts {
            if c.date.isInvalid { invalid += 1; continue }
            if period.contains(c.date.day) { t.countOnly(Self.contactRecord(c)) }
        }
        t.warn(invalid, "contacts with an invalid date were left out")
        return t
    }

    /// Each child's referral days (CIN episodes' valid referral dates), sorted.
    fileprivate func referralDays() -> [ChildID: [Day]] {
        var out: [ChildID: [Day]] = [:]
        for e in data.cinEpisodes { if let d = e.referralDate.day { out[e.child, default: []].append(d) } }
        for k in out.keys { out[k]!.sort() }
        return out
    }

    fileprivate func contactsToReferral(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        let referrals = referralDays()
        var invalid = 0
        for c in data.services.contacts {
            if c.date.isInvalid { invalid += 1; continue }
            guard let d = c.date.day, period.contains(d) else { continue }
            let became = referrals[c.child]?.contains { $0 >= d && $0 <= d.adding(days: 7) } ?? false
            t.count(became, Self.contactRecord(c))
        }
        t.warn(invalid, "contacts with an invalid date were left out")
        return t
    }

    /// Early help episodes whose `date` falls in the period (those `filter` takes).
    fileprivate func earlyHelpDated(
        _ period: Period, _ p: MeasureParameters, where filter: (EarlyHelpEpisode) -> Bool = { _ in true },
        _ date: (EarlyHelpEpisode) -> DateField
    ) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for e in data.services.earlyHelp where filter(e) {
            let d = date(e)
            if d.isInvalid { invalid += 1; continue }
            if period.contains(d.day) { t.countOnly(Self.earlyHelpRecord(e)) }
        }
        t.warn(invalid, "early help records with an invalid date were left out")
        return t
    }

    fileprivate func completedByPartner(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0, unknown = 0
        for e in data.services.earlyHelp {
            if e.completed.isInvalid { invalid += 1; continue }
            guard period.contains(e.completed.day) else { continue }
            guard let kind = OrganisationKind.classify(e.organisation) else { unknown += 1; continue }
            t.count(kind.isPartner, Self.earlyHelpRecord(e))
        }
        t.warn(invalid, "early help records with an invalid completion date were left out")
        t.warn(unknown, "assessments completed with no organisation given were left out")
        return t
    }

    /// Whether the episode is open on some day of `period`: started by its end (a valid start),
    /// not closed before its start.
    fileprivate static func isOpen(_ e: EarlyHelpEpisode, during period: Period) -> Bool {
        guard let s = e.start.day, s <= period.end, !e.closed.isInvalid else { return false }
        return e.closed.day.map { $0 >= period.start } ?? true
    }

    fileprivate func partnerLed(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var latest: [ChildID: EarlyHelpEpisode] = [:]
        var invalid = 0
        for e in data.services.earlyHelp {
            if e.start.isInvalid || e.closed.isInvalid { invalid += 1; continue }
            guard Self.isOpen(e, during: period) else { continue }
            if let o = latest[e.child], let a = o.start.day, let b = e.start.day, a > b { continue }
            latest[e.child] = e
        }
        var unknown = 0
        for (_, e) in latest.sorted(by: { $0.key < $1.key }) {
            guard let kind = OrganisationKind.classify(e.leadAgency ?? e.organisation) else { unknown += 1; continue }
            t.count(kind.isPartner, Self.earlyHelpRecord(e))
        }
        t.warn(invalid, "early help records with an invalid date were left out")
        t.warn(unknown, "children whose early help names no lead agency or organisation were left out")
        return t
    }

    fileprivate func stepUps(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var help: [ChildID: [EarlyHelpEpisode]] = [:]
        for e in data.services.earlyHelp where e.start.day != nil && !e.closed.isInvalid { help[e.child, default: []].append(e) }
        var invalid = 0
        for c in data.cinEpisodes {
            if c.referralDate.isInvalid { invalid += 1; continue }
            guard let r = c.referralDate.day, period.contains(r) else { continue }
            let stepped =
                help[c.child]?.contains { e in
                    e.start.day! <= r && (e.closed.day.map { $0 >= r.adding(days: -30) } ?? true)
                } ?? false
            if stepped { t.countOnly(referralRecord(c)) }
        }
        t.warn(invalid, "referrals with an invalid date were left out")
        return t
    }

    fileprivate func stepDowns(_ period: Period, _ p: MeasureParameters, rereferred: Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var starts: [ChildID: [Day]] = [:]
        for e in data.services.earlyHelp { if let s = e.start.day { starts[e.child, default: []].append(s) } }
        let referrals = rereferred ? referralDays() : [:]
        var invalid = 0
        for c in data.cinEpisodes {
            if c.closureDate.isInvalid { invalid += 1; continue }
            guard let closed = c.closureDate.day, period.contains(closed) else { continue }
            guard starts[c.child]?.contains(where: { $0 >= closed && $0 <= closed.adding(days: 30) }) == true else { continue }
            if rereferred {
                let again = referrals[c.child]?.contains { $0 > closed && $0 <= closed.adding(years: 1) } ?? false
                t.count(again, referralRecord(c))
            } else {
                t.countOnly(referralRecord(c))
            }
        }
        t.warn(invalid, "children in need episodes with an invalid closure date were left out")
        return t
    }

    fileprivate func domesticAbuseWork(_ period: Period, _ p: MeasureParameters) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var invalid = 0
        for e in data.services.earlyHelp where e.factors.contains(where: FactorWords.isDomesticAbuse) {
            if e.completed.isInvalid { invalid += 1 } else if period.contains(e.completed.day) { t.countOnly(Self.earlyHelpRecord(e)) }
            for m in e.tafMeetings {
                if m.isInvalid { invalid += 1; continue }
                if let d = m.day, period.contains(d) {
                    t.countOnly(DrillRecord(child: e.child.rawValue, kind: "taf_meeting", key: d.iso, start: d, origin: e.origin))
                }
            }
        }
        t.warn(invalid, "early help dates that are not dates were left out")
        return t
    }

    static func contactRecord(_ c: Contact) -> DrillRecord {
        DrillRecord(child: c.child.rawValue, kind: "contact", key: c.date.day?.iso ?? "", start: c.date.day, origin: c.origin)
    }

    static func earlyHelpRecord(_ e: EarlyHelpEpisode) -> DrillRecord {
        DrillRecord(child: e.child.rawValue, kind: "early_help", key: e.start.day?.iso ?? "", start: e.start.day, end: e.closed.day, origin: e.origin)
    }
}

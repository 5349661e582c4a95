import OversightCore

/// One synthetic child's whole simulated history: identity, children-in-need (CIN) episodes,
/// episodes of care (children looked after, CLA), reviews, missing episodes, social worker
/// episodes and, for care leavers, their circumstances around their 19th to 21st birthdays.
///
/// Dates may run past the last written collection year; the writers cut every record at each
/// return's reference date (31 March), as a return made on that date would.
public struct SynthChild: Sendable {
    /// Position in the generation order; with the seed it determines the child's history.
    public var index: Int
    /// `LAchildID` / `CHILD`, e.g. `C000123`.
    public var id: String
    /// Unique pupil number (13 characters, valid check letter).
    public var upn: String
    public var birthDate: Day
    /// True for female, false for male.
    public var isFemale: Bool
    /// SSDA903 / CIN ethnicity code (WBRI, ...).
    public var ethnicity: String
    /// CIN disability codes (empty: none recorded).
    public var disabilities: [String]
    /// Arrived as an unaccompanied asylum-seeking child.
    public var isUASC: Bool
    /// The family home's postcode.
    public var homePostcode: String
    public var cinEpisodes: [CINEpisode] = []
    /// SSDA903 episodes in date order, short breaks included.
    public var careEpisodes: [CareEpisode] = []
    public var reviews: [Review] = []
    public var missing: [MissingEpisode] = []
    public var socialWorkers: [SocialWorkerEpisode] = []
    public var adoptions: [Adoption] = []
    /// Previous permanence recorded for each period of care.
    public var previousPermanence: [PreviousPermanence] = []
    /// OC3 rows keyed by the birthday they describe.
    public var careLeaverRows: [CareLeaverRow] = []
    /// Date of birth of the child's own first child (young mothers in care).
    public var ownChildBirthDate: Day?

    /// The day the child turns `years` (29 February -> 28 February).
    public func birthday(_ years: Int) -> Day { birthDate.adding(years: years) }

    /// Age in whole years on `day`.
    public func age(on day: Day) -> Int {
        var a = day.year - birthDate.year
        if birthDate.adding(years: a) > day { a -= 1 }
        return a
    }

    /// A referral and everything inside it (one `CINdetails` block).
    public struct CINEpisode: Sendable {
        public var referral: Day
        public var source: String
        public var primaryNeed: String
        public var isNFA: Bool
        public var closure: Day?
        public var closureReason: String?
        public var assessments: [Assessment] = []
        public var cinPlans: [DateSpan] = []
        public var section47s: [Section47] = []
        public var protectionPlans: [ProtectionPlan] = []
    }

    /// A child and family assessment.
    public struct Assessment: Sendable {
        public var start: Day
        public var authorised: Day
        public var factors: [String]
    }

    /// A section 47 enquiry and its initial child protection conference (ICPC).
    public struct Section47: Sendable {
        public var start: Day
        public var icpcTarget: Day
        /// The conference date; nil when no conference was needed.
        public var icpc: Day?
    }

    /// A child protection plan.
    public struct ProtectionPlan: Sendable {
        public var start: Day
        public var end: Day?
        public var initialCategory: String
        public var latestCategory: String
        public var previousPlans: Int
        public var reviews: [Day]
    }

    /// A span of days [start, end); end nil while open.
    public struct DateSpan: Sendable {
        public var start: Day
        public var end: Day?
    }

    /// One SSDA903 episode of care.
    public struct CareEpisode: Sendable {
        public var start: Day
        public var reasonNew: String
        public var legalStatus: String
        public var categoryOfNeed: String
        public var placement: String
        public var provider: String
        public var end: Day?
        public var reasonEnded: String?
        public var reasonPlaceChange: String?
        public var homePostcode: String
        public var placementPostcode: String
        public var urn: String
        /// Legal status V3 or V4.
        public var isShortBreak: Bool { legalStatus == "V3" || legalStatus == "V4" }
    }

    /// A looked-after review.
    public struct Review: Sendable {
        public var date: Day
        public var code: String
    }

    /// A period missing (M) or away without authorisation (A), with its return home interview.
    public struct MissingEpisode: Sendable {
        public var isMissing: Bool
        public var start: Day
        /// Minutes after midnight on `start`.
        public var startMinute: Int
        public var returned: Day
        /// Minutes after midnight on `returned`.
        public var returnedMinute: Int
        /// Looked after when it started (such episodes go in the SSDA903 Missing table too).
        public var whileLookedAfter: Bool
        public var rhiOffered: (day: Day, minute: Int)?
        public var rhiAccepted: Bool?
        public var rhiCompleted: (day: Day, minute: Int)?
    }

    /// A social worker allocated to the child.
    public struct SocialWorkerEpisode: Sendable {
        public var workerID: String
        public var start: Day
        public var end: Day?
        public var reason: String
    }

    /// An adoption: the AD1 and PlacedAdoption facts.
    public struct Adoption: Sendable {
        /// Decision that the child should be placed for adoption (`DATE_INT`, `DATE_PLACED`).
        public var decision: Day
        public var matched: Day
        public var placed: Day
        public var adopted: Day
        public var byFosterCarer: Bool
        public var adopterCount: Int
        public var adopterSexes: String
        public var adopterLegalStatus: String
    }

    /// `PrevPerm` for a period of care starting on `periodStart`.
    public struct PreviousPermanence: Sendable {
        public var periodStart: Day
        public var code: String
        public var date: Day?
    }

    /// An OC3 row for the birthday `birthdayAge` (19, 20 or 21).
    public struct CareLeaverRow: Sendable {
        public var birthdayAge: Int
        public var inTouch: String
        public var activity: String
        public var accommodation: String
    }
}

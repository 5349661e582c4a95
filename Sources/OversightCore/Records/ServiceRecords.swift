/// Records of the services around social care that the statutory CIN and SSDA903 returns do not
/// carry: the front door's contacts and early help (Ofsted's Annex A Lists 1 and 2, or a local
/// early help file), the social work workforce census, training, fostering households, special
/// guardianship support, care proceedings and local pathways (MARAC, ACT). docs/formats.md
/// describes each file; docs/measures.md the measures they give.
///
/// Each kind is a list of its own in `ServiceRecords`; a record keeps where it was read from.
public protocol ServiceRecord: Hashable, Sendable, Codable {
    /// The kind of record, as the store names it.
    static var kind: ServiceRecordKind { get }
    /// Where it was read from.
    var origin: RecordOrigin { get set }
    /// The child it is about, when it is about one.
    var childID: ChildID? { get }
    /// What identifies it within its kind: a later file's record with the same key replaces an
    /// earlier one (a corrected file loaded again).
    var key: ServiceKey { get }
}

/// What identifies a service record within its kind: a name (a child, worker or household), a
/// day and a qualifier. Hashed as values, never formatted, so keying a large list is cheap.
public struct ServiceKey: Hashable, Sendable {
    public var name: String
    public var day: DateField
    public var qualifier: String
    public init(_ name: String, _ day: DateField, _ qualifier: String = "") { self.name = name; self.day = day; self.qualifier = qualifier }
    /// As text, for the store's natural key column.
    public var text: String {
        let d: String
        switch day {
        case .missing: d = ""
        case .value(let v): d = v.iso
        case .invalid(let raw): d = "!" + raw
        }
        return "\(name)|\(d)|\(qualifier)"
    }
}

/// The kinds of `ServiceRecord`.
public enum ServiceRecordKind: String, CaseIterable, Sendable, Codable {
    case contact
    case earlyHelp = "early_help"
    case workforceWorker = "csww_worker"
    case workforceVacancies = "csww_vacancies"
    case training
    case fosteringHousehold = "fostering_household"
    case specialGuardianship = "special_guardianship"
    case careProceeding = "care_proceeding"
    case pathway
}

/// A contact with the front door (Annex A List 1): a request for help or a concern about a child.
public struct Contact: ServiceRecord {
    public static let kind = ServiceRecordKind.contact
    public var child: ChildID
    public var date: DateField
    /// The contact's source as written (Annex A's source list, or free text).
    public var source: String?
    public var origin: RecordOrigin
    public init(child: ChildID, date: DateField, source: String? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)) {
        self.child = child; self.date = date; self.source = source; self.origin = origin
    }
    public var childID: ChildID? { child }
    public var key: ServiceKey { ServiceKey(child.rawValue, date, source ?? "") }
}

/// A child's episode of early help, from its early help assessment (EHA) to its closure (Annex A
/// List 2, which gives the assessment's start, completion and organisation; or the local early
/// help file, which adds the lead agency, closure, factors, team around the family meetings and a
/// Graded Care Profile 2).
public struct EarlyHelpEpisode: ServiceRecord {
    public static let kind = ServiceRecordKind.earlyHelp
    public var child: ChildID
    /// The assessment's start: the episode's start.
    public var start: DateField
    public var completed: DateField
    /// The organisation that completed the assessment, as written.
    public var organisation: String?
    /// The agency leading the family's support, as written.
    public var leadAgency: String?
    public var closed: DateField
    public var closureReason: String?
    /// Factors identified (free words or CIN census factor codes), as written.
    public var factors: [String]
    /// Days team around the family (TAF) meetings were held.
    public var tafMeetings: [DateField]
    /// The day a Graded Care Profile 2 was completed in the episode.
    public var gcp2Completed: DateField
    public var origin: RecordOrigin
    public init(
        child: ChildID, start: DateField, completed: DateField = .missing, organisation: String? = nil, leadAgency: String? = nil,
        closed: DateField = .missing, closureReason: String? = nil, factors: [String] = [], tafMeetings: [DateField] = [],
        gcp2Completed: DateField = .missing, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.start = start; self.completed = completed; self.organisation = organisation
        self.leadAgency = leadAgency; self.closed = closed; self.closureReason = closureReason; self.factors = factors
        self.tafMeetings = tafMeetings; self.gcp2Completed = gcp2Completed; self.origin = origin
    }
    public var childID: ChildID? { child }
    public var key: ServiceKey { ServiceKey(child.rawValue, start) }
}

/// A social worker in the children's social work workforce census (the DfE's CSWW return,
/// `CSWWWorker`), as at the census date.
public struct WorkforceWorker: ServiceRecord {
    public static let kind = ServiceRecordKind.workforceWorker
    /// The census date of the return (its `ReferenceDate`, 30 September).
    public var censusDate: DateField
    /// The worker's Social Work England registration number (`SWENo`).
    public var id: String
    /// `AgencyWorker`: true for an agency worker.
    public var agency: Bool?
    /// `FTE`: the full-time equivalent of the worker's contract.
    public var fte: Double?
    /// `OrgRole`: 1 senior manager to 6 qualified without cases.
    public var role: String?
    /// `RoleStartDate` and `RoleEndDate`.
    public var start: DateField
    public var end: DateField
    /// `ReasonLeave`.
    public var reasonLeave: String?
    /// `FTE30`: the worker's FTE on the census date.
    public var fteAtCensus: Double?
    /// `Cases30`: cases held on the census date.
    public var cases: Int?
    /// `WorkingDaysLost`: days of absence in the year.
    public var daysLost: Double?
    public var origin: RecordOrigin
    public init(
        censusDate: DateField, id: String, agency: Bool? = nil, fte: Double? = nil, role: String? = nil, start: DateField = .missing,
        end: DateField = .missing, reasonLeave: String? = nil, fteAtCensus: Double? = nil, cases: Int? = nil, daysLost: Double? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.censusDate = censusDate; self.id = id; self.agency = agency; self.fte = fte; self.role = role; self.start = start
        self.end = end; self.reasonLeave = reasonLeave; self.fteAtCensus = fteAtCensus; self.cases = cases; self.daysLost = daysLost
        self.origin = origin
    }
    public var childID: ChildID? { nil }
    public var key: ServiceKey { ServiceKey(id, censusDate, start.day?.iso ?? "") }
    /// Whether the worker was in post on `day`: started on or before it (or start not given) and
    /// not ended on or before it.
    public func inPost(on day: Day) -> Bool {
        if start.isInvalid || end.isInvalid { return false }
        if let s = start.day, s > day { return false }
        if let e = end.day, e <= day { return false }
        return true
    }
}

/// The authority's vacancies in the workforce census (`LALevelVacancies`).
public struct WorkforceVacancies: ServiceRecord {
    public static let kind = ServiceRecordKind.workforceVacancies
    public var censusDate: DateField
    /// `NumberOfVacancies`: FTE vacancies on the census date.
    public var vacancies: Double?
    /// `NoAgencyFTE` and `NoAgencyHeadcount`: agency workers covering vacancies.
    public var agencyFTE: Double?
    public var agencyHeadcount: Int?
    public var origin: RecordOrigin
    public init(
        censusDate: DateField, vacancies: Double? = nil, agencyFTE: Double? = nil, agencyHeadcount: Int? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.censusDate = censusDate; self.vacancies = vacancies; self.agencyFTE = agencyFTE; self.agencyHeadcount = agencyHeadcount
        self.origin = origin
    }
    public var childID: ChildID? { nil }
    public var key: ServiceKey { ServiceKey("", censusDate) }
}

/// A worker's completion of a training course or programme (local training file).
public struct TrainingCompletion: ServiceRecord {
    public static let kind = ServiceRecordKind.training
    public var worker: String
    /// The course as written: a short code (`RRP`) or its name.
    public var course: String
    public var completed: DateField
    public var origin: RecordOrigin
    public init(worker: String, course: String, completed: DateField, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)) {
        self.worker = worker; self.course = course; self.completed = completed; self.origin = origin
    }
    public var childID: ChildID? { nil }
    public var key: ServiceKey { ServiceKey(worker, completed, course.lowercased()) }
}

/// One of the authority's own (in-house) fostering households (local fostering file).
public struct FosteringHousehold: ServiceRecord {
    public static let kind = ServiceRecordKind.fosteringHousehold
    public var id: String
    public var approved: DateField
    public var deregistered: DateField
    /// Places the household is approved for.
    public var places: Int?
    /// `mainstream`, `connected` (family and friends), `short-break` or `specialist`.
    public var type: String?
    public var origin: RecordOrigin
    public init(
        id: String, approved: DateField, deregistered: DateField = .missing, places: Int? = nil, type: String? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.id = id; self.approved = approved; self.deregistered = deregistered; self.places = places; self.type = type; self.origin = origin
    }
    public var childID: ChildID? { nil }
    public var key: ServiceKey { ServiceKey(id, approved) }
    /// Whether the household was approved on `day`: approved on or before it, not deregistered
    /// on or before it.
    public func approved(on day: Day) -> Bool {
        guard let a = approved.day, a <= day, !deregistered.isInvalid else { return false }
        if let d = deregistered.day, d <= day { return false }
        return true
    }
}

/// A child living with special guardians, from the authority's special guardianship support
/// list (local SGO file).
public struct SpecialGuardianship: ServiceRecord {
    public static let kind = ServiceRecordKind.specialGuardianship
    public var child: ChildID
    /// The day the special guardianship order was made.
    public var orderDate: DateField
    /// The day the child stopped living with the special guardians (order discharged, child 18,
    /// moved), when they have.
    public var ended: DateField
    public var origin: RecordOrigin
    public init(child: ChildID, orderDate: DateField, ended: DateField = .missing, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)) {
        self.child = child; self.orderDate = orderDate; self.ended = ended; self.origin = origin
    }
    public var childID: ChildID? { child }
    public var key: ServiceKey { ServiceKey(child.rawValue, orderDate) }
}

/// Care proceedings issued for a child (local care proceedings file).
public struct CareProceeding: ServiceRecord {
    public static let kind = ServiceRecordKind.careProceeding
    public var child: ChildID
    public var issued: DateField
    /// Features of the case (free words or CIN census factor codes), as written.
    public var factors: [String]
    public var concluded: DateField
    public var origin: RecordOrigin
    public init(
        child: ChildID, issued: DateField, factors: [String] = [], concluded: DateField = .missing,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.issued = issued; self.factors = factors; self.concluded = concluded; self.origin = origin
    }
    public var childID: ChildID? { child }
    public var key: ServiceKey { ServiceKey(child.rawValue, issued) }
}

/// A child's time on a local pathway or multi-agency process: `MARAC` (the multi-agency risk
/// assessment conference for domestic abuse), `ACT` (a complex safeguarding pathway), or any
/// other the authority names (local pathways file).
public struct PathwayEpisode: ServiceRecord {
    public static let kind = ServiceRecordKind.pathway
    public var child: ChildID
    /// The pathway as written; compared without regard to case.
    public var pathway: String
    public var start: DateField
    public var end: DateField
    /// How it ended, as written (`de-escalated`, `repeat`, ...).
    public var outcome: String?
    public var origin: RecordOrigin
    public init(
        child: ChildID, pathway: String, start: DateField, end: DateField = .missing, outcome: String? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.pathway = pathway; self.start = start; self.end = end; self.outcome = outcome; self.origin = origin
    }
    public var childID: ChildID? { child }
    public var key: ServiceKey { ServiceKey(child.rawValue, start, pathway.lowercased()) }
}

/// Every service record loaded, kind by kind.
public struct ServiceRecords: Sendable {
    public var contacts: [Contact] = []
    public var earlyHelp: [EarlyHelpEpisode] = []
    public var workforceWorkers: [WorkforceWorker] = []
    public var workforceVacancies: [WorkforceVacancies] = []
    public var training: [TrainingCompletion] = []
    public var fosteringHouseholds: [FosteringHousehold] = []
    public var specialGuardianships: [SpecialGuardianship] = []
    public var careProceedings: [CareProceeding] = []
    public var pathways: [PathwayEpisode] = []

    public init() {}

    /// How many records of `kind`.
    public func count(_ kind: ServiceRecordKind) -> Int {
        switch kind {
        case .contact: contacts.count
        case .earlyHelp: earlyHelp.count
        case .workforceWorker: workforceWorkers.count
        case .workforceVacancies: workforceVacancies.count
        case .training: training.count
        case .fosteringHousehold: fosteringHouseholds.count
        case .specialGuardianship: specialGuardianships.count
        case .careProceeding: careProceedings.count
        case .pathway: pathways.count
        }
    }

    /// How many records in all.
    public var count: Int { ServiceRecordKind.allCases.reduce(0) { $0 + count($1) } }

    /// Adds `records` (of any service kind) after those held.
    public mutating func add<R: ServiceRecord>(_ records: [R]) {
        switch R.kind {
        case .contact: contacts += records as! [Contact]
        case .earlyHelp: earlyHelp += records as! [EarlyHelpEpisode]
        case .workforceWorker: workforceWorkers += records as! [WorkforceWorker]
        case .workforceVacancies: workforceVacancies += records as! [WorkforceVacancies]
        case .training: training += records as! [TrainingCompletion]
        case .fosteringHousehold: fosteringHouseholds += records as! [FosteringHousehold]
        case .specialGuardianship: specialGuardianships += records as! [SpecialGuardianship]
        case .careProceeding: careProceedings += records as! [CareProceeding]
        case .pathway: pathways += records as! [PathwayEpisode]
        }
    }

    /// Adds every record of `other` after those held, kind by kind.
    public mutating func append(contentsOf other: ServiceRecords) {
        contacts += other.contacts; earlyHelp += other.earlyHelp; workforceWorkers += other.workforceWorkers
        workforceVacancies += other.workforceVacancies; training += other.training; fosteringHouseholds += other.fosteringHouseholds
        specialGuardianships += other.specialGuardianships; careProceedings += other.careProceedings; pathways += other.pathways
    }

    /// Applies `change` to every list, each as its own type.
    public mutating func transform(_ change: ServiceRecordTransform) {
        contacts = change.apply(contacts); earlyHelp = change.apply(earlyHelp); workforceWorkers = change.apply(workforceWorkers)
        workforceVacancies = change.apply(workforceVacancies); training = change.apply(training)
        fosteringHouseholds = change.apply(fosteringHouseholds); specialGuardianships = change.apply(specialGuardianships)
        careProceedings = change.apply(careProceedings); pathways = change.apply(pathways)
    }
}

/// A change applied to each list of `ServiceRecords` in turn (`ServiceRecords.transform`).
public protocol ServiceRecordTransform {
    func apply<R: ServiceRecord>(_ records: [R]) -> [R]
}

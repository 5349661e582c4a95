/// The SSDA903 (children looked after) `Header` row of a child.
public struct CLAHeader: Hashable, Sendable, Codable {
    public var child: ChildID
    public var sex: String?
    public var birthDate: DateField
    public var ethnicity: String?
    public var upn: String?
    public var collectionYear: Int?
    public var origin: RecordOrigin
    public init(
        child: ChildID, sex: String? = nil, birthDate: DateField = .missing, ethnicity: String? = nil, upn: String? = nil,
        collectionYear: Int? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.sex = sex; self.birthDate = birthDate; self.ethnicity = ethnicity; self.upn = upn
        self.collectionYear = collectionYear; self.origin = origin
    }
}

/// An SSDA903 episode of care: `DECOM` to `DEC` (missing = still open).
public struct CLAEpisode: Hashable, Sendable, Codable {
    public var child: ChildID
    public var start: DateField // DECOM
    /// Reason for new episode: S (started), L (legal status), P (placement), T (both), U (both, same carer), B (both).
    public var reasonNewEpisode: String? // RNE
    public var legalStatus: String? // LS
    public var categoryOfNeed: String? // CIN
    public var placement: String? // PLACE (PL in the XML)
    public var provider: String? // PLACE_PROVIDER
    public var end: DateField // DEC
    public var reasonEnded: String? // REC
    public var reasonPlaceChange: String?
    public var homePostcode: String?
    public var placementPostcode: String? // PL_POST
    public var urn: String?
    public var collectionYear: Int?
    public var origin: RecordOrigin

    public init(
        child: ChildID, start: DateField, reasonNewEpisode: String? = nil, legalStatus: String? = nil,
        categoryOfNeed: String? = nil, placement: String? = nil, provider: String? = nil, end: DateField = .missing,
        reasonEnded: String? = nil, reasonPlaceChange: String? = nil, homePostcode: String? = nil,
        placementPostcode: String? = nil, urn: String? = nil, collectionYear: Int? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.start = start; self.reasonNewEpisode = reasonNewEpisode; self.legalStatus = legalStatus
        self.categoryOfNeed = categoryOfNeed; self.placement = placement; self.provider = provider; self.end = end
        self.reasonEnded = reasonEnded; self.reasonPlaceChange = reasonPlaceChange; self.homePostcode = homePostcode
        self.placementPostcode = placementPostcode; self.urn = urn; self.collectionYear = collectionYear; self.origin = origin
    }

    /// Legal status V3 or V4: a short break, left out of every children-looked-after measure.
    public var isShortBreak: Bool { legalStatus == "V3" || legalStatus == "V4" }
}

/// An SSDA903 looked-after review (`Reviews` table).
public struct CLAReview: Hashable, Sendable, Codable {
    public var child: ChildID
    public var date: DateField // REVIEW
    public var participationCode: String? // REVIEW_CODE
    public var collectionYear: Int?
    public var origin: RecordOrigin
    public init(
        child: ChildID, date: DateField, participationCode: String? = nil, collectionYear: Int? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.date = date; self.participationCode = participationCode
        self.collectionYear = collectionYear; self.origin = origin
    }
}

/// An SSDA903 `Missing` row: a period missing (M) or away without authorisation (A) from placement.
public struct CLAMissing: Hashable, Sendable, Codable {
    public var child: ChildID
    public var kind: String? // MISSING: M or A
    public var start: DateField // MIS_START
    public var end: DateField // MIS_END
    public var collectionYear: Int?
    public var origin: RecordOrigin
    public init(
        child: ChildID, kind: String?, start: DateField, end: DateField = .missing, collectionYear: Int? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.kind = kind; self.start = start; self.end = end
        self.collectionYear = collectionYear; self.origin = origin
    }
}

/// An SSDA903 `OC3` row: a care leaver around their 19th, 20th or 21st birthday.
public struct CareLeaverRecord: Hashable, Sendable, Codable {
    public var child: ChildID
    public var birthDate: DateField
    public var inTouch: String? // IN_TOUCH
    public var activity: String? // ACTIV
    public var accommodation: String? // ACCOM
    public var collectionYear: Int?
    public var origin: RecordOrigin
    public init(
        child: ChildID, birthDate: DateField, inTouch: String? = nil, activity: String? = nil, accommodation: String? = nil,
        collectionYear: Int? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.birthDate = birthDate; self.inTouch = inTouch; self.activity = activity
        self.accommodation = accommodation; self.collectionYear = collectionYear; self.origin = origin
    }
}

/// An SSDA903 social worker episode (`SWEpisodes` table).
public struct SocialWorkerEpisode: Hashable, Sendable, Codable {
    public var child: ChildID
    public var workerID: String? // SW_ID
    public var start: DateField // SW_DECOM
    public var end: DateField // SW_DEC
    public var reason: String? // SW_REASON
    public var collectionYear: Int?
    public var origin: RecordOrigin
    public init(
        child: ChildID, workerID: String?, start: DateField, end: DateField = .missing, reason: String? = nil,
        collectionYear: Int? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.workerID = workerID; self.start = start; self.end = end; self.reason = reason
        self.collectionYear = collectionYear; self.origin = origin
    }
}

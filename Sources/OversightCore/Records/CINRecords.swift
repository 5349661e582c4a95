/// One child as the CIN (children in need) census describes them.
public struct CINChild: Hashable, Sendable, Codable {
    public var id: ChildID
    public var upn: String?
    public var birthDate: DateField
    public var expectedBirthDate: DateField
    public var deathDate: DateField
    /// `Sex` (2024-25 on) or `GenderCurrent` (earlier collections), as written.
    public var sex: String?
    public var ethnicity: String?
    public var disabilities: [String]
    public var collectionYear: Int?
    public var origin: RecordOrigin

    public init(
        id: ChildID, upn: String? = nil, birthDate: DateField = .missing, expectedBirthDate: DateField = .missing,
        deathDate: DateField = .missing, sex: String? = nil, ethnicity: String? = nil, disabilities: [String] = [],
        collectionYear: Int? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.id = id; self.upn = upn; self.birthDate = birthDate; self.expectedBirthDate = expectedBirthDate
        self.deathDate = deathDate; self.sex = sex; self.ethnicity = ethnicity; self.disabilities = disabilities
        self.collectionYear = collectionYear; self.origin = origin
    }
}

/// A CIN *episode*: one `CINdetails` block, a referral with its assessments, section 47
/// enquiries, CIN plans and child protection (CP) plans, closed by `CINclosureDate`.
public struct CINEpisode: Hashable, Sendable, Codable {
    public var child: ChildID
    public var referralDate: DateField
    public var referralSource: String?
    public var primaryNeedCode: String?
    public var closureDate: DateField
    public var reasonForClosure: String?
    /// `DateOfInitialCPC` at episode level.
    public var initialCPCDate: DateField
    /// `ReferralNFA`: referral with no further action; nil when blank or not a boolean.
    public var referralNFA: Bool?
    public var assessments: [Assessment]
    public var cinPlans: [CINPlan]
    public var section47s: [Section47]
    public var protectionPlans: [ProtectionPlan]
    /// Collection year of the return this episode was read from (nil when the file has none).
    public var collectionYear: Int?
    public var origin: RecordOrigin

    public init(
        child: ChildID, referralDate: DateField, referralSource: String? = nil, primaryNeedCode: String? = nil,
        closureDate: DateField = .missing, reasonForClosure: String? = nil, initialCPCDate: DateField = .missing,
        referralNFA: Bool? = nil, assessments: [Assessment] = [], cinPlans: [CINPlan] = [], section47s: [Section47] = [],
        protectionPlans: [ProtectionPlan] = [], collectionYear: Int? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.referralDate = referralDate; self.referralSource = referralSource
        self.primaryNeedCode = primaryNeedCode; self.closureDate = closureDate; self.reasonForClosure = reasonForClosure
        self.initialCPCDate = initialCPCDate; self.referralNFA = referralNFA; self.assessments = assessments
        self.cinPlans = cinPlans; self.section47s = section47s; self.protectionPlans = protectionPlans
        self.collectionYear = collectionYear; self.origin = origin
    }
}

/// A children and families assessment (`Assessments` block).
public struct Assessment: Hashable, Sendable, Codable {
    public var startDate: DateField
    public var internalReviewDate: DateField
    public var authorisationDate: DateField
    /// `AssessmentFactors` codes (3A, 16A, ...), trimmed and upper-cased.
    public var factors: [String]
    public var origin: RecordOrigin
    public init(
        startDate: DateField, internalReviewDate: DateField = .missing, authorisationDate: DateField,
        factors: [String] = [], origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.startDate = startDate; self.internalReviewDate = internalReviewDate
        self.authorisationDate = authorisationDate; self.factors = factors; self.origin = origin
    }
}

/// A CIN plan (`CINPlanDates` block).
public struct CINPlan: Hashable, Sendable, Codable {
    public var startDate: DateField
    public var endDate: DateField
    public var origin: RecordOrigin
    public init(startDate: DateField, endDate: DateField = .missing, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)) {
        self.startDate = startDate; self.endDate = endDate; self.origin = origin
    }
}

/// A section 47 enquiry (`Section47` block) with its initial child protection conference.
public struct Section47: Hashable, Sendable, Codable {
    public var startDate: DateField
    public var initialCPCTarget: DateField
    public var initialCPCDate: DateField
    public var icpcNotRequired: Bool?
    public var origin: RecordOrigin
    public init(
        startDate: DateField, initialCPCTarget: DateField = .missing, initialCPCDate: DateField = .missing,
        icpcNotRequired: Bool? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.startDate = startDate; self.initialCPCTarget = initialCPCTarget; self.initialCPCDate = initialCPCDate
        self.icpcNotRequired = icpcNotRequired; self.origin = origin
    }
}

/// A child protection plan (`ChildProtectionPlans` block).
public struct ProtectionPlan: Hashable, Sendable, Codable {
    public var startDate: DateField
    public var endDate: DateField
    public var initialCategory: String?
    public var latestCategory: String?
    /// `NumberOfPreviousCPP`; nil when blank or not a whole number.
    public var numberOfPreviousPlans: Int?
    public var reviewDates: [DateField]
    public var origin: RecordOrigin
    public init(
        startDate: DateField, endDate: DateField = .missing, initialCategory: String? = nil, latestCategory: String? = nil,
        numberOfPreviousPlans: Int? = nil, reviewDates: [DateField] = [], origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.startDate = startDate; self.endDate = endDate; self.initialCategory = initialCategory
        self.latestCategory = latestCategory; self.numberOfPreviousPlans = numberOfPreviousPlans
        self.reviewDates = reviewDates; self.origin = origin
    }
}

extension CINEpisode {
    /// Changes the origin of the episode and of every block inside it.
    public mutating func changeOrigins(_ change: (inout RecordOrigin) -> Void) {
        change(&origin)
        for i in assessments.indices { change(&assessments[i].origin) }
        for i in cinPlans.indices { change(&cinPlans[i].origin) }
        for i in section47s.indices { change(&section47s[i].origin) }
        for i in protectionPlans.indices { change(&protectionPlans[i].origin) }
    }

    /// Moves the file index of the episode's origin and of every block inside it.
    mutating func shiftFiles(by offset: Int32) { changeOrigins { $0.file += offset } }
}

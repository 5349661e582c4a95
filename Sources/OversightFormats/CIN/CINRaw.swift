/// A block of a CIN census XML file as read: its leaf elements' text (trimmed) by element name,
/// repeated leaves (`AssessmentFactors`, `Disability`, `CPPreviewDate`) as lists, and where it
/// starts.
public struct CINRawBlock: Sendable, Hashable {
    /// Line of the block's start tag in the file.
    public var line: Int
    /// Single leaf elements: name -> text. An element present but empty maps to "".
    public var fields: [String: String]
    /// Repeated leaf elements, in file order.
    public var lists: [String: [String]]
    public init(line: Int, fields: [String: String] = [:], lists: [String: [String]] = [:]) {
        self.line = line; self.fields = fields; self.lists = lists
    }
    /// The text of `name`, nil when the element is absent.
    public subscript(_ name: String) -> String? { fields[name] }
}

/// One `CINdetails` block and the blocks inside it.
public struct CINRawEpisode: Sendable, Hashable {
    public var details: CINRawBlock
    public var assessments: [CINRawBlock]
    public var cinPlans: [CINRawBlock]
    public var section47s: [CINRawBlock]
    /// `ChildProtectionPlans` blocks; review dates in `lists["CPPreviewDate"]`.
    public var protectionPlans: [CINRawBlock]
    public init(
        details: CINRawBlock, assessments: [CINRawBlock] = [], cinPlans: [CINRawBlock] = [],
        section47s: [CINRawBlock] = [], protectionPlans: [CINRawBlock] = []
    ) {
        self.details = details; self.assessments = assessments; self.cinPlans = cinPlans
        self.section47s = section47s; self.protectionPlans = protectionPlans
    }
}

/// One `Child` element.
public struct CINRawChild: Sendable, Hashable {
    /// 1-based position of the `Child` element in the file: the `row` of its findings.
    public var position: Int
    public var identifiers: CINRawBlock // ChildIdentifiers
    public var characteristics: CINRawBlock // ChildCharacteristics (Disability in lists["Disability"])
    public var episodes: [CINRawEpisode]
    public init(position: Int, identifiers: CINRawBlock, characteristics: CINRawBlock, episodes: [CINRawEpisode]) {
        self.position = position; self.identifiers = identifiers; self.characteristics = characteristics; self.episodes = episodes
    }
    /// `LAchildID` as written (not normalised).
    public var laChildID: String { identifiers["LAchildID"] ?? "" }
}

/// A whole CIN census file as read.
public struct CINRawReturn: Sendable {
    public var file: String
    /// `Header` leaves flattened: Collection, Year, ReferenceDate, SourceLevel, LEA, SoftwareCode, ...
    public var header: CINRawBlock
    public var children: [CINRawChild]
    /// From `ReferenceDate` (the collection year whose 1 April - 31 March holds it), else from the path.
    public var collectionYear: Int?
    public init(file: String, header: CINRawBlock, children: [CINRawChild], collectionYear: Int?) {
        self.file = file; self.header = header; self.children = children; self.collectionYear = collectionYear
    }
}

/// A file the case data was read from.
public struct SourceFile: Hashable, Sendable, Codable {
    public var path: String
    /// `ssda903`, `cin`, `missing-local`, `supervision-local`, `annex-a`.
    public var format: String
    /// The table or block kind (`Episodes`, `CINdetails`, ...).
    public var table: String
    public var collectionYear: Int?
    public init(path: String, format: String, table: String, collectionYear: Int?) {
        self.path = path; self.format = format; self.table = table; self.collectionYear = collectionYear
    }
}

/// One local authority's merged case history: every record loaded, after the spec's reading
/// rules (later returns superseding earlier ones, duplicates resolved, blank ids left out).
///
/// Build it with `CaseDataBuilder`. Records keep their `origin` (file index into `files` and row).
public struct CaseData: Sendable {
    public var files: [SourceFile] = []
    public var cinChildren: [ChildID: CINChild] = [:]
    public var cinEpisodes: [CINEpisode] = [] { didSet { cinEpisodeChildBounds = nil } }
    /// Set by `CaseDataBuilder`, which leaves the episodes grouped by child: child k's episodes
    /// are `cinEpisodes[bounds[k]..<bounds[k + 1]]`. Cleared by any change to `cinEpisodes`, so
    /// the census index uses it only while it is true (and finds the children itself otherwise).
    var cinEpisodeChildBounds: [Int]?
    public var claHeaders: [ChildID: CLAHeader] = [:]
    public var claEpisodes: [CLAEpisode] = []
    public var claReviews: [CLAReview] = []
    public var claMissing: [CLAMissing] = []
    public var careLeavers: [CareLeaverRecord] = []
    public var socialWorkerEpisodes: [SocialWorkerEpisode] = []
    public var missingEpisodes: [MissingEpisode] = []
    public var supervisions: [SupervisionSession] = []
    /// The organisation: workers' spells in teams, and children's allocations to workers (local files).
    public var workers: [WorkerRecord] = []
    public var allocations: [Allocation] = []
    /// Social workers' visits to children (local visits file).
    public var visits: [Visit] = []
    /// The services around social care: contacts, early help, the workforce census, training,
    /// fostering households, special guardianship, care proceedings and local pathways.
    public var services = ServiceRecords()
    /// Collection years loaded per source (`cin`, `ssda903`).
    public var cinYears: [Int] = []
    public var claYears: [Int] = []
    /// Span records an earlier return left open that a later return shows ended before its year,
    /// end unknown (reading rule 2, "left open, closed before Y"); set by `CaseDataBuilder`.
    public var leftOpen = LeftOpenRecords()
    /// Records left out because their child id was blank after normalising, by table.
    public var blankChildIDs: [String: Int] = [:]
    /// Records with an error-severity validation finding (set by the caller that validated them).
    public var rowsWithErrors: Set<RecordOrigin> = []

    public init() {}

    /// Whether any CIN census file was loaded.
    public var hasCIN: Bool { files.contains { $0.format == "cin" } }
    /// Whether any SSDA903 file was loaded.
    public var hasSSDA903: Bool { files.contains { $0.format == "ssda903" } }
    /// Whether a local missing-episodes file (or Annex A missing list) was loaded.
    public var hasLocalMissing: Bool { files.contains { $0.format == "missing-local" || ($0.format == "annex-a" && $0.table == "missing") } }
    /// Whether a supervision file was loaded.
    public var hasSupervision: Bool { files.contains { $0.format == "supervision-local" } }
    /// Whether a visits file was loaded.
    public var hasVisits: Bool { files.contains { $0.format == "visits-local" } }
    /// Whether a contacts list (Annex A List 1) was loaded.
    public var hasContacts: Bool { files.contains { $0.format == "annex-a" && $0.table == "contacts" } }
    /// Whether early help records (Annex A List 2 or the local early help file) were loaded.
    public var hasEarlyHelp: Bool { files.contains { $0.format == "early-help-local" || ($0.format == "annex-a" && $0.table == "early-help") } }
    /// Whether any file of one of `formats` was loaded.
    public func hasFile(format formats: Set<String>) -> Bool { files.contains { formats.contains($0.format) } }
}

/// A table of `CaseData` a measure reads (`Measure.reads`). Its raw value names the files that
/// hold it, as `MeasureEngine.sourcesNeeded(for:)` gives them to a reader: `cin` (the CIN
/// census), an SSDA903 table's name, `missing-local` or `supervision-local`.
public enum CaseTable: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    /// The CIN census: `cinChildren` and `cinEpisodes` (assessments, section 47 enquiries,
    /// plans), with the census years loaded (`cinYears`) and the census files.
    case cin
    /// SSDA903 Episodes: `claEpisodes`, with the SSDA903 years loaded (`claYears`) and the
    /// SSDA903 files. Every SSDA903 measure reads it: its coverage (no SSDA903 data, data ending
    /// before the period) is judged from them.
    case episodes = "Episodes"
    /// SSDA903 Header: `claHeaders` (dates of birth).
    case header = "Header"
    /// SSDA903 Reviews: `claReviews`.
    case reviews = "Reviews"
    /// SSDA903 Missing: `claMissing` (missing and away from placement).
    case missing = "Missing"
    /// SSDA903 OC3 (care leavers): `careLeavers`.
    case oc3 = "OC3"
    /// SSDA903 social worker episodes: `socialWorkerEpisodes`.
    case socialWorkerEpisodes = "SWEpisodes"
    /// Local missing episodes (or the Annex A missing list): `missingEpisodes`.
    case localMissing = "missing-local"
    /// Local supervision records: `supervisions`.
    case supervision = "supervision-local"
    /// Contacts (Annex A List 1): `services.contacts`.
    case contacts = "contacts"
    /// Early help (Annex A List 2, or the local early help file): `services.earlyHelp`.
    case earlyHelp = "early-help-local"
    /// The workforce census: `services.workforceWorkers` and `services.workforceVacancies`.
    case workforce = "csww"
    /// Local training records: `services.training`.
    case training = "training-local"
    /// The organisation's workers (local workers file, or the SSD professionals extract): `workers`.
    case workers = "workers-local"
    /// Local fostering households: `services.fosteringHouseholds`.
    case fostering = "fostering-local"
    /// The local special guardianship support list: `services.specialGuardianships`.
    case specialGuardianship = "sgo-local"
    /// Local care proceedings: `services.careProceedings`.
    case careProceedings = "care-proceedings-local"
    /// Local pathways: `services.pathways`.
    case pathways = "pathways-local"

    /// The return or local record the table belongs to.
    public var source: MeasureSource {
        switch self {
        case .cin: .cin
        case .episodes, .header, .reviews, .missing, .oc3, .socialWorkerEpisodes: .ssda903
        case .localMissing: .localMissing
        case .supervision: .supervision
        case .contacts, .earlyHelp: .earlyHelp
        case .workforce: .workforce
        case .training, .workers: .training
        case .fostering: .fostering
        case .specialGuardianship: .specialGuardianship
        case .careProceedings: .careProceedings
        case .pathways: .pathways
        }
    }

    /// Orders tables as their declaration.
    public static func < (a: CaseTable, b: CaseTable) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

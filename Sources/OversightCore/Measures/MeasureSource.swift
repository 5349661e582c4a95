/// Where a measure's data comes from.
public enum MeasureSource: String, Codable, Sendable {
    /// The CIN census.
    case cin
    /// The SSDA903 return (children looked after).
    case ssda903
    /// Local missing-episode records.
    case localMissing
    /// Local supervision records.
    case supervision
    /// The product's own audits.
    case qualityAssurance
    /// Values entered by hand.
    case handEntered
    /// Families' and children's feedback given in Oversight.
    case feedback
    /// Contacts and early help: Annex A Lists 1 and 2, or the local early help file.
    case earlyHelp
    /// The children's social work workforce census.
    case workforce
    /// The local training file, with the organisation's workers.
    case training
    /// The local fostering households file.
    case fostering
    /// The local special guardianship support list.
    case specialGuardianship
    /// The local care proceedings file.
    case careProceedings
    /// The local pathways file (MARAC, ACT, ...).
    case pathways

    /// The source in a few words, as a reader of a measure's page meets it.
    public var words: String {
        switch self {
        case .cin: "CIN census"
        case .ssda903: "SSDA903 return (children looked after)"
        case .localMissing: "Local missing episodes records"
        case .supervision: "Local supervision records"
        case .qualityAssurance: "Case file and supervision audits"
        case .handEntered: "Entered by hand each period"
        case .feedback: "Feedback from families and children, given in Oversight"
        case .earlyHelp: "Contacts and early help (Annex A Lists 1 and 2, or the local early help file)"
        case .workforce: "Children's social work workforce census"
        case .training: "Local training records, with the organisation's workers"
        case .fostering: "Local fostering households records"
        case .specialGuardianship: "Local special guardianship support list"
        case .careProceedings: "Local care proceedings records"
        case .pathways: "Local pathways records (MARAC, ACT, ...)"
        }
    }

    /// The heading of the source's group of measures in lists and packs.
    public var heading: String {
        switch self {
        case .cin: "Children in need and child protection"
        case .ssda903: "Children looked after and care leavers"
        case .localMissing: "Missing episodes"
        case .supervision: "Supervision"
        case .qualityAssurance: "Quality assurance"
        case .handEntered: "Entered by hand"
        case .feedback: "Feedback from families"
        case .earlyHelp: "Early help and the front door"
        case .workforce: "The social work workforce"
        case .training: "Training"
        case .fostering: "Fostering households"
        case .specialGuardianship: "Special guardianship"
        case .careProceedings: "Care proceedings"
        case .pathways: "Pathways (MARAC, ACT)"
        }
    }

    /// Every source, in the order lists show them.
    public static let ordered: [MeasureSource] = [
        .cin, .ssda903, .localMissing, .supervision, .earlyHelp, .workforce, .training, .fostering, .specialGuardianship,
        .careProceedings, .pathways, .qualityAssurance, .feedback, .handEntered,
    ]
}

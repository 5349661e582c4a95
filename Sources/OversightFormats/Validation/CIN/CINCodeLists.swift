/// The CIN census code lists, from the DfE's XML schemas for 2023-24 to 2025-26
/// (`CIN_schema_2024.xsd` ... `CIN_schema_2026.xsd`).
public enum CINCodeLists {
    /// `ReferralSource` (referralsourcetype).
    static let referralSource: Set<String> = [
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
        "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10",
    ]
    /// `PrimaryNeedCode` (primaryneedcodetype).
    static let primaryNeed: Set<String> = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
    /// `ReasonForClosure` (reasonforclosuretype).
    static let reasonForClosure: Set<String> = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]
    /// `InitialCategoryOfAbuse` and `LatestCategoryOfAbuse` (categoryofabusetype).
    static let categoryOfAbuse: Set<String> = ["NEG", "PHY", "SAB", "EMO", "MUL"]
    /// `Ethnicity` (ethnicitytype).
    static let ethnicity: Set<String> = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
        "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]
    /// `Disability` (disabilitytype).
    static let disability: Set<String> = ["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]
    /// `GenderCurrent` (gendertype, to 2023-24): 1 male, 2 female, 0 not recorded or unborn, 9 indeterminate.
    static let genderCurrent: Set<String> = ["0", "1", "2", "9"]
    /// `Sex` (sextype, from 2024-25): M, F, U (unknown).
    static let sex: Set<String> = ["M", "F", "U"]
    /// `UPNunknown` (unknownupntype).
    static let upnUnknown: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"]
    /// `AssessmentFactors` (assessmentfactorstype). 18A and 19A stay valid in every schema but the
    /// DfE queries them from 2024-25 (rules 8945Q and 8950Q).
    static let assessmentFactors: Set<String> = [
        "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C", "7A",
        "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A",
        "18A", "18B", "18C", "19A", "19B", "19C", "20", "21", "22A", "23A", "24A",
    ]

    /// The local authority codes (post-April 1998, and the DfE's pseudo-LA codes) that may make up
    /// characters 2-4 of a UPN, as rule 1530 lists them.
    public static let upnAuthorityCodes: Set<String> = {
        let ranges: [ClosedRange<Int>] = [
            1...5, 201...213, 301...320, 330...336, 340...344, 350...359, 370...373, 380...384,
            390...394, 420...420, 660...681, 701...708, 800...803, 805...808, 810...813, 815...816,
            820...823, 825...826, 830...831, 835...841, 845...846, 850...852, 855...857, 860...861,
            865...896, 908...909, 916...916, 919...919, 921...921, 925...926, 928...929, 931...931,
            933...933, 935...938, 940...943,
        ]
        var codes = Set<String>()
        for r in ranges { for n in r { codes.insert(n < 10 ? "00\(n)" : String(n)) } }
        return codes
    }()
}

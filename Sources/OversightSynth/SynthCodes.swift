import OversightFormats

/// Code lists and their realistic shares, as the simulator draws them. Shares are rounded from
/// the DfE's published national statistics (reference/dfe-published); the codes are the DfE's.
enum SynthCodes {
    /// Ethnicity, roughly England's looked-after mix.
    static let ethnicity = WeightedChoice<String>([
        ("WBRI", 66), ("WIRI", 0.5), ("WOTH", 5), ("WIRT", 0.5), ("WROM", 1), ("MWBC", 3.5), ("MWBA", 1.5),
        ("MWAS", 2), ("MOTH", 4), ("AIND", 1), ("APKN", 2.5), ("ABAN", 0.8), ("AOTH", 1.5), ("BCRB", 1.5),
        ("BAFR", 4), ("BOTH", 1.5), ("CHNE", 0.3), ("OOTH", 2.5), ("REFU", 0.2), ("NOBT", 0.2),
    ])

    /// Ethnicity of unaccompanied asylum-seeking children.
    static let uascEthnicity = WeightedChoice<String>([("OOTH", 40), ("BAFR", 30), ("AOTH", 25), ("WOTH", 5)])

    /// Referral source, England's mix (police about 29%, schools 20%, health 14%...).
    static let referralSource = WeightedChoice<String>([
        ("1A", 4), ("1B", 1), ("1C", 1), ("1D", 1), ("2A", 18), ("2B", 2), ("3A", 3), ("3B", 2),
        ("3C", 1), ("3D", 3.5), ("3E", 3), ("3F", 2.5), ("4", 2), ("5A", 3), ("5B", 2), ("5C", 3),
        ("5D", 4), ("6", 29), ("7", 3.5), ("8", 3.5), ("9", 1.5), ("10", 2.5),
    ])

    /// Primary need at referral.
    static let primaryNeed = WeightedChoice<String>([
        ("N1", 55), ("N2", 3), ("N3", 4), ("N4", 10), ("N5", 16), ("N6", 3), ("N7", 0.5), ("N8", 3.5), ("N0", 5),
    ])

    /// Factors identified at assessment with the share of assessed episodes recording each
    /// (England 2024-25: domestic abuse to a parent 32%, parental mental health 33%, neglect 18%...).
    static let assessmentFactors: [(code: String, share: Double)] = [
        ("1A", 0.02), ("1B", 0.14), ("1C", 0.02), ("2A", 0.05), ("2B", 0.14), ("2C", 0.03),
        ("3A", 0.11), ("3B", 0.32), ("3C", 0.05), ("4A", 0.18), ("4B", 0.33), ("4C", 0.05),
        ("5A", 0.12), ("5B", 0.03), ("6A", 0.05), ("6B", 0.05), ("7A", 0.01), ("9A", 0.004),
        ("10A", 0.033), ("11A", 0.024), ("12A", 0.004), ("13A", 0.017), ("14A", 0.07), ("15A", 0.05),
        ("16A", 0.176), ("17A", 0.19), ("18B", 0.03), ("18C", 0.12), ("19B", 0.025), ("19C", 0.037),
        ("22A", 0.002), ("23A", 0.004), ("24A", 0.032), ("20", 0.16),
    ]

    /// Factors only plausible for older children (exploitation, missing, gangs, self-harm...).
    static let adolescentFactors: Set<String> = ["1A", "2A", "10A", "11A", "12A", "13A", "14A", "15A", "24A", "19B", "18B"]

    /// `assessmentFactors` with each share adjusted for a child under 11 and for an older child.
    static let factorShares: [(code: String, young: Double, older: Double)] = assessmentFactors.map { f in
        adolescentFactors.contains(f.code) ? (f.code, f.share * 0.15, f.share * 2.2) : (f.code, f.share, f.share)
    }

    /// Chance that an assessment records no factor at all, for a child under 11 and an older one.
    static let noFactorChance: (young: Double, older: Double) = (
        factorShares.reduce(1.0) { $0 * (1 - $1.young) }, factorShares.reduce(1.0) { $0 * (1 - $1.older) }
    )

    /// Initial category of abuse of a child protection plan.
    static let abuseCategory = WeightedChoice<String>([("NEG", 50), ("EMO", 36), ("PHY", 7), ("SAB", 4), ("MUL", 3)])

    /// Participation in looked-after reviews, children aged 4 or more.
    static let reviewParticipation = WeightedChoice<String>([
        ("PN1", 42), ("PN2", 8), ("PN3", 10), ("PN4", 9), ("PN5", 9), ("PN6", 12), ("PN7", 10),
    ])

    /// Reason a social worker changed.
    static let socialWorkerChange = WeightedChoice<String>([
        ("MANAGE", 20), ("LEFTRL", 30), ("ORGRST", 10), ("TSPROC", 20), ("ABSENC", 5), ("CHCHAN", 8),
        ("PCCHAN", 4), ("FCONTA", 1), ("OTHERS", 2),
    ])

    /// Reason a placement changed.
    static let placementChange = WeightedChoice<String>([
        ("CARPL", 40), ("ALLEG", 3), ("STAND", 12), ("APPRR", 4), ("CREQB", 6), ("CREQO", 8), ("CHILD", 10),
        ("LAREQ", 5), ("PLACE", 5), ("CLOSE", 2), ("OTHER", 5),
    ])

    /// Activity of a care leaver in touch (education, employment or training about 55%).
    static let careLeaverActivity = WeightedChoice<String>([
        ("F1", 7), ("P1", 1), ("F2", 18), ("P2", 3), ("F4", 18), ("P4", 8), ("F5", 0), ("P5", 0),
        ("G4", 12), ("G5", 27), ("G6", 6),
    ])

    /// Accommodation of a care leaver in touch (suitable about 88%).
    static let careLeaverAccommodation = WeightedChoice<String>([
        ("B1", 8), ("C1", 10), ("D1", 6), ("E1", 4), ("G1", 10), ("H1", 5), ("K1", 4), ("R1", 8), ("T1", 6),
        ("U1", 20), ("V1", 2), ("W1", 1), ("Y1", 2), ("Z1", 2), ("B2", 1), ("C2", 1.5), ("D2", 1), ("G2", 1),
        ("R2", 1), ("T2", 1), ("U2", 2), ("S2", 1.5), ("X2", 2),
    ])

    /// Whether the local authority is in touch with a care leaver.
    static let inTouch = WeightedChoice<String>([("YES", 90), ("NO", 4), ("REFU", 3), ("NREQ", 1.5), ("RHOM", 1.3), ("DIED", 0.2)])

    /// Disabilities recorded in the CIN census for children with one.
    static let disability = WeightedChoice<String>([
        ("MOB", 8), ("HAND", 3), ("PC", 5), ("INC", 4), ("COMM", 18), ("LD", 25), ("HEAR", 4), ("VIS", 4),
        ("BEH", 15), ("CON", 2), ("AUT", 25), ("DDA", 5),
    ])

    /// Letters of the UPN check character (I, O and S are never used).
    static let upnCheckLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// The codes rule 1530 accepts as a UPN's authority, in order.
    static let upnAuthorities = CINCodeLists.upnAuthorityCodes.sorted()

    /// A well-formed UPN, unique per `serial` (the child's index): the check letter, then the
    /// authority's code, then nine digits from the serial. The authority's code is `la`'s when
    /// rule 1530 accepts it; for a code no authority has (999), or with `spread` (a national-scale
    /// year, whose children come from every authority), a real authority's code chosen by the
    /// serial.
    static func upn(la: Int, serial: Int, spread: Bool = false) -> String {
        var code = pad(la % 1000, 3)
        if spread || !CINCodeLists.upnAuthorityCodes.contains(code) { code = upnAuthorities[serial % upnAuthorities.count] }
        let digits = code + pad(serial % 1_000_000_000, 9)
        var sum = 0
        for (i, c) in digits.enumerated() { sum += (c.wholeNumberValue ?? 0) * (i + 2) }
        return String(upnCheckLetters[sum % 23]) + digits
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

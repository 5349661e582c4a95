/// The DfE's SSDA903 code lists, by collection year where they changed.
enum SSDA903CodeLists {
    static let ethnic: Set<String> = [
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
        "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]
    static let rne: Set<String> = ["S", "P", "L", "T", "U", "B"]
    static let legalStatus: Set<String> = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"]
    static let categoryOfNeed: Set<String> = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    static let rec: Set<String> = [
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6",
        "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1",
    ]
    static let reasonPlaceChange: Set<String> = [
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
        "PLACE", "CUSTOD", "OTHER",
    ]
    static let provider: Set<String> = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]
    static let temporary: Set<String> = ["T0", "T1", "T2", "T3", "T4"]
    static let reviewCode: Set<String> = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    static let inTouch: Set<String> = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]
    static let activity: Set<String> = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"]
    static let accommodation: Set<String> = [
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2",
        "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2",
        "Z1", "Z2", "0",
    ]
    static let missing: Set<String> = ["M", "A"]
    static let swReason: Set<String> = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"]

    /// Placement types (`PLACE`) valid in collection `year`.
    static func placements(_ year: Int) -> Set<String> {
        let common: Set<String> = [
            "A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2",
            "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6",
        ]
        switch year {
        case ...2024: return common.union(["H5", "P2", "Z1"])
        case 2025: return common.union(["H5", "P2", "Z1", "K3"])
        default: return common.union(["K3", "Z11", "Z12", "Z13", "Z14"])
        }
    }

    /// Placement types that have no placement provider in collection `year` (temporary placements
    /// and the "other placement" codes).
    static func noProvider(_ year: Int) -> Set<String> {
        year <= 2025 ? temporary.union(["Z1"]) : temporary.union(["Z11", "Z12", "Z13", "Z14"])
    }

    /// Sex codes: 1/2 until 2023-24, then M, F and U.
    static func sex(_ year: Int) -> Set<String> { year <= 2024 ? ["1", "2"] : ["M", "F", "U"] }
    /// The code for a female child in collection `year`.
    static func female(_ year: Int) -> String { year <= 2024 ? "2" : "F" }
    /// The code for a male child in collection `year`.
    static func male(_ year: Int) -> String { year <= 2024 ? "1" : "M" }

    /// A Unique Pupil Number: a check letter (not I, O or S), 11 digits and a digit or letter,
    /// or an unknown code UN1-UN5.
    static func isValidUPN(_ upn: String) -> Bool {
        if ["UN1", "UN2", "UN3", "UN4", "UN5"].contains(upn) { return true }
        let chars = Array(upn)
        guard chars.count == 13, let first = chars.first, first.isASCII, first.isUppercase, !"IOS".contains(first) else { return false }
        guard chars[1...11].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let last = chars[12]
        return last.isASCII && (last.isNumber || last.isUppercase)
    }

    /// A UK postcode in its usual written form (outward code, optional space, inward code).
    static func isValidPostcode(_ text: String) -> Bool {
        let c = text.utf8.filter { $0 != 0x20 }
        func isLetter(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard (5...7).contains(c.count), c.allSatisfy({ isLetter($0) || isDigit($0) }) else { return false }
        let inward = c.suffix(3), outward = c.prefix(c.count - 3)
        guard isDigit(inward.first!), inward.dropFirst().allSatisfy(isLetter) else { return false }
        return isLetter(outward.first!) && outward.contains(where: isDigit)
    }
}

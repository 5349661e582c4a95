/// The returns' codes in words, for the child's timeline. A code not listed here is shown as it
/// was written ("code X9"), never dropped.
public enum CodeWords {
    /// A CIN assessment factor (`AssessmentFactors`), short form.
    public static func factor(_ code: String) -> String {
        let words: [String: String] = [
            "1A": "alcohol misuse by the child", "1B": "alcohol misuse by a parent or carer", "1C": "alcohol misuse by another person in the household",
            "2A": "drug misuse by the child", "2B": "drug misuse by a parent or carer", "2C": "drug misuse by another person in the household",
            "3A": "domestic abuse: the child", "3B": "domestic abuse: a parent or carer", "3C": "domestic abuse: another person in the household",
            "4A": "mental health of the child", "4B": "mental health of a parent or carer", "4C": "mental health of another person in the household",
            "5A": "learning disability of the child", "5B": "learning disability of a parent or carer", "5C": "learning disability of another person in the household",
            "6A": "physical disability or illness of the child", "6B": "physical disability or illness of a parent or carer",
            "6C": "physical disability or illness of another person in the household",
            "7A": "young carer", "8B": "privately fostered", "8C": "privately fostered", "8D": "privately fostered", "8E": "privately fostered",
            "8F": "privately fostered", "9A": "unaccompanied asylum-seeking child", "10A": "going or being missing", "11A": "child sexual exploitation",
            "12A": "trafficking", "13A": "gangs", "14A": "socially unacceptable behaviour", "15A": "self-harm", "16A": "neglect",
            "17A": "emotional abuse", "18B": "physical abuse by another child", "18C": "physical abuse by an adult",
            "19B": "sexual abuse by another child", "19C": "sexual abuse by an adult", "20": "other", "21": "no factors identified",
            "22A": "female genital mutilation", "23A": "abuse linked to faith or belief", "24A": "child criminal exploitation",
        ]
        return words[code].map { "\($0) (\(code))" } ?? "code \(code)"
    }

    /// A child protection plan's category of abuse.
    public static func abuseCategory(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        let words = ["NEG": "neglect", "PHY": "physical abuse", "SAB": "sexual abuse", "EMO": "emotional abuse", "MUL": "multiple categories"]
        return words[code] ?? "code \(code)"
    }

    /// A CIN episode's reason for closure.
    public static func closureReason(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        let words = [
            "RC1": "adopted", "RC2": "died", "RC3": "child arrangements order", "RC4": "special guardianship order",
            "RC5": "transferred to another local authority", "RC6": "transferred to adult social care",
            "RC7": "services ceased, including no longer in need", "RC8": "closed after assessment, no further action",
            "RC9": "closed after assessment, referred to early help",
        ]
        return words[code] ?? "code \(code)"
    }

    /// A referral's source.
    public static func referralSource(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        let words = [
            "1A": "family member, relative or carer", "1B": "acquaintance", "1C": "the child", "1D": "another individual",
            "2A": "school", "2B": "education services", "3A": "GP", "3B": "health visitor", "3C": "school nurse",
            "3D": "other primary health services", "3E": "A&E", "3F": "other health services", "4": "housing",
            "5A": "social care", "5B": "other local authority service", "5C": "another local authority", "5D": "early help",
            "6": "police", "7": "other legal agency", "8": "other", "9": "anonymous", "10": "unknown",
        ]
        return words[code] ?? "code \(code)"
    }

    /// An SSDA903 legal status (`LS`).
    public static func legalStatus(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        let words = [
            "C1": "interim care order", "C2": "full care order", "D1": "freeing order", "E1": "placement order",
            "J1": "remanded to local authority accommodation", "J2": "placed under police protection (PACE)",
            "J3": "sentenced to a youth rehabilitation order with residence requirement",
            "L1": "under police protection", "L2": "emergency protection order", "L3": "child assessment order",
            "V2": "accommodated under section 20", "V3": "short break (single)", "V4": "short breaks (series)",
        ]
        return words[code] ?? "code \(code)"
    }

    /// An SSDA903 placement type (`PLACE`).
    public static func placement(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        let words = [
            "A3": "placed for adoption with a former foster carer (placement order)", "A4": "placed for adoption (placement order)",
            "A5": "placed for adoption with a former foster carer", "A6": "placed for adoption",
            "K1": "secure children's home", "K2": "children's home", "P1": "placed with parents",
            "P2": "independent living", "P3": "residential employment", "R1": "residential care home",
            "R2": "NHS or health trust setting", "R3": "family centre or mother and baby unit", "R5": "young offender institution or prison",
            "S1": "residential school", "T0": "temporary placement", "T1": "temporary placement", "T2": "temporary placement",
            "T3": "temporary placement", "T4": "temporary placement",
            "U1": "foster placement with a relative or friend", "U2": "foster placement with a relative or friend",
            "U3": "foster placement with a relative or friend", "U4": "foster placement", "U5": "foster placement",
            "U6": "foster placement", "Z1": "other placement",
        ]
        return words[code].map { "\($0) (\(code))" } ?? "code \(code)"
    }

    /// An SSDA903 missing row's kind.
    public static func missingKind(_ code: String?) -> String {
        code == "A" ? "Away without authorisation" : "Missing"
    }
}

import OversightCore

/// Reads the values of Annex A cells: text dates, codes behind drop-down labels, yes/no answers.
///
/// Ofsted's template offers drop-down answers labelled with a letter, such as `a) Yes`,
/// `q) 6: Police`, `e) PR4 - Private provision` or `k) E47: Special Guardianship Orders`; many
/// local authorities write the bare code (`6`, `PR4`, `E47`) or the label without the letter.
public enum AnnexAValue {
    /// A date written as text: `dd/mm/yyyy` (one-digit day or month accepted), `dd-mm-yyyy`,
    /// `dd.mm.yyyy` or `yyyy-mm-dd`, optionally followed by a time (`16/09/2020 00:00:00`,
    /// `2020-09-16T00:00:00`), which is ignored. Nil for anything else, including dates that do
    /// not exist and two-digit years.
    public static func day(fromText text: String) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let datePart = t.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? t
        if let d = Day.parseISO(datePart) { return d }
        let slashed = datePart.replacingOccurrences(of: "-", with: "/").replacingOccurrences(of: ".", with: "/")
        return Day.parseUK(slashed)
    }

    /// The label with its drop-down letter removed: `q) 6: Police` -> `6: Police`.
    public static func strippingOption(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let paren = t.firstIndex(of: ")") else { return t }
        let prefix = t[t.startIndex..<paren]
        guard (1...2).contains(prefix.count), prefix.allSatisfy({ $0.isASCII && $0.isLetter }) else { return t }
        return t[t.index(after: paren)...].trimmingCharacters(in: .whitespaces)
    }

    /// The code at the start of a label, upper-cased: `q) 6: Police` -> `6`,
    /// `N1 - Abuse or Neglect` -> `N1`, `e) PR4 - Private provision` -> `PR4`, `C2: FCO` -> `C2`,
    /// `RD2` -> `RD2`. The code is what comes before `:` or ` - `; a value with neither is a code
    /// only when it is a single word holding a digit or written in capitals (`u6`, `NEG`). Nil when
    /// blank or when the label carries no code ("Physical abuse", "Police").
    public static func code(_ text: String) -> String? {
        let t = strippingOption(text)
        guard !t.isEmpty else { return nil }
        var head = t
        if let r = t.range(of: " - ") { head = String(t[t.startIndex..<r.lowerBound]) }
        if let c = head.firstIndex(of: ":") { head = String(head[head.startIndex..<c]) }
        head = head.trimmingCharacters(in: .whitespaces)
        guard !head.isEmpty, !head.contains(" ") else { return nil }
        let labelled = head.count < t.count
        guard labelled || head.contains(where: \.isNumber) || head == head.uppercased() else { return nil }
        return head.uppercased()
    }

    /// A yes/no answer: `a) Yes`, `Yes`, `Y`, `1`, `true` are true; `b) No`, `No`, `N`, `0`,
    /// `false` are false; anything else (blank included) is nil.
    public static func flag(_ text: String) -> Bool? { parseFlag(strippingOption(text)) }

    /// A whole number (`3`, `3.0`); nil when blank or not a whole number.
    public static func count(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(t) { return n }
        if let d = Double(t), d == d.rounded(), abs(d) < 1e9 { return Int(d) }
        return nil
    }

    /// A category of abuse as the CIN census codes it (PHY, EMO, SAB, NEG, MUL), from the code
    /// or from the words of the label ("Physical abuse", "b) Neglect", "Multiple/not recommended").
    public static func abuseCategory(_ text: String) -> String? {
        let codes: Set<String> = ["PHY", "EMO", "SAB", "NEG", "MUL"]
        if let c = code(text), codes.contains(c) { return c }
        let words = strippingOption(text).lowercased()
        if words.contains("multiple") || words.contains("mixed") { return "MUL" }
        if words.contains("physical") { return "PHY" }
        if words.contains("emotional") { return "EMO" }
        if words.contains("sexual") { return "SAB" }
        if words.contains("neglect") { return "NEG" }
        return nil
    }
}

/// The eleven lists of Ofsted's ILACS (inspection of local authority children's services)
/// Annex A workbook, one sheet each, named "List 1" to "List 11".
public enum AnnexAList: Int, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// Contacts in the period.
    case list1 = 1
    /// Early help assessments.
    case list2
    /// Referrals.
    case list3
    /// Children and families (continuous) assessments.
    case list4
    /// Section 47 enquiries and initial child protection conferences (ICPC).
    case list5
    /// Children in need (CIN).
    case list6
    /// Children subject to a child protection (CP) plan.
    case list7
    /// Children looked after (CLA), with missing counts and return interviews.
    case list8
    /// Care leavers.
    case list9
    /// Children with an adoption decision.
    case list10
    /// Adopters.
    case list11

    /// The sheet name in Ofsted's template: `List 8`.
    public var sheetName: String { "List \(rawValue)" }

    /// What the list holds, in the template's words shortened.
    public var title: String {
        switch self {
        case .list1: "Contacts"
        case .list2: "Early help assessments"
        case .list3: "Referrals"
        case .list4: "Assessments"
        case .list5: "Section 47 enquiries and ICPCs"
        case .list6: "Children in need"
        case .list7: "Child protection plans"
        case .list8: "Children looked after"
        case .list9: "Care leavers"
        case .list10: "Adoption"
        case .list11: "Adopters"
        }
    }

    public var description: String { sheetName }

    public static func < (a: AnnexAList, b: AnnexAList) -> Bool { a.rawValue < b.rawValue }

    /// Recognises a sheet name: "List 8", "list8", "LIST 08", "List 8 - CLA" and "List_8" all
    /// give `.list8`. Nil for anything else, including list numbers outside 1-11.
    public static func recognise(sheetName: String) -> AnnexAList? {
        let t = sheetName.lowercased().trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("list") else { return nil }
        var rest = t.dropFirst(4).drop { $0 == " " || $0 == "_" || $0 == "-" || $0 == "." }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        // "List 10" must not be read as list 1 followed by "0"; a letter straight after the number
        // ("List 8a") is some other sheet.
        if let next = rest.first, next.isLetter { return nil }
        return AnnexAList(rawValue: n)
    }
}

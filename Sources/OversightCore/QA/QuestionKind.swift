/// How a template question is answered.
public enum QuestionKind: String, Codable, Sendable, CaseIterable {
    /// A grade on the Ofsted scale (`Grade` raw values).
    case judgement
    /// `yes`, `partly` or `no`, with evidence in words.
    case yesPartlyNo = "yes-partly-no"
    /// `yes` or `no` (a safeguarding concern, for example), with evidence in words.
    case yesNo = "yes-no"
    /// Words only.
    case freeText = "free-text"

    /// The answers the kind allows (raw values); empty for free text, which takes any words.
    public var options: [String] {
        switch self {
        case .judgement: Grade.allCases.map(\.rawValue)
        case .yesPartlyNo: ["yes", "partly", "no"]
        case .yesNo: ["yes", "no"]
        case .freeText: []
        }
    }

    /// The label users read for an option of this kind.
    public func label(of option: String) -> String {
        switch self {
        case .judgement: Grade(rawValue: option)?.title ?? option
        case .yesPartlyNo:
            switch option {
            case "yes": "Yes, evidenced consistently"
            case "partly": "Partly"
            case "no": "No"
            default: option
            }
        case .yesNo: option == "yes" ? "Yes" : option == "no" ? "No" : option
        case .freeText: option
        }
    }
}

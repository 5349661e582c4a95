import OversightCore

/// One `Assessments` block.
struct CINAssessmentView: Sendable {
    let raw: CINRawBlock
    let start: Day?
    let authorised: Day?
    /// `AssessmentFactors` codes, trimmed and upper-cased, blanks kept as "".
    let factors: [String]

    init(_ raw: CINRawBlock) {
        self.raw = raw
        start = cinDate(raw, "AssessmentActualStartDate")
        authorised = cinDate(raw, "AssessmentAuthorisationDate")
        factors = (raw.lists["AssessmentFactors"] ?? []).map { cinTrim($0).uppercased() }
    }

    var label: String { "assessment started " + (start?.iso ?? "on no date") }
}

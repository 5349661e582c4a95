/// What each validation rule checks, in general words that hold no value from any record: for
/// summaries read by people who may not see child-level data (the board pack). A finding's own
/// message may quote the record (a date of birth, a code, an identifier); these never do.
public enum RuleDescriptions {
    /// The general description of `rule`: the CIN census's and SSDA903's rule tables' words (the
    /// latest year's, where a rule's words changed), Oversight's own checks' words, or a plain
    /// line naming the rule.
    public static func description(of rule: String) -> String {
        table[rule] ?? "A check on the data found a problem (rule \(rule)); the import's findings say more"
    }

    static let table: [String: String] = {
        var out = ownChecks
        for r in SSDA903RuleBook.all.sorted(by: { $0.info.years.upperBound < $1.info.years.upperBound }) { out[r.info.code] = r.info.message }
        for r in CINRuleTable.all.sorted(by: { $0.info.years.upperBound < $1.info.years.upperBound }) { out[r.info.code] = r.info.message }
        return out
    }()

    /// Oversight's own checks on the files' shape, which are not in the DfE's rule tables.
    static let ownChecks: [String: String] = [
        "OV-FILE-UNUSABLE": "A file could not be read at all",
        "OV-CSV-WIDTH": "A row has a different number of values from the header",
        "OV-CSV-EXTRA": "A file has columns that are not part of its table; they were ignored",
        "OV-CSV-QUOTE": "A quoted value is never closed",
        "OV-XML-HEADER": "A child element has no header, so its records cannot be attributed",
        "OV-XML-UNKNOWN": "A file has elements that are not part of the return; they were ignored",
        "OV-LOCAL-REQUIRED": "A required value of a local file is blank",
        "OV-LOCAL-CODE": "A value of a local file is not one of its codes",
        "OV-LOCAL-DATE": "A date or time of a local file cannot be read",
        "OV-LOCAL-FLAG": "A yes-or-no value of a local file is not Y or N",
        "OV-LOCAL-ORDER": "An end of a local record is before its start",
        "OV-ANNEXA-HEADER": "An Annex A list's header row cannot be found",
        "OV-ANNEXA-REQUIRED": "An Annex A list lacks a column it needs",
        "OV-ANNEXA-COLUMN": "An Annex A list has a column Oversight does not know",
        "OV-ANNEXA-CELL": "An Annex A cell is not of the kind its column expects",
        "OV-ANNEXA-DATE": "An Annex A date cannot be read",
        "OV-ANNEXA-ID": "An Annex A row has no child identifier",
        "OV-ANNEXA-LIST": "An Annex A list is missing from the workbook",
        "OV-ANNEXA-SHEET": "An Annex A sheet cannot be read",
    ]
}

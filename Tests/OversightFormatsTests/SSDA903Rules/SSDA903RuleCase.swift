import OversightCore
import OversightFormats
import Testing

/// One table's rows for a test, each a dictionary of column to value (missing columns are blank).
typealias Rows = [[String: String]]

/// A small synthetic return and whether one rule should flag it.
struct SSDA903RuleCase: CustomTestStringConvertible, Sendable {
    let code: String
    let year: Int
    let tables: [SSDA903Table: Rows]
    let previous: [SSDA903Table: Rows]?
    let flagged: Bool
    let note: String

    var testDescription: String { "\(code) \(flagged ? "flags" : "passes") \(note) (\(year))" }

    /// Builds the return from the rows, in each table's column order.
    static func makeReturn(_ tables: [SSDA903Table: Rows], year: Int, file: String = "test") -> SSDA903Return {
        var out: [SSDA903Table: RawTable] = [:]
        for (table, rows) in tables {
            let raw = rows.enumerated().map { n, row in
                RawRow(row: n + 1, values: table.columns.map { row[$0] ?? "" })
            }
            out[table] = RawTable(file: "\(file)-\(table.rawValue).csv", table: table, collectionYear: year, rows: raw)
        }
        return SSDA903Return(collectionYear: year, tables: out)
    }

    /// The findings of this case's rule.
    func findings() -> [ValidationIssue] {
        let current = Self.makeReturn(tables, year: year)
        let last = previous.map { Self.makeReturn($0, year: year - 1, file: "last") }
        return SSDA903Validator.validate(current, previous: last).filter { $0.rule == code }
    }
}

/// A case the rule must not flag.
func pass(
    _ code: String, _ note: String = "", year: Int = 2024, _ tables: [SSDA903Table: Rows],
    previous: [SSDA903Table: Rows]? = nil
) -> SSDA903RuleCase {
    SSDA903RuleCase(code: code, year: year, tables: tables, previous: previous, flagged: false, note: note)
}

/// A case the rule must flag.
func fail(
    _ code: String, _ note: String = "", year: Int = 2024, _ tables: [SSDA903Table: Rows],
    previous: [SSDA903Table: Rows]? = nil
) -> SSDA903RuleCase {
    SSDA903RuleCase(code: code, year: year, tables: tables, previous: previous, flagged: true, note: note)
}

/// A header row; by default a boy born 1 January 2010 (sex coded for 2023-24).
func hdr(
    _ child: String = "1", sex: String = "1", dob: String = "01/01/2010", ethnic: String = "WBRI",
    upn: String = "A123456789012", mother: String = "", mcDOB: String = ""
) -> [String: String] {
    ["CHILD": child, "SEX": sex, "DOB": dob, "ETHNIC": ethnic, "UPN": upn, "MOTHER": mother, "MC_DOB": mcDOB]
}

/// An episode row; by default a child starting care on 1 June 2023 in foster care, still open.
func ep(
    _ child: String = "1", decom: String = "01/06/2023", rne: String = "S", ls: String = "C2", cin: String = "N1",
    place: String = "U1", provider: String = "PR1", dec: String = "", rec: String = "", reason: String = "",
    home: String = "", pl: String = "", urn: String = ""
) -> [String: String] {
    [
        "CHILD": child, "DECOM": decom, "RNE": rne, "LS": ls, "CIN": cin, "PLACE": place, "PLACE_PROVIDER": provider,
        "DEC": dec, "REC": rec, "REASON_PLACE_CHANGE": reason, "HOME_POST": home, "PL_POST": pl, "URN": urn,
    ]
}

/// A row of any other table; `CHILD` defaults to "1".
func row(_ values: [String: String]) -> [String: String] {
    var v = values
    if v["CHILD"] == nil { v["CHILD"] = "1" }
    return v
}

/// Runs a table of cases.
func check(_ c: SSDA903RuleCase) {
    let found = c.findings()
    if c.flagged {
        #expect(!found.isEmpty, "rule \(c.code) should flag: \(c.note)")
    } else {
        #expect(found.isEmpty, "rule \(c.code) should pass: \(c.note); got \(found.map { "\($0.table) row \($0.row ?? 0)" })")
    }
}

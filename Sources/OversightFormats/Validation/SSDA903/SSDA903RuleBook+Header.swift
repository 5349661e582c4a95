import OversightCore

extension SSDA903RuleBook {
    /// Rules on the Header table: the child's sex, birth date, ethnicity, UPN and motherhood.
    static let headerRules: [SSDA903Rule] = [
        SSDA903Rule("101", [.header], ["SEX"], "Sex is not a valid code (1 or 2)", years: 2024...2024) { c in
            c.rows(.header) { t, i in !SSDA903CodeLists.sex(2024).contains(t.code(i, "SEX")) }
        },
        SSDA903Rule("101", [.header], ["SEX"], "Sex is not a valid code (M, F or U)", years: 2025...lastYear) { c in
            c.rows(.header) { t, i in !SSDA903CodeLists.sex(2025).contains(t.code(i, "SEX")) }
        },
        SSDA903Rule("232", .query, [.header], ["SEX"], "Sex is recorded as unknown (U); check it", years: 2025...lastYear) { c in
            c.rows(.header) { t, i in t.code(i, "SEX") == "U" }
        },
        SSDA903Rule("102", [.header], ["DOB"], "Date of birth (DOB) is missing or not a valid dd/mm/yyyy date") { c in
            c.rows(.header) { t, i in t.date(i, "DOB") == nil }
        },
        SSDA903Rule("103", [.header], ["ETHNIC"], "Ethnicity is missing or not a valid code") { c in
            c.rows(.header) { t, i in !SSDA903CodeLists.ethnic.contains(t.code(i, "ETHNIC")) }
        },
        SSDA903Rule("168", [.header], ["UPN"], "Unique Pupil Number (UPN) is not valid; if unknown use UN1 to UN5") { c in
            c.rows(.header) { t, i in !t.isBlank(i, "UPN") && !SSDA903CodeLists.isValidUPN(t.code(i, "UPN")) }
        },
        SSDA903Rule("171", [.header], ["MC_DOB"], "Date of birth of the mother's child (MC_DOB) is not a valid date") { c in
            c.rows(.header) { t, i in t.isInvalidDate(i, "MC_DOB") }
        },
        SSDA903Rule("174", [.header], ["SEX", "MC_DOB"], "A date of birth of the mother's child is recorded but the child is male") { c in
            let male = SSDA903CodeLists.male(c.year)
            return c.rows(.header) { t, i in t.code(i, "SEX") == male && !t.isBlank(i, "MC_DOB") }
        },
        SSDA903Rule("301", [.header], ["DOB"], "Date of birth is after the end of the collection year") { c in
            c.rows(.header) { t, i in t.date(i, "DOB").map { $0 > c.end } ?? false }
        },
        SSDA903Rule("351", [.header], ["DOB"], "Child was over 25 at the start of the collection year") { c in
            c.rows(.header) { t, i in t.date(i, "DOB").map { $0.adding(years: 25) < c.start } ?? false }
        },
        SSDA903Rule("209", [.header], ["UPN", "DOB"], "Child is of school age and should not have the unknown UPN code UN1") { c in
            let reference = Day(year: c.start.year - 1, month: 8, day: 31)!
            return c.rows(.header) { t, i in
                t.code(i, "UPN") == "UN1" && (t.date(i, "DOB").map { $0.adding(years: 4) <= reference } ?? false)
            }
        },
        SSDA903Rule("611", [.header], ["MOTHER", "MC_DOB"], "Child is recorded as a mother (MOTHER 1) but the date of birth of her child is blank") { c in
            c.rows(.header) { t, i in t.code(i, "MOTHER") == "1" && t.isBlank(i, "MC_DOB") }
        },
        SSDA903Rule("612", [.header], ["SEX", "MOTHER", "MC_DOB"], "A date of birth of the mother's child is recorded but MOTHER is not 1") { c in
            let female = SSDA903CodeLists.female(c.year)
            return c.rows(.header) { t, i in
                let m = t.code(i, "MOTHER")
                return (m == "0" || m.isEmpty) && t.code(i, "SEX") == female && !t.isBlank(i, "MC_DOB")
            }
        },
        SSDA903Rule("620", [.header], ["DOB", "MOTHER"], "Child is recorded as a mother but was under 11 at the start of the year") { c in
            c.rows(.header) { t, i in
                t.code(i, "MOTHER") == "1" && (t.date(i, "DOB").map { $0.adding(years: 11) > c.start } ?? false)
            }
        },
        SSDA903Rule("621", [.header], ["DOB", "MC_DOB"], "The mother's child was born on or before the mother") { c in
            c.rows(.header) { t, i in
                guard let mc = t.date(i, "MC_DOB"), let dob = t.date(i, "DOB") else { return false }
                return mc <= dob
            }
        },
        SSDA903Rule("444", [.header], ["UPN"], "The same UPN is reported for more than one child", years: 2026...lastYear) { c in
            guard let t = c.table(.header) else { return [] }
            var count: [String: Int] = [:]
            for i in 0..<t.count { count[t.code(i, "UPN"), default: 0] += 1 }
            return c.rows(.header) { t, i in
                let u = t.code(i, "UPN")
                return !u.isEmpty && !u.hasPrefix("UN") && count[u, default: 0] > 1
            }
        },
        SSDA903Rule("442", [.header, .episodes], ["UPN"], "Child has an episode that is not a short break but no UPN") { c in
            c.rows(.header) { t, i in
                guard t.isBlank(i, "UPN"), let child = t.children[i] else { return false }
                return c.episodesByChild[child]?.contains { $0.ls != "V3" && $0.ls != "V4" } ?? false
            }
        },
        SSDA903Rule("393", [.header, .episodes], ["MOTHER"], "Girl is looked after (not only on short breaks) but MOTHER is blank") { c in
            let female = SSDA903CodeLists.female(c.year)
            return c.rows(.header) { t, i in
                guard t.code(i, "SEX") == female, t.isBlank(i, "MOTHER"), let child = t.children[i] else { return false }
                return c.episodesByChild[child]?.contains { $0.ls != "V3" && $0.ls != "V4" } ?? false
            }
        },
        SSDA903Rule("607", [.header, .episodes], ["DEC", "REC", "MOTHER", "LS", "SEX"], "Girl ceased to be looked after in the year but MOTHER is blank") { c in
            let female = SSDA903CodeLists.female(c.year)
            var hits: [SSDA903Hit] = []
            guard let h = c.table(.header) else { return [] }
            for e in c.episodes {
                guard let child = e.child, let hi = c.headerRow[child], let dec = e.dec, dec >= c.start, dec <= c.end,
                    !e.rec.isEmpty, e.rec != "X1", e.ls != "V3", e.ls != "V4",
                    h.code(hi, "SEX") == female, h.isBlank(hi, "MOTHER")
                else { continue }
                hits.append(SSDA903Hit(table: .episodes, index: e.index))
                hits.append(SSDA903Hit(table: .header, index: hi))
            }
            return hits
        },
    ]
}

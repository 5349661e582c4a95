import OversightCore

extension SSDA903RuleBook {
    /// Rules on episodes of being missing or away from placement without authorisation.
    static let missingRules: [SSDA903Rule] = [
        SSDA903Rule("1004", [.missing], ["MIS_START"], "Start date of the missing or away episode is not a valid date") { c in
            c.rows(.missing) { t, i in t.isInvalidDate(i, "MIS_START") }
        },
        SSDA903Rule("1005", [.missing], ["MIS_END"], "End date of the missing or away episode is not a valid date") { c in
            c.rows(.missing) { t, i in t.isInvalidDate(i, "MIS_END") }
        },
        SSDA903Rule("1006", [.missing], ["MISSING"], "Missing type is not valid (M missing or A away without authorisation)") { c in
            c.rows(.missing) { t, i in !t.isBlank(i, "MISSING") && !SSDA903CodeLists.missing.contains(t.code(i, "MISSING")) }
        },
        SSDA903Rule("564", [.missing], ["MISSING", "MIS_START"], "Child was missing or away but the start date is blank") { c in
            c.rows(.missing) { t, i in SSDA903CodeLists.missing.contains(t.code(i, "MISSING")) && t.isBlank(i, "MIS_START") }
        },
        SSDA903Rule("565", [.missing], ["MISSING", "MIS_START"], "A missing start date is given but whether the child was missing or away (MISSING) is blank") { c in
            c.rows(.missing) { t, i in !t.isBlank(i, "MIS_START") && t.isBlank(i, "MISSING") }
        },
        SSDA903Rule("566", [.missing], ["MISSING", "MIS_END"], "A missing end date is given but whether the child was missing or away (MISSING) is blank") { c in
            c.rows(.missing) { t, i in !t.isBlank(i, "MIS_END") && t.isBlank(i, "MISSING") }
        },
        SSDA903Rule("567", [.missing], ["MIS_START", "MIS_END"], "The missing episode ended before it started") { c in
            c.rows(.missing) { t, i in
                guard let s = t.date(i, "MIS_START"), let e = t.date(i, "MIS_END") else { return false }
                return e < s
            }
        },
        SSDA903Rule("570", [.missing], ["MIS_START"], "The missing episode starts after the end of the collection year") { c in
            c.rows(.missing) { t, i in t.date(i, "MIS_START").map { $0 > c.end } ?? false }
        },
        SSDA903Rule("571", [.missing], ["MIS_END"], "The missing episode ends before the start or after the end of the collection year") { c in
            c.rows(.missing) { t, i in t.date(i, "MIS_END").map { $0 < c.start || $0 > c.end } ?? false }
        },
        SSDA903Rule("586", [.missing], ["MIS_START", "DOB"], "The missing episode starts on or before the child's date of birth") { c in
            c.rows(.missing) { t, i in
                guard let s = t.date(i, "MIS_START"), let dob = t.date(i, "DOB") else { return false }
                return s <= dob
            }
        },
        SSDA903Rule("574", [.missing], ["MIS_START", "MIS_END"], "A missing episode starts while the previous one is still open, or missing episodes overlap") { c in
            guard let t = c.table(.missing) else { return [] }
            var hits: [SSDA903Hit] = []
            for (_, rows) in t.rowsByChild where rows.count > 1 {
                let dated = rows.compactMap { i in t.date(i, "MIS_START").map { (i, $0, t.date(i, "MIS_END")) } }
                    .sorted { ($0.2 ?? $0.1, $0.1) < ($1.2 ?? $1.1, $1.1) }
                for k in dated.indices.dropFirst() {
                    let prev = dated[k - 1], cur = dated[k]
                    if prev.2 == nil || cur.1 < prev.2! { hits.append(SSDA903Hit(table: .missing, index: cur.0)) }
                }
            }
            return hits
        },
        SSDA903Rule(
            "578", [.missing, .episodes], ["MIS_START"], "The missing episode starts after the child ceased to be looked after (after care ended, or between periods of care)"
        ) { c in
            c.rows(.missing) { t, i in
                guard let s = t.date(i, "MIS_START"), let child = t.children[i], let eps = c.episodesByChild[child] else { return false }
                let inCare = eps.contains { e in
                    guard let start = e.decom, start <= s else { return false }
                    return e.dec.map { s <= $0 } ?? e.decText.isEmpty
                }
                return !inCare && eps.contains { $0.dec.map { $0 < s } ?? false }
            }
        },
        SSDA903Rule("581", [.missing, .episodes], ["MIS_START"], "The missing episode starts before the child started to be looked after") { c in
            c.rows(.missing) { t, i in
                guard let s = t.date(i, "MIS_START"), let child = t.children[i],
                    let firstStart = c.episodesByChild[child]?.compactMap(\.decom).min()
                else { return false }
                return s < firstStart
            }
        },
        SSDA903Rule("577", [.missing, .episodes], ["MIS_END"], "Child ceased to be looked after but a missing episode has no end date") { c in
            c.rows(.missing) { t, i in
                guard t.isBlank(i, "MIS_END"), let s = t.date(i, "MIS_START"), let child = t.children[i],
                    let eps = c.episodesByChild[child], !eps.isEmpty
                else { return false }
                if eps.contains(where: { $0.decom != nil && $0.decText.isEmpty }) { return false }
                guard let lastEnd = eps.compactMap(\.dec).max() else { return false }
                return s <= lastEnd
            }
        },
    ]
}

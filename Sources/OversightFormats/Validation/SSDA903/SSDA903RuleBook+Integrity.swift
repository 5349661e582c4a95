import OversightCore

extension SSDA903RuleBook {
    private static func notInHeader(_ code: String, _ table: SSDA903Table) -> SSDA903Rule {
        SSDA903Rule(code, [table, .header], ["CHILD"], "Child in the \(table.rawValue) table is not in the Header table") { c in
            c.rows(table) { t, i in t.children[i].map { c.headerRow[$0] == nil } ?? false }
        }
    }

    private static func dobDiffers(_ code: String, _ table: SSDA903Table) -> SSDA903Rule {
        SSDA903Rule(code, [table, .header], ["DOB"], "Date of birth in the \(table.rawValue) table differs from the Header table") { c in
            guard let h = c.table(.header) else { return [] }
            return c.rows(table) { t, i in
                guard let child = t.children[i], let hi = c.headerRow[child] else { return false }
                // An invalid date is reported by its own rule (102); this one compares valid dates.
                guard let here = t.date(i, "DOB"), let there = h.date(hi, "DOB") else { return false }
                return here != there
            }
        }
    }

    private static func duplicated(_ code: String, _ table: SSDA903Table) -> SSDA903Rule {
        SSDA903Rule(code, [table], ["CHILD"], "Child appears more than once in the \(table.rawValue) table") { c in
            guard let t = c.table(table) else { return [] }
            return t.rowsByChild.values.filter { $0.count > 1 }.flatMap { $0.map { SSDA903Hit(table: table, index: $0) } }
        }
    }

    /// The DfE's internal consistency checks between the tables (INT codes) and the EPI check.
    static let integrityRules: [SSDA903Rule] = [
        notInHeader("INT01", .ad1), notInHeader("INT02", .placedAdoption), notInHeader("INT03", .episodes),
        notInHeader("INT04", .missing), notInHeader("INT05", .oc2), notInHeader("INT06", .oc3),
        notInHeader("INT07", .prevPerm), notInHeader("INT08", .reviews), notInHeader("INT09", .uasc),
        dobDiffers("INT11", .ad1), dobDiffers("INT12", .placedAdoption), dobDiffers("INT13", .missing),
        dobDiffers("INT14", .oc2), dobDiffers("INT15", .oc3), dobDiffers("INT16", .prevPerm),
        dobDiffers("INT17", .reviews), dobDiffers("INT18", .uasc),
        SSDA903Rule("INT21", [.uasc, .header], ["SEX"], "Sex in the UASC table differs from the Header table") { c in
            guard let h = c.table(.header) else { return [] }
            return c.rows(.uasc) { t, i in
                guard let child = t.children[i], let hi = c.headerRow[child] else { return false }
                return t.code(i, "SEX") != h.code(hi, "SEX")
            }
        },
        duplicated("INT31", .ad1), duplicated("INT32", .header), duplicated("INT33", .oc2),
        duplicated("INT34", .oc3), duplicated("INT35", .prevPerm), duplicated("INT36", .uasc),
        SSDA903Rule("EPI", .warning, [.header], ["CHILD"], "Child is in the Header table but has no episodes and no care leaver (OC3) record") { c in
            let episodes = c.table(.episodes)?.rowsByChild
            let oc3 = c.table(.oc3)?.rowsByChild
            return c.rows(.header) { t, i in
                guard let child = t.children[i] else { return false }
                return episodes?[child] == nil && oc3?[child] == nil
            }
        },
    ]

    /// The sex code as M/F/U whichever year's coding it uses (1 and 2 were replaced by M and F in 2024-25).
    private static func sexCode(_ s: String) -> String {
        switch s {
        case "1": "M";
        case "2": "F";
        default: s
        }
    }

    /// Rules comparing with the previous year's header: the DfE's 202-208 family.
    private static func headerChanged(
        _ code: String, _ field: String, _ message: String,
        normalise: @escaping @Sendable (String) -> String = { $0 }
    ) -> SSDA903Rule {
        SSDA903Rule(code, [.header], [field], message, needsPrevious: true) { c in
            guard let last = c.previousTable(.header) else { return [] }
            return c.rows(.header) { t, i in
                guard let child = t.children[i], let li = c.previousHeaderRow[child] else { return false }
                return normalise(t.code(i, field)) != normalise(last.code(li, field))
            }
        }
    }

    /// Fields of the first episode this year that must carry over from last year's open episode.
    private static func carriedOver(
        _ code: String, _ field: String, _ message: String,
        _ value: @escaping @Sendable (SSDA903Episode) -> String
    ) -> SSDA903Rule {
        SSDA903Rule(code, [.episodes], [field], message, needsPrevious: true) { c in
            c.episodesPerChild { child, eps in
                guard let first = eps.first, first.decom != nil, let lastYear = c.previousEpisodesByChild[child]?.last(where: { $0.decom != nil }),
                    lastYear.decText.isEmpty
                else { return [] }
                var now = value(first), before = value(lastYear)
                if code == "503D" {
                    // The DfE allows the placement codes it renamed: H5 became K3 and Z1 became Z11-Z14.
                    if before == "H5" && now == "K3" { now = before }
                    if before == "Z1" && ["Z11", "Z12", "Z13", "Z14"].contains(now) { now = before }
                }
                return now != before ? [first] : []
            }
        }
    }

    /// Rules that compare this year's return with last year's.
    static let previousYearRules: [SSDA903Rule] = [
        headerChanged("202", "SEX", "Sex differs from the sex recorded for this child last year", normalise: sexCode),
        headerChanged("203", "DOB", "Date of birth differs from the date of birth recorded for this child last year"),
        headerChanged("204", "ETHNIC", "Ethnicity differs from the ethnicity recorded for this child last year"),
        SSDA903Rule("208", [.header], ["UPN"], "UPN differs from the UPN recorded for this child last year", needsPrevious: true) { c in
            guard let last = c.previousTable(.header) else { return [] }
            let unknown: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5"]
            return c.rows(.header) { t, i in
                guard let child = t.children[i], let li = c.previousHeaderRow[child] else { return false }
                let now = t.code(i, "UPN"), before = last.code(li, "UPN")
                guard now != before else { return false }
                // The DfE allows a UPN to become known, and UN1 or blank to become UN2-UN5.
                if (before.isEmpty || unknown.contains(before)) && !now.isEmpty && !unknown.contains(now) { return false }
                if (before.isEmpty || before == "UN1") && ["UN2", "UN3", "UN4", "UN5"].contains(now) { return false }
                if before.isEmpty && now == "UN1" { return false }
                return true
            }
        },
        SSDA903Rule("502", [.episodes], ["DECOM"], "Last year's return ended with an open episode but its start date differs from this year's first episode", needsPrevious: true) {
            c in
            c.episodesPerChild { child, eps in
                guard let first = eps.first, let s = first.decom,
                    let open = c.previousEpisodesByChild[child]?.first(where: { $0.decText.isEmpty && $0.decom != nil })
                else { return [] }
                return open.decom != s ? [first] : []
            }
        },
        carriedOver("503A", "RNE", "Reason for new episode of the first episode differs from last year's open episode") { $0.rne },
        carriedOver("503B", "LS", "Legal status of the first episode differs from last year's open episode") { $0.ls },
        carriedOver("503C", "CIN", "Category of need of the first episode differs from last year's open episode") { $0.cin },
        carriedOver("503D", "PLACE", "Placement type of the first episode differs from last year's open episode") { $0.place },
        carriedOver("503E", "PLACE_PROVIDER", "Placement provider of the first episode differs from last year's open episode") { $0.provider },
        carriedOver("503F", "URN", "Ofsted URN of the first episode differs from last year's open episode") { $0.urn },
        SSDA903Rule("576", [.missing], ["CHILD"], "Last year's return has an open missing episode for this child, but this year's has no matching episode", needsPrevious: true) {
            c in
            guard let last = c.previousTable(.missing), let now = c.table(.missing) else { return [] }
            var hits: [SSDA903Hit] = []
            for (child, rows) in last.rowsByChild {
                for li in rows where last.isBlank(li, "MIS_END") && !last.isBlank(li, "MIS_START") {
                    let start = last.text(li, "MIS_START")
                    let matched = now.rowsByChild[child]?.contains { now.text($0, "MIS_START") == start } ?? false
                    if !matched, let first = now.rowsByChild[child]?.first { hits.append(SSDA903Hit(table: .missing, index: first)) }
                }
            }
            return hits
        },
    ]
}

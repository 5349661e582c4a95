import OversightCore

extension SSDA903RuleBook {
    /// Episodes of the child from last year's and this year's returns, without repeats (an
    /// episode open at last year's end appears in both), sorted by start.
    static func history(_ c: SSDA903Context, _ child: ChildID) -> [SSDA903Episode] {
        var byStart: [Day: SSDA903Episode] = [:]
        for e in c.previousEpisodesByChild[child] ?? [] { if let s = e.decom { byStart[s] = e } }
        for e in c.episodesByChild[child] ?? [] { if let s = e.decom { byStart[s] = e } }
        return byStart.values.sorted { $0.decom! < $1.decom! }
    }

    /// Rows of this year's PlacedAdoption joined with last year's rows of the same child.
    private static func placedPairs(_ c: SSDA903Context, _ predicate: (SSDA903IndexedTable, Int, SSDA903IndexedTable, [Int]) -> Bool) -> [SSDA903Hit] {
        guard let last = c.previousTable(.placedAdoption) else { return [] }
        return c.rows(.placedAdoption) { t, i in
            guard let child = t.children[i] else { return false }
            return predicate(t, i, last, last.rowsByChild[child] ?? [])
        }
    }

    /// Rules comparing this year's return with last year's beyond the header and first episode:
    /// motherhood, UASC status, adoption decisions, care leavers' histories and DoLOs.
    static let historyRules: [SSDA903Rule] = [
        SSDA903Rule("207", [.header, .episodes], ["MOTHER"], "Child was recorded as a mother last year but not this year", needsPrevious: true) { c in
            guard let last = c.previousTable(.header) else { return [] }
            return c.rows(.header) { t, i in
                guard let child = t.children[i], let li = c.previousHeaderRow[child], c.episodesByChild[child] != nil else { return false }
                return last.code(li, "MOTHER") == "1" && t.code(i, "MOTHER") != "1"
            }
        },
        SSDA903Rule("624", [.header], ["MC_DOB"], "Date of birth of the mother's first child differs from last year's", needsPrevious: true) { c in
            guard let last = c.previousTable(.header) else { return [] }
            return c.rows(.header) { t, i in
                guard let child = t.children[i], let li = c.previousHeaderRow[child], !last.isBlank(li, "MC_DOB") else { return false }
                // A care leaver not looked after this year must leave it blank (rule 628): no contradiction.
                if t.isBlank(i, "MC_DOB") && c.episodesByChild[child] == nil { return false }
                return t.text(i, "MC_DOB") != last.text(li, "MC_DOB")
            }
        },
        SSDA903Rule("626", [.header], ["MOTHER", "MC_DOB"], "Child became a mother this year but her child's date of birth is before the collection year", needsPrevious: true) {
            c in
            guard let last = c.previousTable(.header) else { return [] }
            return c.rows(.header) { t, i in
                guard let child = t.children[i], let li = c.previousHeaderRow[child], let born = t.date(i, "MC_DOB") else { return false }
                return t.code(i, "MOTHER") == "1" && last.code(li, "MOTHER") == "0" && born < c.start
            }
        },
        SSDA903Rule("205D", [.header, .uasc], ["UASC", "CHILD"], "Child is UASC this year but was not UASC in last year's return", needsPrevious: true) { c in
            guard let lastUASC = c.previousTable(.uasc) else { return [] }
            return c.rows(.header) { t, i in
                guard let child = t.children[i], c.uascChildren.contains(child), c.previousHeaderRow[child] != nil else { return false }
                return lastUASC.rowsByChild[child] == nil
            }
        },
        SSDA903Rule("559", [.placedAdoption], ["DATE_PLACED"], "Decision to place for adoption is dated before this year but was not in last year's return", needsPrevious: true) {
            c in
            placedPairs(c) { t, i, last, rows in
                guard let d = t.date(i, "DATE_PLACED"), d < c.start else { return false }
                return !rows.contains { !last.isBlank($0, "DATE_PLACED") }
            }
        },
        SSDA903Rule(
            "560", [.placedAdoption], ["DATE_PLACED", "DATE_PLACED_CEASED"], "Decision to place for adoption differs from last year's although last year's was not reversed",
            needsPrevious: true
        ) { c in
            placedPairs(c) { t, i, last, rows in
                rows.contains { r in
                    !last.isBlank(r, "DATE_PLACED") && last.isBlank(r, "DATE_PLACED_CEASED") && last.text(r, "DATE_PLACED") != t.text(i, "DATE_PLACED")
                }
            }
        },
        SSDA903Rule("561", [.placedAdoption], ["DATE_PLACED"], "Decision to place for adoption is the same as last year's, which was recorded as reversed", needsPrevious: true) {
            c in
            placedPairs(c) { t, i, last, rows in
                rows.contains { r in
                    last.text(r, "DATE_PLACED") == t.text(i, "DATE_PLACED")
                        && (!last.isBlank(r, "DATE_PLACED_CEASED") || !last.isBlank(r, "REASON_PLACED_CEASED"))
                }
            }
        },
        SSDA903Rule(
            "584", [.placedAdoption], ["DATE_PLACED"], "Last year's decision to place for adoption was reversed, so this year's decision must be a later one", needsPrevious: true
        ) { c in
            placedPairs(c) { t, i, last, rows in
                rows.contains { r in
                    guard !last.isBlank(r, "DATE_PLACED_CEASED") || !last.isBlank(r, "REASON_PLACED_CEASED") else { return false }
                    guard let now = t.date(i, "DATE_PLACED") else { return true }
                    return last.date(r, "DATE_PLACED").map { now <= $0 } ?? false
                }
            }
        },
        SSDA903Rule(
            "1002", .query, [.oc3, .episodes], ["IN_TOUCH", "ACTIV", "ACCOM"],
            "This young person has no episodes of care in this or last year's return: confirm they were looked after in an earlier year, or remove the care leaver information",
            needsPrevious: true
        ) { c in
            guard c.previousTable(.episodes) != nil else { return [] }
            return c.rows(.oc3) { t, i in
                guard let child = t.children[i] else { return false }
                return c.episodesByChild[child] == nil && c.previousEpisodesByChild[child] == nil
            }
        },
        SSDA903Rule(
            "1010", [.oc3, .episodes], ["IN_TOUCH", "ACTIV", "ACCOM"], "This young person had an open episode at the end of last year but has no episodes this year",
            needsPrevious: true
        ) { c in
            c.rows(.oc3) { t, i in
                guard let child = t.children[i], c.episodesByChild[child] == nil,
                    let last = c.previousEpisodesByChild[child]?.last(where: { $0.decom != nil })
                else { return false }
                return last.decText.isEmpty
            }
        },
        SSDA903Rule(
            "1001", .query, [.oc3, .episodes, .header], ["IN_TOUCH", "ACTIV", "ACCOM"],
            "The loaded episodes do not show a relevant or former relevant child (13 weeks in care after 14, including a day after 16, and not adopted): confirm from earlier years, or remove the care leaver information",
            needsPrevious: true
        ) { c in
            guard c.previousTable(.episodes) != nil else { return [] }
            return c.rows(.oc3) { t, i in
                guard let child = t.children[i], let dob = c.dob(child), dob.adding(years: 20) > c.end else { return false }
                let eps = history(c, child).filter { $0.ls != "V3" && $0.ls != "V4" }
                guard !eps.isEmpty else { return false }
                if let last = eps.last, last.rec == "E11" || last.rec == "E12" { return true }
                let at14 = dob.adding(years: 14), at16 = dob.adding(years: 16)
                var after14 = 0, after16 = 0
                for e in eps {
                    guard let s = e.decom, let end = e.dec ?? (e.decText.isEmpty ? c.end : nil) else { continue }
                    after14 += max(0, max(s, at14).days(to: end))
                    after16 += max(0, max(s, at16).days(to: end))
                }
                return after14 < 91 || after16 < 1
            }
        },
        SSDA903Rule("348", [.oc3], ["IN_TOUCH"], "Care leaver was reported last year as having died (IN_TOUCH DIED)", years: 2026...lastYear, needsPrevious: true) { c in
            guard let last = c.previousTable(.oc3) else { return [] }
            return c.rows(.oc3) { t, i in
                guard let child = t.children[i], t.code(i, "IN_TOUCH") != "DIED" else { return false }
                return last.rowsByChild[child]?.contains { last.code($0, "IN_TOUCH") == "DIED" } ?? false
            }
        },
        SSDA903Rule("NoE", [.episodes], ["DECOM"], "Episode started before this year but the child has no episodes in last year's return", needsPrevious: true) { c in
            guard c.previousTable(.episodes) != nil else { return [] }
            return c.episodes { e in
                guard let s = e.decom, s < c.start, let child = e.child else { return false }
                return c.previousEpisodesByChild[child] == nil
            }
        },
        SSDA903Rule("562", [.episodes], ["DECOM"], "The first episode started before this year but does not match last year's latest episode", needsPrevious: true) { c in
            guard c.previousTable(.episodes) != nil else { return [] }
            return c.episodesPerChild { child, eps in
                guard let first = eps.first, let s = first.decom, s < c.start else { return [] }
                let lastStart = c.previousEpisodesByChild[child]?.compactMap(\.decom).max()
                return lastStart == s ? [] : [first]
            }
        },
        SSDA903Rule(
            "706", [.dolo], ["DOLO_START"], "Last year's return has an open deprivation of liberty order with no matching order starting on the same date this year",
            years: 2027...lastYear, needsPrevious: true
        ) { c in
            guard let last = c.previousTable(.dolo), let now = c.table(.dolo) else { return [] }
            var hits: [SSDA903Hit] = []
            for (child, rows) in last.rowsByChild {
                for r in rows where last.isBlank(r, "DOLO_END") && !last.isBlank(r, "DOLO_START") {
                    let start = last.date(r, "DOLO_START")
                    let current = now.rowsByChild[child] ?? []
                    if !current.contains(where: { now.date($0, "DOLO_START") == start }) {
                        if let first = current.first {
                            hits.append(SSDA903Hit(table: .dolo, index: first))
                        } else if let h = c.headerRow[child] {
                            hits.append(SSDA903Hit(table: .header, index: h))
                        }
                    }
                }
            }
            return hits
        },
    ]

    /// Episodes of the child that overlap a deprivation of liberty order with both dates given.
    private static func doloOverlaps(_ c: SSDA903Context, _ bad: @escaping (String) -> Bool) -> [SSDA903Hit] {
        guard let t = c.table(.dolo) else { return [] }
        var hits: [SSDA903Hit] = []
        for i in 0..<t.count {
            guard let child = t.children[i], let s = t.date(i, "DOLO_START"), let e = t.date(i, "DOLO_END") else { continue }
            for ep in c.episodesByChild[child] ?? [] {
                guard let decom = ep.decom, e >= decom, ep.dec.map({ s <= $0 }) ?? true, bad(ep.place) else { continue }
                hits.append(SSDA903Hit(table: .episodes, index: ep.index))
                hits.append(SSDA903Hit(table: .dolo, index: i))
            }
        }
        return hits
    }

    /// Rules on deprivation of liberty orders against the placements they overlap, and the
    /// 2023-24 rules on freeing orders.
    static let placementHistoryRules: [SSDA903Rule] = [
        SSDA903Rule(
            "709", .query, [.dolo, .episodes], ["DOLO_START", "PLACE"], "Child with a deprivation of liberty order is in an unexpected placement type (expected K2, Z12 or Z13)",
            years: 2027...lastYear
        ) { c in
            doloOverlaps(c) { !["K2", "Z12", "Z13"].contains($0) }
        },
        SSDA903Rule(
            "710", [.dolo, .episodes], ["DOLO_START", "PLACE"],
            "Child with a deprivation of liberty order cannot be in a secure children's home (K1), with parents (P1), in youth custody (R5) or in supported accommodation (K3)",
            years: 2027...lastYear
        ) { c in
            doloOverlaps(c) { ["K1", "P1", "R5", "K3"].contains($0) }
        },
        SSDA903Rule(
            "555", [.episodes, .placedAdoption], ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
            "A freeing order (D1) has been granted but there is no decision that the child should be placed for adoption, or an open one is recorded as reversed",
            years: 2024...2024
        ) { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            var hits = c.episodes { e in e.ls == "D1" && (e.child.map { pa.rowsByChild[$0] == nil } ?? false) }
            hits += c.rows(.placedAdoption) { t, i in
                guard let child = t.children[i], !t.isBlank(i, "DATE_PLACED_CEASED") || !t.isBlank(i, "REASON_PLACED_CEASED") else { return false }
                return c.episodesByChild[child]?.contains { $0.ls == "D1" && $0.decText.isEmpty } ?? false
            }
            return hits
        },
        SSDA903Rule(
            "556", [.episodes, .placedAdoption], ["DATE_PLACED", "DECOM"], "Decision to place for adoption is dated after the freeing order (first D1 episode) was granted",
            years: 2024...2024
        ) { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            return c.episodesPerChild { child, eps in
                guard let firstD1 = eps.first(where: { $0.ls == "D1" && $0.decom != nil }), let s = firstD1.decom,
                    let rows = pa.rowsByChild[child]
                else { return [] }
                return rows.contains { pa.date($0, "DATE_PLACED").map { $0 > s } ?? false } ? [firstD1] : []
            }
        },
    ]
}

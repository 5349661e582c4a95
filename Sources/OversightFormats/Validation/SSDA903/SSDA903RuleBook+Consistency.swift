import OversightCore

extension SSDA903RuleBook {
    /// Placement types that must not carry an Ofsted URN in collection `year`.
    private static func noURN(_ year: Int) -> Set<String> {
        switch year {
        case ...2024: ["P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"]
        case 2025: ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"]
        default: ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"]
        }
    }

    /// Rules checking that related items agree across tables (motherhood, URNs, adoption dates,
    /// previous permanence, missing episodes).
    static let consistencyRules: [SSDA903Rule] = [
        SSDA903Rule("222", [.episodes], ["URN", "PLACE"], "Ofsted URN should not be recorded for this placement type") { c in
            let codes = noURN(c.year)
            return c.episodes { codes.contains($0.place) && !$0.urn.isEmpty && $0.urn != "XXXXXXX" }
        },
        SSDA903Rule("242", [.episodes], ["URN", "PLACE"], "URN XXXXXXX (regional adoption agency) can only be used for adoption and foster placements", years: 2026...lastYear) {
            c in
            let allowed: Set<String> = ["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"]
            return c.episodes { $0.urn == "XXXXXXX" && !allowed.contains($0.place) }
        },
        SSDA903Rule("230", [.episodes], ["PLACE", "DEC", "URN"], "Ofsted URN is required for H5 placements from 28 October 2023", years: 2024...2024) { c in
            let from = Day(year: 2023, month: 10, day: 28)!
            return c.episodes { e in
                e.place == "H5" && (e.dec.map { $0 >= from } ?? e.decText.isEmpty) && (e.urn.isEmpty || e.urn == "XXXXXXX")
            }
        },
        SSDA903Rule("392d", .query, [.episodes], ["HOME_POST", "PL_POST", "PLACE"], "Home and placement postcodes are the same but the child is not placed with parents (P1)") {
            c in
            c.episodes { $0.place != "P1" && !$0.homePost.isEmpty && SSDA903Text.samePostcode($0.homePost, $0.plPost) }
        },
        SSDA903Rule(
            "392b", [.episodes], ["HOME_POST", "PL_POST"], "Child is looked after (not on short breaks, not UASC this year or last) but a home or placement postcode is missing"
        ) { c in
            let lastUASC = Set(c.previousTable(.uasc)?.rowsByChild.keys.map { $0 } ?? [])
            return c.episodes { e in
                guard e.ls != "V3", e.ls != "V4", e.homePost.isEmpty || e.plPost.isEmpty, let child = e.child else { return false }
                return !c.uascChildren.contains(child) && !lastUASC.contains(child)
            }
        },
        SSDA903Rule("437", [.episodes], ["REC"], "The child died or was sentenced to custody (REC E2/E15) but has a later episode") { c in
            c.episodesPerChild { _, eps in
                guard eps.count > 1 else { return [] }
                return (0..<(eps.count - 1)).compactMap { k in
                    ["E2", "E15"].contains(eps[k].rec) && eps[k].decom != nil && eps[k + 1].decom != nil ? eps[k] : nil
                }
            }
        },
        SSDA903Rule(
            "165", [.header, .episodes], ["MOTHER", "SEX"],
            "Mother status (MOTHER) is not valid: it must be 0 or 1, given only for girls, and given for every girl looked after this year"
        ) { c in
            let female = SSDA903CodeLists.female(c.year), male = SSDA903CodeLists.male(c.year)
            let oc3 = c.table(.oc3)
            return c.rows(.header) { t, i in
                let mother = t.code(i, "MOTHER"), sex = t.code(i, "SEX")
                if !mother.isEmpty && !["0", "1"].contains(mother) { return true }
                if !mother.isEmpty && sex == male { return true }
                guard sex == female, let child = t.children[i] else { return false }
                let inYear =
                    c.episodesByChild[child]?.contains { e in
                        guard e.ls != "V3", e.ls != "V4", let s = e.decom, s <= c.end else { return false }
                        return e.dec.map { $0 >= c.start } ?? true
                    } ?? false
                if mother.isEmpty && inYear { return true }
                let careLeaver = oc3?.rowsByChild[child]?.contains { hasCareLeaverData(oc3!, $0) } ?? false
                return !mother.isEmpty && !inYear && careLeaver
            }
        },
        SSDA903Rule("628", [.header, .episodes, .oc3], ["MOTHER"], "Motherhood details are not needed for care leavers who were not looked after during the year") { c in
            guard let oc3 = c.table(.oc3) else { return [] }
            return c.rows(.header) { t, i in
                guard !t.isBlank(i, "MOTHER"), let child = t.children[i], c.episodesByChild[child] == nil else { return false }
                return oc3.rowsByChild[child]?.contains { hasCareLeaverData(oc3, $0) } ?? false
            }
        },
        SSDA903Rule("625", [.header, .episodes], ["MC_DOB", "DEC"], "Date of birth of the mother's child is after the year end or after she ceased to be looked after") { c in
            c.rows(.header) { t, i in
                guard let born = t.date(i, "MC_DOB") else { return false }
                if born > c.end { return true }
                // Compared with the day she left care, when her latest episode has ended.
                guard let child = t.children[i], let latest = c.episodesByChild[child]?.last(where: { $0.decom != nil }),
                    let left = latest.dec
                else { return false }
                return born > left
            }
        },
        SSDA903Rule(
            "399", [.header, .episodes, .reviews], ["MOTHER", "LS", "REVIEW", "REVIEW_CODE"],
            "Mother, review or participation items are completed for a child only on short breaks (V3/V4)"
        ) { c in
            guard let h = c.table(.header), let r = c.table(.reviews) else { return [] }
            return c.episodesPerChild { child, eps in
                guard eps.allSatisfy({ $0.ls == "V3" || $0.ls == "V4" }) else { return [] }
                let mother = c.headerRow[child].map { !h.isBlank($0, "MOTHER") } ?? false
                let reviewed = r.rowsByChild[child]?.contains { !r.isBlank($0, "REVIEW") || !r.isBlank($0, "REVIEW_CODE") } ?? false
                return mother || reviewed ? eps : []
            }
        },
        SSDA903Rule(
            "231", .query, [.header, .uasc], ["DOB"], "Unaccompanied asylum-seeking children are usually older: this child is under 11 at the year end; check the date of birth",
            years: 2025...lastYear
        ) { c in
            let cutoff = c.end.adding(years: -11)
            return c.rows(.header) { t, i in
                guard let child = t.children[i], c.uascChildren.contains(child), let dob = t.date(i, "DOB") else { return false }
                return dob > cutoff
            }
        },
        SSDA903Rule(
            "331", [.episodes, .ad1], ["DATE_MATCH", "DECOM", "REC"], "Date the child was matched with adopters is after the start of the placement that ended in adoption"
        ) { c in
            guard let ad1 = c.table(.ad1) else { return [] }
            return c.episodes { e in
                guard e.rec == "E11" || e.rec == "E12", let s = e.decom, let child = e.child,
                    let match = ad1.rowsByChild[child]?.first.flatMap({ ad1.date($0, "DATE_MATCH") })
                else { return false }
                return match > s
            }
        },
        SSDA903Rule(
            "335", [.episodes, .ad1], ["PLACE", "FOSTER_CARE"],
            "Whether the child was adopted by foster carers (FOSTER_CARE) disagrees with the adoption placement type (A3/A5 with foster carers, A4/A6 not)"
        ) { c in
            guard let ad1 = c.table(.ad1) else { return [] }
            return c.episodes { e in
                guard e.rec == "E11" || e.rec == "E12", let child = e.child, let a = ad1.rowsByChild[child]?.first else { return false }
                let foster = ad1.text(a, "FOSTER_CARE")
                return (["A3", "A5"].contains(e.place) && foster == "0") || (["A4", "A6"].contains(e.place) && foster == "1")
            }
        },
        SSDA903Rule("521", [.episodes, .ad1], ["PLACE", "DECOM", "DATE_INT"], "Date the child should be placed for adoption is after the child was placed for adoption") { c in
            guard let ad1 = c.table(.ad1) else { return [] }
            return c.episodes { e in
                guard ["A3", "A4", "A5", "A6"].contains(e.place), let s = e.decom, let child = e.child,
                    let date = ad1.rowsByChild[child]?.first.flatMap({ ad1.date($0, "DATE_INT") })
                else { return false }
                return date > s
            }
        },
        SSDA903Rule("582", .query, [.episodes, .ad1], ["DEC", "DATE_MATCH"], "The child was adopted on the day they were matched with adopters; the match is usually earlier") {
            c in
            guard let ad1 = c.table(.ad1) else { return [] }
            return c.episodes { e in
                guard e.rec == "E11" || e.rec == "E12", let d = e.dec, let child = e.child,
                    let match = ad1.rowsByChild[child]?.first.flatMap({ ad1.date($0, "DATE_MATCH") })
                else { return false }
                return match == d
            }
        },
        SSDA903Rule(
            "554", [.episodes, .placedAdoption], ["DATE_PLACED", "DECOM", "LS"], "Decision to place for adoption is dated after the placement order (first E1 episode) was granted"
        ) { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            return c.episodesPerChild { child, eps in
                guard let firstE1 = eps.first(where: { $0.ls == "E1" && $0.decom != nil }), let s = firstE1.decom,
                    let rows = pa.rowsByChild[child]
                else { return [] }
                return rows.contains { pa.date($0, "DATE_PLACED").map { $0 > s } ?? false } ? [firstE1] : []
            }
        },
        SSDA903Rule(
            "583", [.placedAdoption], ["DATE_PLACED", "DATE_PLACED_CEASED"], "More than one decision to place for adoption is recorded but an earlier one has not been reversed"
        ) { c in
            guard let t = c.table(.placedAdoption) else { return [] }
            var hits: [SSDA903Hit] = []
            for (_, rows) in t.rowsByChild where rows.count > 1 {
                let latest = rows.max { (t.date($0, "DATE_PLACED") ?? Day(ordinal: .min), $0) < (t.date($1, "DATE_PLACED") ?? Day(ordinal: .min), $1) }
                for i in rows where i != latest && t.isBlank(i, "DATE_PLACED_CEASED") { hits.append(SSDA903Hit(table: .placedAdoption, index: i)) }
            }
            return hits
        },
        SSDA903Rule(
            "630", [.episodes, .prevPerm], ["RNE", "PREV_PERM", "LA_PERM", "DATE_PERM"],
            "Child started to be looked after this year, so previous permanence information must be returned"
        ) { c in
            guard let pp = c.table(.prevPerm) else { return [] }
            return c.episodes { e in
                guard e.rne == "S", let s = e.decom, s >= c.start, let child = e.child else { return false }
                guard let rows = pp.rowsByChild[child] else { return true }
                return rows.contains { r in
                    let prev = pp.code(r, "PREV_PERM")
                    return prev.isEmpty || (prev != "Z1" && (pp.isBlank(r, "LA_PERM") || pp.isBlank(r, "DATE_PERM")))
                }
            }
        },
        SSDA903Rule(
            "634", [.episodes, .prevPerm], ["PREV_PERM", "LA_PERM", "DATE_PERM", "DECOM"],
            "Previous permanence information is given but the child has not started an episode this year"
        ) { c in
            c.rows(.prevPerm) { t, i in
                guard !t.isBlank(i, "PREV_PERM") || !t.isBlank(i, "LA_PERM") || !t.isBlank(i, "DATE_PERM"), let child = t.children[i],
                    let latest = c.episodesByChild[child]?.compactMap(\.decom).max()
                else { return false }
                return latest < c.start
            }
        },
        SSDA903Rule("575", [.episodes, .missing], ["MIS_END"], "The placement the child went missing from has ended but the missing episode has no end date") { c in
            c.rows(.missing) { t, i in
                guard t.isBlank(i, "MIS_END"), let s = t.date(i, "MIS_START"), let child = t.children[i] else { return false }
                return c.episodesByChild[child]?.contains { e in
                    guard let start = e.decom, let end = e.dec else { return false }
                    return s >= start && s <= end
                } ?? false
            }
        },
        SSDA903Rule("580", [.episodes, .missing], ["REC", "MIS_END"], "Child was missing when they ceased to be looked after at 18, so the reason episode ceased should be E8") {
            c in
            guard let m = c.table(.missing) else { return [] }
            return c.episodes { e in
                guard let d = e.dec, e.rec != "E8", let child = e.child, let rows = m.rowsByChild[child] else { return false }
                return rows.contains { r in
                    guard let end = m.date(r, "MIS_END"), let dob = m.date(r, "DOB") else { return false }
                    return end == d && dob.adding(years: 18) == end
                }
            }
        },
    ]
}

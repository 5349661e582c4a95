import OversightCore

extension SSDA903RuleBook {
    private static let ad1Fields = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]

    /// Whether the child has an episode ceasing through adoption (E11/E12) in the collection year.
    private static func adoptedThisYear(_ c: SSDA903Context, _ child: ChildID?) -> Bool {
        guard let child else { return false }
        let year = Period.reportingYear(c.year)
        return c.episodesByChild[child]?.contains { ($0.rec == "E11" || $0.rec == "E12") && year.contains($0.dec) } ?? false
    }

    /// Rules on adoptions (AD1) and decisions that a child should be placed for adoption (PlacedAdoption).
    static let adoptionRules: [SSDA903Rule] = [
        SSDA903Rule("112", [.ad1], ["DATE_INT"], "Date the child should be placed for adoption (DATE_INT) is not a valid date") { c in
            c.rows(.ad1) { t, i in t.isInvalidDate(i, "DATE_INT") }
        },
        SSDA903Rule("113", [.ad1], ["DATE_MATCH"], "Date the child was matched with adopters (DATE_MATCH) is not a valid date") { c in
            c.rows(.ad1) { t, i in t.isInvalidDate(i, "DATE_MATCH") }
        },
        SSDA903Rule("114", [.ad1], ["FOSTER_CARE"], "Whether adopted by former foster carers (FOSTER_CARE) is not 0 or 1") { c in
            c.rows(.ad1) { t, i in !t.isBlank(i, "FOSTER_CARE") && !["0", "1"].contains(t.text(i, "FOSTER_CARE")) }
        },
        SSDA903Rule("175", [.ad1], ["NB_ADOPTR"], "Number of adopters (NB_ADOPTR) is not 1 or 2") { c in
            c.rows(.ad1) { t, i in !t.isBlank(i, "NB_ADOPTR") && !["1", "2"].contains(t.text(i, "NB_ADOPTR")) }
        },
        SSDA903Rule("176", [.ad1], ["SEX_ADOPTR"], "Sex of adopters (SEX_ADOPTR) is not a valid code") { c in
            c.rows(.ad1) { t, i in !t.isBlank(i, "SEX_ADOPTR") && !["M1", "F1", "MM", "FF", "MF"].contains(t.code(i, "SEX_ADOPTR")) }
        },
        SSDA903Rule("177", [.ad1], ["LS_ADOPTR"], "Legal status of adopters (LS_ADOPTR) is not a valid code") { c in
            c.rows(.ad1) { t, i in !t.isBlank(i, "LS_ADOPTR") && !["L0", "L11", "L12", "L2", "L3", "L4"].contains(t.code(i, "LS_ADOPTR")) }
        },
        SSDA903Rule("151", [.ad1], ad1Fields, "The adoption items must all be completed or all be left blank") { c in
            c.rows(.ad1) { t, i in
                let blanks = ad1Fields.filter { t.isBlank(i, $0) }.count
                return blanks > 0 && blanks < ad1Fields.count
            }
        },
        SSDA903Rule("333", [.ad1], ["DATE_INT", "DATE_MATCH"], "Date the child should be placed for adoption is after the date of matching with adopters") { c in
            c.rows(.ad1) { t, i in
                guard let a = t.date(i, "DATE_INT"), let m = t.date(i, "DATE_MATCH") else { return false }
                return a > m
            }
        },
        SSDA903Rule("511", [.ad1], ["NB_ADOPTR", "SEX_ADOPTR"], "Two adopters are recorded, so sex of adopters must be MM, FF or MF") { c in
            c.rows(.ad1) { t, i in t.text(i, "NB_ADOPTR") == "2" && ["M1", "F1"].contains(t.code(i, "SEX_ADOPTR")) }
        },
        SSDA903Rule("514", [.ad1], ["LS_ADOPTR", "SEX_ADOPTR"], "A single adopter (L0) is recorded but sex of adopters shows a couple") { c in
            c.rows(.ad1) { t, i in t.code(i, "LS_ADOPTR") == "L0" && !["M1", "F1"].contains(t.code(i, "SEX_ADOPTR")) }
        },
        SSDA903Rule("517", [.ad1], ["LS_ADOPTR", "SEX_ADOPTR"], "Adopters are a different-sex unmarried couple (L3), so sex of adopters must be MF") { c in
            c.rows(.ad1) { t, i in t.code(i, "LS_ADOPTR") == "L3" && t.code(i, "SEX_ADOPTR") != "MF" }
        },
        SSDA903Rule("518", [.ad1], ["LS_ADOPTR", "SEX_ADOPTR"], "Adopters are a same-sex unmarried couple (L4), so sex of adopters must be MM or FF") { c in
            c.rows(.ad1) { t, i in t.code(i, "LS_ADOPTR") == "L4" && !["MM", "FF"].contains(t.code(i, "SEX_ADOPTR")) }
        },
        SSDA903Rule("519", [.ad1], ["LS_ADOPTR", "SEX_ADOPTR"], "Adopters are a civil partnership couple (L2), but sex of adopters does not show a couple") { c in
            c.rows(.ad1) { t, i in t.code(i, "LS_ADOPTR") == "L2" && !["MM", "FF", "MF"].contains(t.code(i, "SEX_ADOPTR")) }
        },
        SSDA903Rule("520", [.ad1], ["LS_ADOPTR", "SEX_ADOPTR"], "Adopters are a different-sex married couple (L11), so sex of adopters must be MF") { c in
            c.rows(.ad1) { t, i in t.code(i, "LS_ADOPTR") == "L11" && t.code(i, "SEX_ADOPTR") != "MF" }
        },
        SSDA903Rule("524", [.ad1], ["LS_ADOPTR", "SEX_ADOPTR"], "Adopters are a same-sex married couple (L12), so sex of adopters must be MM or FF") { c in
            c.rows(.ad1) { t, i in t.code(i, "LS_ADOPTR") == "L12" && !["MM", "FF"].contains(t.code(i, "SEX_ADOPTR")) }
        },
        SSDA903Rule(
            "134", [.ad1, .oc3], ad1Fields + ["IN_TOUCH", "ACTIV", "ACCOM"], "Adoption items should not be completed for a young person in the care leavers' (OC3) cohort"
        ) { c in
            guard let oc3 = c.table(.oc3) else { return [] }
            return c.rows(.ad1) { t, i in
                guard ad1Fields.contains(where: { !t.isBlank(i, $0) }), let child = t.children[i] else { return false }
                return oc3.rowsByChild[child]?.contains { hasCareLeaverData(oc3, $0) } ?? false
            }
        },
        SSDA903Rule("601", [.ad1, .episodes], ad1Fields, "The child was adopted this year but the adoption items (AD1) are not all completed") { c in
            c.rows(.ad1) { t, i in adoptedThisYear(c, t.children[i]) && ad1Fields.contains { t.isBlank(i, $0) } }
        },
        SSDA903Rule("602", [.ad1, .episodes], ["CHILD"], "Adoption items are completed but the episodes do not show the child was adopted this year") { c in
            c.rows(.ad1) { t, i in !adoptedThisYear(c, t.children[i]) && ad1Fields.contains { !t.isBlank(i, $0) } }
        },
        SSDA903Rule("115", [.placedAdoption], ["DATE_PLACED"], "Date of the decision that the child should be placed for adoption is not a valid date") { c in
            c.rows(.placedAdoption) { t, i in t.isInvalidDate(i, "DATE_PLACED") }
        },
        SSDA903Rule("116", [.placedAdoption], ["DATE_PLACED_CEASED"], "Date of the decision that the child should no longer be placed for adoption is not a valid date") { c in
            c.rows(.placedAdoption) { t, i in t.isInvalidDate(i, "DATE_PLACED_CEASED") }
        },
        SSDA903Rule(
            "119", [.placedAdoption], ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"], "When the decision to place for adoption is reversed, both its date and reason must be given"
        ) { c in
            c.rows(.placedAdoption) { t, i in t.isBlank(i, "DATE_PLACED_CEASED") != t.isBlank(i, "REASON_PLACED_CEASED") }
        },
        SSDA903Rule("120", [.placedAdoption], ["REASON_PLACED_CEASED"], "Reason the decision to place for adoption was reversed is not a valid code (RD1-RD4)") { c in
            c.rows(.placedAdoption) { t, i in
                !t.isBlank(i, "REASON_PLACED_CEASED") && !["RD1", "RD2", "RD3", "RD4"].contains(t.code(i, "REASON_PLACED_CEASED"))
            }
        },
        SSDA903Rule("184", [.placedAdoption, .header], ["DATE_PLACED", "DOB"], "Decision that the child should be placed for adoption is dated before the child was born") { c in
            c.rows(.placedAdoption) { t, i in
                guard let d = t.date(i, "DATE_PLACED"), let dob = c.dob(t.children[i]) else { return false }
                return d < dob
            }
        },
        SSDA903Rule(
            "522", [.placedAdoption], ["DATE_PLACED", "DATE_PLACED_CEASED"], "Decision to place for adoption is dated after the decision that the child should no longer be placed"
        ) { c in
            c.rows(.placedAdoption) { t, i in
                guard let d = t.date(i, "DATE_PLACED"), let e = t.date(i, "DATE_PLACED_CEASED") else { return false }
                return d > e
            }
        },
        SSDA903Rule(
            "563", [.placedAdoption], ["DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
            "The child should no longer be placed for adoption but the date of the original decision is blank"
        ) { c in
            c.rows(.placedAdoption) { t, i in
                t.isBlank(i, "DATE_PLACED") && (!t.isBlank(i, "DATE_PLACED_CEASED") || !t.isBlank(i, "REASON_PLACED_CEASED"))
            }
        },
        SSDA903Rule(
            "579", [.placedAdoption], ["DATE_PLACED", "DATE_PLACED_CEASED"], "A new decision to place for adoption starts while an earlier one is still open, or decisions overlap"
        ) { c in
            guard let t = c.table(.placedAdoption) else { return [] }
            var hits: [SSDA903Hit] = []
            for (_, rows) in t.rowsByChild where rows.count > 1 {
                let dated = rows.compactMap { i in t.date(i, "DATE_PLACED").map { (i, $0) } }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                for k in dated.indices.dropFirst() {
                    let prevEnd = t.date(dated[k - 1].0, "DATE_PLACED_CEASED")
                    if prevEnd == nil || dated[k].1 < prevEnd! { hits.append(SSDA903Hit(table: .placedAdoption, index: dated[k].0)) }
                }
            }
            return hits
        },
        SSDA903Rule(
            "523", [.placedAdoption, .ad1], ["DATE_PLACED", "DATE_INT"],
            "Date of the decision to place for adoption differs from the date the child should be placed (DATE_INT) in AD1"
        ) { c in
            guard let ad1 = c.table(.ad1) else { return [] }
            return c.rows(.placedAdoption) { t, i in
                guard let child = t.children[i], let d = t.date(i, "DATE_PLACED"),
                    let a = ad1.rowsByChild[child]?.first.flatMap({ ad1.date($0, "DATE_INT") })
                else { return false }
                let latest = t.rowsByChild[child]?.compactMap { t.date($0, "DATE_PLACED") }.max()
                return d == latest && d != a
            }
        },
        SSDA903Rule(
            "525", [.placedAdoption, .ad1], ["DATE_PLACED_CEASED"] + ad1Fields, "The decision to place for adoption was reversed, so the child cannot have been adopted this year"
        ) { c in
            guard let ad1 = c.table(.ad1) else { return [] }
            return c.rows(.placedAdoption) { t, i in
                guard !t.isBlank(i, "DATE_PLACED_CEASED"), let child = t.children[i], let a = ad1.rowsByChild[child]?.first else { return false }
                return ad1Fields.contains { !ad1.isBlank(a, $0) }
            }
        },
        SSDA903Rule(
            "551", [.episodes, .placedAdoption], ["DATE_PLACED", "PLACE"],
            "Child is placed for adoption (A3-A6) but there is no date of the decision that the child should be placed for adoption"
        ) { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            return c.episodes { e in
                guard ["A3", "A4", "A5", "A6"].contains(e.place), let child = e.child else { return false }
                return !(pa.rowsByChild[child]?.contains { !pa.isBlank($0, "DATE_PLACED") } ?? false)
            }
        },
        SSDA903Rule("552", [.episodes, .placedAdoption], ["DATE_PLACED", "DECOM"], "Decision to place for adoption is dated after the child was placed for adoption") { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            return c.episodesPerChild { child, eps in
                guard let firstPlaced = eps.first(where: { ["A3", "A4", "A5", "A6"].contains($0.place) }), let s = firstPlaced.decom,
                    let decisions = pa.rowsByChild[child]
                else { return [] }
                let dates = decisions.compactMap { pa.date($0, "DATE_PLACED") }
                guard let earliest = dates.min() else { return [] }
                return earliest > s ? [firstPlaced] : []
            }
        },
        SSDA903Rule(
            "558", [.episodes, .placedAdoption], ["DATE_PLACED_CEASED", "REC"],
            "The child was adopted, so the latest decision to place for adoption should not be reversed (DATE_PLACED_CEASED blank)"
        ) { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            return c.episodesPerChild { child, eps in
                guard let last = eps.last(where: { $0.decom != nil }), last.rec == "E11" || last.rec == "E12",
                    let rows = pa.rowsByChild[child]
                else { return [] }
                let latest = rows.max { (pa.date($0, "DATE_PLACED") ?? Day(ordinal: .min), $0) < (pa.date($1, "DATE_PLACED") ?? Day(ordinal: .min), $1) }
                return latest.map { pa.isBlank($0, "DATE_PLACED_CEASED") } == false ? [last] : []
            }
        },
    ]
}

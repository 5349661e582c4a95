import OversightCore

extension SSDA903RuleBook {
    /// Whether the child has an episode open at some point in the collection year.
    static func hasEpisodeInYear(_ c: SSDA903Context, _ child: ChildID?) -> Bool {
        guard let child, let eps = c.episodesByChild[child] else { return false }
        return eps.contains { e in
            guard let s = e.decom, s <= c.end else { return false }
            return e.dec.map { $0 >= c.start } ?? e.decText.isEmpty
        }
    }

    /// Rules that depend on whether a child was looked after continuously for 12 months to
    /// 31 March (the OC2 cohort) or was a care leaver (the OC3 cohort).
    static let cohortRules: [SSDA903Rule] = [
        SSDA903Rule("185", [.oc2, .episodes], ["SDQ_SCORE"], "Child was not looked after continuously for 12 months at 31 March but an SDQ score is given") { c in
            c.rows(.oc2) { t, i in !t.isBlank(i, "SDQ_SCORE") && !(t.children[i].map(c.continuouslyLookedAfter.contains) ?? false) }
        },
        SSDA903Rule("198", [.oc2, .episodes], ["SDQ_REASON"], "Child was not looked after continuously for 12 months at 31 March but a reason for no SDQ score is given") { c in
            c.rows(.oc2) { t, i in !t.isBlank(i, "SDQ_REASON") && !(t.children[i].map(c.continuouslyLookedAfter.contains) ?? false) }
        },
        SSDA903Rule("186", [.oc2, .episodes], ["SDQ_SCORE", "SDQ_REASON"], "Child aged 4 to 16 looked after for 12 months has neither an SDQ score nor a reason for none") { c in
            c.rows(.oc2) { t, i in
                guard let child = t.children[i], c.continuouslyLookedAfter.contains(child), let dob = t.date(i, "DOB") else { return false }
                return dob.adding(years: 4) <= c.start && dob.adding(years: 17) > c.end && t.isBlank(i, "SDQ_SCORE") && t.isBlank(i, "SDQ_REASON")
            }
        },
        SSDA903Rule(
            "197B", [.oc2, .episodes], ["SDQ_SCORE", "SDQ_REASON", "DOB"],
            "Child turning 4 or 17 this year and looked after for 12 months has neither an SDQ score nor a reason for none"
        ) { c in
            let year = Period.reportingYear(c.year)
            return c.rows(.oc2) { t, i in
                guard let child = t.children[i], c.continuouslyLookedAfter.contains(child), let dob = t.date(i, "DOB") else { return false }
                return (year.contains(dob.adding(years: 4)) || year.contains(dob.adding(years: 17))) && t.isBlank(i, "SDQ_SCORE") && t.isBlank(i, "SDQ_REASON")
            }
        },
        SSDA903Rule("157", [.oc2, .episodes], ["SDQ_REASON", "DOB"], "Child aged 4 to 16 gives SDQ1 (no form returned because under 4 or over 16) as the reason for no SDQ score") {
            c in
            c.rows(.oc2) { t, i in
                guard let child = t.children[i], c.continuouslyLookedAfter.contains(child), let dob = t.date(i, "DOB") else { return false }
                return dob.adding(years: 4) <= c.start && dob.adding(years: 16) >= c.end && t.isBlank(i, "SDQ_SCORE") && t.code(i, "SDQ_REASON") == "SDQ1"
            }
        },
        SSDA903Rule(
            "187", [.episodes], ["IN_TOUCH", "ACTIV", "ACCOM", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
            "Child looked after continuously for 12 months at 31 March cannot have care leaver (OC3) or adoption (AD1) information"
        ) { c in
            let cla = { (child: ChildID?) in child.map(c.continuouslyLookedAfter.contains) ?? false }
            let adoptionFields = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
            return c.rows(.oc3) { t, i in hasCareLeaverData(t, i) && cla(t.children[i]) }
                + c.rows(.ad1) { t, i in adoptionFields.contains { !t.isBlank(i, $0) } && cla(t.children[i]) }
        },
        SSDA903Rule(
            "215", [.oc3, .oc2],
            [
                "IN_TOUCH", "ACTIV", "ACCOM", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
            ],
            "Young person has care leaver information but also items for children looked after for 12 months"
        ) { c in
            guard let oc2 = c.table(.oc2) else { return [] }
            let items = [
                "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
            ]
            return c.rows(.oc3) { t, i in
                guard hasCareLeaverData(t, i), let child = t.children[i], let rows = oc2.rowsByChild[child] else { return false }
                return rows.contains { r in items.contains { !oc2.isBlank(r, $0) } }
            }
        },
        SSDA903Rule(
            "1014", [.uasc, .oc3, .episodes], ["DUC", "IN_TOUCH", "ACTIV", "ACCOM"], "UASC information is not needed for a care leaver who was not looked after this year"
        ) { c in
            guard let oc3 = c.table(.oc3) else { return [] }
            return c.rows(.uasc) { t, i in
                guard let child = t.children[i], let rows = oc3.rowsByChild[child], rows.contains(where: { hasCareLeaverData(oc3, $0) }) else { return false }
                return !hasEpisodeInYear(c, child)
            }
        },
        SSDA903Rule("1012", [.episodes], ["CHILD"], "Child has no episodes this year, so no reviews, missing, adoption, permanence or OC2 data should be returned") { c in
            var hits: [SSDA903Hit] = []
            for table in [SSDA903Table.placedAdoption, .missing, .reviews, .ad1, .prevPerm, .oc2] {
                hits += c.rows(table) { t, i in t.children[i].map { c.episodesByChild[$0] == nil } ?? false }
            }
            return hits
        },
        SSDA903Rule("214", [.episodes], ["PL_POST", "URN"], "Placement postcode and URN are not needed for a short-break episode (V3/V4)") { c in
            c.episodes { ($0.ls == "V3" || $0.ls == "V4") && (!$0.plPost.isEmpty || !$0.urn.isEmpty) }
        },
        SSDA903Rule("336", [.episodes], ["PLACE"], "Child placed for adoption with current foster carers (A3/A5) was not in a foster or adoption placement just before") { c in
            let allowed: Set<String> = ["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"]
            return c.episodesPerChild { _, eps in
                guard eps.count > 1 else { return [] }
                return (1..<eps.count).compactMap { k in
                    ["A3", "A5"].contains(eps[k].place) && !allowed.contains(eps[k - 1].place) ? eps[k] : nil
                }
            }
        },
        SSDA903Rule("199", [.episodes], ["CHILD"], "Episodes show the child was previously adopted from care") { c in
            c.episodesPerChild { child, eps in
                let earlier = c.previousEpisodesByChild[child] ?? []
                guard let adopted = (earlier + eps).filter({ ($0.rec == "E11" || $0.rec == "E12") && $0.decom != nil }).compactMap(\.decom).min()
                else { return [] }
                let firstAdoptionHere = eps.first { ($0.rec == "E11" || $0.rec == "E12") && $0.decom == adopted }
                return eps.filter { e in
                    guard let s = e.decom, s >= adopted else { return false }
                    return e.index != firstAdoptionHere?.index
                }
            }
        },
        SSDA903Rule(
            "117", [.episodes, .placedAdoption], ["DATE_PLACED_CEASED", "DATE_PLACED", "DEC", "REC"],
            "Date of a decision about placing for adoption is after the collection year or after the child left care"
        ) { c in
            c.rows(.placedAdoption) { t, i in
                let dates = [t.date(i, "DATE_PLACED"), t.date(i, "DATE_PLACED_CEASED")].compactMap { $0 }
                if dates.contains(where: { $0 > c.end }) { return true }
                guard let child = t.children[i], let last = c.episodesByChild[child]?.last(where: { $0.decom != nil && $0.rec != "X1" }),
                    let left = last.dec
                else { return false }
                return dates.contains { $0 > left }
            }
        },
        SSDA903Rule(
            "118", [.episodes, .placedAdoption], ["DATE_PLACED_CEASED", "DECOM", "LS"],
            "Decision that the child should no longer be placed for adoption is dated before the collection year or before the child started to be looked after"
        ) { c in
            c.rows(.placedAdoption) { t, i in
                guard let ceased = t.date(i, "DATE_PLACED_CEASED") else { return false }
                if ceased < c.start { return true }
                guard let child = t.children[i],
                    let first = c.episodesByChild[child]?.first(where: { $0.decom != nil && $0.ls != "V3" && $0.ls != "V4" })?.decom
                else { return false }
                return ceased < first
            }
        },
        SSDA903Rule(
            "1003", [.episodes, .placedAdoption], ["DATE_PLACED", "DECOM", "RNE"],
            "Decision that the child should be placed for adoption is dated before the child started to be looked after"
        ) { c in
            c.rows(.placedAdoption) { t, i in
                guard let placed = t.date(i, "DATE_PLACED"), let child = t.children[i],
                    let start = c.episodesByChild[child]?.first(where: { $0.rne == "S" && $0.decom != nil })?.decom
                else { return false }
                return placed < start
            }
        },
        SSDA903Rule("334", [.episodes, .ad1], ["DATE_INT", "DECOM", "RNE"], "Date the child should be placed for adoption is before the child started the latest period of care") {
            c in
            c.rows(.ad1) { t, i in
                guard let date = t.date(i, "DATE_INT"), let child = t.children[i],
                    let start = c.episodesByChild[child]?.last(where: { $0.rne == "S" && $0.decom != nil })?.decom
                else { return false }
                return date < start
            }
        },
        SSDA903Rule(
            "553", [.episodes, .placedAdoption], ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
            "A placement order (E1) has been granted but there is no decision that the child should be placed for adoption, or an open one is recorded as reversed"
        ) { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            var hits = c.episodes { e in e.ls == "E1" && (e.child.map { pa.rowsByChild[$0] == nil } ?? false) }
            hits += c.rows(.placedAdoption) { t, i in
                guard let child = t.children[i], !t.isBlank(i, "DATE_PLACED_CEASED") || !t.isBlank(i, "REASON_PLACED_CEASED") else { return false }
                return c.episodesByChild[child]?.contains { $0.ls == "E1" && $0.decText.isEmpty } ?? false
            }
            return hits
        },
        SSDA903Rule(
            "557", [.episodes, .placedAdoption], ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
            "Child with a decision to place for adoption left care other than by adoption, but the decision's reversal (date and reason) is not recorded"
        ) { c in
            guard let pa = c.table(.placedAdoption) else { return [] }
            return c.episodes { e in
                // Freeing orders (D1) count only until 2023-24, when the DfE retired the code.
                guard ["A3", "A4", "A5", "A6"].contains(e.place) || (e.ls == "D1" && c.year <= 2024) || e.ls == "E1", !e.rec.isEmpty, e.rec != "X1",
                    e.rec != "E11", e.rec != "E12", let child = e.child
                else { return false }
                guard let rows = pa.rowsByChild[child] else { return true }
                return rows.contains { pa.isBlank($0, "DATE_PLACED_CEASED") || pa.isBlank($0, "REASON_PLACED_CEASED") }
            }
        },
    ]
}

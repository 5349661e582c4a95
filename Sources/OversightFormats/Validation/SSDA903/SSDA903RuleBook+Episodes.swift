import OversightCore

extension SSDA903RuleBook {
    /// Rules on single episodes: codes, dates, and what legal status, placement and age allow.
    static let episodeRules: [SSDA903Rule] = codeRules + dateRules + placementRules + ageRules + durationRules

    private static let codeRules: [SSDA903Rule] = [
        SSDA903Rule("143", [.episodes], ["RNE"], "Reason for new episode (RNE) is not a valid code") { c in
            c.episodes { !$0.rne.isEmpty && !SSDA903CodeLists.rne.contains($0.rne) }
        },
        SSDA903Rule("144", [.episodes], ["LS"], "Legal status (LS) is not a valid code") { c in
            c.episodes { !$0.ls.isEmpty && !SSDA903CodeLists.legalStatus.contains($0.ls) }
        },
        SSDA903Rule("145", [.episodes], ["CIN"], "Category of need (CIN) is not a valid code") { c in
            c.episodes { !$0.cin.isEmpty && !SSDA903CodeLists.categoryOfNeed.contains($0.cin) }
        },
        SSDA903Rule("146", [.episodes], ["PLACE"], "Placement type (PLACE) is not a valid code for this collection year") { c in
            let valid = SSDA903CodeLists.placements(c.year)
            return c.episodes { !$0.place.isEmpty && !valid.contains($0.place) }
        },
        SSDA903Rule("149", [.episodes], ["REC"], "Reason episode ceased (REC) is not a valid code") { c in
            c.episodes { !$0.rec.isEmpty && !SSDA903CodeLists.rec.contains($0.rec) }
        },
        SSDA903Rule("178", [.episodes], ["PLACE_PROVIDER"], "Placement provider is not a valid code, or is given for a placement type that has none") { c in
            let none = SSDA903CodeLists.noProvider(c.year)
            return c.episodes { e in
                !e.provider.isEmpty && (!SSDA903CodeLists.provider.contains(e.provider) || none.contains(e.place))
            }
        },
        SSDA903Rule("1009", [.episodes], ["REASON_PLACE_CHANGE"], "Reason for placement change is not a valid code") { c in
            c.episodes { !$0.reasonChange.isEmpty && !SSDA903CodeLists.reasonPlaceChange.contains($0.reasonChange) }
        },
        SSDA903Rule("392c", [.episodes], ["HOME_POST", "PL_POST"], "Home or placement postcode is not a valid postcode") { c in
            c.episodes { e in
                (!e.homePost.isEmpty && !SSDA903CodeLists.isValidPostcode(e.homePost))
                    || (!e.plPost.isEmpty && !SSDA903CodeLists.isValidPostcode(e.plPost))
            }
        },
    ]

    private static let dateRules: [SSDA903Rule] = [
        SSDA903Rule("141", [.episodes], ["DECOM"], "Date episode started (DECOM) is not a valid dd/mm/yyyy date") { c in
            c.episodes { !$0.decomText.isEmpty && $0.decom == nil }
        },
        SSDA903Rule("147", [.episodes], ["DEC"], "Date episode ceased (DEC) is not a valid dd/mm/yyyy date") { c in
            c.episodes { !$0.decText.isEmpty && $0.dec == nil }
        },
        SSDA903Rule("148", [.episodes], ["DEC", "REC"], "Date episode ceased (DEC) and reason episode ceased (REC) must both be given or both be blank") { c in
            c.episodes { $0.decText.isEmpty != $0.rec.isEmpty }
        },
        SSDA903Rule("353", [.episodes], ["DECOM"], "Episode starts before 14 October 1991") { c in
            let limit = Day(year: 1991, month: 10, day: 14)!
            return c.episodes { $0.decom.map { $0 < limit } ?? false }
        },
        SSDA903Rule("354", [.episodes], ["DECOM"], "Date episode started (DECOM) is after the end of the collection year") { c in
            c.episodes { $0.decom.map { $0 > c.end } ?? false }
        },
        SSDA903Rule("385", [.episodes], ["DEC"], "Date episode ceased (DEC) is after the end of the collection year") { c in
            c.episodes { $0.dec.map { $0 > c.end } ?? false }
        },
        SSDA903Rule("355", [.episodes], ["DECOM", "DEC"], "Episode started and ceased on the same day (lasted less than 24 hours)") { c in
            c.episodes { e in e.decom != nil && e.decom == e.dec }
        },
        SSDA903Rule("356", [.episodes], ["DECOM", "DEC"], "Date episode ceased (DEC) is before the date episode started (DECOM)") { c in
            c.episodes { e in
                guard let s = e.decom, let d = e.dec else { return false }
                return d < s
            }
        },
        SSDA903Rule("445", [.episodes], ["LS", "DECOM"], "Legal status D1 (freeing order) is not valid for episodes starting after December 2005", years: 2024...2024) { c in
            let limit = Day(year: 2005, month: 12, day: 31)!
            return c.episodes { $0.ls == "D1" && ($0.decom.map { $0 > limit } ?? false) }
        },
        SSDA903Rule("446", [.episodes], ["LS", "DECOM"], "Legal status E1 (placement order) is not valid for episodes starting before December 2005") { c in
            let limit = Day(year: 2005, month: 12, day: 1)!
            return c.episodes { $0.ls == "E1" && ($0.decom.map { $0 < limit } ?? false) }
        },
        SSDA903Rule(
            "451", [.episodes], ["DEC", "REC", "LS"], "Child is still under a freeing order (D1); freeing orders have not been made since December 2005", years: 2024...2024
        ) { c in
            c.episodes { $0.ls == "D1" && $0.decText.isEmpty && $0.rec.isEmpty }
        },
        SSDA903Rule("217t", [.episodes], ["PLACE", "DEC"], "Placement type P2 is not valid after 28 October 2023", years: 2024...2024) { c in
            let limit = Day(year: 2023, month: 10, day: 28)!
            return c.episodes { $0.place == "P2" && ($0.dec.map { $0 > limit } ?? ($0.decText.isEmpty)) }
        },
    ]

    private static let placementRules: [SSDA903Rule] = [
        SSDA903Rule("213", [.episodes], ["PLACE_PROVIDER"], "Placement provider must be blank for temporary and other placements") { c in
            let none = c.year <= 2025 ? SSDA903CodeLists.temporary : SSDA903CodeLists.noProvider(c.year)
            return c.episodes { none.contains($0.place) && !$0.provider.isEmpty }
        },
        SSDA903Rule("526", [.episodes], ["PLACE", "PLACE_PROVIDER"], "Placement provider is missing for a placement type that needs one") { c in
            let none = SSDA903CodeLists.noProvider(c.year)
            return c.episodes { !$0.place.isEmpty && !none.contains($0.place) && $0.provider.isEmpty }
        },
        SSDA903Rule("527", [.episodes], ["PLACE", "PLACE_PROVIDER"], "Placement provider PR1 (own provision) cannot go with placement P1, R2 or R5") { c in
            c.episodes { $0.provider == "PR1" && ["P1", "R2", "R5"].contains($0.place) }
        },
        SSDA903Rule("528", [.episodes], ["PLACE", "PLACE_PROVIDER"], "Placement provider PR2 (other LA) cannot go with placement P1, R2 or R5") { c in
            c.episodes { $0.provider == "PR2" && ["P1", "R2", "R5"].contains($0.place) }
        },
        SSDA903Rule("529", [.episodes], ["PLACE", "PLACE_PROVIDER"], "Placement provider PR3 (other public provision) cannot go with placement P1, A3-A6, K1, K2 or U1-U6") { c in
            let codes: Set<String> = ["P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"]
            return c.episodes { $0.provider == "PR3" && codes.contains($0.place) }
        },
        SSDA903Rule("530", [.episodes], ["PLACE", "PLACE_PROVIDER"], "Placement provider PR4 (private provision) cannot go with placement P1") { c in
            c.episodes { $0.provider == "PR4" && $0.place == "P1" }
        },
        SSDA903Rule("531", [.episodes], ["PLACE", "PLACE_PROVIDER"], "Placement provider PR5 (voluntary provision) cannot go with placement P1") { c in
            c.episodes { $0.provider == "PR5" && $0.place == "P1" }
        },
        SSDA903Rule("550", [.episodes], ["PLACE", "PLACE_PROVIDER"], "Placement provider PR0 (parents) can only go with placement P1") { c in
            c.episodes { $0.provider == "PR0" && $0.place != "P1" }
        },
        SSDA903Rule("217", [.episodes], ["PLACE", "DECOM", "RNE"], "Placement for adoption with current foster carers (A3 or A5) from April 2015 must start with reason S, T or U")
        { c in
            let from = Day(year: 2015, month: 4, day: 1)!
            return c.episodes { ["A3", "A5"].contains($0.place) && ($0.decom.map { $0 >= from } ?? false) && !["S", "T", "U"].contains($0.rne) }
        },
        SSDA903Rule("378", [.episodes], ["PLACE", "LS"], "Child placed with parents (P1) cannot be accommodated under section 20 single period (V2)") { c in
            c.episodes { $0.place == "P1" && $0.ls == "V2" }
        },
        SSDA903Rule("380", [.episodes], ["PLACE", "RNE"], "A period of care cannot start with a temporary placement (T0-T4 need RNE P or B)") { c in
            c.episodes { SSDA903CodeLists.temporary.contains($0.place) && !["P", "B"].contains($0.rne) }
        },
        SSDA903Rule("381", [.episodes], ["PLACE", "REC"], "A period of care cannot end with a temporary placement") { c in
            c.episodes { SSDA903CodeLists.temporary.contains($0.place) && !$0.rec.isEmpty && $0.rec != "X1" }
        },
        SSDA903Rule("382", [.episodes], ["LS", "PLACE"], "A child on short breaks (V3/V4) cannot be in a temporary placement") { c in
            c.episodes { ($0.ls == "V3" || $0.ls == "V4") && SSDA903CodeLists.temporary.contains($0.place) }
        },
        SSDA903Rule("384", [.episodes], ["LS", "PLACE"], "A child on short breaks (V3/V4) cannot be in a long-term foster placement (U1 or U4)") { c in
            c.episodes { ($0.ls == "V3" || $0.ls == "V4") && ($0.place == "U1" || $0.place == "U4") }
        },
        SSDA903Rule("366", [.episodes], ["LS", "RNE"], "A child cannot change placement during a short break (V3 episodes must start with RNE S)") { c in
            c.episodes { $0.ls == "V3" && $0.rne != "S" }
        },
        SSDA903Rule("390", [.episodes], ["PLACE", "REC"], "Child ceased care through adoption (E11/E12) but was not placed for adoption (A3-A6)") { c in
            c.episodes { ($0.rec == "E11" || $0.rec == "E12") && !["A3", "A4", "A5", "A6"].contains($0.place) }
        },
        SSDA903Rule("398", [.episodes], ["LS", "HOME_POST", "PL_POST"], "Postcodes are given for a short-break episode (V3/V4)") { c in
            c.episodes { ($0.ls == "V3" || $0.ls == "V4") && (!$0.homePost.isEmpty || !$0.plPost.isEmpty) }
        },
        SSDA903Rule("408", [.episodes], ["PLACE", "LS"], "Child placed for adoption (A5/A6) with a placement order must have legal status E1") { c in
            c.episodes { ($0.place == "A5" || $0.place == "A6") && $0.ls != "E1" }
        },
        SSDA903Rule("516", [.episodes], ["REC", "PLACE"], "Child ceased care to stay with former foster carers (E45/E46) but was not in a foster placement (U1-U6)") { c in
            c.episodes { ($0.rec == "E45" || $0.rec == "E46") && !$0.place.hasPrefix("U") }
        },
        SSDA903Rule("226", [.episodes], ["REASON_PLACE_CHANGE", "PLACE"], "Reason for placement change is not needed for a temporary placement or the episode before it") { c in
            c.episodesPerChild { _, eps in
                eps.indices.compactMap { k in
                    let e = eps[k]
                    guard SSDA903CodeLists.temporary.contains(e.place) else { return nil }
                    let previous = k > 0 ? eps[k - 1].reasonChange : ""
                    return !e.reasonChange.isEmpty || !previous.isEmpty ? e : nil
                }
            }
        },
        SSDA903Rule("233", [.episodes], ["REASON_PLACE_CHANGE", "DEC"], "Reason for placement change is given but the episode has not ceased", years: 2026...lastYear) { c in
            c.episodes { $0.decText.isEmpty && !$0.reasonChange.isEmpty }
        },
    ]

    private static func age(_ c: SSDA903Context, _ e: SSDA903Episode, under years: Int, on day: Day?) -> Bool {
        guard let day, let dob = c.dob(e.child) else { return false }
        return day < dob.adding(years: years)
    }

    private static let ageRules: [SSDA903Rule] = [
        SSDA903Rule("302", [.header, .episodes], ["DECOM", "DOB"], "First episode starts before the child was born") { c in
            c.episodesPerChild { child, eps in
                guard let first = eps.first, let s = first.decom, let dob = c.dob(child), s < dob else { return [] }
                return [first]
            }
        },
        SSDA903Rule("352", [.header, .episodes], ["DECOM", "RNE"], "Child started to be looked after (RNE S) aged 18 or over") { c in
            c.episodes { $0.rne == "S" && !age(c, $0, under: 18, on: $0.decom) && c.dob($0.child) != nil && $0.decom != nil }
        },
        SSDA903Rule("358", [.header, .episodes], ["DECOM", "DOB", "LS"], "Child with a youth justice legal status (J1-J3) should be at least 10") { c in
            c.episodes { e in
                guard ["J1", "J2", "J3"].contains(e.ls), let s = e.decom, let dob = c.dob(e.child) else { return false }
                return s <= dob.adding(years: 10)
            }
        },
        SSDA903Rule(
            "359", [.header, .episodes], ["DEC", "LS", "PLACE"],
            "Young person over 18 at year end is still looked after but not under section 20(5) (V2) in a residential placement (K2)"
        ) { c in
            c.episodes { e in
                guard e.decText.isEmpty, let dob = c.dob(e.child) else { return false }
                return dob.adding(years: 18) < c.end && !(e.ls == "V2" && e.place == "K2")
            }
        },
        SSDA903Rule("370", [.header, .episodes], ["DECOM", "PLACE"], "Child in independent living (P2) should be at least 16", years: 2024...2024) { c in
            c.episodes { $0.place == "P2" && age(c, $0, under: 16, on: $0.decom) }
        },
        SSDA903Rule(
            "371", [.header, .episodes], ["DECOM", "PLACE"], "Child in semi-independent living not subject to children's homes regulations (H5) should be at least 16",
            years: 2024...2024
        ) { c in
            c.episodes { $0.place == "H5" && age(c, $0, under: 16, on: $0.decom) }
        },
        SSDA903Rule("371", [.header, .episodes], ["DECOM", "PLACE"], "Child in supported accommodation (K3) should be at least 16", years: 2025...lastYear) { c in
            c.episodes { $0.place == "K3" && age(c, $0, under: 16, on: $0.decom) }
        },
        SSDA903Rule("372", [.header, .episodes], ["DECOM", "PLACE"], "Child in youth custody or prison (R5) should be at least 10") { c in
            c.episodes { $0.place == "R5" && age(c, $0, under: 10, on: $0.decom) }
        },
        SSDA903Rule("373", [.header, .episodes], ["DECOM", "PLACE"], "Child placed in a school (S1) should be at least 4") { c in
            c.episodes { $0.place == "S1" && age(c, $0, under: 4, on: $0.decom) }
        },
        SSDA903Rule("374", [.header, .episodes], ["DECOM", "PLACE"], "Child in residential employment (P3) should be at least 14") { c in
            c.episodes { $0.place == "P3" && age(c, $0, under: 14, on: $0.decom) }
        },
        SSDA903Rule("386", [.header, .episodes], ["REC", "DEC"], "Child ceased care through adoption (E11/E12) but was 18 or over") { c in
            c.episodes { ($0.rec == "E11" || $0.rec == "E12") && $0.dec != nil && c.dob($0.child) != nil && !age(c, $0, under: 18, on: $0.dec) }
        },
        SSDA903Rule("387", [.header, .episodes], ["REC", "DEC"], "Child moved into independent living (E5/E6) but was under 14") { c in
            c.episodes { ($0.rec == "E5" || $0.rec == "E6") && age(c, $0, under: 14, on: $0.dec) }
        },
        SSDA903Rule("389", [.header, .episodes], ["REC", "DEC"], "Child transferred to adult social care (E7) but was under 16") { c in
            c.episodes { $0.rec == "E7" && age(c, $0, under: 16, on: $0.dec) }
        },
        SSDA903Rule("407", [.header, .episodes], ["DEC", "DOB", "REC"], "Child left care on a special guardianship order (E45-E48) after turning 18") { c in
            c.episodes { e in
                guard ["E45", "E46", "E47", "E48"].contains(e.rec), let d = e.dec, let dob = c.dob(e.child) else { return false }
                return dob.adding(years: 18) < d
            }
        },
        SSDA903Rule("460", [.header, .episodes], ["DEC", "REC"], "Child stayed with current carers at 18 or over (E17) but was under 18") { c in
            c.episodes { $0.rec == "E17" && age(c, $0, under: 18, on: $0.dec) }
        },
        SSDA903Rule("234", [.header, .episodes], ["REASON_PLACE_CHANGE", "DOB"], "A child under 10 cannot change placement because of custody (CUSTOD)", years: 2026...lastYear) {
            c in
            c.episodes { $0.reasonChange == "CUSTOD" && age(c, $0, under: 10, on: $0.decom) }
        },
    ]

    /// The day an open episode is taken to end for duration rules: its DEC, else the year end.
    private static func lastDay(_ c: SSDA903Context, _ e: SSDA903Episode) -> Day? {
        e.decText.isEmpty ? c.end : e.dec
    }

    /// Episodes with legal status `ls` in runs (each starting the day the previous ended) lasting
    /// over `days` days in total.
    private static func longRuns(_ c: SSDA903Context, ls: String, over days: Int) -> [SSDA903Hit] {
        c.episodesPerChild { _, eps in
            var out: [SSDA903Episode] = []
            var run: [SSDA903Episode] = []
            func close() {
                if let s = run.first?.decom, let e = run.last.flatMap({ lastDay(c, $0) }), s.days(to: e) > days { out += run }
                run.removeAll()
            }
            for e in eps where e.ls == ls && e.decom != nil {
                if let last = run.last, let lastEnd = lastDay(c, last), lastEnd != e.decom { close() }
                run.append(e)
            }
            close()
            return out
        }
    }

    private static let durationRules: [SSDA903Rule] = [
        SSDA903Rule("361", [.episodes], ["DECOM", "LS", "DEC"], "Police protection (L1) lasted longer than the 72 hours allowed") { c in
            longRuns(c, ls: "L1", over: 3)
        },
        SSDA903Rule("362", [.episodes], ["DECOM", "LS", "DEC"], "Emergency protection order (L2) lasted longer than 21 days") { c in
            longRuns(c, ls: "L2", over: 21)
        },
        SSDA903Rule("363", [.episodes], ["DECOM", "LS", "DEC"], "Child assessment order (L3) lasted longer than the 7 days allowed") { c in
            longRuns(c, ls: "L3", over: 7)
        },
        SSDA903Rule("364", [.episodes], ["DECOM", "LS", "DEC"], "Detention under PACE (J2) lasted longer than 21 days") { c in
            longRuns(c, ls: "J2", over: 21)
        },
        SSDA903Rule("365", [.episodes], ["DECOM", "LS", "DEC"], "A single short break (V3) lasted longer than 17 days") { c in
            c.episodes { e in
                guard e.ls == "V3", let s = e.decom, let d = lastDay(c, e) else { return false }
                return s.days(to: d) > 17
            }
        },
        SSDA903Rule("367", [.episodes], ["DECOM", "LS", "DEC"], "Short breaks (V3) total more than 75 days in the year") { c in
            c.episodesPerChild { _, eps in
                let v3 = eps.filter { $0.ls == "V3" && $0.decom != nil }
                var total = 0
                for e in v3 {
                    guard let s = e.decom, let d = e.dec.map({ min($0, c.end) }) ?? (e.decText.isEmpty ? c.end : nil) else { continue }
                    let days = max(s, c.start).days(to: d)
                    if days > 0 { total += days }
                }
                return total > 75 ? v3 : []
            }
        },
        SSDA903Rule("375", [.episodes], ["DECOM", "DEC", "PLACE"], "Hospital stay coded as a temporary placement (T1) lasted more than six weeks") { c in
            c.episodes { e in e.place == "T1" && (e.decom.flatMap { s in e.dec.map { s.days(to: $0) > 42 } } ?? false) }
        },
        SSDA903Rule("376", [.episodes], ["DECOM", "DEC", "PLACE"], "Temporary placement during a foster carer's holiday (T3) lasted more than three weeks") { c in
            c.episodes { e in e.place == "T3" && (e.decom.flatMap { s in e.dec.map { s.days(to: $0) > 21 } } ?? false) }
        },
        SSDA903Rule("379", [.episodes], ["DECOM", "DEC", "PLACE"], "Temporary placement for another reason (T4) lasted more than seven days") { c in
            c.episodes { e in e.place == "T4" && (e.decom.flatMap { s in e.dec.map { s.days(to: $0) > 7 } } ?? false) }
        },
        SSDA903Rule("377", .query, [.episodes], ["PLACE"], "More than two temporary placements during a foster carer's holiday (T3) in the year") { c in
            c.episodesPerChild { _, eps in
                let t3 = eps.filter { $0.place == "T3" }
                return t3.count > 2 ? t3 : []
            }
        },
    ]
}

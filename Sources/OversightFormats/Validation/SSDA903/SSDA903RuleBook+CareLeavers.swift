import OversightCore

extension SSDA903RuleBook {
    /// Whether any of the OC3 (care leaver) items is completed in row `i`.
    static func hasCareLeaverData(_ t: SSDA903IndexedTable, _ i: Int) -> Bool {
        !t.isBlank(i, "IN_TOUCH") || !t.isBlank(i, "ACTIV") || !t.isBlank(i, "ACCOM")
    }

    /// Rules on OC3, the care leavers' activity and accommodation around their 17th to 21st birthdays.
    static let careLeaverRules: [SSDA903Rule] = [
        SSDA903Rule("131", [.oc3], ["IN_TOUCH"], "Whether the authority is in touch with the care leaver (IN_TOUCH) is not a valid code") { c in
            c.rows(.oc3) { t, i in !SSDA903CodeLists.inTouch.contains(t.code(i, "IN_TOUCH")) }
        },
        SSDA903Rule("132", [.oc3], ["ACTIV"], "Care leaver's activity (ACTIV) is not a valid code") { c in
            c.rows(.oc3) { t, i in !SSDA903CodeLists.activity.contains(t.code(i, "ACTIV")) }
        },
        SSDA903Rule("133", [.oc3], ["ACCOM"], "Care leaver's accommodation (ACCOM) is not a valid code") { c in
            c.rows(.oc3) { t, i in !SSDA903CodeLists.accommodation.contains(t.code(i, "ACCOM")) }
        },
        SSDA903Rule("153", [.oc3], ["IN_TOUCH", "ACTIV", "ACCOM"], "In touch, activity and accommodation must all be completed or all be blank") { c in
            c.rows(.oc3) { t, i in
                let blanks = [t.isBlank(i, "IN_TOUCH"), t.isBlank(i, "ACTIV"), t.isBlank(i, "ACCOM")].filter { $0 }.count
                return blanks == 1 || blanks == 2
            }
        },
        SSDA903Rule("344", [.oc3], ["IN_TOUCH", "ACTIV", "ACCOM"], "The young person has died or returned home (DIED/RHOM), so activity and accommodation should be 0") { c in
            c.rows(.oc3) { t, i in
                ["DIED", "RHOM"].contains(t.code(i, "IN_TOUCH")) && (t.code(i, "ACTIV") != "0" || t.code(i, "ACCOM") != "0")
            }
        },
        SSDA903Rule("345", [.oc3], ["IN_TOUCH", "ACTIV", "ACCOM"], "The authority is in touch with the young person (YES) but activity or accommodation is 0") { c in
            c.rows(.oc3) { t, i in t.code(i, "IN_TOUCH") == "YES" && (t.code(i, "ACTIV") == "0" || t.code(i, "ACCOM") == "0") }
        },
        SSDA903Rule("391", [.oc3], ["DOB", "IN_TOUCH", "ACTIV", "ACCOM"], "Care leaver information is given for a young person under 17 at the end of the year") { c in
            c.rows(.oc3) { t, i in
                (t.date(i, "DOB").map { $0.adding(years: 17) > c.end } ?? false) && hasCareLeaverData(t, i)
            }
        },
        SSDA903Rule("3001", [.oc3], ["ACCOM", "DOB"], "Accommodation around the 17th birthday cannot be with former foster carers (Z1/Z2)") { c in
            c.rows(.oc3) { t, i in
                guard ["Z1", "Z2"].contains(t.code(i, "ACCOM")), let dob = t.date(i, "DOB") else { return false }
                return Period.reportingYear(c.year).contains(dob.adding(years: 17))
            }
        },
        SSDA903Rule("347", [.oc3], ["ACCOM", "DOB"], "Care leavers under 18 cannot be accommodated in a foyer (T1/T2)") { c in
            c.rows(.oc3) { t, i in
                guard t.code(i, "ACCOM").hasPrefix("T"), let dob = t.date(i, "DOB") else { return false }
                return dob.adding(years: 18) > c.start
            }
        },
        SSDA903Rule("1000", [.oc3, .episodes], ["IN_TOUCH", "ACTIV", "ACCOM"], "The young person died in care (REC E2), so care leaver information should not be given") { c in
            c.rows(.oc3) { t, i in
                guard let child = t.children[i] else { return false }
                let died: ([SSDA903Episode]?) -> Bool = { $0?.contains { $0.rec == "E2" } ?? false }
                return died(c.episodesByChild[child]) || died(c.previousEpisodesByChild[child])
            }
        },
        SSDA903Rule(
            "1011", [.oc3, .episodes], ["IN_TOUCH", "ACTIV", "ACCOM"],
            "The young person's care was transferred to another authority (final REC E3), so care leaver information should not be given"
        ) { c in
            c.rows(.oc3) { t, i in
                guard let child = t.children[i], let last = c.episodesByChild[child]?.last(where: { $0.decom != nil }) else { return false }
                return last.rec == "E3" && hasCareLeaverData(t, i)
            }
        },
        SSDA903Rule(
            "1007", [.oc3, .episodes], ["IN_TOUCH", "ACTIV", "ACCOM"], "Care leaver information is not needed for a 17 or 18 year old still looked after on their birthday"
        ) { c in
            c.rows(.oc3) { t, i in
                guard hasCareLeaverData(t, i), let dob = t.date(i, "DOB"), let child = t.children[i] else { return false }
                let age = dob.age(on: c.end)
                guard age == 17 || age == 18 else { return false }
                return c.isLookedAfter(child, on: dob.adding(years: age))
            }
        },
        SSDA903Rule(
            "1016", [.oc3, .episodes], ["IN_TOUCH", "ACTIV", "ACCOM"],
            "Care leaver information is not needed for a 17 or 18 year old who ceased to be looked after after their birthday"
        ) { c in
            c.rows(.oc3) { t, i in
                guard hasCareLeaverData(t, i), let dob = t.date(i, "DOB"), let child = t.children[i] else { return false }
                let age = dob.age(on: c.end)
                guard age == 17 || age == 18 else { return false }
                let birthday = dob.adding(years: age)
                return c.episodesByChild[child]?.contains { $0.dec.map { $0 >= birthday } ?? false } ?? false
            }
        },
    ]

    private static let health12Fields = [
        "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
    ]
    private static let coreHealthFields = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"]

    /// Rules on OC2, the health and offending items for children looked after for 12 months.
    static let healthRules: [SSDA903Rule] = [
        SSDA903Rule("180", [.oc2], ["SDQ_SCORE"], "Strengths and difficulties questionnaire (SDQ) score is not a whole number from 0 to 40") { c in
            c.rows(.oc2) { t, i in
                let s = t.text(i, "SDQ_SCORE")
                return !s.isEmpty && !(Int(s).map { (0...40).contains($0) } ?? false)
            }
        },
        SSDA903Rule("196", [.oc2], ["SDQ_REASON"], "Reason for no SDQ score is not a valid code (SDQ1-SDQ5)") { c in
            c.rows(.oc2) { t, i in !t.isBlank(i, "SDQ_REASON") && !["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"].contains(t.code(i, "SDQ_REASON")) }
        },
        SSDA903Rule("197a", [.oc2], ["SDQ_SCORE", "SDQ_REASON"], "A reason for no SDQ score is given although an SDQ score is given") { c in
            c.rows(.oc2) { t, i in !t.isBlank(i, "SDQ_SCORE") && !t.isBlank(i, "SDQ_REASON") }
        },
        SSDA903Rule("181", [.oc2], health12Fields, "Items for children looked after for 12 months must be 0 or 1") { c in
            c.rows(.oc2) { t, i in health12Fields.contains { f in !t.isBlank(i, f) && !["0", "1"].contains(t.text(i, f)) } }
        },
        SSDA903Rule("182", [.oc2], health12Fields, "Immunisations, teeth check, health assessment and substance misuse must be completed, or all OC2 items left blank") { c in
            c.rows(.oc2) { t, i in
                let coreMissing = coreHealthFields.contains { t.isBlank(i, $0) }
                let othersGiven = ["CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"].contains { !t.isBlank(i, $0) }
                return coreMissing && othersGiven
            }
        },
        SSDA903Rule("188", [.oc2], ["SDQ_SCORE", "SDQ_REASON", "DOB"], "Child is under 4 at the end of the year but an SDQ score or reason is given") { c in
            c.rows(.oc2) { t, i in
                (t.date(i, "DOB").map { $0.adding(years: 4) > c.end } ?? false) && (!t.isBlank(i, "SDQ_SCORE") || !t.isBlank(i, "SDQ_REASON"))
            }
        },
        SSDA903Rule("189", [.oc2], ["DOB", "SDQ_SCORE", "SDQ_REASON"], "Young person is 17 or over at the start of the year but an SDQ score or reason is given") { c in
            c.rows(.oc2) { t, i in
                (t.date(i, "DOB").map { $0.adding(years: 17) < c.start } ?? false) && (!t.isBlank(i, "SDQ_SCORE") || !t.isBlank(i, "SDQ_REASON"))
            }
        },
        SSDA903Rule(
            "158", [.oc2], ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], "An intervention for substance misuse was received, so whether one was offered should be blank"
        ) { c in
            c.rows(.oc2) { t, i in t.text(i, "INTERVENTION_RECEIVED") == "1" && !t.isBlank(i, "INTERVENTION_OFFERED") }
        },
        SSDA903Rule(
            "159", [.oc2], ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
            "No intervention for substance misuse was received, so whether one was offered must be completed"
        ) { c in
            c.rows(.oc2) { t, i in
                t.text(i, "SUBSTANCE_MISUSE") == "1" && t.text(i, "INTERVENTION_RECEIVED") == "0" && t.isBlank(i, "INTERVENTION_OFFERED")
            }
        },
        SSDA903Rule("192", [.oc2], ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"], "A substance misuse problem is identified but whether an intervention was received is blank") {
            c in
            c.rows(.oc2) { t, i in t.text(i, "SUBSTANCE_MISUSE") == "1" && t.isBlank(i, "INTERVENTION_RECEIVED") }
        },
        SSDA903Rule(
            "193", [.oc2], ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], "No substance misuse problem is identified but intervention items are completed"
        ) { c in
            c.rows(.oc2) { t, i in
                (t.isBlank(i, "SUBSTANCE_MISUSE") || t.text(i, "SUBSTANCE_MISUSE") == "0")
                    && (!t.isBlank(i, "INTERVENTION_RECEIVED") || !t.isBlank(i, "INTERVENTION_OFFERED"))
            }
        },
        SSDA903Rule(
            "544", [.oc2], ["CONVICTED"] + coreHealthFields,
            "Child was convicted (CONVICTED 1), so immunisations, teeth check, health assessment and substance misuse must be completed"
        ) { c in
            c.rows(.oc2) { t, i in t.text(i, "CONVICTED") == "1" && coreHealthFields.contains { t.isBlank(i, $0) } }
        },
        SSDA903Rule(
            "547", [.oc2], ["HEALTH_CHECK"] + coreHealthFields,
            "Health promotion checks are up to date (HEALTH_CHECK 1), so immunisations, teeth check, health assessment and substance misuse must be completed"
        ) { c in
            c.rows(.oc2) { t, i in t.text(i, "HEALTH_CHECK") == "1" && coreHealthFields.contains { t.isBlank(i, $0) } }
        },
        SSDA903Rule("542", [.oc2], ["CONVICTED", "DOB"], "Child is under 10 at 31 March but conviction information is completed") { c in
            c.rows(.oc2) { t, i in !t.isBlank(i, "CONVICTED") && (t.date(i, "DOB").map { $0.adding(years: 10) > c.end } ?? false) }
        },
        SSDA903Rule(
            "546", [.oc2, .episodes], ["HEALTH_CHECK", "DOB"],
            "Child looked after for 12 months is 5 or over at 31 March, so health promotion (HEALTH_CHECK) should not be completed"
        ) { c in
            c.rows(.oc2) { t, i in
                guard let child = t.children[i], c.continuouslyLookedAfter.contains(child), !t.isBlank(i, "HEALTH_CHECK") else { return false }
                return t.date(i, "DOB").map { $0.adding(years: 5) <= c.end } ?? false
            }
        },
        SSDA903Rule("190", [.oc2, .episodes], health12Fields, "Child was not looked after continuously for 12 months at 31 March but OC2 items are completed") { c in
            c.rows(.oc2) { t, i in
                guard let child = t.children[i], !c.continuouslyLookedAfter.contains(child) else { return false }
                return health12Fields.contains { !t.isBlank(i, $0) }
            }
        },
        SSDA903Rule("191", [.oc2, .episodes], coreHealthFields, "Child was looked after continuously for 12 months at 31 March but OC2 items are blank") { c in
            c.rows(.oc2) { t, i in
                guard let child = t.children[i], c.continuouslyLookedAfter.contains(child) else { return false }
                return coreHealthFields.contains { t.isBlank(i, $0) }
            }
        },
        SSDA903Rule("543", [.oc2, .episodes], ["DOB", "CONVICTED"], "Child is 10 or over and looked after for 12 months but conviction information is blank") { c in
            c.rows(.oc2) { t, i in
                guard let child = t.children[i], c.continuouslyLookedAfter.contains(child), t.isBlank(i, "CONVICTED"),
                    let dob = t.date(i, "DOB")
                else { return false }
                return dob.adding(years: 10) <= c.end
            }
        },
        SSDA903Rule("545", [.oc2, .episodes], ["DOB", "HEALTH_CHECK"], "Child is under 5 and looked after for 12 months but health promotion information is blank") { c in
            c.rows(.oc2) { t, i in
                guard let child = t.children[i], c.continuouslyLookedAfter.contains(child), t.isBlank(i, "HEALTH_CHECK"),
                    let dob = t.date(i, "DOB")
                else { return false }
                return dob.adding(years: 5) > c.end
            }
        },
    ]
}

import OversightCore

extension SSDA903RuleBook {
    /// Rules on looked-after reviews and how the child took part.
    static let reviewRules: [SSDA903Rule] = [
        SSDA903Rule("166", [.reviews], ["REVIEW"], "Date of review is blank or not a valid dd/mm/yyyy date") { c in
            c.rows(.reviews) { t, i in t.date(i, "REVIEW") == nil }
        },
        SSDA903Rule("167", [.reviews], ["REVIEW_CODE"], "Participation code (REVIEW_CODE) is blank or not a valid code (PN0-PN7)") { c in
            c.rows(.reviews) { t, i in
                let code = t.code(i, "REVIEW_CODE")
                if t.isBlank(i, "REVIEW") { return !code.isEmpty }
                return !SSDA903CodeLists.reviewCode.contains(code)
            }
        },
        SSDA903Rule("440", [.reviews], ["DOB", "REVIEW", "REVIEW_CODE"], "Participation code PN0 (child under 4) is used but the child was 4 or over at the review") { c in
            c.rows(.reviews) { t, i in
                guard t.code(i, "REVIEW_CODE") == "PN0", let r = t.date(i, "REVIEW"), let dob = t.date(i, "DOB") else { return false }
                return r >= dob.adding(years: 4)
            }
        },
        SSDA903Rule("441", [.reviews], ["DOB", "REVIEW", "REVIEW_CODE"], "Participation code PN1-PN7 is used but the child was under 4 at the review (use PN0)") { c in
            c.rows(.reviews) { t, i in
                let code = t.code(i, "REVIEW_CODE")
                guard code != "PN0", SSDA903CodeLists.reviewCode.contains(code), let r = t.date(i, "REVIEW"),
                    let dob = t.date(i, "DOB")
                else { return false }
                return r < dob.adding(years: 4)
            }
        },
    ]
}

import OversightCore

extension CINRuleTable {
    /// Rules on the `Header`.
    static let headerRules: [CINRule] = [
        CINRule("100", .error, header, ["ReferenceDate"], "The census reference date is missing or not 31 March of the collection year") { census, f in
            let text = census.raw.header["ReferenceDate"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if Day.parseISO(text) != census.context.referenceDate {
                f.flag(text.isEmpty ? "missing" : "\(text) given, \(census.context.referenceDate.iso) expected")
            }
        },
        CINRule("OV-CIN-LEA", .error, header, ["LEA"], "The local authority number (LEA) is missing or not three digits") { census, f in
            let lea = census.raw.header["LEA"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if lea.count != 3 || !lea.allSatisfy({ $0.isASCII && $0.isNumber }) { f.flag() }
        },
    ]

    /// Rules across children, and the DfE's authority-level queries.
    static let returnRules: [CINRule] = [
        CINRule("8510", .error, ci, ["LAchildID"], "More than one child has this LA child ID") { census, f in
            var byID: [ChildID: [Int]] = [:]
            for (i, c) in census.children.enumerated() { if let id = c.id { byID[id, default: []].append(i) } }
            for (_, rows) in byID where rows.count > 1 { for i in rows { f.flag(child: i, "\(rows.count) children share it") } }
        },
        CINRule("1520", .error, ci, ["UPN"], "More than one child has this UPN") { census, f in
            var byUPN: [String: [Int]] = [:]
            for (i, c) in census.children.enumerated() { if let u = cinText(c.identifiers, "UPN")?.uppercased() { byUPN[u, default: []].append(i) } }
            for (_, rows) in byUPN where rows.count > 1 { for i in rows { f.flag(child: i, "\(rows.count) children share it") } }
        },
        CINRule("2883", .error, cpp, ["CPPstartDate", "DateOfInitialCPC"],
                "More child protection plans start in the year than initial child protection conferences are held") { census, f in
            var starts = 0, conferences = 0
            for c in census.children {
                for e in c.episodes {
                    if let d = e.icpc, census.context.inPeriod(d) { conferences += 1 }
                    for s in e.section47s { if let d = s.icpc, census.context.inPeriod(d) { conferences += 1 } }
                    for p in e.protectionPlans { if let d = p.start, census.context.inPeriod(d) { starts += 1 } }
                }
            }
            if starts > conferences { f.flag("\(starts) plans started, \(conferences) conferences") }
        },
        CINRule("2886Q", .query, ci, ["GenderCurrent", "ExpectedPersonBirthDate"], years: 2024...2024,
                "More than 2% of children (unborn children aside) have no gender recorded (missing or 0)") { census, f in
            let n = census.children.count
            let missing = census.children.filter { c in
                let g = cinText(c.identifiers, "GenderCurrent")
                return (g == nil || g == "0") && cinText(c.identifiers, "ExpectedPersonBirthDate") == nil
            }.count
            if n > 0, Double(missing) / Double(n) > 0.02 { f.flag("\(missing) of \(n)") }
        },
        CINRule("2886Q", .query, ci, ["Sex", "ExpectedPersonBirthDate"], years: 2025...2026,
                "More than 2% of children (unborn children aside) have no sex recorded (missing or U)") { census, f in
            let n = census.children.count
            let missing = census.children.filter { c in
                let s = cinText(c.identifiers, "Sex")?.uppercased()
                return (s == nil || s == "U") && cinText(c.identifiers, "ExpectedPersonBirthDate") == nil
            }.count
            if n > 0, Double(missing) / Double(n) > 0.02 { f.flag("\(missing) of \(n)") }
        },
        CINRule("2887Q", .query, cc, ["Disability"], "Fewer than 8 different disability codes are used in the return") { census, f in
            var used = Set<String>()
            for c in census.children { for d in disabilities(c) where !d.isEmpty && d != "NONE" { used.insert(d) } }
            if used.count < 8 { f.flag("\(used.count) used") }
        },
        CINRule("2888Q", .query, cc, ["Disability"], "Every disabled child has only one disability code: record all of a child's disabilities") { census, f in
            var disabled = 0, multiple = 0
            for c in census.children {
                let codes = Set(disabilities(c).filter { !$0.isEmpty && $0 != "NONE" })
                if !codes.isEmpty { disabled += 1 }
                if codes.count > 1 { multiple += 1 }
            }
            if disabled > 0 && multiple == 0 { f.flag() }
        },
        CINRule("OV-CIN-PREV", .query, cd, ["CINreferralDate", "CINclosureDate"],
                "An episode open at the end of last year's return is missing from this return") { census, f in
            guard let previous = census.previous else { return }
            var current: [ChildID: (index: Int, referrals: Set<String>)] = [:]
            for (i, c) in census.children.enumerated() {
                guard let id = c.id else { continue }
                let referrals = Set(c.episodes.compactMap { $0.referral?.iso })
                current[id] = (current[id]?.index ?? i, referrals.union(current[id]?.referrals ?? []))
            }
            for c in previous.children {
                guard let id = ChildID(normalising: c.laChildID) else { continue }
                for e in c.episodes where cinText(e.details, "CINclosureDate") == nil && cinFlag(e.details["ReferralNFA"]) == false {
                    guard let r = cinDate(e.details, "CINreferralDate") else { continue }
                    if let here = current[id] {
                        if !here.referrals.contains(r.iso) { f.flag(child: here.index, "referral \(r.iso)") }
                    } else {
                        f.flag(absentChildID: id.rawValue, "referral \(r.iso); the child is not in this return")
                    }
                }
            }
        },
    ]
}

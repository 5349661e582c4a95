import Foundation
import OversightCore

/// Turns raw tables and XML blocks into typed domain records.
public enum RecordMapper {
    static func opt(_ s: String) -> String? {
        let t = s.trimmed
        return t.isEmpty ? nil : t.upperASCII
    }
    static func optRaw(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = s.trimmed
        return t.isEmpty ? nil : t
    }

    /// Adds one SSDA903 raw table's rows to the builder as typed records.
    public static func add(_ t: RawTable, file: Int, to b: inout CaseDataBuilder) {
        let y = t.collectionYear
        var blank = 0
        func rows<R>(_ make: (RawRow, ChildID, (String) -> String, RecordOrigin) -> R) -> [R] {
            var out: [R] = []
            out.reserveCapacity(t.rows.count)
            for r in t.rows {
                let v: (String) -> String = { t.value(r, $0) }
                guard let c = ChildID(normalising: v("CHILD")) else { blank += 1; continue }
                out.append(make(r, c, v, RecordOrigin(file: file, row: r.row)))
            }
            return out
        }
        switch t.table {
        case .header:
            b.add(
                claHeaders: rows { _, c, v, o in
                    CLAHeader(child: c, sex: opt(v("SEX")), birthDate: .uk(v("DOB")), ethnicity: opt(v("ETHNIC")), upn: opt(v("UPN")), collectionYear: y, origin: o)
                }, file: file)
        case .episodes:
            b.add(
                claEpisodes: rows { _, c, v, o in
                    CLAEpisode(
                        child: c, start: .uk(v("DECOM")), reasonNewEpisode: opt(v("RNE")), legalStatus: opt(v("LS")), categoryOfNeed: opt(v("CIN")),
                        placement: opt(v("PLACE")), provider: opt(v("PLACE_PROVIDER")), end: .uk(v("DEC")), reasonEnded: opt(v("REC")),
                        reasonPlaceChange: opt(v("REASON_PLACE_CHANGE")), homePostcode: opt(v("HOME_POST")), placementPostcode: opt(v("PL_POST")),
                        urn: opt(v("URN")), collectionYear: y, origin: o)
                }, file: file)
        case .reviews:
            b.add(
                claReviews: rows { _, c, v, o in
                    CLAReview(child: c, date: .uk(v("REVIEW")), participationCode: opt(v("REVIEW_CODE")), collectionYear: y, origin: o)
                }, file: file)
        case .missing:
            b.add(
                claMissing: rows { _, c, v, o in
                    CLAMissing(child: c, kind: opt(v("MISSING")), start: .uk(v("MIS_START")), end: .uk(v("MIS_END")), collectionYear: y, origin: o)
                }, file: file)
        case .oc3:
            b.add(
                careLeavers: rows { _, c, v, o in
                    CareLeaverRecord(
                        child: c, birthDate: .uk(v("DOB")), inTouch: opt(v("IN_TOUCH")), activity: opt(v("ACTIV")),
                        accommodation: opt(v("ACCOM")), collectionYear: y, origin: o)
                }, file: file)
        case .swEpisodes:
            b.add(
                socialWorkerEpisodes: rows { _, c, v, o in
                    SocialWorkerEpisode(
                        child: c, workerID: opt(v("SW_ID")), start: .uk(v("SW_DECOM")), end: .uk(v("SW_DEC")),
                        reason: opt(v("SW_REASON")), collectionYear: y, origin: o)
                }, file: file)
        case .uasc, .oc2, .ad1, .placedAdoption, .prevPerm, .dolo:
            // Validated, not used by any measure.
            _ = rows { _, _, _, _ in 0 }
        }
        if blank > 0 { b.countBlankChildID(table: t.table.rawValue, blank) }
    }

    /// Adds a CIN census return's children and episodes to the builder.
    public static func add(_ r: CINRawReturn, file: Int, to b: inout CaseDataBuilder) {
        var children: [CINChild] = []
        var episodes: [CINEpisode] = []
        var blank = 0
        for c in r.children { map(c, year: r.collectionYear, file: file, children: &children, episodes: &episodes, blank: &blank) }
        b.add(cinChildren: children, file: file)
        b.add(cinEpisodes: episodes, file: file)
        if blank > 0 { b.countBlankChildID(table: "CINdetails", blank) }
    }

    /// Maps one CIN census child to typed records, appending them.
    public static func map(_ c: CINRawChild, year: Int?, file: Int, children: inout [CINChild], episodes: inout [CINEpisode], blank: inout Int) {
        guard let id = ChildID(normalising: c.laChildID) else { blank += c.episodes.count; return }
        let ids = c.identifiers
        children.append(
            CINChild(
                id: id, upn: optRaw(ids["UPN"]), birthDate: .iso(ids["PersonBirthDate"] ?? ""),
                expectedBirthDate: .iso(ids["ExpectedPersonBirthDate"] ?? ""), deathDate: .iso(ids["PersonDeathDate"] ?? ""),
                sex: optRaw(ids["Sex"] ?? ids["GenderCurrent"]), ethnicity: optRaw(c.characteristics["Ethnicity"]),
                disabilities: c.characteristics.lists["Disability"] ?? [], collectionYear: year,
                origin: RecordOrigin(file: file, row: c.position)))
        for e in c.episodes {
            let d = e.details
            let o = RecordOrigin(file: file, row: c.position)
            episodes.append(
                CINEpisode(
                    child: id, referralDate: .iso(d["CINreferralDate"] ?? ""), referralSource: optRaw(d["ReferralSource"])?.upperASCII,
                    primaryNeedCode: optRaw(d["PrimaryNeedCode"])?.upperASCII, closureDate: .iso(d["CINclosureDate"] ?? ""),
                    reasonForClosure: optRaw(d["ReasonForClosure"])?.upperASCII, initialCPCDate: .iso(d["DateOfInitialCPC"] ?? ""),
                    referralNFA: parseFlag(d["ReferralNFA"] ?? ""),
                    assessments: e.assessments.map { a in
                        Assessment(
                            startDate: .iso(a["AssessmentActualStartDate"] ?? ""), internalReviewDate: .iso(a["AssessmentInternalReviewDate"] ?? ""),
                            authorisationDate: .iso(a["AssessmentAuthorisationDate"] ?? ""),
                            factors: (a.lists["AssessmentFactors"] ?? []).map { $0.trimmed.upperASCII }, origin: o)
                    },
                    cinPlans: e.cinPlans.map { p in CINPlan(startDate: .iso(p["CINPlanStartDate"] ?? ""), endDate: .iso(p["CINPlanEndDate"] ?? ""), origin: o) },
                    section47s: e.section47s.map { s in
                        Section47(
                            startDate: .iso(s["S47ActualStartDate"] ?? ""), initialCPCTarget: .iso(s["InitialCPCtarget"] ?? ""),
                            initialCPCDate: .iso(s["DateOfInitialCPC"] ?? ""), icpcNotRequired: parseFlag(s["ICPCnotRequired"] ?? ""), origin: o)
                    },
                    protectionPlans: e.protectionPlans.map { p in
                        ProtectionPlan(
                            startDate: .iso(p["CPPstartDate"] ?? ""), endDate: .iso(p["CPPendDate"] ?? ""),
                            initialCategory: optRaw(p["InitialCategoryOfAbuse"])?.upperASCII,
                            latestCategory: optRaw(p["LatestCategoryOfAbuse"])?.upperASCII,
                            numberOfPreviousPlans: optRaw(p["NumberOfPreviousCPP"]).flatMap { Int($0) },
                            reviewDates: (p.lists["CPPreviewDate"] ?? []).map { DateField.iso($0) }, origin: o)
                    },
                    collectionYear: year, origin: o))
        }
    }
}

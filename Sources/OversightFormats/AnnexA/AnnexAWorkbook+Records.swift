import OversightCore

extension AnnexAWorkbook {
    /// One contact per List 1 row with a valid child id: the contact's date and source as
    /// written. `origin` is (`fileIndex`, sheet row).
    public func contacts(fileIndex: Int = 0) -> [Contact] {
        rows(.list1).compactMap { row in
            guard let child = ChildID(normalising: row["child_id"]) else { return nil }
            return Contact(
                child: child, date: .iso(row["contact_date"]), source: row["contact_source"].isEmpty ? nil : row["contact_source"],
                origin: RecordOrigin(file: fileIndex, row: row.row))
        }
    }

    /// One early help episode per List 2 row with a valid child id: the assessment's start,
    /// completion and the organisation completing it. List 2 gives no lead agency, closure,
    /// factors or meetings (the local early help file does). `origin` is (`fileIndex`, sheet row).
    public func earlyHelp(fileIndex: Int = 0) -> [EarlyHelpEpisode] {
        rows(.list2).compactMap { row in
            guard let child = ChildID(normalising: row["child_id"]) else { return nil }
            return EarlyHelpEpisode(
                child: child, start: .iso(row["assessment_start_date"]), completed: .iso(row["assessment_completion_date"]),
                organisation: row["assessment_organisation"].isEmpty ? nil : row["assessment_organisation"],
                origin: RecordOrigin(file: fileIndex, row: row.row))
        }
    }

    /// The last missing episode of each child in List 8 (children looked after), the only
    /// missing episodes Annex A holds.
    ///
    /// One episode per List 8 row whose child id is valid and that either counts at least one
    /// missing episode in the last 12 months or answers the return interview questions. `kind` is
    /// `M`; `start`, `returned` and `rhiCompleted` are `.missing` (Annex A gives no dates);
    /// `rhiAccepted` is the answer to "did the child accept a return interview" (nil when blank
    /// or not yes/no). Annex A says only *whether* an interview was offered, not when, so
    /// `rhiOffered` holds the answer as written, `.invalid("a) Yes")`, when it is yes (present but
    /// not a date-time: rule 6 of the measures spec), and `.missing` when no or blank.
    /// `origin` is (`fileIndex`, sheet row). Ordered by sheet row.
    public func missingEpisodes(fileIndex: Int = 0) -> [MissingEpisode] {
        rows(.list8).compactMap { row in
            guard let child = ChildID(normalising: row["child_id"]) else { return nil }
            let missingCount = AnnexAValue.count(row["missing_episodes_12m"]) ?? 0
            let offered = AnnexAValue.flag(row["rhi_offered"])
            let accepted = AnnexAValue.flag(row["rhi_accepted"])
            guard missingCount > 0 || offered != nil || accepted != nil else { return nil }
            return MissingEpisode(
                child: child, kind: "M", start: .missing, returned: .missing,
                rhiOffered: offered == true ? .invalid(row["rhi_offered"]) : .missing,
                rhiAccepted: accepted, rhiCompleted: .missing,
                origin: RecordOrigin(file: fileIndex, row: row.row))
        }
    }

    /// Children in need (CIN) episodes built from List 3 (referrals), List 6 (children in need),
    /// List 4 (assessments), List 5 (section 47 enquiries) and List 7 (child protection plans).
    ///
    /// - List 3 and List 6 rows of the same child with the same date (`Date of Referral` equal to
    ///   `CIN Start Date`) are one episode; other rows of either list are episodes of their own.
    ///   List 3 gives `referralDate`, `referralSource` (the code: `q) 6: Police` -> `6`) and
    ///   `referralNFA`; List 6 gives `referralDate` (the CIN start date), `primaryNeedCode` (`N1`),
    ///   `closureDate` and `reasonForClosure` (the code).
    /// - Each List 4, 5 and 7 row is an episode with no referral date (`.missing`) holding one
    ///   assessment (start and authorisation dates; no factors), one section 47 enquiry (start,
    ///   ICPC date, ICPC not required) or one child protection plan (start, end, initial and
    ///   latest category as CIN census codes, number of previous plans). Annex A does not say
    ///   which referral these belong to, and no measure needs to know.
    ///
    /// Rows without a valid child id are left out. Dates that are not valid become
    /// `DateField.invalid`. `origin` is (`fileIndex`, sheet row of the first row used). Episodes are
    /// ordered by list, then sheet row.
    public func cinEpisodes(fileIndex: Int = 0) -> [CINEpisode] {
        func origin(_ row: AnnexARow) -> RecordOrigin { RecordOrigin(file: fileIndex, row: row.row) }
        var episodes: [CINEpisode] = []
        var byReferral: [String: Int] = [:]

        for row in rows(.list3) {
            guard let child = ChildID(normalising: row["child_id"]) else { continue }
            let date = DateField.iso(row["referral_date"])
            episodes.append(
                CINEpisode(
                    child: child, referralDate: date, referralSource: AnnexAValue.code(row["referral_source"]),
                    referralNFA: AnnexAValue.flag(row["referral_nfa"]), origin: origin(row)))
            if let d = date.day { byReferral["\(child.rawValue)|\(d.iso)"] = episodes.count - 1 }
        }
        for row in rows(.list6) {
            guard let child = ChildID(normalising: row["child_id"]) else { continue }
            let date = DateField.iso(row["cin_start_date"])
            let need = AnnexAValue.code(row["primary_need_code"])
            let closure = DateField.iso(row["cin_closure_date"])
            let reason = AnnexAValue.code(row["closure_reason"])
            if let d = date.day, let i = byReferral["\(child.rawValue)|\(d.iso)"] {
                episodes[i].primaryNeedCode = need
                episodes[i].closureDate = closure
                episodes[i].reasonForClosure = reason
            } else {
                episodes.append(
                    CINEpisode(
                        child: child, referralDate: date, primaryNeedCode: need, closureDate: closure,
                        reasonForClosure: reason, origin: origin(row)))
            }
        }
        for row in rows(.list4) {
            guard let child = ChildID(normalising: row["child_id"]) else { continue }
            let a = Assessment(
                startDate: .iso(row["assessment_start_date"]), authorisationDate: .iso(row["assessment_authorisation_date"]),
                origin: origin(row))
            episodes.append(CINEpisode(child: child, referralDate: .missing, assessments: [a], origin: origin(row)))
        }
        for row in rows(.list5) {
            guard let child = ChildID(normalising: row["child_id"]) else { continue }
            let s = Section47(
                startDate: .iso(row["s47_start_date"]), initialCPCDate: .iso(row["icpc_date"]),
                icpcNotRequired: AnnexAValue.flag(row["icpc_not_required"]), origin: origin(row))
            episodes.append(CINEpisode(child: child, referralDate: .missing, section47s: [s], origin: origin(row)))
        }
        for row in rows(.list7) {
            guard let child = ChildID(normalising: row["child_id"]) else { continue }
            let p = ProtectionPlan(
                startDate: .iso(row["cpp_start_date"]), endDate: .iso(row["cpp_end_date"]),
                initialCategory: AnnexAValue.abuseCategory(row["initial_category"]),
                latestCategory: AnnexAValue.abuseCategory(row["latest_category"]),
                numberOfPreviousPlans: AnnexAValue.count(row["previous_plans"]), origin: origin(row))
            episodes.append(CINEpisode(child: child, referralDate: .missing, protectionPlans: [p], origin: origin(row)))
        }
        return episodes
    }

    /// One children looked after (CLA) episode per List 8 row with a valid child id, spanning
    /// the child's current period of care.
    ///
    /// `start` is "Date Started to be Looked After" with `reasonNewEpisode` `S`; `end` and
    /// `reasonEnded` are "Date Ceased to be Looked After" and its reason's code (`E47`). Legal
    /// status (`C2`), category of need (`N1`), placement type (`U6`), provider (`PR4`), postcode
    /// and URN are the child's *current* ones, applied to the whole period of care: Annex A keeps
    /// no history of earlier placements or legal statuses. `origin` is (`fileIndex`, sheet row).
    public func claEpisodes(fileIndex: Int = 0) -> [CLAEpisode] {
        rows(.list8).compactMap { row in
            guard let child = ChildID(normalising: row["child_id"]) else { return nil }
            func text(_ field: String) -> String? { row[field].isEmpty ? nil : row[field] }
            return CLAEpisode(
                child: child, start: .iso(row["cla_start_date"]), reasonNewEpisode: "S",
                legalStatus: AnnexAValue.code(row["legal_status"]), categoryOfNeed: AnnexAValue.code(row["category_of_need"]),
                placement: AnnexAValue.code(row["placement_type"]), provider: AnnexAValue.code(row["placement_provider"]),
                end: .iso(row["cla_end_date"]), reasonEnded: AnnexAValue.code(row["reason_ceased"]),
                placementPostcode: text("placement_postcode"), urn: text("placement_urn"),
                origin: RecordOrigin(file: fileIndex, row: row.row))
        }
    }
}

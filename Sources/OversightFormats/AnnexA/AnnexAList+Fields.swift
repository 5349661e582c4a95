extension AnnexAList {
    /// The list's columns in the template's order. Headers follow Ofsted's ILACS Annex A template
    /// (as in the public sample workbook); synonyms are spellings met in local authorities' files.
    public var fields: [AnnexAField] {
        switch self {
        case .list1:
            return AnnexAList.childColumns(disability: false) + [
                AnnexAField("contact_date", "Date of Contact", .date, required: true, synonyms: ["Contact Date", "Date Contact Received"]),
                AnnexAField("contact_source", "Contact Source", synonyms: ["Source of Contact"]),
            ]
        case .list2:
            return AnnexAList.childColumns(disability: false) + [
                AnnexAField(
                    "assessment_start_date", "Assessment start date", .date, required: true,
                    synonyms: ["Early Help Assessment Start Date", "EHA Start Date", "Date Assessment Started"]),
                AnnexAField(
                    "assessment_completion_date", "Assessment completion date", .date,
                    synonyms: ["Early Help Assessment Completion Date", "EHA Completion Date", "Assessment End Date", "Date Assessment Completed"]),
                AnnexAField(
                    "assessment_organisation", "Organisation completing assessment",
                    synonyms: ["Organisation", "Agency Completing Assessment", "Organisation Completing the Assessment"]),
            ]
        case .list3:
            return AnnexAList.childColumns(disability: false) + [
                AnnexAField("referral_date", "Date of Referral", .date, required: true, synonyms: ["Referral Date", "Date Referral Received"]),
                AnnexAField("referral_source", "Referral Source", synonyms: ["Source of Referral"]),
                AnnexAField(
                    "referral_nfa", "Referral NFA?", .flag,
                    synonyms: ["Referral NFA", "NFA", "Referral No Further Action", "Was the Referral NFA", "Referral Resulted in NFA"]),
                AnnexAField(
                    "referrals_last_12_months", "Number of Referrals in Last 12 Months", .number,
                    synonyms: ["Referrals in Last 12 Months", "Number of Referrals in the Last 12 Months", "Number of Previous Referrals in Last 12 Months"]),
            ] + AnnexAList.allocationColumns
        case .list4:
            return AnnexAList.childColumns(disability: true) + [
                AnnexAField(
                    "assessment_start_date", "Continuous Assessment Start Date", .date, required: true,
                    synonyms: ["Assessment Start Date", "Date Assessment Started", "C&F Assessment Start Date"]),
                AnnexAField(
                    "child_seen", "Child Seen During Continuous Assessment", .flag,
                    synonyms: ["Child Seen During Assessment", "Was the Child Seen", "Child Seen"]),
                AnnexAField(
                    "assessment_authorisation_date", "Continuous Assessment Date of Authorisation", .date,
                    synonyms: [
                        "Assessment Authorisation Date", "Date of Authorisation", "Assessment Completion Date",
                        "Date Assessment Authorised", "Assessment Date of Authorisation", "Date Assessment Completed",
                    ]),
                AnnexAField(
                    "assessment_outcome", "Was the child assessed as requiring LA children's social care support?",
                    synonyms: ["Assessment Outcome", "Outcome of Assessment", "Child Assessed as Requiring LA Children's Social Care Support"]),
            ] + AnnexAList.allocationColumns
        case .list5:
            return AnnexAList.childColumns(disability: true) + [
                AnnexAField(
                    "s47_start_date", "Strategy discussion initiating Section 47 Enquiry Start Date", .date, required: true,
                    synonyms: [
                        "Section 47 Enquiry Start Date", "S47 Start Date", "S47 Enquiry Start Date", "Strategy Discussion Date",
                        "Date of Strategy Discussion", "Date of Strategy Discussion Initiating Section 47 Enquiry",
                    ]),
                AnnexAField(
                    "icpc_not_required", "Was an Initial Child Protection Conference deemed unnecessary?", .flag,
                    synonyms: ["ICPC Not Required", "ICPC Deemed Unnecessary", "Was an ICPC Deemed Unnecessary"]),
                AnnexAField(
                    "icpc_date", "Date of Initial Child Protection Conference", .date,
                    synonyms: ["ICPC Date", "Initial Child Protection Conference Date", "Date of ICPC"]),
                AnnexAField(
                    "icpc_resulted_in_plan", "Did the Initial Child Protection Conference Result in a Child Protection Plan", .flag,
                    synonyms: ["ICPC Resulted in CP Plan", "Did the ICPC Result in a CP Plan", "Did the ICPC Result in a Child Protection Plan"]),
                AnnexAField(
                    "s47_last_12_months", "Number of Section 47 Enquiries in the last 12 months", .number,
                    synonyms: ["Number of S47 Enquiries in Last 12 Months", "S47 Enquiries in Last 12 Months", "Number of Section 47 Enquiries in Last 12 Months"]),
                AnnexAField(
                    "icpcs_last_12_months", "Number of ICPCs in the last 12 months", .number,
                    synonyms: ["ICPCs in Last 12 Months", "Number of Initial Child Protection Conferences in the Last 12 Months"]),
            ] + AnnexAList.allocationColumns
        case .list6:
            return AnnexAList.childColumns(disability: true) + [
                AnnexAField(
                    "cin_start_date", "CIN Start Date", .date, required: true,
                    synonyms: ["Child in Need Start Date", "CIN Episode Start Date", "Start Date"]),
                AnnexAField("primary_need_code", "Primary Need Code", synonyms: ["Primary Need", "Category of Need", "Need Code"]),
                AnnexAField(
                    "date_last_seen", "Date Child Was Last Seen", .date,
                    synonyms: ["Date Last Seen", "Date Child Last Seen", "Last Seen Date", "Date the Child Was Last Seen"]),
                AnnexAField(
                    "cin_closure_date", "CIN Closure Date", .date,
                    synonyms: ["Child in Need Closure Date", "Closure Date", "Date of Closure", "CIN End Date"]),
                AnnexAField("closure_reason", "Reason for Closure", synonyms: ["Closure Reason", "CIN Closure Reason", "Reason for CIN Closure"]),
                AnnexAField("case_status", "Case Status", synonyms: ["Status", "Current Status"]),
            ] + AnnexAList.allocationColumns
        case .list7:
            return AnnexAList.childColumns(disability: true) + [
                AnnexAField(
                    "cpp_start_date", "Child Protection Plan Start Date", .date, required: true,
                    synonyms: ["CP Plan Start Date", "CPP Start Date", "Plan Start Date", "Date CP Plan Started"]),
                AnnexAField("initial_category", "Initial Category of Abuse", synonyms: ["Initial Category", "Initial CP Category", "Category of Abuse at Start"]),
                AnnexAField("latest_category", "Latest Category of Abuse", synonyms: ["Latest Category", "Current Category of Abuse", "Category of Abuse"]),
                AnnexAField(
                    "last_statutory_visit_date", "Date of the Last Statutory Visit", .date,
                    synonyms: ["Date of Last Statutory Visit", "Last Statutory Visit", "Last Statutory Visit Date"]),
                AnnexAField("seen_alone", "Was the Child Seen Alone?", .flag, synonyms: ["Child Seen Alone", "Seen Alone"]),
                AnnexAField(
                    "latest_review_date", "Date of latest review conference", .date,
                    synonyms: ["Latest Review Conference Date", "Date of Last Review Conference", "Review Conference Date", "Date of Latest Review Conference"]),
                AnnexAField(
                    "cpp_end_date", "Child Protection Plan End Date", .date,
                    synonyms: ["CP Plan End Date", "CPP End Date", "Plan End Date", "Date CP Plan Ended"]),
                AnnexAField(
                    "emergency_protection", "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", .flag,
                    synonyms: [
                        "Subject to EPO or Police Protection in Last Six Months", "EPO or Police Protection in Last Six Months",
                        "Subject to Emergency Protection Order or Police Protection in Last 6 Months",
                    ]),
                AnnexAField(
                    "previous_plans", "Number of Previous Child Protection Plans", .number,
                    synonyms: ["Number of Previous CP Plans", "Previous CP Plans", "Number of Previous CPPs", "Previous Child Protection Plans"]),
            ] + AnnexAList.allocationColumns
        case .list8:
            return AnnexAList.childColumns(disability: false) + [
                AnnexAField(
                    "uasc", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", .flag,
                    synonyms: ["UASC", "Unaccompanied Asylum Seeking Child", "UASC in Last 12 Months", "UASC in the Last 12 Months"]),
                AnnexAList.disability,
                AnnexAField(
                    "cla_start_date", "Date Started to be Looked After", .date, required: true,
                    synonyms: [
                        "Date Became Looked After", "Date Entered Care", "CLA Start Date", "Date Started Looked After",
                        "Date Period of Care Started", "Date Child Started to be Looked After", "Date Started Being Looked After",
                    ]),
                AnnexAField("category_of_need", "Child's Category of Need", synonyms: ["Category of Need", "Childs Category of Need", "CIN Category of Need"]),
                AnnexAField(
                    "subsequent_period", "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", .flag,
                    synonyms: [
                        "Second or Subsequent Period of Care in Last 12 Months", "Subsequent Period of Care",
                        "Second or Subsequent Period of Being Looked After in the Last 12 Months",
                    ]),
                AnnexAField(
                    "legal_status_start_date", "Start date of current legal status", .date,
                    synonyms: ["Legal Status Start Date", "Current Legal Status Start Date", "Date of Current Legal Status", "Start Date of Legal Status"]),
                AnnexAField("legal_status", "Child's Legal Status", synonyms: ["Legal Status", "Current Legal Status", "Childs Legal Status"]),
                AnnexAField(
                    "latest_review_date", "Date of Latest Statutory Review", .date,
                    synonyms: ["Latest Statutory Review", "Date of Last Statutory Review", "Latest Review Date", "Date of Last Review", "Date of Latest Review"]),
                AnnexAField(
                    "last_visit_date", "Date of Last Social Work Visit", .date,
                    synonyms: ["Last Social Work Visit", "Date of Last Visit", "Last Visit Date", "Date of Last Statutory Visit"]),
                AnnexAField("permanence_plan", "What is the permanence plan for this child?", synonyms: ["Permanence Plan", "Plan for Permanence"]),
                AnnexAField(
                    "last_iro_contact_date", "Date of Last IRO Visit / Contact to the Child", .date,
                    synonyms: ["Date of Last IRO Visit", "Date of Last IRO Contact", "Last IRO Contact", "Date of Last IRO Visit or Contact"]),
                AnnexAField(
                    "last_health_assessment_date", "Date of Last Health Assessment", .date,
                    synonyms: ["Last Health Assessment", "Health Assessment Date", "Date of Latest Health Assessment"]),
                AnnexAField(
                    "last_dental_check_date", "Date of Last Dental Check", .date,
                    synonyms: ["Last Dental Check", "Dental Check Date", "Date of Latest Dental Check"]),
                AnnexAField(
                    "placements_last_12_months", "Number of Placements in the Last 12 months", .number,
                    synonyms: ["Number of Placements in Last 12 Months", "Placements in Last 12 Months"]),
                AnnexAField(
                    "cla_end_date", "Date Ceased to be Looked After", .date,
                    synonyms: ["Date Ceased Looked After", "Date Left Care", "CLA End Date", "Date Ceased to be LAC", "Date Ceased Being Looked After"]),
                AnnexAField(
                    "reason_ceased", "Reason Ceased to be Looked After",
                    synonyms: ["Reason Ceased Looked After", "Reason Left Care", "Reason for Ceasing to be Looked After", "Reason Ceased to be LAC"]),
                AnnexAField(
                    "placement_start_date", "Start Date of Most Recent Placement", .date,
                    synonyms: ["Placement Start Date", "Start Date of Current Placement", "Current Placement Start Date", "Date of Current Placement"]),
                AnnexAField("placement_type", "Placement Type", synonyms: ["Type of Placement", "Current Placement Type", "Placement"]),
                AnnexAField("placement_provider", "Placement Provider", synonyms: ["Provider", "Placement Provider Code"]),
                AnnexAField("placement_postcode", "Placement postcode", synonyms: ["Postcode of Placement", "Placement Post Code", "PL_POST"]),
                AnnexAField("placement_urn", "URN of Placement", synonyms: ["Placement URN", "URN", "Ofsted URN"]),
                AnnexAField("placement_location", "Placement Location", synonyms: ["Location of Placement"]),
                AnnexAField("placement_la", "LA of Placement", synonyms: ["Placement LA", "Local Authority of Placement"]),
                AnnexAField(
                    "missing_episodes_12m", "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months", .number,
                    synonyms: [
                        "Number of Missing Episodes in Last 12 Months", "Missing Episodes in Last 12 Months", "Number of Missing Episodes",
                        "Number of Episodes Missing from Placement in the Last 12 Months",
                    ]),
                AnnexAField(
                    "absent_episodes_12m", "Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months", .number,
                    synonyms: [
                        "Number of Absent Episodes in Last 12 Months", "Absent Episodes in Last 12 Months", "Number of Absent Episodes",
                        "Number of Episodes Absent from Placement in the Last 12 Months",
                    ]),
                AnnexAField(
                    "rhi_offered", "Was the child offered a Return Interview after their last missing episode (Y/N)?", .flag,
                    synonyms: [
                        "Return Interview Offered", "RHI Offered", "Offered Return Interview", "Return Home Interview Offered",
                        "Was the Child Offered a Return Home Interview After Their Last Missing Episode",
                    ]),
                AnnexAField(
                    "rhi_accepted", "Did the child accept a Return Interview after their last missing episode (Y/N)?", .flag,
                    synonyms: [
                        "Return Interview Accepted", "RHI Accepted", "Accepted Return Interview", "Return Home Interview Accepted",
                        "Did the Child Accept a Return Home Interview After Their Last Missing Episode",
                    ]),
            ] + AnnexAList.allocationColumns
        case .list9:
            return AnnexAList.childColumns(disability: false) + [
                AnnexAField(
                    "uasc", "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", .flag,
                    synonyms: ["UASC", "Unaccompanied Asylum Seeking Child", "Formerly UASC", "UASC or Formerly UASC"]),
                AnnexAList.disability,
            ] + AnnexAList.allocationColumns + [
                AnnexAField(
                    "personal_adviser", "Allocated Personal Advisor",
                    synonyms: ["Allocated Personal Adviser", "Personal Adviser", "Personal Advisor", "PA"]),
                AnnexAField("eligibility_category", "Eligibility Category", synonyms: ["Eligibility", "Care Leaver Eligibility Category", "Care Leaver Category"]),
                AnnexAField(
                    "pathway_plan_review_date", "Latest Pathway Plan Review Date", .date,
                    synonyms: ["Pathway Plan Review Date", "Date of Latest Pathway Plan Review", "Last Pathway Plan Review", "Date of Last Pathway Plan Review"]),
                AnnexAField("in_touch", "LA in Touch", .flag, synonyms: ["In Touch", "Local Authority in Touch", "Is the LA in Touch", "In Touch with LA"]),
                AnnexAField(
                    "latest_contact_date", "Latest Date of Contact", .date,
                    synonyms: ["Date of Latest Contact", "Last Contact Date", "Date of Last Contact", "Latest Contact Date"]),
                AnnexAField("accommodation_type", "Type of Accommodation", synonyms: ["Accommodation Type", "Accommodation"]),
                AnnexAField(
                    "accommodation_suitability", "Suitability of Accommodation",
                    synonyms: ["Accommodation Suitability", "Suitable Accommodation", "Is the Accommodation Suitable"]),
                AnnexAField("activity", "Activity Status", synonyms: ["Activity", "Main Activity", "Education Employment or Training Status"]),
            ]
        case .list10:
            return [
                AnnexAList.childID,
                AnnexAList.familyID,
                AnnexAList.gender, AnnexAList.ethnicity, AnnexAList.birthDate,
                AnnexAField("age", "Age of Child (Years)", .number, synonyms: ["Age", "Age of Child", "Age in Years"]),
                AnnexAList.disability,
                AnnexAField(
                    "cla_start_date", "Date the Child Entered Care", .date,
                    synonyms: ["Date Entered Care", "Date Child Entered Care", "Date Started to be Looked After", "Date Became Looked After"]),
                AnnexAField(
                    "adoption_decision_date", "Date of Decision that Child Should be Placed for Adoption", .date,
                    synonyms: ["Date of ADM Decision", "ADM Decision Date", "Date of Decision to Place for Adoption", "SHOBPA Date"]),
                AnnexAField("placement_order_date", "Date of Placement Order", .date, synonyms: ["Placement Order Date"]),
                AnnexAField(
                    "matching_date", "Date of Matching Child and Prospective Adopters", .date,
                    synonyms: ["Date Matched", "Matching Date", "Date of Match", "Date Matched with Prospective Adopters"]),
                AnnexAField(
                    "placed_for_adoption_date", "Date Placed for Adoption", .date,
                    synonyms: ["Placed for Adoption Date", "Date of Placement for Adoption"]),
                AnnexAField("adoption_order_date", "Date of Adoption Order", .date, synonyms: ["Adoption Order Date"]),
                AnnexAField(
                    "no_longer_adoption_decision_date", "Date of Decision that Child Should No Longer be Placed for Adoption", .date,
                    synonyms: ["Date of Decision No Longer Placed for Adoption", "Date Adoption Plan Changed", "Date Adoption Plan Ceased"]),
                AnnexAField(
                    "no_longer_adoption_reason", "Reason Why Child No Longer Placed for Adoption",
                    synonyms: ["Reason No Longer Placed for Adoption", "Reason Adoption Plan Changed", "Reason Adoption Plan Ceased"]),
                AnnexAField(
                    "ffa_placement_date", "Date the child was placed for fostering in FFA or concurrent planning placement", .date,
                    synonyms: [
                        "FFA Placement Date", "Date Placed in FFA or Concurrent Planning Placement", "Date Placed for Fostering for Adoption",
                        "Date Placed in FFA",
                    ]),
            ]
        case .list11:
            return [
                AnnexAField(
                    "adopter_id", "Individual adopter identifier", required: true,
                    synonyms: ["Adopter ID", "Adopter Identifier", "Individual Adopter ID", "Adopter Unique ID"]),
                AnnexAList.familyID,
                AnnexAList.gender, AnnexAList.ethnicity,
                AnnexAField("disability", "Disability", .flag, synonyms: ["Does the Adopter have a Disability", "Disabled"]),
                AnnexAField(
                    "fostering_for_adoption", "Is the (prospective) adopter fostering for adoption?", .flag,
                    synonyms: ["Fostering for Adoption", "FFA", "Is the Adopter Fostering for Adoption"]),
                AnnexAField("enquiry_date", "Date enquiry received", .date, synonyms: ["Enquiry Date", "Date of Enquiry", "Date Enquiry Made"]),
                AnnexAField("stage1_start_date", "Date Stage 1 started", .date, synonyms: ["Stage 1 Start Date", "Date Stage One Started"]),
                AnnexAField("stage1_end_date", "Date Stage 1 ended", .date, synonyms: ["Stage 1 End Date", "Date Stage One Ended"]),
                AnnexAField("stage2_start_date", "Date Stage 2 started", .date, synonyms: ["Stage 2 Start Date", "Date Stage Two Started"]),
                AnnexAField("stage2_end_date", "Date Stage 2 ended", .date, synonyms: ["Stage 2 End Date", "Date Stage Two Ended"]),
                AnnexAField("application_date", "Date application submitted", .date, synonyms: ["Application Date", "Date of Application", "Date Application Received"]),
                AnnexAField("approval_date", "Date application approved", .date, synonyms: ["Approval Date", "Date Approved", "Date of Approval"]),
                AnnexAField(
                    "matched_date", "Date adopter matched with child(ren)", .date,
                    synonyms: ["Date Matched", "Matching Date", "Date Adopter Matched with Children", "Date Matched with Child"]),
                AnnexAField(
                    "placed_date", "Date child/children placed with adopter(s)", .date,
                    synonyms: ["Date Placed", "Date Children Placed", "Date Child Placed with Adopter", "Date Children Placed with Adopters"]),
                AnnexAField("children_placed", "No. of children placed", .number, synonyms: ["Number of Children Placed", "Children Placed", "No of Children Placed"]),
                AnnexAField("adoption_order_date", "Date of Adoption Order", .date, synonyms: ["Adoption Order Date"]),
                AnnexAField(
                    "left_process_date", "Date of leaving adoption process", .date,
                    synonyms: ["Date Left Adoption Process", "Date of Leaving Process", "Date Left Process"]),
                AnnexAField(
                    "left_process_reason", "Reason for leaving adoption process",
                    synonyms: ["Reason Left Adoption Process", "Reason for Leaving", "Reason for Leaving Process"]),
            ]
        }
    }

    /// The column holding the list's identifier: `adopter_id` on List 11, `child_id` elsewhere.
    public var idField: String { self == .list11 ? "adopter_id" : "child_id" }

    /// The field called `name` in this list.
    public func field(named name: String) -> AnnexAField? { fields.first { $0.name == name } }

    // MARK: Columns shared by several lists

    static let childID = AnnexAField(
        "child_id", "Child Unique ID", required: true,
        synonyms: [
            "Child ID", "Unique Child Identifier", "Child Unique Identifier", "Unique Child ID", "Child Identifier", "Unique ID",
            "LA Child ID", "LAchildID", "CHILD", "Child Reference", "Person ID", "Client ID", "ID",
        ])
    static let gender = AnnexAField("gender", "Gender", synonyms: ["Sex", "Gender Current", "Legal Sex"])
    static let ethnicity = AnnexAField("ethnicity", "Ethnicity", synonyms: ["Ethnic Origin", "Ethnic Group", "Ethnic", "Ethnicity Code"])
    static let birthDate = AnnexAField("date_of_birth", "Date of Birth", .date, synonyms: ["DOB", "Birth Date", "Child DOB", "Child's Date of Birth"])
    static let age = AnnexAField("age", "Age", .number, synonyms: ["Age of Child", "Age in Years", "Child Age", "Age of Child (Years)"])
    static let disability = AnnexAField(
        "disability", "Does the Child have a Disability", .flag,
        synonyms: ["Disability", "Disabled", "Child has a Disability", "Has Disability", "Does the Child Have a Disability?"])
    static let familyID = AnnexAField("family_id", "Family identifier", synonyms: ["Family ID", "Family Identifier", "Family Unique ID"])
    static let allocationColumns = [
        AnnexAField("allocated_team", "Allocated Team", synonyms: ["Team", "Team Name"]),
        AnnexAField("allocated_worker", "Allocated Worker", synonyms: ["Worker", "Social Worker", "Allocated Social Worker", "Worker Name"]),
    ]

    static func childColumns(disability: Bool) -> [AnnexAField] {
        [childID, gender, ethnicity, birthDate, age] + (disability ? [AnnexAList.disability] : [])
    }
}

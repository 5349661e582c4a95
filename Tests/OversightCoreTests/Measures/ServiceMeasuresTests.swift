import Testing
@testable import OversightCore

/// The worked examples of docs/measures.md's early help, workforce and sufficiency sections.
@Suite struct ServiceMeasuresTests {
    /// Case data of a CIN census and SSDA903 file plus the service lists given, each as a file of its format.
    func data(
        cin: [CINEpisode] = [], cla: [CLAEpisode] = [], contacts: [Contact] = [], help: [EarlyHelpEpisode] = [], census: [WorkforceWorker] = [],
        vacancies: [WorkforceVacancies] = [], workers: [WorkerRecord] = [], training: [TrainingCompletion] = [],
        households: [FosteringHousehold] = [], sgo: [SpecialGuardianship] = [], proceedings: [CareProceeding] = [],
        pathways: [PathwayEpisode] = [], annexAHelp: [EarlyHelpEpisode] = []
    ) -> CaseData {
        var b = CaseDataBuilder()
        let c = b.addFile(SourceFile(path: "cin.xml", format: "cin", table: "CINdetails", collectionYear: 2025))
        b.add(cinEpisodes: cin, file: c)
        let e = b.addFile(SourceFile(path: "episodes.csv", format: "ssda903", table: "Episodes", collectionYear: 2025))
        b.add(claEpisodes: cla, file: e)
        func list<R: ServiceRecord>(_ records: [R], _ format: String, _ table: String) {
            guard !records.isEmpty else { return }
            let f = b.addFile(SourceFile(path: "\(table).csv", format: format, table: table, collectionYear: nil))
            b.add(services: records, file: f)
        }
        list(contacts, "annex-a", "contacts")
        list(annexAHelp, "annex-a", "early-help")
        list(help, "early-help-local", "EarlyHelp")
        list(census, "csww", "CSWWWorker")
        if !vacancies.isEmpty {
            let f = b.addFile(SourceFile(path: "csww2.xml", format: "csww", table: "CSWWWorker", collectionYear: nil))
            b.add(services: vacancies, file: f)
        }
        if !workers.isEmpty {
            let f = b.addFile(SourceFile(path: "workers.csv", format: "workers-local", table: "Workers", collectionYear: nil))
            b.add(workers: workers, file: f)
        }
        list(training, "training-local", "Training")
        list(households, "fostering-local", "FosteringHouseholds")
        list(sgo, "sgo-local", "SpecialGuardianship")
        list(proceedings, "care-proceedings-local", "CareProceedings")
        list(pathways, "pathways-local", "Pathways")
        return b.build()
    }

    func value(_ id: String, _ d: CaseData, _ p: Period = year2025) -> MeasureResult {
        MeasureEngine(data: d).compute(id, period: p, parameters: MeasureParameters(includeRecords: true))!
    }

    @Test func frontDoorAndEarlyHelpWorkedExample() {
        let d = data(
            cin: [
                referral("A", "2024-05-06"), referral("B", "2024-07-01"), referral("C", "2024-01-10", closed: "2024-09-01"),
                referral("C", "2025-03-01"),
            ],
            contacts: [Contact(child: cid("A"), date: df("2024-05-02")), Contact(child: cid("D"), date: df("2024-06-01"))],
            help: [
                EarlyHelpEpisode(
                    child: cid("B"), start: df("2024-02-01"), completed: df("2024-02-20"), organisation: "St Mary's Primary School",
                    closed: df("2024-06-10")),
                EarlyHelpEpisode(
                    child: cid("C"), start: df("2024-09-20"), completed: df("2024-10-01"), organisation: "Council Early Help Team",
                    leadAgency: "Health visiting (NHS)", factors: ["domestic abuse"], tafMeetings: [df("2024-11-01"), df("2025-01-10")],
                    gcp2Completed: df("2024-10-05")),
            ])
        #expect(value("contacts", d).value == 2)
        let toReferral = value("contacts_to_referral_pct", d)
        #expect(toReferral.numerator == 1 && toReferral.denominator == 2)
        // B 21 days after its closure; C's second referral while its early help is open
        #expect(value("step_ups", d).numeratorRecords.map(\.child) == ["B", "C"])
        #expect(value("step_downs", d).numeratorRecords.map(\.child) == ["C"]) // started 19 days after the closure
        let again = value("rereferrals_after_step_down_pct", d)
        #expect(again.value == 100 && again.denominator == 1)
        #expect(value("eha_started", d).value == 1)
        #expect(value("eha_completed", d).value == 1) // B's was completed before the period
        let partner = value("eha_completed_partner_pct", d)
        #expect(partner.numerator == 0 && partner.denominator == 1) // the council's own early help team
        #expect(value("eha_completed_by_local_authority", d).value == 1)
        #expect(value("eha_completed_by_education", d).value == 0)
        let led = value("early_help_partner_led_pct", d)
        #expect(led.numerator == 2 && led.denominator == 2) // B's school; C's lead agency is health
        #expect(value("eh_da_assessments_meetings", d).value == 3) // C's assessment and two TAF meetings
        #expect(value("gcp2_partner_completed", d).value == 0) // completed by the council
    }

    @Test func organisationKinds() {
        #expect(OrganisationKind.classify("St Mary's Primary School") == .education)
        #expect(OrganisationKind.classify("NHS Trafford health visitors") == .health)
        #expect(OrganisationKind.classify("GP surgery") == .health)
        #expect(OrganisationKind.classify("Greater Manchester Police") == .police)
        #expect(OrganisationKind.classify("Local charity") == .voluntary)
        #expect(OrganisationKind.classify("Trafford Council Early Help") == .localAuthority)
        #expect(OrganisationKind.classify("Housing association") == .other)
        #expect(OrganisationKind.classify("  ") == nil)
    }

    @Test func localEarlyHelpReplacesAnnexAList2() {
        let annex = [EarlyHelpEpisode(child: cid("X"), start: df("2024-05-01"), completed: df("2024-05-10"), organisation: "Police")]
        #expect(value("eha_started", data(annexAHelp: annex)).value == 1)
        let both = data(help: [EarlyHelpEpisode(child: cid("Y"), start: df("2024-06-01"))], annexAHelp: annex)
        #expect(value("eha_started", both).numeratorRecords.map(\.child) == ["Y"])
    }

    @Test func withoutItsFileAMeasureHasNoValue() {
        let none = data()
        for id in ["contacts", "eha_started", "fostering_households_recruited", "sgo_living_children", "care_proceedings_da", "act_pathway_children"] {
            #expect(value(id, none).value == nil, "\(id)")
        }
        #expect(value("sw_vacancy_rate_pct", none).value == nil)
        #expect(value("training_rrp_completed_pct", none).value == nil)
    }

    @Test func workforceWorkedExample() {
        let census = df("2024-09-30")
        var workers = (1...8).map { WorkforceWorker(censusDate: census, id: "E\($0)", agency: false, fte: 1, start: df("2020-01-01")) }
        workers.append(WorkforceWorker(censusDate: census, id: "P1", agency: false, fte: 0.8, start: df("2021-01-01"), fteAtCensus: 0.8, cases: 16))
        workers.append(WorkforceWorker(censusDate: census, id: "P2", agency: false, fte: 0.2, start: df("2021-01-01"), fteAtCensus: 0.2, cases: 4))
        workers.append(WorkforceWorker(censusDate: census, id: "A1", agency: true, fte: 1, start: df("2024-01-01")))
        workers.append(WorkforceWorker(censusDate: census, id: "L1", agency: false, fte: 1, start: df("2019-01-01"), end: df("2024-03-01")))
        workers.append(WorkforceWorker(censusDate: census, id: "L0", agency: false, fte: 1, start: df("2019-01-01"), end: df("2023-09-30")))
        let d = data(census: workers, vacancies: [WorkforceVacancies(censusDate: census, vacancies: 1, agencyFTE: 5)])
        let vacancy = value("sw_vacancy_rate_pct", d)
        #expect(vacancy.numerator == 1 && abs((vacancy.denominator ?? 0) - 10) < 1e-9 && abs((vacancy.value ?? 0) - 10) < 1e-9)
        let agency = value("sw_agency_rate_pct", d) // the flagged worker, not NoAgencyFTE
        #expect(abs((agency.value ?? 0) - 10) < 1e-9)
        let turnover = value("sw_turnover_rate_pct", d) // L0 left a year and a day before: not in the 12 months
        #expect(turnover.numerator == 1 && abs((turnover.value ?? 0) - 100.0 / 9) < 1e-9)
        #expect(value("sw_average_caseload", d).value == 20) // 20 cases / 1.0 FTE
        #expect(value("sw_vacancy_rate_pct", d, .reportingYear(2024)).value == nil) // no census in 2023-24
    }

    @Test func trainingCountsWorkersInPostAtTheEnd() {
        let workers = [
            WorkerRecord(id: "W1", team: "T", start: df("2020-01-01")), WorkerRecord(id: "W2", team: "T", start: df("2020-01-01")),
            WorkerRecord(id: "W3", team: "T", start: df("2020-01-01"), leave: df("2025-01-01")),
        ]
        let training = [
            TrainingCompletion(worker: "W1", course: "RRP", completed: df("2024-06-01")),
            TrainingCompletion(worker: "W2", course: "Restorative Relational Practice", completed: df("2025-04-02")),
            TrainingCompletion(worker: "W3", course: "RRP", completed: df("2024-06-01")),
        ]
        let r = value("training_rrp_completed_pct", data(workers: workers, training: training))
        #expect(r.numerator == 1 && r.denominator == 2) // W3 left; W2 completed after the end
    }

    @Test func sufficiencyWorkedExample() {
        let d = data(
            households: [
                FosteringHousehold(id: "FH1", approved: df("2024-06-01"), places: 2),
                FosteringHousehold(id: "FH2", approved: df("2019-01-01"), deregistered: df("2025-01-01"), places: 1),
                FosteringHousehold(id: "FH3", approved: df("2020-01-01"), places: 3),
            ],
            sgo: [
                SpecialGuardianship(child: cid("S1"), orderDate: df("2018-01-01")),
                SpecialGuardianship(child: cid("S2"), orderDate: df("2018-01-01"), ended: df("2025-03-31")),
            ],
            proceedings: [
                CareProceeding(child: cid("P1"), issued: df("2024-05-10"), factors: ["neglect", "domestic abuse"]),
                CareProceeding(child: cid("P2"), issued: df("2024-05-10"), factors: ["3B"]),
                CareProceeding(child: cid("P3"), issued: df("2024-03-31"), factors: ["16A"]),
            ],
            pathways: [
                PathwayEpisode(child: cid("M1"), pathway: "MARAC", start: df("2024-06-01"), end: df("2024-12-01"), outcome: "De-escalated"),
                PathwayEpisode(child: cid("M2"), pathway: "marac", start: df("2024-06-01"), end: df("2025-01-01"), outcome: "repeat referral"),
                PathwayEpisode(child: cid("A1"), pathway: "ACT", start: df("2024-06-01")),
                PathwayEpisode(child: cid("A2"), pathway: "ACT", start: df("2024-06-01"), end: df("2025-03-31")),
            ])
        #expect(value("fostering_households_recruited", d).value == 1)
        #expect(value("fostering_households_deregistered", d).value == 1)
        #expect(value("fostering_households_net_change", d).value == 0)
        #expect(value("fostering_households_at_end", d).value == 2)
        #expect(value("fostering_places_at_end", d).value == 5)
        #expect(value("sgo_living_children", d).numeratorRecords.map(\.child) == ["S1"]) // S2's ended on the last day
        #expect(value("care_proceedings_issued", d).value == 2)
        #expect(value("care_proceedings_neglect", d).value == 1)
        #expect(value("care_proceedings_da", d).value == 2)
        let marac = value("marac_deescalated_pct", d)
        #expect(marac.numerator == 1 && marac.denominator == 2)
        #expect(value("act_pathway_children", d).numeratorRecords.map(\.child) == ["A1"])
    }

    @Test func placementMixAtTheEnd() {
        let d = data(cla: [
            episode("K", "2024-01-01", place: "U2", provider: "PR1"), episode("I", "2024-01-01", place: "U4", provider: "PR1"),
            episode("G", "2024-01-01", place: "U5", provider: "PR4"), episode("H", "2024-01-01", place: "K2", provider: "PR4"),
            episode("P", "2024-01-01", place: "P1", provider: "PR0"), episode("S", "2024-01-01", place: "H5", provider: "PR4"),
            episode("O", "2024-01-01", place: "U6", provider: "PR2"),
        ])
        for (group, child) in [
            ("kinship", "K"), ("inhouse_fostering", "I"), ("agency_fostering", "G"), ("childrens_homes", "H"), ("placed_with_parents", "P"),
            ("supported_accommodation", "S"), ("other", "O"),
        ] {
            let r = value("placement_mix_pct_\(group)", d)
            #expect(r.numeratorRecords.map(\.child) == [child] && r.denominator == 7, "\(group)")
        }
    }

    @Test func distanceBetweenPostcodeDistrictCentres() throws {
        #expect(PostcodeDistricts.district(of: " m33 7bl ") == "M33" && PostcodeDistricts.district(of: "WA159NU") == "WA15")
        #expect(PostcodeDistricts.district(of: "M33") == "M33" && PostcodeDistricts.district(of: "") == nil)
        let near = try #require(PostcodeDistricts.miles("M33 7BL", "SK7 3EP"))
        #expect(abs(near - 8.37) < 0.01) // (378400, 391600) to (390600, 385900)
        #expect(try #require(PostcodeDistricts.miles("M33 7BL", "LS1 4AP")) > 20)
        #expect(PostcodeDistricts.miles("M33 7BL", "BT1 1AA") == nil) // Northern Ireland is not in the table
        #expect(PostcodeDistricts.table.count == 2_746)
    }

    @Test func newPlacementsMoreThan20MilesFromHome() {
        let d = data(cla: [
            CLAEpisode(child: cid("N"), start: df("2024-05-01"), reasonNewEpisode: "S", legalStatus: "C2", placement: "U4", homePostcode: "M33 7BL", placementPostcode: "SK7 3EP"),
            CLAEpisode(child: cid("F"), start: df("2024-05-01"), reasonNewEpisode: "P", legalStatus: "C2", placement: "K2", homePostcode: "M33 7BL", placementPostcode: "LS1 4AP"),
            CLAEpisode(child: cid("L"), start: df("2024-06-01"), reasonNewEpisode: "L", legalStatus: "C2", placement: "K2", homePostcode: "M33 7BL", placementPostcode: "LS1 4AP"),
            CLAEpisode(child: cid("U"), start: df("2024-07-01"), reasonNewEpisode: "P", legalStatus: "C2", placement: "U4", homePostcode: nil, placementPostcode: "LS1 4AP"),
            CLAEpisode(child: cid("B"), start: df("2024-07-01"), reasonNewEpisode: "S", legalStatus: "V3", placement: "U4", homePostcode: "M33 7BL", placementPostcode: "LS1 4AP"),
        ])
        let r = value("placements_over_20_miles_pct", d)
        // N near, F far; L changed legal status only; U's distance is not known (in the base); B a short break.
        #expect(r.numeratorRecords.map(\.child) == ["F"] && r.denominator == 3)
        #expect(r.warnings.contains { $0.hasPrefix("1 new placements whose distance is not known") })
    }
}

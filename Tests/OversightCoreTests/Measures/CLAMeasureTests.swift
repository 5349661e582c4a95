import Testing
@testable import OversightCore

@Suite struct CLAMeasureTests {
    let basics = caseData(cla: [
        episode("A", "2024-01-01", rne: "S", place: "P1"),
        episode("B", "2024-05-01", rne: "S", ls: "V3", place: "U1"),
        episode("C", "2024-05-01", "2025-03-31", rne: "S", rec: "E11"),
        episode("D", "2024-06-01", "2024-09-01", rne: "S", provider: "PR4"),
        episode("D", "2024-09-01", rne: "P", place: "K2", provider: "PR5"),
        episode("E", "2023-01-01", rne: "S", place: "P1"),
        episode("F", "2022-01-01", "2024-02-01", rne: "S", place: "P1", rec: "E45"),
        episode("G", "2024-04-10", "2024-08-01", rne: "S", rec: "E45"),
    ])

    @Test func lookedAfterAtEndExcludesShortBreaksAndEpisodesEndingThatDay() {
        let r = measure("cla_at_end", basics)
        #expect(Set(r.numeratorRecords.map(\.child)) == ["A", "D", "E"])
        #expect(measure("cla_rate_per_10k", basics, population: 10_000).value == 3)
    }

    @Test func startsAndCeased() {
        #expect(measure("cla_starts", basics).value == 3) // C, D (once), G
        let rate = measure("cla_starts_rate_per_10k", basics, population: 20_000)
        #expect(rate.numerator == 3 && rate.denominator == 20_000 && rate.value == 1.5)
        #expect(measure("cla_ceased", basics).value == 2) // C, G (D's first episode ended X1)
        let sgo = measure("sgo_exits_pct", basics)
        #expect(sgo.numerator == 1 && sgo.denominator == 2)
        #expect(measure("sgo_exits", basics).value == 1)
    }

    @Test func placementTypesAtEnd() {
        #expect(measure("placed_with_parents_at_end", basics).value == 2)
        #expect(measure("placed_with_parents_pct", basics).numerator == 2)
        let change = measure("placed_with_parents_change_pct", basics)
        #expect(change.numerator == 0 && change.denominator == 2 && change.value == 0) // A and E on both days
        #expect(measure("external_placements_at_end", basics).value == 1)
        #expect(measure("external_residential_at_end", basics).value == 1)
        #expect(measure("external_placements_pct", basics).denominator == 3)
    }

    let moves = caseData(cla: [
        // P: temporary placement and return to the same URN, legal-status change and adoption by the carer continue one placement.
        episode("P", "2023-01-01", "2024-06-01", rne: "S", urn: "X"),
        episode("P", "2024-06-01", "2024-08-01", rne: "P", place: "U2", urn: "Y"),
        episode("P", "2024-08-01", "2024-08-10", rne: "P", place: "T1", urn: "T"),
        episode("P", "2024-08-10", "2024-10-01", rne: "P", place: "U2", urn: "Y"),
        episode("P", "2024-10-01", "2025-01-01", rne: "L", place: "U2", urn: "Y"),
        episode("P", "2025-01-01", rne: "T", place: "A3", urn: "Y"),
        // Q: three placements, the adoption by the carer (U into A5) continuing the third.
        episode("Q", "2024-01-01", "2024-05-01", rne: "S", urn: "1"),
        episode("Q", "2024-05-01", "2024-07-01", rne: "P", place: "U2", urn: "2"),
        episode("Q", "2024-07-01", "2024-09-01", rne: "B", place: "U3", urn: "3"),
        episode("Q", "2024-09-01", rne: "U", place: "A5", urn: "3"),
        // R: after a temporary placement the child moves somewhere new: that is a placement.
        episode("R", "2024-04-01", "2024-05-01", rne: "S", urn: "1"),
        episode("R", "2024-05-01", "2024-05-05", rne: "P", place: "T2", urn: "T"),
        episode("R", "2024-05-05", "2024-06-01", rne: "P", place: "U4", urn: "4"),
        episode("R", "2024-06-01", rne: "P", place: "U5", urn: "5"),
    ])

    @Test func shortTermStabilityCountsPlacementsNotEpisodes() {
        let r = measure("placement_stability_short_pct", moves)
        #expect(r.denominator == 3)
        #expect(Set(r.numeratorRecords.map(\.child)) == ["Q", "R"])
    }

    @Test func longTermStability() {
        let headers =
            ["L1", "L2", "L3"].map { CLAHeader(child: cid($0), birthDate: df("2015-01-01")) }
            + [CLAHeader(child: cid("L4"), birthDate: df("2009-03-31")), CLAHeader(child: cid("L5"), birthDate: df("2009-04-01"))]
        let data = caseData(
            cla: [
                episode("L1", "2022-09-30", rne: "S"),
                episode("L2", "2022-01-01", "2023-04-01", rne: "S"),
                episode("L2", "2023-04-01", rne: "P", place: "U2", urn: "2"),
                episode("L3", "2021-01-01", "2024-06-01", rne: "S"),
                episode("L3", "2024-06-01", rne: "P", place: "A4", urn: "9"),
                episode("L4", "2020-01-01", rne: "S"),
                episode("L5", "2022-10-01", rne: "S"),
            ], headers: headers)
        let r = measure("placement_stability_long_pct", data)
        // L4 turns 16 on the end date (not under 16); L5's care began after 30 Sep 2022.
        #expect(Set(r.denominatorRecords.map(\.child)) == ["L1", "L2", "L3"])
        #expect(Set(r.numeratorRecords.map(\.child)) == ["L1", "L3"]) // L3: placed for adoption, previous placement long enough
    }

    @Test func longTermStabilityReadsThePeriodOfCareHoldingTheOpenEpisode() {
        // O1: an episode never closed (2020) and another opened on 1 June 2023: the open episode
        // is the later, whose period of care began after 30 September 2022: out of the denominator.
        // O2: the same never-closed 2020 episode, and a period of care from 1 January 2022 whose
        // placement changed on 1 September 2023: in the denominator, not stable.
        // S1: RNE S on the day an X1 ending: a new period of care from 1 January 2023: out.
        // L1: looked after in one placement since 2020: stable.
        let headers = ["O1", "O2", "S1", "L1"].map { CLAHeader(child: cid($0), birthDate: df("2015-01-01")) }
        let data = caseData(
            cla: [
                episode("O1", "2020-01-01", rne: "S", urn: "1"),
                episode("O1", "2023-06-01", rne: "P", urn: "2"),
                episode("O2", "2020-01-01", rne: "S", urn: "1"),
                episode("O2", "2022-01-01", "2023-09-01", rne: "S", urn: "2"),
                episode("O2", "2023-09-01", rne: "P", urn: "3"),
                episode("S1", "2020-01-01", "2023-01-01", rne: "S", urn: "1"),
                episode("S1", "2023-01-01", rne: "S", urn: "1"),
                episode("L1", "2020-01-01", rne: "S", urn: "1"),
            ], headers: headers)
        let r = measure("placement_stability_long_pct", data)
        #expect(Set(r.denominatorRecords.map(\.child)) == ["O2", "L1"])
        #expect(r.numeratorRecords.map(\.child) == ["L1"])
    }

    @Test func missingFromCare() {
        let data = caseData(
            cla: [
                episode("M1", "2024-01-01", rne: "S"),
                episode("M2", "2024-06-01", "2024-08-01", rne: "S", rec: "E13"),
                episode("M3", "2024-04-01", rne: "S"),
                episode("M5", "2024-05-01", rne: "S", ls: "V4"),
            ],
            missing: [
                CLAMissing(child: cid("M1"), kind: "M", start: df("2024-03-25"), end: df("2024-04-02")),
                CLAMissing(child: cid("M2"), kind: "M", start: df("2024-08-01")),
                CLAMissing(child: cid("M2"), kind: "A", start: df("2024-07-01"), end: df("2024-07-02")),
                CLAMissing(child: cid("M3"), kind: "M", start: df("2024-05-01"), end: df("2024-05-02")),
                CLAMissing(child: cid("M3"), kind: "M", start: df("2024-06-01"), end: df("2024-06-02")),
                CLAMissing(child: cid("M4"), kind: "M", start: df("2024-05-01"), end: df("2024-05-02")),
                CLAMissing(child: cid("M5"), kind: "M", start: df("2024-05-02"), end: df("2024-05-03")),
            ])
        let missing = measure("missing_children_pct", data)
        #expect(missing.denominator == 3)
        #expect(Set(missing.numeratorRecords.map(\.child)) == ["M1", "M3"]) // M2 went missing the day care ended
        #expect(measure("away_children_pct", data).numerator == 1)
        #expect(measure("missing_incidents", data).value == 2)
    }

    @Test func socialWorkerChanges() {
        let data = caseData(
            cla: [episode("S1", "2023-01-01", rne: "S"), episode("S2", "2023-01-01", rne: "S")],
            sw: [
                SocialWorkerEpisode(child: cid("S1"), workerID: "W1", start: df("2023-01-01"), end: df("2024-04-01")),
                SocialWorkerEpisode(child: cid("S1"), workerID: "W2", start: df("2024-04-01"), end: df("2024-09-01")),
                SocialWorkerEpisode(child: cid("S1"), workerID: "W3", start: df("2024-09-01"), end: df("2024-10-01")),
                SocialWorkerEpisode(child: cid("S1"), workerID: "W2", start: df("2024-10-01")),
                SocialWorkerEpisode(child: cid("S2"), workerID: "W1", start: df("2024-04-02"), end: df("2024-05-01")),
                SocialWorkerEpisode(child: cid("S2"), workerID: "W2", start: df("2024-05-01"), end: df("2024-06-01")),
                SocialWorkerEpisode(child: cid("S2"), workerID: "W3", start: df("2024-06-01")),
            ])
        let r = measure("sw_changes_3plus_pct", data)
        #expect(r.numerator == 1 && r.denominator == 2)
        #expect(r.numeratorRecords.map(\.child) == ["S2"])
    }

    @Test func reviewParticipation() {
        let data = caseData(
            reviews: [
                ("PN0", "2024-05-01"), ("PN1", "2024-05-02"), ("PN6", "2024-05-03"), ("PN7", "2024-05-04"),
                ("", "2024-05-05"), ("XX", "2024-05-06"), ("PN3", "2024-03-01"),
            ].map {
                CLAReview(child: cid("R"), date: df($0.1), participationCode: $0.0.isEmpty ? nil : $0.0)
            })
        let r = measure("cla_review_participation_pct", data)
        #expect(r.numerator == 2 && r.denominator == 3)
    }

    @Test func reviewParticipationCountsViewsConveyedNotAttendanceAlone() {
        // PN1-PN7 in the denominator (PN0, blank and XX left out); PN1, PN2, PN3, PN5, PN6 in the
        // numerator: PN4 (attended, no views conveyed) and PN7 (neither) are not participation.
        let codes = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7", "", "XX"]
        let data = caseData(
            reviews: codes.enumerated().map { i, code in
                CLAReview(child: cid("R"), date: .value(day("2024-06-01").adding(days: i)), participationCode: code.isEmpty ? nil : code)
            })
        let r = measure("cla_review_participation_pct", data)
        #expect(r.numerator == 5 && r.denominator == 7)
    }

    @Test func reviewParticipationOfYoungPeopleAged16OrOver() {
        // T turns 16 on 2 May 2024: the review the day before is left out, the one on the
        // birthday (PN4) and the one in June (PN5) count. U has no Header row, V an invalid date
        // of birth: left out, and counted in the warning.
        let data = caseData(
            headers: [
                CLAHeader(child: cid("T"), birthDate: df("2008-05-02")),
                CLAHeader(child: cid("V"), birthDate: .invalid("2008-02-30")),
            ],
            reviews: [
                CLAReview(child: cid("T"), date: df("2024-05-01"), participationCode: "PN1"),
                CLAReview(child: cid("T"), date: df("2024-05-02"), participationCode: "PN4"),
                CLAReview(child: cid("T"), date: df("2024-06-01"), participationCode: "PN5"),
                CLAReview(child: cid("T"), date: df("2024-06-02"), participationCode: "PN0"),
                CLAReview(child: cid("U"), date: df("2024-06-01"), participationCode: "PN1"),
                CLAReview(child: cid("V"), date: df("2024-06-01"), participationCode: "PN2"),
            ])
        let r = measure("review_participation_16plus_pct", data)
        #expect(r.numerator == 1 && r.denominator == 2)
        #expect(r.warnings.contains("2 reviews of children with no valid date of birth in the Header table were left out"))
        #expect(measure("cla_review_participation_pct", data).denominator == 5)
    }

    @Test func planningAndUnplannedPlacementMoves() {
        // The reason of a move is REASON_PLACE_CHANGE of the episode ending on the day of the move.
        let data = caseData(cla: [
            // M1: a planned move (CARPL) on 1 May, then a temporary placement and a move somewhere
            // new on 10 June, whose reason is the temporary episode's (ALLEG): unplanned.
            episode("M1", "2024-01-01", "2024-05-01", rne: "S", urn: "1", rpc: "CARPL"),
            episode("M1", "2024-05-01", "2024-06-01", rne: "P", place: "U2", urn: "2", rpc: "CHILD"),
            episode("M1", "2024-06-01", "2024-06-10", rne: "P", place: "T1", urn: "T", rpc: "ALLEG"),
            episode("M1", "2024-06-10", rne: "P", place: "U3", urn: "3"),
            // M2: PLACE is neither planned nor unplanned; so is a blank reason (M3) or an invalid one (M4).
            episode("M2", "2024-04-01", "2024-05-01", rne: "S", urn: "1", rpc: "PLACE"),
            episode("M2", "2024-05-01", rne: "P", urn: "2"),
            episode("M3", "2024-04-01", "2024-08-01", rne: "S", urn: "1"),
            episode("M3", "2024-08-01", rne: "P", urn: "2"),
            episode("M4", "2024-04-01", "2024-08-01", rne: "S", urn: "1", rpc: "XYZ"),
            episode("M4", "2024-08-01", rne: "B", urn: "2"),
            // M5: a legal status change, and a return from a temporary placement, are no moves.
            episode("M5", "2024-04-01", "2024-05-01", rne: "S", urn: "1", rpc: "CARPL"),
            episode("M5", "2024-05-01", "2024-05-03", rne: "P", place: "T0", urn: "T", rpc: "CLOSE"),
            episode("M5", "2024-05-03", "2024-07-01", rne: "P", urn: "1", rpc: "STAND"),
            episode("M5", "2024-07-01", rne: "L", urn: "1"),
            // M6: a planned move in 2023-24, before the period.
            episode("M6", "2023-01-01", "2024-03-01", rne: "S", urn: "1", rpc: "CARPL"),
            episode("M6", "2024-03-01", rne: "P", urn: "2"),
            // M7: RNE S straight after an X1 end begins a new period of care: its first placement, no move.
            episode("M7", "2024-04-01", "2024-06-01", rne: "S", urn: "1", rpc: "CARPL"),
            episode("M7", "2024-06-01", rne: "S", urn: "2"),
            // M8: two planned moves in the period count the child once.
            episode("M8", "2024-04-01", "2024-06-01", rne: "S", urn: "1", rpc: "CARPL"),
            episode("M8", "2024-06-01", "2024-09-01", rne: "P", urn: "2", rpc: "CARPL"),
            episode("M8", "2024-09-01", rne: "T", urn: "3"),
        ])
        let planned = measure("placement_moves_planned_children", data)
        #expect(planned.numeratorRecords.map(\.child) == ["M1", "M8"])
        #expect(planned.value == 2)
        let unplanned = measure("placement_moves_unplanned_children", data)
        #expect(unplanned.numeratorRecords.map(\.child) == ["M1"])
        #expect(unplanned.value == 1)
        #expect(measure("placement_moves_planned_children", data, .reportingYear(2024)).numeratorRecords.map(\.child) == ["M6"])
        #expect(planned.warnings.isEmpty)
    }

    @Test func movesWarnWhenTheLoadedDataStartsInThePeriodWithoutAStart() {
        // N's earliest loaded episode (RNE P, 1 June 2024) may itself have been a move.
        let data = caseData(cla: [
            episode("N", "2024-06-01", "2024-09-01", rne: "P", urn: "1", rpc: "CARPL"),
            episode("N", "2024-09-01", rne: "P", urn: "2"),
        ])
        let r = measure("placement_moves_planned_children", data)
        #expect(r.value == 1)
        #expect(r.warnings == ["1 children's loaded episodes begin in the period without starting care (RNE S), so a move on that day is not known"])
    }

    @Test func startsReadOnlyTheStartAndCeasingsOnlyTheEnd() {
        // V1's DEC is not a date: V1 starts care in the period but is not looked after at the end.
        // V2's DECOM is not a date: V2 ceases (to special guardianship) but does not start.
        let data = caseData(cla: [
            CLAEpisode(
                child: cid("V1"), start: df("2024-06-01"), reasonNewEpisode: "S", legalStatus: "C2", placement: "U1",
                end: .invalid("2025-02-30"), reasonEnded: "E11"),
            CLAEpisode(
                child: cid("V2"), start: .invalid("2024-02-30"), reasonNewEpisode: "S", legalStatus: "C2", placement: "U1",
                end: df("2024-09-01"), reasonEnded: "E45"),
        ])
        let starts = measure("cla_starts", data)
        #expect(starts.numeratorRecords.map(\.child) == ["V1"])
        #expect(starts.warnings == ["1 episodes with an invalid start date were left out"])
        let ceased = measure("cla_ceased", data)
        #expect(ceased.numeratorRecords.map(\.child) == ["V2"])
        #expect(ceased.warnings == ["1 episodes with an invalid end date were left out"])
        #expect(measure("sgo_exits", data).value == 1)
        let atEnd = measure("cla_at_end", data)
        #expect(atEnd.value == 0)
        #expect(atEnd.warnings == ["2 episodes with an invalid start or end date were left out"])
    }

    @Test func careLeavers() {
        func oc3(_ c: String, _ dob: String, _ year: Int, _ inTouch: String, _ activ: String, _ accom: String) -> CareLeaverRecord {
            CareLeaverRecord(child: cid(c), birthDate: df(dob), inTouch: inTouch, activity: activ, accommodation: accom, collectionYear: year)
        }
        var b = CaseDataBuilder()
        for (year, rows) in [
            (2024, [oc3("Y3", "2005-02-01", 2024, "YES", "F1", "B1")]),
            (
                2025,
                [
                    oc3("Y1", "2005-06-01", 2025, "YES", "F1", "B1"), oc3("Y2", "2004-01-15", 2025, "NO", "G4", "X2"),
                    oc3("Y4", "2005-07-01", 2025, "DIED", "F1", "B1"), oc3("Y5", "2006-09-01", 2025, "YES", "F1", "B1"),
                    oc3("Y6", "2005-08-01", 2025, "YES", "P3", "S2"),
                ]
            ),
        ] {
            let f = b.addFile(SourceFile(path: "\(year)/oc3.csv", format: "ssda903", table: "OC3", collectionYear: year))
            b.add(careLeavers: rows, file: f)
        }
        let data = b.build()
        let eet = measure("care_leavers_eet_pct", data)
        #expect(Set(eet.denominatorRecords.map(\.child)) == ["Y1", "Y2", "Y6"])
        #expect(eet.numerator == 1) // P3 was withdrawn: not a valid activity
        #expect(eet.warnings.contains { $0.hasPrefix("1 young people") }) // Y3 has no 2025 row
        #expect(measure("care_leavers_suitable_accom_pct", data).numerator == 1)
        #expect(measure("care_leavers_in_touch_pct", data).numerator == 2)
    }
}

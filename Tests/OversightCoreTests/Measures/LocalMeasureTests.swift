import Testing
@testable import OversightCore

@Suite struct LocalMeasureTests {
    func t(_ s: String?) -> DayTimeField { s.map { .value(DayTime.parse($0)!) } ?? .missing }

    var missing: CaseData {
        caseData(localMissing: [
            MissingEpisode(
                child: cid("E1"), kind: "M", start: t("2024-05-01 10:00"), returned: t("2024-05-02 10:00"),
                rhiOffered: t("2024-05-05 10:00"), rhiAccepted: true, rhiCompleted: t("2024-05-05 10:01")),
            MissingEpisode(
                child: cid("E2"), kind: "M", start: t("2024-03-30 22:00"), returned: t("2024-04-01 09:00"),
                rhiOffered: t("2024-03-31 09:00"), rhiAccepted: false),
            MissingEpisode(child: cid("E3"), kind: "A", start: t("2025-03-30 18:00")),
            MissingEpisode(child: cid("E4"), kind: "M", start: t("2024-06-01 01:00"), returned: t("2024-06-01 12:00")),
        ])
    }

    @Test func returnInterviewsWithin72HoursOfTheReturn() {
        #expect(measure("missing_episodes", missing).value == 3)
        let offered = measure("rhi_offered_72h_pct", missing)
        #expect(offered.numerator == 1 && offered.denominator == 3) // exactly 72 hours counts; an offer before the return does not
        let accepted = measure("rhi_accepted_pct", missing)
        #expect(accepted.numerator == 1 && accepted.denominator == 2)
        #expect(measure("rhi_completed_72h_pct", missing).numerator == 0)
    }

    @Test func missingChildrenCountsEachChildWithAMissingEpisodeStartingInThePeriodOnce() {
        // E1 twice (counted once), E4; E2's began before the period, E3 was away, E5's start is
        // not a date-time (left out, in the warning), E6's kind is blank.
        let data = caseData(
            localMissing: missing.missingEpisodes + [
                MissingEpisode(child: cid("E1"), kind: "M", start: t("2024-07-01 08:00")),
                MissingEpisode(child: cid("E5"), kind: "M", start: .invalid("yesterday")),
                MissingEpisode(child: cid("E6"), kind: nil, start: t("2024-07-01 08:00")),
            ])
        let r = measure("missing_children", data)
        #expect(r.numeratorRecords.map(\.child) == ["E1", "E4"])
        #expect(r.warnings == ["1 missing episodes with an invalid start date-time were left out"])
    }

    @Test func supervisionAgainstThePracticeStandard() {
        func s(_ w: String, _ d: String, _ kind: String = "formal", _ r: Bool? = nil) -> SupervisionSession {
            SupervisionSession(worker: w, date: df(d), kind: kind, reflective: r)
        }
        let data = caseData(supervision: [
            s("W1", "2024-03-10", "formal", true), s("W1", "2024-04-07", "formal", true), s("W1", "2024-05-20", "formal", false),
            s("W1", "2024-06-01", "case", true), s("W2", "2025-03-20"),
        ])
        let inStandard = measure("supervision_in_standard_pct", data)
        #expect(inStandard.denominator == 3) // due 7 Apr (held that day), 5 May (held 20 May: late), 17 Jun (none)
        #expect(inStandard.numerator == 1)
        let reflective = measure("supervision_reflective_pct", data)
        #expect(reflective.numerator == 1 && reflective.denominator == 3)
    }
}

import Foundation
import Testing
import OversightCore
@testable import OversightViews

@Suite struct MeasurePageTests {
    static func records(_ n: Int, kind: String = "referral") -> [DrillRecord] {
        (1...n).map { i in
            DrillRecord(
                child: i == 3 ? "C\(Samples.hostile)" : String(format: "C%04d", i), kind: kind, key: "2024-05-\(String(format: "%02d", i % 28 + 1))",
                start: Samples.day("2024-05-01").adding(days: i), end: i % 2 == 0 ? nil : Samples.day("2024-12-01"),
                origin: RecordOrigin(file: 0, row: i))
        }
    }

    static func model(query: [String: String] = [:], showsChildren: Bool = true) -> MeasurePage.Model {
        let result = MeasureResult(
            id: "rereferrals_12m_pct", unit: .percent, period: Samples.year2025, numerator: 12, denominator: 60, value: 20,
            warnings: ["data ends on 31/03/2025"], numeratorRecords: records(12), denominatorRecords: records(60))
        return MeasurePage.Model.make(
            measureID: "rereferrals_12m_pct", query: query, years: [2024, 2025], fallback: Samples.year2025,
            resolve: { p in
                var r = result; r.period = p; return r
            }, monthly: Samples.monthly(),
            comparators: Samples.summary("rereferrals_12m_pct"),
            neighbours: [NeighbourValue(code: "901", name: "Neighbourton", value: 22.5)],
            showsChildren: showsChildren, rowsWithErrors: [RecordOrigin(file: 0, row: 2)])
    }

    @Test func showsDefinitionFiguresWarningsSeriesAndComparators() {
        let h = MeasurePage.render(Self.model()).markup
        #expect(Check.count("<h1", in: h) == 1)
        #expect(h.contains("Re-referrals within 12 months</h1>"))
        #expect(h.contains("the ones where the same child had another referral in the year before"))
        #expect(h.contains("<strong>20.0%</strong>"))
        #expect(h.contains("data ends on 31/03/2025"))
        #expect(h.contains("Neighbourton (neighbour)"))
        #expect(h.contains("ranks 40 of 152 local authorities (1 is the best)"))
        #expect(Check.tablesWithoutCaption(h) == 0)
        #expect(Check.chartsWithoutTitleAndDesc(h) == 0)
        #expect(Check.unlabelledInputs(h).isEmpty)
        #expect(!h.contains("<script>"))
    }

    /// Issue 18: "The measure page opens with 'Measure id rereferrals_12m_pct' and 'Fields read
    /// CINreferralDate...'; its value ... come[s] after the definition and the period form."
    @Test func theMeasurePageLeadsWithTheAnswer() throws {
        let h = MeasurePage.render(Self.model()).markup
        let value = try #require(h.range(of: "<strong>20.0%</strong>"))
        let id = try #require(h.range(of: "Measure id"))
        let form = try #require(h.range(of: "ov-period-choice"))
        #expect(value.lowerBound < id.lowerBound && value.lowerBound < form.lowerBound)
        #expect(h.contains("How this is counted</span></summary>"))
        #expect(h.contains("id=\"period-choice\"") && h.contains("Change the period"))
        #expect(h.contains("Better when</dt><dd class=\"ov-summary-list__value\">Lower"))
    }

    @Test func drillDownListsAreLinkedSortableFlaggedPagedAndDownloadable() throws {
        let m = Self.model(query: ["dsort": "child", "ddir": "desc", "dpage": "2", "records": "all"])
        let d = try #require(m.denominator)
        #expect(d.total == 60 && d.page == 2 && d.pageCount == 2 && d.rows.count == 10)
        #expect(d.sort == SortOrder(column: "child", direction: .desc))
        let h = MeasurePage.render(m).markup
        #expect(h.contains("href=\"/children/C0001\""))
        #expect(h.contains("From a row with errors"))
        #expect(h.contains("href=\"/measures/rereferrals_12m_pct/denominator.csv?kind=year&amp;year=2025\""))
        #expect(MeasurePage.render(Self.model()).markup.contains("href=\"/measures/rereferrals_12m_pct/numerator.csv?kind=year&amp;year=2025\""))
        // Sorting and paging return to the list, not the top of the page (issue 18).
        #expect(h.contains("href=\"/measures/rereferrals_12m_pct?kind=year&amp;year=2025&amp;records=all&amp;dsort=child&amp;ddir=asc#denominator-records\""))
        #expect(h.contains("records=all#denominator-records\" rel=\"prev\""))
        #expect(MeasurePage.render(Self.model()).markup.contains("href=\"/children/C%3Cscript%3Ealert%281%29%3C%2Fscript%3E\""))
    }

    /// Issue 18: records in tabs ("Counted (N)", "All (M)") and a column saying why each is listed.
    @Test func recordsAreInTabsOfCountedAndAllAndEachSaysWhyItIsListed() throws {
        let counted = MeasurePage.render(Self.model()).markup
        #expect(counted.contains("aria-current=\"page\">Counted ("))
        #expect(counted.contains("href=\"/measures/rereferrals_12m_pct?kind=year&amp;year=2025&amp;records=all#children\" id=\"tab-all\">All (60)</a>"))
        #expect(counted.contains("id=\"numerator-records\"") && !counted.contains("id=\"denominator-records\""))
        #expect(counted.contains("Why it is listed"))
        let all = MeasurePage.render(Self.model(query: ["records": "all"])).markup
        #expect(all.contains("id=\"denominator-records\"") && !all.contains("id=\"numerator-records\""))
        let year = Samples.year2025
        #expect(
            DrillList.why(DrillRecord(child: "C1", kind: "referral", key: "", start: Samples.day("2024-05-03")), side: .numerator, period: year)
                == "Counted: Referral on 3 May 2024")
        #expect(
            DrillList.why(DrillRecord(child: "C1", kind: "cla_episode", key: "", start: Samples.day("2023-03-20")), side: .denominator, period: year)
                == "In the base: Looked-after episode from 20 March 2023, still open on 31 March 2025 (2 years)")
        #expect(
            DrillList.why(
                DrillRecord(child: "C1", kind: "assessment", key: "", start: Samples.day("2024-05-01"), end: Samples.day("2024-06-20")), side: .numerator,
                period: year) == "Counted: Assessment from 1 May 2024 to 20 June 2024 (50 days)")
    }

    /// Issue 18: the records filter by the file they were read from.
    @Test func recordsFilterByTheirSourceFile() throws {
        var records = Self.records(6)
        for i in records.indices where i >= 4 { records[i].origin = RecordOrigin(file: 1, row: i) }
        let result = MeasureResult(
            id: "cla_at_end", unit: .count, period: Samples.year2025, numerator: 6, denominator: nil, value: 6, numeratorRecords: records)
        let files = [
            SourceFile(path: "in/2025/episodes.csv", format: "ssda903", table: "Episodes", collectionYear: 2025),
            SourceFile(path: "in/2025/header.csv", format: "ssda903", table: "Header", collectionYear: 2025),
        ]
        func page(_ query: [String: String]) -> MeasurePage.Model {
            MeasurePage.Model.make(
                measureID: "cla_at_end", query: query, years: [2025], fallback: Samples.year2025, resolve: { _ in result }, monthly: [],
                comparators: nil, showsChildren: true, rowsWithErrors: [], files: files)
        }
        let all = MeasurePage.render(page([:])).markup
        #expect(all.contains("<option value=\"1\">SSDA903 Header, 2024-25 (header.csv)</option>"))
        let one = page(["src": "1"])
        #expect(one.numerator?.matching == 2 && one.numerator?.total == 6)
        #expect(MeasurePage.render(one).markup.contains("2 match the filter."))
        #expect(page(["src": "7"]).source == nil)
    }

    /// Issue 18: the records filter by the team and the worker that held the child on the
    /// record's day; children nobody held show as unallocated, never dropped.
    @Test func recordsFilterByTeamAndWorkerAndUnallocatedChildrenStay() throws {
        let records = [
            DrillRecord(child: "C1", kind: "referral", key: "", start: Samples.day("2024-06-01")),
            DrillRecord(child: "C2", kind: "referral", key: "", start: Samples.day("2024-06-01")),
            DrillRecord(child: "C3", kind: "cla_episode", key: "", start: Samples.day("2023-01-01")),
        ]
        var data = CaseData()
        data.workers = [
            WorkerRecord(id: "W1", team: "Assessment team 1", start: .value(Samples.day("2020-01-01"))),
            WorkerRecord(id: "W2", team: "Children in care team 1", start: .value(Samples.day("2020-01-01"))),
        ]
        data.allocations = [
            Allocation(child: ChildID("C1"), worker: "W1", from: .value(Samples.day("2024-05-01"))),
            // C3's allocation ends before the period does: its reference day is the period's end, when nobody holds them.
            Allocation(child: ChildID("C3"), worker: "W2", from: .value(Samples.day("2023-01-01")), to: .value(Samples.day("2024-12-31"))),
        ]
        let result = MeasureResult(
            id: "cla_at_end", unit: .count, period: Samples.year2025, numerator: 3, denominator: nil, value: 3, numeratorRecords: records)
        func page(_ query: [String: String]) -> MeasurePage.Model {
            MeasurePage.Model.make(
                measureID: "cla_at_end", query: query, years: [2025], fallback: Samples.year2025, resolve: { _ in result }, monthly: [],
                comparators: nil, showsChildren: true, rowsWithErrors: [], organisation: Organisation(data))
        }
        let all = page([:])
        #expect(all.teams.map(\.label) == ["Assessment team 1", "Unallocated"] && all.workers.map(\.value) == ["W1"])
        let h = MeasurePage.render(all).markup
        #expect(h.contains(">Team (worker)</th>") && h.contains("<td class=\"ov-table__cell\">Assessment team 1 (W1)</td>"))
        #expect(h.contains("<td class=\"ov-table__cell\">Unallocated</td>"))
        #expect(page(["team": "Assessment team 1"]).numerator?.matching == 1)
        #expect(page(["team": "unallocated"]).numerator?.rows.map(\.record.child) == ["C2", "C3"])
        #expect(page(["worker": "W1"]).numerator?.matching == 1)
        #expect(MeasurePage.render(page(["team": "Assessment team 1"])).markup.contains("team=Assessment%20team%201"))
        // Without an organisation there is no team column and no team filter.
        #expect(!MeasurePage.render(Self.model()).markup.contains("Team (worker)"))
    }

    /// Issue 18: "a 'Key' column copying 'Start', an empty 'Data quality' column". The key shows
    /// only where it differs from the start date, the column only where a row has errors.
    @Test func drillDownColumnsSayOnlyWhatTheRowsHold() throws {
        func page(_ records: [DrillRecord], errors: Set<RecordOrigin>) -> String {
            let result = MeasureResult(
                id: "rereferrals_12m_pct", unit: .percent, period: Samples.year2025, numerator: Double(records.count), denominator: Double(records.count),
                value: 100, warnings: [], numeratorRecords: records, denominatorRecords: records)
            return MeasurePage.render(
                MeasurePage.Model.make(
                    measureID: "rereferrals_12m_pct", query: [:], years: [2025], fallback: Samples.year2025, resolve: { _ in result }, monthly: [],
                    comparators: nil, showsChildren: true, rowsWithErrors: errors)
            ).markup
        }
        let dated = (1...3).map { i in
            DrillRecord(
                child: "C\(i)", kind: "referral", key: Samples.day("2024-06-01").adding(days: i).iso, start: Samples.day("2024-06-01").adding(days: i),
                origin: RecordOrigin(file: 0, row: i))
        }
        let plain = page(dated, errors: [])
        #expect(!plain.contains(">Key<") && !plain.contains("Data quality"))
        #expect(plain.contains(">Start<"))
        let flagged = page(dated, errors: [RecordOrigin(file: 0, row: 2)])
        #expect(flagged.contains("Data quality") && flagged.contains("From a row with errors"))
        var keyed = dated
        keyed[0].key = "episode 2"
        #expect(page(keyed, errors: []).contains(">Key<"))
    }

    @Test func filterKeepsMatchingRecordsOnly() throws {
        let m = Self.model(query: ["q": "c0012"])
        #expect(m.numerator?.matching == 1)
        #expect(m.numerator?.rows.first?.record.child == "C0012")
        #expect(MeasurePage.render(m).markup.contains("1 match the filter."))
    }

    @Test func boardMemberSeesAggregatesOnlyAndNoChildID() {
        let m = Self.model(showsChildren: false)
        #expect(m.numerator == nil && m.denominator == nil)
        let h = MeasurePage.render(m).markup
        #expect(h.contains("Your role shows totals only"))
        #expect(!h.contains("C0001"))
        #expect(!h.contains("/children/"))
        #expect(!h.contains(".csv"))
        #expect(h.contains("<strong>20.0%</strong>"))
    }

    @Test func badPeriodComesBackWithAnErrorSummaryAndTheFallbackPeriod() {
        let m = Self.model(query: ["kind": "range", "from": "2025-02-30", "to": ""])
        #expect(m.period == Samples.year2025)
        #expect(m.periodErrors.map(\.fieldID) == ["period-from-day", "period-to-day"])
        let h = MeasurePage.render(m).markup
        #expect(h.contains("There is a problem"))
        #expect(h.contains("<a href=\"#period-from-day\">"))
        #expect(h.contains("value=\"2025-02-30\""))
        #expect(MeasurePage.title(m).hasPrefix("Error: "))
    }

    @Test(arguments: [
        (["kind": "month", "month": "2024-06"], "2024-06-01..2024-06-30"),
        (["kind": "quarter", "quarter": "2024Q3"], "2024-07-01..2024-09-30"),
        (["kind": "rolling", "rolling": "2025-01"], "2024-02-01..2025-01-31"),
        (["kind": "range", "from": "2024-04-03", "to": "2024-05-15"], "2024-04-03..2024-05-15"),
        (["year": "2024"], "2023-04-01..2024-03-31"),
    ])
    func periodChoiceReadsEachKind(query: [String: String], expected: String) throws {
        let p = try PeriodChoice(query: query, defaultYear: 2025).resolve().get()
        #expect(p.description == expected)
    }

    /// Issue 18: "a month picked without ticking its radio is silently ignored; '01/04/2024' is
    /// refused". Dates are read as people type them, and a field filled in alone says its kind.
    @Test(arguments: [
        (["kind": "range", "from": "01/04/2024", "to": "31/3/2025"], "2024-04-01..2025-03-31"),
        (["kind": "range", "from": "1 April 2024", "to": "30 Jun 2024"], "2024-04-01..2024-06-30"),
        (["kind": "range", "from": "1-4-2024", "to": "2024-04-30"], "2024-04-01..2024-04-30"),
        (["kind": "year", "year": "2025", "month": "2025-01"], "2025-01-01..2025-01-31"),
        (["kind": "year", "year": "2025", "from": "1/5/2024", "to": "31/5/2024"], "2024-05-01..2024-05-31"),
        (["kind": "year", "year": "2024", "month": "2025-01", "quarter": "2024Q3"], "2023-04-01..2024-03-31"),
        // The GOV.UK date inputs: day, month and year in three boxes each.
        (
            ["kind": "range", "from-day": "1", "from-month": "4", "from-year": "2024", "to-day": "30", "to-month": "Jun", "to-year": "2024"],
            "2024-04-01..2024-06-30"
        ),
    ])
    func periodChoiceTakesWhatPeopleType(query: [String: String], expected: String) throws {
        let p = try PeriodChoice(query: query, defaultYear: 2025).resolve().get()
        #expect(p.description == expected)
    }

    @Test func periodChoiceRefusesDatesThatDoNotExist() {
        guard case .failure(let e) = PeriodChoice(kind: .range, from: "31/02/2024", to: "13/13/2024").resolve() else {
            Issue.record("expected an error"); return
        }
        #expect(e.errors.map(\.fieldID) == ["period-from-day", "period-to-day"])
        #expect(e.errors[0].message.contains("for example 1 4 2024"))
    }

    @Test func eachKindsRadioRevealsOnlyItsOwnFieldsAndADateBoxLeftEmptyIsNamed() throws {
        let h = PeriodChoice(kind: .range, from: "1/4/2024", to: "30/6/2024").render(action: "/measures/x", years: [2025], errors: []).markup
        #expect(h.contains("id=\"period-kind-5\" name=\"kind\" type=\"radio\" value=\"range\" checked aria-controls=\"period-kind-5-conditional\""))
        #expect(
            h.contains(
                "<div class=\"ov-radios__conditional\" id=\"period-kind-2-conditional\"><div class=\"ov-form-group\"><label class=\"ov-label\" for=\"period-month\">Month</label>"))
        #expect(h.contains("id=\"period-from-day\" name=\"from-day\" type=\"text\" inputmode=\"numeric\" value=\"1\""))
        #expect(h.contains("id=\"period-to-month\" name=\"to-month\" type=\"text\" inputmode=\"numeric\" value=\"6\""))
        #expect(Check.unlabelledInputs(h).isEmpty)
        let missing = PeriodChoice(query: ["kind": "range", "from-day": "1", "from-month": "", "from-year": "2024", "to": "2024-06-30"], defaultYear: 2025)
        guard case .failure(let e) = missing.resolve() else { Issue.record("expected an error"); return }
        #expect(e.errors == [FieldError(fieldID: "period-from-day", message: "The first day must include a month")])
    }

    @Test func theFormHoldsOnlyTheChosenKindsValue() {
        let h = PeriodChoice(kind: .year, year: "2025", month: "2025-01").render(action: "/measures/x", years: [2025], errors: []).markup
        #expect(!h.contains("value=\"2025-01\" selected"))
        let m = PeriodChoice(kind: .month, year: "2025", month: "2025-01").render(action: "/measures/x", years: [2025], errors: []).markup
        #expect(m.contains("value=\"2025-01\" selected"))
    }

    @Test func periodChoiceRefusesAnEndBeforeTheStart() {
        guard case .failure(let e) = PeriodChoice(kind: .range, from: "2025-03-01", to: "2025-02-01").resolve() else {
            Issue.record("expected an error"); return
        }
        #expect(e.errors == [FieldError(fieldID: "period-to-day", message: "The last day must be the same as or after the first day")])
    }

    @Test func unknownMeasureStillRenders() {
        let m = MeasurePage.Model.make(
            measureID: "nope<", query: [:], years: [2025], fallback: Samples.year2025, resolve: { _ in nil },
            monthly: [], comparators: nil, showsChildren: true, rowsWithErrors: [])
        let h = MeasurePage.render(m).markup
        #expect(h.contains("This measure is not in the catalogue."))
        #expect(h.contains("No figures for this period"))
        #expect(!h.contains("nope<"))
    }
}

import Testing
@testable import OversightCore

/// The tables a measure needs derive from what it reads (`Measure.reads`), tested for every id:
/// computed on random case data stripped of every table it does not declare, each measure gives
/// the same results (numbers, warnings, records) as on the whole data, and each table it declares
/// makes a difference.
@Suite struct MeasureReadsTests {
    /// Periods before, across and after the loaded history (2022-2026), a month and a leap day.
    let periods = [
        Period.reportingYear(2022), .reportingYear(2024), .reportingYear(2025), .reportingYear(2027),
        Period(start: day("2024-02-01"), end: day("2024-02-29"))!, .rolling12Months(endingOn: day("2024-02-29")),
    ]
    let ends = MeasureEngine.monthEnds(in: Period(start: day("2022-01-01"), end: day("2026-06-30"))!)

    func parameters(_ data: CaseData) -> [MeasureParameters] {
        let someRows = Set(
            data.claEpisodes.prefix(150).map(\.origin) + data.cinEpisodes.prefix(150).map(\.origin)
                + data.careLeavers.prefix(20).map(\.origin) + data.missingEpisodes.prefix(20).map(\.origin))
        return [
            MeasureParameters(population: 52_000),
            MeasureParameters(population: 52_000, includeRecords: true),
            MeasureParameters(population: 52_000, supervisionIntervalDays: 14, includeRecords: true, recordsOnlyFrom: someRows),
        ]
    }

    @Test(arguments: [UInt64(1), 7, 2026])
    func everyMeasureGivesTheSameResultsFromTheTablesItReadsAlone(seed: UInt64) {
        var gen = RandomCaseData(seed: seed)
        let data = gen.build(children: 300)
        let whole = MeasureEngine(data: data)
        for (reads, measures) in Dictionary(grouping: Measures.all, by: \.reads) {
            let alone = MeasureEngine(data: data.keeping(reads))
            for m in measures {
                for p in parameters(data) {
                    for period in periods {
                        let a = alone.compute(m, period: period, parameters: p), w = whole.compute(m, period: period, parameters: p)
                        #expect(a != nil, "\(m.id)")
                        if a != w {
                            Issue.record(
                                "\(m.id) reading \(reads.sorted()) in \(period): \(a?.numerator as Any)/\(a?.denominator as Any) \(a?.warnings ?? []), whole data \(w?.numerator as Any)/\(w?.denominator as Any) \(w?.warnings ?? [])"
                            )
                        }
                    }
                }
                #expect(alone.series(m, endingOn: ends, parameters: parameters(data)[0]) == whole.series(m, endingOn: ends, parameters: parameters(data)[0]), "\(m.id)")
            }
        }
    }

    @Test func everyTableAMeasureDeclaresChangesItsResults() {
        // Guards the test above against measures declaring more than they read.
        var gen = RandomCaseData(seed: 1)
        let data = gen.build(children: 300)
        let p = MeasureParameters(population: 52_000, includeRecords: true)
        for m in Measures.all {
            let whole = MeasureEngine(data: data.keeping(m.reads))
            let all = periods.map { whole.compute(m, period: $0, parameters: p) }
            for table in m.reads.sorted() {
                let without = MeasureEngine(data: data.keeping(m.reads.subtracting([table])))
                if periods.map({ without.compute(m, period: $0, parameters: p) }) == all {
                    Issue.record("\(m.id) declares \(table) but gives the same results without it")
                }
            }
        }
    }

    @Test func theSourcesNeededAreTheTablesTheMeasuresRead() {
        for m in Measures.all {
            #expect(MeasureEngine.sourcesNeeded(for: [m.id.rawValue]) == Set(m.reads.map(\.rawValue)), "\(m.id)")
            // A measure joining a local list with a return is judged by the list's source.
            #expect(m.reads.allSatisfy { $0.source == m.source || $0 == .cin }, "\(m.id)")
        }
        #expect(MeasureEngine.sourcesNeeded(for: ["referrals", "cin_at_end"]) == ["cin"])
        #expect(MeasureEngine.sourcesNeeded(for: ["care_leavers_eet_pct", "sw_changes_3plus_pct"]) == ["Episodes", "OC3", "Header", "SWEpisodes"])
        #expect(MeasureEngine.sourcesNeeded(for: ["rhi_accepted_pct", "supervision_in_standard_pct"]) == ["missing-local", "supervision-local"])
        #expect(MeasureEngine.sourcesNeeded(for: ["audits_completed_pct", "hand_care_proceedings", "no_such_measure"]).isEmpty)
    }

    @Test func theCatalogueIsTheMeasures() {
        #expect(MeasureCatalogue.all == Measures.all.map(\.definition))
        #expect(MeasureEngine.measureIDs == Measures.all.map(\.id.rawValue).sorted())
        #expect(Set(MeasureEngine.measureIDs).count == Measures.all.count)
        #expect(Measures.measure("cpp_da_pct")?.title == "Children on a child protection plan where domestic abuse is a feature")
        #expect(Measures.measure("audits_completed_pct") == nil)
    }

    @Test func keepingNoTableLeavesNoRecords() {
        // A table added to CaseData must be given to a CaseTable (and stripped by `keeping`).
        var gen = RandomCaseData(seed: 2)
        let data = gen.build(children: 40)
        let none = data.keeping([])
        let notTables: Set<String> = ["files", "blankChildIDs", "rowsWithErrors", "cinEpisodeChildBounds"]
        for child in Mirror(reflecting: none).children {
            guard let label = child.label, !notTables.contains(label) else { continue }
            if let c = child.value as? any Collection {
                #expect(c.isEmpty, "\(label)")
            } else if let services = child.value as? ServiceRecords {
                #expect(services.count == 0, "\(label)")
            } else if let open = child.value as? LeftOpenRecords {
                #expect(open.count == 0, "\(label)")
            } else {
                Issue.record("\(label) is neither a table nor known")
            }
        }
        #expect(!none.hasCIN && !none.hasSSDA903 && !none.hasLocalMissing && !none.hasSupervision)
        #expect(none.files.count == data.files.count)
        let all = data.keeping(Set(CaseTable.allCases))
        #expect(all.claEpisodes == data.claEpisodes && all.files == data.files && all.claYears == data.claYears)
    }
}

import ArgumentParser
import Foundation
import OversightApp
import OversightCore
import OversightFormats

/// Times the measure engine apart from reading files: for docs/performance.md.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Time reading, indexing, all measures for a period and a 24-point monthly series (series and point by point).",
        shouldDisplay: false
    )

    @Option(help: "Data folder.") var from: String
    @Option(help: "Reporting period.") var period: String = "2025"
    @Option(help: "Repetitions of each timed step (the fastest is reported).") var repetitions: Int = 3

    func run() throws {
        guard let p = Period.parse(period) else { throw CLIError.usage("bad period") }
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        let start = clock.now
        let loaded = FileLoader.load(paths: [from], keepRaw: false)
        let read = clock.now - start
        let d = loaded.caseData
        let counts: [Int] = [d.cinEpisodes.count, d.claEpisodes.count, d.claReviews.count, d.claMissing.count, d.missingEpisodes.count, d.supervisions.count]
        let records = counts.reduce(0, +)
        print(String(format: "read %d files (%d records) in %.2f s", loaded.files.count, records, seconds(read)))
        var engine = MeasureEngine(data: CaseData())
        var best = Double.infinity
        for _ in 0..<repetitions { best = min(best, seconds(clock.measure { engine = MeasureEngine(data: loaded.caseData) })) }
        print(String(format: "index: %.3f s", best))
        var results: [MeasureResult] = []
        best = .infinity
        for _ in 0..<repetitions { best = min(best, seconds(clock.measure { results = engine.computeAll(period: p) })) }
        let one = best
        print(String(format: "all %d measures for %@: %.3f s", results.count, p.description, one))
        var slowest: [(String, Double)] = []
        for id in MeasureEngine.measureIDs {
            slowest.append((id, seconds(clock.measure { _ = engine.compute(id, period: p) })))
        }
        for (id, t) in slowest.sorted(by: { $0.1 > $1.1 }).prefix(8) { print(String(format: "  %@: %.2f ms", id, t * 1000)) }
        // Every measure for every team (issue 14): the measures with their records, once, then
        // each team's share of them (`AuthorityNumbers.restrict`).
        let organisation = Organisation(loaded.caseData)
        let teams = organisation.teams(on: p.end).map { AuthorityNumbers.Part.team($0.name) } + [.unallocated]
        var withRecords: [MeasureResult] = []
        best = .infinity
        for _ in 0..<repetitions {
            best = min(best, seconds(clock.measure { withRecords = engine.computeAll(period: p, parameters: MeasureParameters(includeRecords: true)) }))
        }
        var split = 0
        var bestSplit = Double.infinity
        for _ in 0..<repetitions {
            bestSplit = min(
                bestSplit,
                seconds(
                    clock.measure {
                        split = 0
                        var holders = AuthorityNumbers.Holders(organisation)
                        for r in withRecords { split += AuthorityNumbers.split(r, holders: &holders).count }
                    }))
        }
        print(
            String(
                format: "every measure for every team (%d teams and the unallocated on the last day, %d team results): %.3f s with records, then %.3f s to split (%.3f s in all)",
                teams.count - 1, split, best, bestSplit, best + bestSplit))
        // The daily list (issue 14): the authority's as at the period's last day, then kept to each team.
        let asAt = DayTime(day: p.end, hour: 23, minute: 59)
        var list = FrontLineList(data: loaded.caseData, asAt: asAt)
        best = .infinity
        for _ in 0..<repetitions { best = min(best, seconds(clock.measure { list = FrontLineList(data: loaded.caseData, asAt: asAt) })) }
        var kept = 0
        var bestTeams = Double.infinity
        for _ in 0..<repetitions {
            bestTeams = min(
                bestTeams,
                seconds(
                    clock.measure {
                        kept = 0
                        for t in teams {
                            let part = list.filtered(
                                child: { id in ChildID(normalising: id).map { t.contains(organisation.holder(of: $0, on: p.end)) } ?? false },
                                worker: { w in organisation.spell(of: w, on: p.end).map { t.contains(.init(worker: w, team: $0.team, service: $0.service)) } ?? false })
                            kept += part.count
                        }
                    }))
        }
        print(
            String(
                format: "daily list as at %@: %d items in %.3f s; kept to each of %d teams and the unallocated (%d items): %.3f s",
                p.end.iso, list.count, best, teams.count - 1, kept, bestTeams))
        let ends = MeasureEngine.monthEnds(in: Period(start: p.end.adding(months: -23).startOfMonth, end: p.end)!)
        best = .infinity
        var points: [[MeasureResult]] = []
        for _ in 0..<repetitions { best = min(best, seconds(clock.measure { points = engine.seriesAll(endingOn: ends) })) }
        print(String(format: "24-point monthly series of all measures: %.3f s (%.1f x one period)", best, best / one))
        var alone = Double.infinity
        var pointByPoint: [[MeasureResult]] = []
        for _ in 0..<repetitions {
            alone = min(alone, seconds(clock.measure { pointByPoint = ends.map { engine.computeAll(period: .rolling12Months(endingOn: $0)) } }))
        }
        print(
            String(
                format: "the same series point by point: %.3f s (%.1f x one period); same results: %@", alone, alone / one,
                points == pointByPoint ? "yes" : "NO"))
    }
}

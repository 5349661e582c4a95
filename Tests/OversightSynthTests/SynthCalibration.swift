import OversightCore
@testable import OversightSynth

/// Headline figures of one collection year computed straight from generated children, the way
/// the measures catalogue defines them (simplified where the generator's data is clean).
struct SynthCalibration: CustomStringConvertible {
    var referrals = 0
    var rereferrals = 0
    var cppAtEnd = 0
    var cppStarts = 0
    var cppSubsequent = 0
    var claAtEnd = 0
    var claStarts = 0
    var claCeased = 0
    var threePlusPlacements = 0
    var longTermDenominator = 0
    var longTermNumerator = 0
    var lookedAfterInYear = 0
    var missingChildren = 0
    var rhiReturns = 0
    var rhiOffered72h = 0
    var adoptions = 0
    var sgoExits = 0
    var shortBreakEpisodes = 0
    var temporaryReturns = 0
    var placedWithParents = 0
    var external = 0
    var externalResidential = 0
    var uascAtEnd = 0

    var rereferralPct: Double { 100 * Double(rereferrals) / Double(max(1, referrals)) }
    var subsequentPct: Double { 100 * Double(cppSubsequent) / Double(max(1, cppStarts)) }
    var threePlusPct: Double { 100 * Double(threePlusPlacements) / Double(max(1, claAtEnd)) }
    var longTermPct: Double { 100 * Double(longTermNumerator) / Double(max(1, longTermDenominator)) }
    var missingPct: Double { 100 * Double(missingChildren) / Double(max(1, lookedAfterInYear)) }
    var rhiPct: Double { 100 * Double(rhiOffered72h) / Double(max(1, rhiReturns)) }

    var description: String {
        """
        referrals \(referrals) rereferral% \(Int(rereferralPct.rounded())) | CPP@end \(cppAtEnd) starts \(cppStarts) subsequent% \(Int(subsequentPct.rounded())) \
        | CLA@end \(claAtEnd) starts \(claStarts) ceased \(claCeased) 3+placements% \(Int(threePlusPct.rounded())) \
        longterm% \(Int(longTermPct.rounded())) (\(longTermNumerator)/\(longTermDenominator)) | LAinYear \(lookedAfterInYear) missing% \(Int(missingPct.rounded())) \
        RHI72h% \(Int(rhiPct.rounded())) | adoptions \(adoptions) SGO \(sgoExits) P1 \(placedWithParents) external \(external) extRes \(externalResidential) \
        UASC \(uascAtEnd) shortBreakEps \(shortBreakEpisodes) tempReturns \(temporaryReturns)
        """
    }

    init(children: [SynthChild], year: Int) {
        let period = Period.reportingYear(year)
        let end = period.end
        for c in children {
            let refs = c.cinEpisodes.map(\.referral)
            for r in refs where period.contains(r) {
                referrals += 1
                if refs.contains(where: { $0 < r && $0 >= r.adding(years: -1) }) { rereferrals += 1 }
            }
            let plans = c.cinEpisodes.flatMap(\.protectionPlans)
            if plans.contains(where: { $0.start <= end && ($0.end.map { $0 > end } ?? true) }) { cppAtEnd += 1 }
            for p in plans where period.contains(p.start) {
                cppStarts += 1
                if p.previousPlans > 0 { cppSubsequent += 1 }
            }
            let eps = c.careEpisodes.filter { !$0.isShortBreak }
            shortBreakEpisodes += c.careEpisodes.filter { $0.isShortBreak && period.contains($0.start) }.count
            func open(_ e: SynthChild.CareEpisode, _ d: Day) -> Bool { e.start <= d && (e.end.map { $0 > d } ?? true) }
            if eps.contains(where: { $0.reasonNew == "S" && period.contains($0.start) }) { claStarts += 1 }
            if eps.contains(where: { e in e.end.map { period.contains($0) } == true && e.reasonEnded != "X1" }) { claCeased += 1 }
            adoptions += eps.filter { e in e.end.map { period.contains($0) } == true && (e.reasonEnded == "E11" || e.reasonEnded == "E12") }.count
            sgoExits += eps.filter { e in e.end.map { period.contains($0) } == true && ["E45", "E46", "E47", "E48"].contains(e.reasonEnded ?? "") }.count
            let inYear = eps.contains { $0.start <= end && ($0.end.map { $0 > period.start } ?? true) }
            if inYear {
                lookedAfterInYear += 1
                if c.missing.contains(where: { $0.whileLookedAfter && $0.isMissing && period.contains($0.start) }) { missingChildren += 1 }
            }
            for m in c.missing where m.isMissing && period.contains(m.returned) {
                rhiReturns += 1
                if let o = m.rhiOffered {
                    let minutes = m.returned.days(to: o.day) * 1440 + o.minute - m.returnedMinute
                    if minutes <= 72 * 60 { rhiOffered72h += 1 }
                }
            }
            guard let current = eps.last(where: { open($0, end) }) else { continue }
            claAtEnd += 1
            if c.isUASC { uascAtEnd += 1 }
            if current.placement == "P1" { placedWithParents += 1 }
            if current.provider == "PR4" || current.provider == "PR5" {
                external += 1
                if current.placement == "K2" { externalResidential += 1 }
            }
            // Placements per the spec: ignore temporary episodes; a new placement starts with RNE
            // P/B/T/U except U/T into A3/A5 and returns to the placement before a temporary one.
            var placements: [(start: Day, end: Day?)] = []
            var periodStart = eps[0].start
            var before: SynthChild.CareEpisode?
            var last: SynthChild.CareEpisode?
            var afterTemporary = false
            for e in eps {
                if e.placement.hasPrefix("T") { afterTemporary = true; before = last; continue }
                defer { last = e }
                if e.reasonNew == "S" {
                    periodStart = e.start
                    placements = [(e.start, e.end)]
                    afterTemporary = false
                    continue
                }
                let returns = afterTemporary && before.map { $0.placement == e.placement && $0.urn == e.urn } == true
                if returns { temporaryReturns += period.contains(e.start) ? 1 : 0 }
                afterTemporary = false
                let intoAdoption = (e.reasonNew == "T" || e.reasonNew == "U") && (e.placement == "A3" || e.placement == "A5")
                if ["P", "B", "T", "U"].contains(e.reasonNew) && !intoAdoption && !returns {
                    placements.append((e.start, e.end))
                }
                if e.start > end { break }
            }
            let windowStart = end.adding(years: -1).adding(days: 1)
            let starts = placements.map(\.start).filter { $0 <= end }
            let inWindow = starts.filter { $0 >= windowStart }.count + (starts.contains { $0 < windowStart } ? 1 : 0)
            if inWindow >= 3 { threePlusPlacements += 1 }
            if c.age(on: end) < 16 && periodStart <= end.adding(months: -30) {
                longTermDenominator += 1
                let currentStart = starts.last ?? periodStart
                if currentStart <= end.adding(years: -2) {
                    longTermNumerator += 1
                } else if ["A3", "A4", "A5", "A6"].contains(current.placement), starts.count >= 2, starts[starts.count - 2] <= end.adding(years: -2) {
                    longTermNumerator += 1
                }
            }
        }
    }
}

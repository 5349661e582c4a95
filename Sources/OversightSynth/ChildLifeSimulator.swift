import Foundation
import OversightCore

/// Simulates one child's history from their first referral: referrals, assessments, section 47
/// enquiries, child protection plans, CIN plans, care, missing episodes and social workers.
///
/// Every draw comes from the child's own random stream, so a child's history depends only on the
/// seed, the options and the child's index.
struct ChildLifeSimulator {
    let world: SynthWorld
    var rng: SynthRandom
    var child: SynthChild
    /// Family risk: scales the chance of a repeat referral, a section 47 and care.
    var risk: Double
    var plansSoFar: Int
    let careFactor: Double
    /// Set when a period of care ends in a way that makes the child a care leaver.
    var leftCareAt: Day?

    /// The child's history, or nil when the child is too old to appear in any written year.
    static func simulate(index: Int, world: SynthWorld) -> SynthChild? {
        var rng = SynthRandom(seed: world.options.seed, stream: UInt64(index))
        let arrival = world.arrivalDay(index, rng: &rng)
        let kind = rng.unit()
        let isUASC = kind < 0.011
        let isShortBreakChild = !isUASC && kind < 0.016
        let ageDays: Int
        if isUASC {
            ageDays = rng.int(14 * 365...17 * 365 + 300)
        } else if isShortBreakChild {
            ageDays = rng.int(4 * 365...13 * 365)
        } else {
            let band = rng.unit()
            let years: Int
            switch band {
            case ..<0.12: years = 0
            case ..<0.32: years = rng.int(1...4)
            case ..<0.56: years = rng.int(5...9)
            case ..<0.89: years = rng.int(10...15)
            default: years = rng.int(16...17)
            }
            ageDays = years * 365 + rng.int(0...364)
        }
        let birth = arrival.adding(days: -ageDays)
        // Too old to be in any written return (care leavers are followed to 21).
        if birth.adding(years: 22) < world.options.outputStart { return nil }
        let isFemale = isUASC ? rng.chance(0.08) : rng.chance(0.48)
        var child = SynthChild(
            index: index, id: world.childID(index), upn: "",
            birthDate: birth, isFemale: isFemale,
            ethnicity: isUASC ? SynthCodes.uascEthnicity.draw(&rng) : SynthCodes.ethnicity.draw(&rng),
            disabilities: [], isUASC: isUASC,
            homePostcode: isUASC ? "" : rng.element(SynthPostcodes.local))
        if isShortBreakChild || rng.chance(0.08) {
            child.disabilities = [SynthCodes.disability.draw(&rng)]
            if rng.chance(0.3) {
                let second = SynthCodes.disability.draw(&rng)
                if second != child.disabilities[0] { child.disabilities.append(second) }
            }
        }
        let risk = exp(0.55 * rng.normal())
        var sim = ChildLifeSimulator(
            world: world, rng: rng, child: child, risk: risk,
            plansSoFar: rng.chance(0.06) ? 1 : 0, careFactor: world.options.scale.careFactor)
        sim.run(arrival: arrival, isShortBreakChild: isShortBreakChild)
        return sim.child
    }

    mutating func run(arrival: Day, isShortBreakChild: Bool) {
        var t = arrival
        var first = true
        while t <= world.horizon && t < child.birthday(18).adding(days: -90) {
            let closure: Day?
            if isShortBreakChild && first {
                closure = shortBreakEpisode(referral: t)
            } else if child.isUASC && first {
                closure = uascEpisode(referral: t)
            } else {
                closure = cinEpisode(referral: t)
            }
            first = false
            guard let c = closure, c < world.horizon else { break }
            // An adopted child takes a new identity: this record ends.
            if child.cinEpisodes.last?.closureReason == "RC1" { break }
            let again = min(0.85, 0.42 * pow(risk, 0.8))
            guard rng.chance(again) else { break }
            let previousReferral = child.cinEpisodes.last!.referral
            let next: Day
            if rng.chance(0.46) {
                next = max(c.adding(days: rng.int(7...60)), previousReferral.adding(days: rng.int(30...364)))
            } else {
                next = c.adding(days: rng.int(200...2400))
            }
            t = next
        }
        finishCareLeaver()
    }

    // MARK: CIN episodes

    /// Adds a CIN episode referred on `r` and returns its closure day (nil: still open at the horizon).
    mutating func cinEpisode(referral r: Day) -> Day? {
        let age = child.age(on: r)
        var ep = SynthChild.CINEpisode(
            referral: r, source: SynthCodes.referralSource.draw(&rng),
            primaryNeed: SynthCodes.primaryNeed.draw(&rng), isNFA: false)
        if rng.chance(0.045) {
            ep.isNFA = true
            ep.closure = r
            ep.closureReason = "RC7"
            child.cinEpisodes.append(ep)
            return r
        }
        let aStart = r.adding(days: rng.chance(0.6) ? 0 : rng.int(1...6))
        let aLength = rng.chance(0.84) ? rng.int(8...60) : rng.int(64...120)
        let aAuth = aStart.adding(days: aLength)
        let noFactors = rng.chance(age >= 11 ? SynthCodes.noFactorChance.older : SynthCodes.noFactorChance.young)
        // Factors are drawn only where a return will show them (an assessment ending in a written year).
        let factors = noFactors ? ["21"] : aAuth >= world.options.outputStart ? drawFactors(age: age) : []
        ep.assessments.append(.init(start: aStart, authorised: aAuth, factors: factors))
        var careStart: Day?
        var closure: Day
        var reason = "RC7"
        let repeatFamily = plansSoFar > 0
        let directCare = (age >= 12 && rng.chance(0.018 * careFactor * risk)) || (age == 0 && rng.chance(0.07 * careFactor))
        if noFactors && !directCare {
            closure = aAuth.adding(days: rng.int(0...14))
            reason = "RC8"
        } else if directCare {
            careStart = r.adding(days: rng.int(0...3))
            if ep.primaryNeed == "N0" || ep.primaryNeed == "N7" { ep.primaryNeed = "N1" }
            closure = careStart!
        } else if rng.chance(min(0.8, 0.22 * risk * (repeatFamily ? 1.7 : 1))) {
            let s47Start = r.adding(days: rng.int(0...min(aLength, 12)))
            let target = s47Start.addingWorkingDays(15)
            var s47 = SynthChild.Section47(start: s47Start, icpcTarget: target, icpc: nil)
            if rng.chance(min(0.9, 0.35 * (repeatFamily ? 1.45 : 1) * pow(risk, 0.4))) {
                let icpc = rng.chance(0.8) ? s47Start.addingWorkingDays(rng.int(4...15)) : s47Start.addingWorkingDays(rng.int(16...32))
                s47.icpc = icpc
                ep.section47s.append(s47)
                if rng.chance(0.88) {
                    let (plan, care) = protectionPlan(start: icpc, age: age)
                    ep.protectionPlans.append(plan)
                    if let care {
                        careStart = care
                        closure = care
                    } else {
                        closure = afterPlan(&ep, from: plan.end ?? icpc)
                    }
                } else {
                    closure = afterPlan(&ep, from: max(icpc, aAuth))
                }
                if ep.protectionPlans.isEmpty == false || s47.icpc != nil {
                    ep.primaryNeed = "N1"
                }
            } else {
                ep.section47s.append(s47)
                closure = rng.chance(0.5) ? aAuth.adding(days: rng.int(0...14)) : afterPlan(&ep, from: aAuth)
            }
        } else if rng.chance(0.33) {
            closure = aAuth.adding(days: rng.int(0...14))
            reason = "RC8"
        } else if rng.chance(0.62) {
            let planStart = aAuth.adding(days: rng.int(0...10))
            let length = rng.days(mean: 210, minimum: 42)
            if rng.chance(0.045 * careFactor * pow(risk, 0.7)) {
                let c = planStart.adding(days: rng.int(14...max(15, length)))
                ep.cinPlans.append(.init(start: planStart, end: c))
                careStart = c
                closure = c
            } else {
                closure = planStart.adding(days: length)
                ep.cinPlans.append(.init(start: planStart, end: closure))
            }
        } else {
            closure = aAuth.adding(days: rng.days(mean: 40, minimum: 1))
        }
        if let start = careStart, start < child.birthday(18) {
            let out = care(start: start, viaCourt: !directCare || age < 12, need: ep.primaryNeed == "N0" ? "N1" : ep.primaryNeed)
            closure = out.cinClosure
            reason = out.closureReason
            if let planAfter = out.cinPlanAfter { ep.cinPlans.append(planAfter) }
        }
        closure = max(closure, aAuth)
        if closure >= child.birthday(18) { closure = child.birthday(18).adding(days: -1); if reason == "RC8" { reason = "RC7" } }
        ep.closure = closure
        ep.closureReason = reason
        // Nothing happens after closure; plans open at closure close with it.
        ep.cinPlans.removeAll { $0.start >= closure }
        for i in ep.cinPlans.indices where ep.cinPlans[i].end.map({ $0 > closure }) ?? true { ep.cinPlans[i].end = closure }
        ep.protectionPlans.removeAll { $0.start >= closure }
        for i in ep.protectionPlans.indices where ep.protectionPlans[i].end.map({ $0 > closure }) ?? true {
            ep.protectionPlans[i].end = closure
            ep.protectionPlans[i].reviews.removeAll { $0 >= closure }
        }
        ep.section47s.removeAll { $0.start > closure }
        for i in ep.section47s.indices where ep.section47s[i].icpc.map({ $0 > closure }) == true { ep.section47s[i].icpc = closure }
        for i in ep.assessments.indices where ep.assessments[i].authorised > closure { ep.assessments[i].authorised = closure }
        child.cinEpisodes.append(ep)
        // Social workers and missing episodes matter only where they reach the written years.
        if closure >= world.options.outputStart.adding(days: -60) {
            allocateSocialWorkers(from: r, to: closure)
            communityMissing(from: r, to: closure)
        }
        return closure
    }

    /// A CIN plan after a protection plan or enquiry ends; returns the closure day.
    mutating func afterPlan(_ ep: inout SynthChild.CINEpisode, from day: Day) -> Day {
        if rng.chance(0.7) {
            let end = day.adding(days: rng.int(60...300))
            ep.cinPlans.append(.init(start: day, end: end))
            return end
        }
        return day.adding(days: rng.int(0...30))
    }

    /// A protection plan starting on `start` and, when the child becomes looked after during it,
    /// the day care starts (the plan ends that day).
    mutating func protectionPlan(start: Day, age: Int) -> (plan: SynthChild.ProtectionPlan, care: Day?) {
        let u = rng.unit()
        let length: Int
        switch u {
        case ..<0.18: length = rng.int(80...180)
        case ..<0.6: length = rng.int(181...365)
        case ..<0.95: length = rng.int(366...720)
        default: length = rng.int(721...1100)
        }
        var end = start.adding(days: length)
        var care: Day?
        if rng.chance(min(0.7, 0.22 * careFactor * pow(risk, 0.5) * (age < 1 ? 1.8 : 1))) {
            care = start.adding(days: rng.int(14...max(15, length)))
            end = care!
        }
        let initial = SynthCodes.abuseCategory.draw(&rng)
        let latest = rng.chance(0.85) ? initial : SynthCodes.abuseCategory.draw(&rng)
        var reviews: [Day] = []
        var r = start.adding(days: rng.int(70...90))
        while r < end {
            reviews.append(r)
            r = r.adding(days: rng.int(150...182))
        }
        let plan = SynthChild.ProtectionPlan(
            start: start, end: end, initialCategory: initial, latestCategory: latest,
            previousPlans: plansSoFar, reviews: reviews)
        plansSoFar += 1
        return (plan, care)
    }

    /// At least one factor (the caller has already drawn whether there are none).
    mutating func drawFactors(age: Int) -> [String] {
        var out: [String] = []
        let older = age >= 11
        while out.isEmpty {
            for f in SynthCodes.factorShares where rng.chance(older ? f.older : f.young) { out.append(f.code) }
        }
        return out
    }

    // MARK: Special children

    /// A disabled child receiving short breaks under a CIN plan.
    mutating func shortBreakEpisode(referral r: Day) -> Day? {
        var ep = SynthChild.CINEpisode(referral: r, source: rng.chance(0.5) ? "3D" : "2A", primaryNeed: "N2", isNFA: false)
        let aAuth = r.adding(days: rng.int(10...40))
        ep.assessments.append(.init(start: r, authorised: aAuth, factors: ["5A"] + (rng.chance(0.3) ? ["6A"] : [])))
        let planEnd = min(aAuth.adding(days: rng.int(400...1800)), child.birthday(18).adding(days: -1))
        ep.cinPlans.append(.init(start: aAuth, end: planEnd))
        var d = aAuth.adding(days: rng.int(20...60))
        while d.adding(days: 10) < planEnd {
            let nights = rng.int(2...4)
            child.careEpisodes.append(
                .init(
                    start: d, reasonNew: "S", legalStatus: "V3", categoryOfNeed: "N2", placement: "U6",
                    provider: "PR1", end: d.adding(days: nights), reasonEnded: "E13",
                    reasonPlaceChange: nil, homePostcode: "", placementPostcode: "", urn: ""))
            d = d.adding(days: nights + rng.int(28...50))
        }
        ep.closure = planEnd
        ep.closureReason = "RC7"
        child.cinEpisodes.append(ep)
        allocateSocialWorkers(from: r, to: planEnd)
        return planEnd
    }

    /// An unaccompanied asylum-seeking child: looked after from arrival until 18.
    mutating func uascEpisode(referral r: Day) -> Day? {
        var ep = SynthChild.CINEpisode(referral: r, source: rng.chance(0.6) ? "7" : "6", primaryNeed: "N8", isNFA: false)
        let aAuth = r.adding(days: rng.int(10...40))
        ep.assessments.append(.init(start: r, authorised: aAuth, factors: ["9A"] + (rng.chance(0.2) ? ["4A"] : [])))
        let start = r.adding(days: rng.int(0...2))
        let out = care(start: start, viaCourt: false, need: "N8")
        ep.closure = out.cinClosure
        ep.closureReason = out.closureReason
        child.cinEpisodes.append(ep)
        allocateSocialWorkers(from: r, to: out.cinClosure)
        return out.cinClosure
    }
}

extension Day {
    /// The `n`-th weekday after this day (bank holidays are not skipped).
    func addingWorkingDays(_ n: Int) -> Day {
        var d = self, left = n
        while left > 0 {
            d = d.adding(days: 1)
            if d.isWeekday { left -= 1 }
        }
        return d
    }
}

import OversightCore

/// How a period of care ends.
enum CareExit: Sendable {
    case home, adoption, sgo, childArrangements, adulthood, transfer
}

/// A placement as the simulator plans it, before it is cut into SSDA903 episodes.
struct PlannedPlacement {
    var day: Day
    var place: String
    var provider: String
    var urn: String
    var postcode: String
    /// Same carer as the placement before (placed for adoption with the current foster carer).
    var sameCarer = false
    var isTemporary: Bool { place.hasPrefix("T") }
}

/// What `care(start:viaCourt:)` tells the CIN episode holding it.
struct CareOutcome {
    var cinClosure: Day
    var closureReason: String
    var cinPlanAfter: SynthChild.DateSpan?
}

extension ChildLifeSimulator {
    /// Simulates a period of care starting on `s`, appending its episodes, reviews, missing
    /// episodes and adoption to the child.
    mutating func care(start s: Day, viaCourt: Bool, need: String) -> CareOutcome {
        let age = child.age(on: s)
        let eighteen = child.birthday(18)
        var exit = drawExit(age: age)
        var end: Day
        switch exit {
        case .home: end = s.adding(days: rng.days(mean: 360, minimum: 21))
        case .sgo: end = s.adding(days: rng.int(330...1100))
        case .childArrangements: end = s.adding(days: rng.int(200...900))
        case .adoption: end = s
        case .adulthood: end = eighteen
        case .transfer: end = s.adding(days: rng.days(mean: 400, minimum: 30))
        }
        var adoption: SynthChild.Adoption?
        if exit == .adoption {
            let decision = s.adding(days: rng.int(120...240))
            let order = decision.adding(days: rng.int(30...120))
            let matched = order.adding(days: rng.int(20...150))
            let placed = matched.adding(days: rng.int(7...40))
            let adopted = placed.adding(days: rng.int(100...300))
            let couple = rng.unit()
            let (n, sexes, ls): (Int, String, String) =
                couple < 0.72
                ? (2, "MF", "L11")
                : couple < 0.86
                    ? (1, "F1", "L0")
                    : couple < 0.9 ? (1, "M1", "L0") : couple < 0.95 ? (2, "FF", "L12") : (2, "MM", "L12")
            adoption = .init(
                decision: decision, matched: matched, placed: placed, adopted: adopted, byFosterCarer: rng.chance(0.3),
                adopterCount: n, adopterSexes: sexes, adopterLegalStatus: ls)
            end = adopted
        }
        if end >= eighteen { end = eighteen; exit = .adulthood; adoption = nil }

        // Legal statuses.
        var legal: [(day: Day, code: String)]
        if child.isUASC {
            legal = [(s, "V2")]
        } else if viaCourt {
            let u = rng.unit()
            if u < 0.06 {
                legal = [(s, "L2"), (s.adding(days: rng.int(2...8)), "C1")]
            } else if u < 0.1 {
                legal = [(s, "L1"), (s.adding(days: rng.int(1...3)), rng.chance(0.5) ? "C1" : "V2")]
            } else if u < 0.62 {
                legal = [(s, "C1")]
            } else {
                legal = [(s, "V2")]
            }
        } else {
            legal = rng.chance(0.15) ? [(s, "L1"), (s.adding(days: rng.int(1...3)), "V2")] : [(s, "V2")]
        }
        let needsOrder =
            exit == .adoption || exit == .sgo || exit == .childArrangements
            || (exit == .adulthood && age < 14 && rng.chance(0.8)) || (exit == .home && rng.chance(0.4))
        if needsOrder && legal.last!.code == "V2" && !child.isUASC {
            legal.append((legal.last!.day.adding(days: rng.int(40...150)), "C1"))
        }
        if legal.last!.code == "C1" { legal.append((legal.last!.day.adding(days: rng.int(150...300)), "C2")) }
        if let a = adoption {
            let e1 = a.byFosterCarer && rng.chance(0.5) ? a.placed : a.placed.adding(days: -rng.int(20...120))
            legal.removeAll { $0.day >= e1 }
            legal.append((e1, "E1"))
        }
        legal.removeAll { $0.day >= end }
        if legal.isEmpty { legal = [(s, "V2")] }

        // Placements.
        var placements: [PlannedPlacement] = []
        var d = s
        let lastMoveBefore = adoption.map { $0.placed } ?? end.adding(days: -14)
        while true {
            var p = newPlacement(on: d)
            if let last = placements.last, last.place == p.place, last.urn == p.urn, last.postcode == p.postcode {
                p.postcode = distinctPostcode(local: p.provider != "PR4" && p.provider != "PR5", other: last.postcode)
            }
            let stay: Int?
            let teen = child.age(on: d) >= 12
            if placements.isEmpty && rng.chance(0.4) {
                stay = rng.int(7...120)
            } else if rng.chance(teen ? 0.45 : 0.62) {
                stay = rng.chance(0.38) ? nil : rng.days(mean: 1000, minimum: 200)
            } else {
                stay = rng.days(mean: teen ? 200 : 330, minimum: 21)
            }
            if stay == nil && child.age(on: d) < 16 {
                if p.place == "U6" { p.place = "U4" } else if p.place == "U3" { p.place = "U1" }
            }
            placements.append(p)
            guard let stay else { break }
            let next = d.adding(days: stay)
            if next >= lastMoveBefore { break }
            d = next
        }
        if let a = adoption {
            // Children are placed for adoption from foster care.
            if !placements[placements.count - 1].place.hasPrefix("U") {
                let d = placements[placements.count - 1].day
                placements[placements.count - 1] = .init(
                    day: d, place: "U6", provider: "PR1", urn: SynthProviders.laFostering(world.options.localAuthority),
                    postcode: distinctPostcode(local: true))
            }
            let last = placements[placements.count - 1]
            if a.byFosterCarer && last.place.hasPrefix("U") && !["U1", "U2", "U3"].contains(last.place) {
                placements.append(
                    .init(
                        day: a.placed, place: "A3", provider: last.provider, urn: last.urn,
                        postcode: last.postcode, sameCarer: true))
            } else {
                adoption!.byFosterCarer = false
                let vaa = rng.chance(0.3)
                placements.append(
                    .init(
                        day: a.placed, place: "A4", provider: vaa ? "PR5" : "PR1",
                        urn: vaa ? rng.element(SynthProviders.adoptionAgencies) : SynthProviders.laAdoptionAgency(world.options.localAuthority),
                        postcode: distinctPostcode(local: !vaa)))
            }
        }
        if exit == .sgo, let last = placements.last, !last.place.hasPrefix("U") {
            let day = end.adding(days: -rng.int(90...240))
            let kin = PlannedPlacement(
                day: day, place: "U3", provider: "PR1", urn: SynthProviders.laFostering(world.options.localAuthority),
                postcode: distinctPostcode(local: true))
            if day > last.day.adding(days: 14) {
                placements.append(kin)
            } else {
                placements[placements.count - 1] = .init(
                    day: last.day, place: "U3", provider: "PR1", urn: kin.urn, postcode: kin.postcode)
            }
        }
        if (exit == .home && rng.chance(0.6)) || (exit == .adulthood && rng.chance(0.05)), !child.isUASC {
            let last = placements[placements.count - 1]
            let day = max(last.day.adding(days: rng.int(14...60)), end.adding(days: -rng.int(90...500)))
            let status = legal.last { $0.day <= day }?.code
            if day < end.adding(days: -21), status == "C1" || status == "C2" {
                placements.append(.init(day: day, place: "P1", provider: "PR0", urn: "", postcode: child.homePostcode))
            }
        }
        placements = insertTemporaryPlacements(placements, end: end)
        // A legal status that changes during a temporary placement is recorded on the return.
        for i in legal.indices.dropFirst() {
            if let k = placements.lastIndex(where: { $0.day <= legal[i].day }), placements[k].isTemporary, k + 1 < placements.count {
                legal[i].day = placements[k + 1].day.adding(days: 7)
            }
        }
        legal.removeAll { $0.day >= end }

        // Cut into episodes.
        var days = Set(legal.map(\.day)).union(placements.map(\.day)).filter { $0 < end }.sorted()
        if days.first != s { days.insert(s, at: 0) }
        var episodes: [SynthChild.CareEpisode] = []
        var prevLS = "", prevPlacementDay: Day? = nil
        for day in days {
            let ls = legal.last { $0.day <= day }!.code
            let pl = placements.last { $0.day <= day }!
            let lsChanged = ls != prevLS
            let plChanged = prevPlacementDay != pl.day
            let rne: String
            if episodes.isEmpty {
                rne = "S"
            } else if lsChanged && plChanged {
                rne = pl.sameCarer ? "U" : "B"
            } else if plChanged {
                rne = pl.sameCarer ? "T" : "P"
            } else {
                rne = "L"
            }
            if !episodes.isEmpty {
                episodes[episodes.count - 1].end = day
                episodes[episodes.count - 1].reasonEnded = "X1"
                if plChanged && !pl.isTemporary && !episodes[episodes.count - 1].placement.hasPrefix("T") {
                    episodes[episodes.count - 1].reasonPlaceChange = pl.sameCarer ? "CARPL" : SynthCodes.placementChange.draw(&rng)
                }
            }
            episodes.append(
                .init(
                    start: day, reasonNew: rne, legalStatus: ls, categoryOfNeed: need, placement: pl.place,
                    provider: pl.provider, end: nil, reasonEnded: nil, reasonPlaceChange: nil,
                    homePostcode: child.homePostcode, placementPostcode: pl.postcode, urn: pl.urn))
            prevLS = ls
            prevPlacementDay = pl.day
        }
        let lastPlace = episodes.last!.placement
        let rec: String
        switch exit {
        case .home:
            let u = rng.unit()
            rec = lastPlace == "P1" ? (u < 0.8 ? "E4A" : "E13") : (u < 0.65 ? "E4A" : u < 0.77 ? "E4B" : "E13")
        case .adoption: rec = rng.chance(0.78) ? "E11" : "E12"
        case .sgo: rec = rng.chance(0.55) ? "E45" : "E46"
        case .childArrangements: rec = "E41"
        case .adulthood:
            if lastPlace.hasPrefix("U") { rec = rng.chance(0.5) ? "E17" : (rng.chance(0.7) ? "E5" : "E8") } else { rec = rng.chance(0.75) ? "E5" : "E8" }
        case .transfer: rec = "E3"
        }
        episodes[episodes.count - 1].end = end
        episodes[episodes.count - 1].reasonEnded = rec
        child.careEpisodes.append(contentsOf: episodes)
        if let adoption { child.adoptions.append(adoption) }

        addReviews(from: s, to: end)
        if end >= world.options.outputStart { careMissing(from: s, to: end, placements: placements) }
        addPreviousPermanence(periodStart: s)
        if child.isFemale && child.ownChildBirthDate == nil {
            let sixteen = child.birthday(15)
            if end > sixteen && rng.chance(0.04) {
                let from = max(s, sixteen)
                child.ownChildBirthDate = from.adding(days: rng.int(0...max(0, from.days(to: end) - 1)))
            }
        }
        if exit == .adulthood || (exit == .home && child.age(on: end) >= 16 && daysInCareSince14(s, end) >= 91) {
            leftCareAt = end
        }

        switch exit {
        case .home:
            let closure = end.adding(days: rng.int(60...200))
            return .init(cinClosure: closure, closureReason: "RC7", cinPlanAfter: .init(start: end, end: closure))
        case .adoption: return .init(cinClosure: end, closureReason: "RC1", cinPlanAfter: nil)
        case .sgo: return .init(cinClosure: end, closureReason: "RC4", cinPlanAfter: nil)
        case .childArrangements: return .init(cinClosure: end, closureReason: "RC3", cinPlanAfter: nil)
        case .adulthood: return .init(cinClosure: end, closureReason: rng.chance(0.3) ? "RC6" : "RC7", cinPlanAfter: nil)
        case .transfer: return .init(cinClosure: end, closureReason: "RC5", cinPlanAfter: nil)
        }
    }

    func daysInCareSince14(_ s: Day, _ e: Day) -> Int { max(0, max(s, child.birthday(14)).days(to: e)) }

    mutating func drawExit(age: Int) -> CareExit {
        if child.isUASC { return .adulthood }
        let u = rng.unit()
        switch age {
        case 0: return u < 0.45 ? .adoption : u < 0.62 ? .sgo : u < 0.78 ? .home : u < 0.81 ? .childArrangements : .adulthood
        case 1...4: return u < 0.28 ? .adoption : u < 0.46 ? .sgo : u < 0.74 ? .home : u < 0.78 ? .childArrangements : .adulthood
        case 5...9: return u < 0.14 ? .sgo : u < 0.62 ? .home : u < 0.66 ? .childArrangements : u < 0.68 ? .transfer : .adulthood
        case 10...15: return u < 0.06 ? .sgo : u < 0.64 ? .home : u < 0.66 ? .transfer : .adulthood
        default: return u < 0.38 ? .home : .adulthood
        }
    }

    /// A new (non-temporary) placement starting on `day`, by the child's age then.
    mutating func newPlacement(on day: Day) -> PlannedPlacement {
        let age = child.age(on: day)
        let la = world.options.localAuthority
        let semi = day.collectionYear >= 2026 ? "K3" : "H5"
        let place: String
        let u = rng.unit()
        if child.isUASC {
            place = age >= 16 ? (u < 0.7 ? semi : "U6") : (u < 0.85 ? "U6" : "K2")
        } else if age < 10 {
            place = u < 0.68 ? "U6" : u < 0.95 ? "U3" : u < 0.97 ? "U5" : "K2"
        } else if age < 16 {
            place = u < 0.52 ? "U6" : u < 0.64 ? "U3" : u < 0.95 ? "K2" : "S1"
        } else {
            place = u < 0.4 ? semi : u < 0.65 ? "U6" : u < 0.9 ? "K2" : "U3"
        }
        switch place {
        case "U3", "U1":
            return .init(day: day, place: place, provider: "PR1", urn: SynthProviders.laFostering(la), postcode: distinctPostcode(local: true))
        case "U4", "U5", "U6":
            let v = rng.unit()
            if v < 0.6 {
                return .init(day: day, place: place, provider: "PR1", urn: SynthProviders.laFostering(la), postcode: distinctPostcode(local: true))
            }
            return .init(
                day: day, place: place, provider: v < 0.96 ? "PR4" : "PR5", urn: rng.element(SynthProviders.fosteringAgencies),
                postcode: distinctPostcode(local: rng.chance(0.5)))
        case "K2":
            let v = rng.unit()
            if v < 0.25 {
                return .init(day: day, place: place, provider: "PR1", urn: rng.element(SynthProviders.laHomes(la)), postcode: distinctPostcode(local: true))
            }
            return .init(
                day: day, place: place, provider: v < 0.9 ? "PR4" : "PR5", urn: rng.element(SynthProviders.privateHomes),
                postcode: distinctPostcode(local: rng.chance(0.4)))
        case "S1":
            return .init(day: day, place: place, provider: "PR4", urn: rng.element(SynthProviders.privateHomes), postcode: distinctPostcode(local: false))
        default:
            let own = rng.chance(0.3)
            return .init(
                day: day, place: place, provider: own ? "PR1" : "PR4", urn: rng.element(own ? SynthProviders.laHomes(la) : SynthProviders.supportedAccommodation),
                postcode: distinctPostcode(local: own || rng.chance(0.4)))
        }
    }

    /// A placement postcode that is not the child's home postcode.
    mutating func distinctPostcode(local: Bool, other: String = "") -> String {
        while true {
            let p = rng.element(local ? SynthPostcodes.local : SynthPostcodes.elsewhere)
            if p != child.homePostcode && p != other { return p }
        }
    }

    /// Adds short temporary placements (carer's holiday T3, a few days T4) inside long foster
    /// placements; each returns to the same placement (same type, URN and postcode).
    mutating func insertTemporaryPlacements(_ placements: [PlannedPlacement], end: Day) -> [PlannedPlacement] {
        var out: [PlannedPlacement] = []
        for (i, p) in placements.enumerated() {
            out.append(p)
            guard p.place.hasPrefix("U") else { continue }
            let until = i + 1 < placements.count ? placements[i + 1].day : end
            let length = p.day.days(to: until)
            guard length >= 200 else { continue }
            let count = min(3, rng.poisson(mean: Double(length) / 365 * 0.22))
            guard count > 0 else { continue }
            var starts = (0..<count).map { _ in p.day.adding(days: rng.int(45...(length - 45))) }.sorted()
            starts = starts.enumerated().filter { j, d in j == 0 || starts[j - 1].days(to: d) > 60 }.map(\.1)
            for st in starts {
                let isHoliday = rng.chance(0.6)
                let back = st.adding(days: isHoliday ? rng.int(4...14) : rng.int(2...7))
                out.append(.init(day: st, place: isHoliday ? "T3" : "T4", provider: "", urn: "", postcode: distinctPostcode(local: true)))
                var ret = p
                ret.day = back
                ret.sameCarer = false
                out.append(ret)
            }
        }
        return out
    }

    mutating func addReviews(from s: Day, to end: Day) {
        var r = s.adding(days: rng.int(14...27))
        var n = 0
        while r < end && r <= world.horizon {
            let code = child.age(on: r) < 4 ? "PN0" : SynthCodes.reviewParticipation.draw(&rng)
            child.reviews.append(.init(date: r, code: code))
            r = r.adding(days: n == 0 ? rng.int(70...90) : rng.int(150...182))
            n += 1
        }
    }

    mutating func addPreviousPermanence(periodStart s: Day) {
        let u = rng.unit()
        let age = child.age(on: s)
        if age >= 2 && u < 0.09 {
            let code = u < 0.05 ? "P2" : u < 0.075 ? "P3" : "P1"
            let date = child.birthDate.adding(days: rng.int(200...max(201, child.birthDate.days(to: s) - 200)))
            child.previousPermanence.append(.init(periodStart: s, code: code, date: date))
        } else {
            child.previousPermanence.append(.init(periodStart: s, code: "Z1", date: nil))
        }
    }

    /// Missing and away episodes while looked after.
    mutating func careMissing(from s: Day, to end: Day, placements: [PlannedPlacement]) {
        let eleven = child.birthday(11)
        guard end > eleven else { return }
        let residential = placements.contains { $0.place == "K2" || $0.place == "H5" || $0.place == "K3" }
        let rate: Double
        if rng.chance(min(0.9, 0.13 * (residential ? 1.8 : 1))) { rate = 1.5 + rng.exponential(mean: 4) } else if rng.chance(0.04) { rate = 0.6 } else { return }
        addMissing(from: max(s, eleven), to: end, perYear: rate, lookedAfter: true)
    }

    /// Missing episodes of children not looked after (during a CIN episode).
    mutating func communityMissing(from s: Day, to end: Day) {
        let eleven = child.birthday(11)
        guard end > eleven, rng.chance(0.035) else { return }
        let care = child.careEpisodes.map { ($0.start, $0.end) }
        addMissing(from: max(s, eleven), to: end, perYear: 1.5, lookedAfter: false, avoiding: care)
    }

    mutating func addMissing(from s: Day, to end: Day, perYear: Double, lookedAfter: Bool, avoiding: [(Day, Day?)] = []) {
        var t = s.adding(days: rng.days(mean: 365 / perYear, minimum: 0))
        var lastReturn = s
        while t < end && t <= world.horizon {
            let startMinute = rng.int(0...1439)
            let u = rng.unit()
            let duration = u < 0.55 ? rng.int(60...720) : u < 0.92 ? rng.int(721...2880) : rng.int(2881...10080)
            let total = startMinute + duration
            let returned = t.adding(days: total / 1440)
            let returnedMinute = total % 1440
            let crossesYear = returned.collectionYear != t.collectionYear
            let inCare = avoiding.contains { $0.0 <= returned && ($0.1.map { $0 > t } ?? true) }
            if returned < end && t > lastReturn && !(lookedAfter && crossesYear) && !inCare {
                let isMissing = rng.chance(0.76)
                var ep = SynthChild.MissingEpisode(
                    isMissing: isMissing, start: t, startMinute: startMinute, returned: returned,
                    returnedMinute: returnedMinute, whileLookedAfter: lookedAfter)
                if isMissing {
                    let v = rng.unit()
                    let offsetMinutes: Int? = v < 0.8 ? rng.int(60...4300) : v < 0.95 ? rng.int(4330...14400) : nil
                    if let o = offsetMinutes {
                        let m = returnedMinute + o
                        ep.rhiOffered = (returned.adding(days: m / 1440), m % 1440)
                        let accepted = rng.chance(0.62)
                        ep.rhiAccepted = accepted
                        if accepted && rng.chance(0.9) {
                            let c = m + rng.int(0...4320)
                            ep.rhiCompleted = (returned.adding(days: c / 1440), c % 1440)
                        }
                    }
                }
                child.missing.append(ep)
                lastReturn = returned
            }
            t = t.adding(days: rng.days(mean: 365 / perYear, minimum: 1))
        }
    }

    /// Social workers for a CIN episode [from, to): a new worker every ten months or so.
    mutating func allocateSocialWorkers(from s: Day, to end: Day) {
        guard s < end else { return }
        var d = s
        var reason = "TSPROC"
        while d < end {
            let id = world.workforce.worker(on: d, rng: &rng)
            var next = d.adding(days: rng.days(mean: 330, minimum: 30))
            if next >= end || d.days(to: end) < 30 { next = end }
            child.socialWorkers.append(.init(workerID: id, start: d, end: next, reason: reason))
            reason = SynthCodes.socialWorkerChange.draw(&rng)
            d = next
        }
    }

    /// OC3 rows for a care leaver's 19th, 20th and 21st birthdays.
    mutating func finishCareLeaver() {
        guard let left = leftCareAt, child.age(on: left) >= 16 else { return }
        for age in 19...21 {
            let inTouch = SynthCodes.inTouch.draw(&rng)
            if inTouch == "YES" {
                child.careLeaverRows.append(
                    .init(
                        birthdayAge: age, inTouch: inTouch, activity: SynthCodes.careLeaverActivity.draw(&rng),
                        accommodation: SynthCodes.careLeaverAccommodation.draw(&rng)))
            } else {
                child.careLeaverRows.append(.init(birthdayAge: age, inTouch: inTouch, activity: "0", accommodation: "0"))
            }
        }
    }
}

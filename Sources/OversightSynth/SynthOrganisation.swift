import OversightCore
import OversightFormats

/// The demo's organisation: each social worker of the workforce in one team of a service, and
/// each child's allocations to workers (the worker of each looked-after spell as the SSDA903
/// SWEpisodes name them; a worker of a front door, assessment, child in need or child protection
/// team for each child in need episode outside care).
struct SynthOrganisation {
    /// A team: its name, its service, and the share of the workforce in it.
    struct Team {
        var name: String
        var service: String
        var kind: Kind
        var share: Double
    }

    enum Kind { case frontDoor, assessment, childInNeed, childProtection, inCare, careLeavers, disabled }

    static let teams: [Team] = [
        Team(name: "Front door (MASH)", service: "Front door and assessment", kind: .frontDoor, share: 0.08),
        Team(name: "Assessment team 1", service: "Front door and assessment", kind: .assessment, share: 0.11),
        Team(name: "Assessment team 2", service: "Front door and assessment", kind: .assessment, share: 0.11),
        Team(name: "Child in need team 1", service: "Children in need and protection", kind: .childInNeed, share: 0.1),
        Team(name: "Child in need team 2", service: "Children in need and protection", kind: .childInNeed, share: 0.1),
        Team(name: "Child protection team 1", service: "Children in need and protection", kind: .childProtection, share: 0.1),
        Team(name: "Child protection team 2", service: "Children in need and protection", kind: .childProtection, share: 0.1),
        Team(name: "Children in care team 1", service: "Children in care and care leavers", kind: .inCare, share: 0.1),
        Team(name: "Children in care team 2", service: "Children in care and care leavers", kind: .inCare, share: 0.1),
        Team(name: "Care leavers team", service: "Children in care and care leavers", kind: .careLeavers, share: 0.05),
        Team(name: "Disabled children's team", service: "Disabled children", kind: .disabled, share: 0.05),
    ]

    let workforce: SynthWorkforce
    let seed: UInt64

    /// The team of a worker: fixed for their time in post, drawn by the teams' shares.
    func team(of worker: String) -> Team {
        var rng = SynthRandom(seed: seed ^ 0x7EA4, stream: UInt64(truncatingIfNeeded: worker.hashValueStable))
        var x = rng.unit()
        for t in Self.teams {
            if x < t.share { return t }
            x -= t.share
        }
        return Self.teams[0]
    }

    /// The workers file's rows: each worker's spell in their team (every worker in post on or
    /// before `e`), with a role, FTE and
    /// employment (about one in eight from an agency).
    func workerRows(to e: Day) -> [[String]] {
        // Every worker in post before the end: a child allocated before the first year may still
        // be held by a worker who has since left (the allocation then names no team).
        workforce.workers.filter { $0.start <= e }.map { w in
            var rng = SynthRandom(seed: seed ^ 0x40C5, stream: UInt64(truncatingIfNeeded: w.id.hashValueStable))
            let t = team(of: w.id)
            let fte = rng.chance(0.2) ? "0.8" : "1"
            let agency = rng.chance(0.13) ? "agency" : "employed"
            let leave = w.end <= e ? w.end.adding(days: -1).iso : ""
            return [w.id, "Worker \(w.id.dropFirst(2))", "Social worker", fte, agency, t.name, t.service, w.start.iso, leave]
        }
    }

    /// A worker in post on `day` in a team of one of `kinds` (else any worker in post).
    func worker(on day: Day, kinds: Set<Kind>, rng: inout SynthRandom) -> String {
        var first: String?
        for _ in 0..<24 {
            let w = workforce.worker(on: day, rng: &rng)
            if first == nil { first = w }
            if kinds.contains(team(of: w).kind) { return w }
        }
        return first ?? "SW00001"
    }

    /// The child's allocations overlapping [s, e]: their looked-after social workers, and for each
    /// child in need episode that no looked-after spell overlaps, one worker from its referral
    /// to its closure (a child protection team's when it had a plan).
    func allocationRows(_ child: SynthChild, from s: Day, to e: Day) -> [[String]] {
        var rows: [[String]] = []
        var spells: [(Day, Day?)] = []
        for sw in child.socialWorkers where sw.start <= e && (sw.end.map { $0 >= s } ?? true) {
            let end = sw.end.flatMap { $0 <= e ? $0.adding(days: -1) : nil }
            rows.append([child.id, sw.workerID, sw.start.iso, end.map { max($0, sw.start).iso } ?? ""])
            spells.append((sw.start, sw.end))
        }
        var rng = SynthRandom(seed: seed ^ 0xA110, stream: UInt64(child.index))
        for ep in child.cinEpisodes where ep.referral <= e && (ep.closure.map { $0 >= s } ?? true) {
            let overlapsCare = spells.contains { a, b in a <= (ep.closure ?? e) && (b.map { ep.referral <= $0 } ?? true) }
            if overlapsCare { continue }
            let kinds: Set<Kind> = ep.protectionPlans.isEmpty ? [.assessment, .childInNeed, .frontDoor, .disabled] : [.childProtection]
            let worker = self.worker(on: ep.referral, kinds: kinds, rng: &rng)
            let end = ep.closure.flatMap { $0 <= e ? $0 : nil }
            rows.append([child.id, worker, ep.referral.iso, end?.iso ?? ""])
            spells.append((ep.referral, ep.closure))
        }
        return rows
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}

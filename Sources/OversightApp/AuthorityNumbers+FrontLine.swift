import OversightCore

/// The daily list of an authority, a service, a team or a worker: the same list, kept to the
/// children the part held on the list's day and the workers in it then.
extension AuthorityNumbers {
    /// The case file audits of the programme not yet submitted, for the daily list.
    public static func auditsOutstanding(_ audits: [Audit]) -> [AuditDue] {
        audits.compactMap { a in
            guard !a.status.isSubmitted, let child = a.subject.child else { return nil }
            return AuditDue(reference: a.id.rawValue, child: child.rawValue, auditor: a.auditor, due: a.dueDate)
        }
    }

    /// The daily list as at the end of `day`, for `part` (nil: the whole authority).
    public func frontLine(day: Day, snapshot: AuthoritySnapshot, part: Part? = nil) -> FrontLineList {
        let list = FrontLineList(
            data: snapshot.data, asAt: DayTime(day: day, hour: 23, minute: 59), audits: Self.auditsOutstanding(snapshot.audits))
        guard let part else { return list }
        let org = organisation(snapshot)
        var held: [String: Bool] = [:]
        return list.filtered(
            child: { id in
                if let known = held[id] { return known }
                let keep = ChildID(normalising: id).map { part.contains(org.holder(of: $0, on: day)) } ?? false
                held[id] = keep
                return keep
            },
            worker: { w in
                let spell = org.spell(of: w, on: day)
                return part.contains(Organisation.Holder(worker: w, team: spell?.team, service: spell?.service))
            })
    }
}

/// A team, service or worker named that the organisation data does not hold.
public struct UnknownPart: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension AuthorityNumbers {
    /// The part named by at most one of `team`, `service` and `worker`, checked against the
    /// organisation during `period` (nil when none is named). Throws `UnknownPart`, naming the
    /// ones there are, for a name the data does not hold, or for more than one named.
    public func part(team: String?, service: String?, worker: String?, period: Period, snapshot: AuthoritySnapshot) throws -> Part? {
        let named = [team, service, worker].compactMap { $0 }
        if named.count > 1 { throw UnknownPart(description: "name one of a team, a service or a worker, not \(named.count)") }
        let part: Part? = team.map { .team($0) } ?? service.map { .service($0) } ?? worker.map { .worker($0) }
        return try part.map { try checked($0, period: period, snapshot: snapshot) }
    }

    /// `part` when the organisation holds it during `period` (a team or service with a worker in
    /// it then, a worker the data names anywhere; the unallocated always); else throws
    /// `UnknownPart`, naming the ones there are.
    public func checked(_ part: Part, period: Period, snapshot: AuthoritySnapshot) throws -> Part {
        let org = organisation(snapshot)
        switch part {
        case .team(let team):
            let teams = org.names(during: period).teams
            guard teams.contains(team) else {
                throw UnknownPart(description: "no team is named '\(team)' in \(period); the teams are: \(teams.sorted().joined(separator: ", "))")
            }
        case .service(let service):
            let services = org.names(during: period).services
            guard services.contains(service) else {
                throw UnknownPart(description: "no service is named '\(service)' in \(period); the services are: \(services.sorted().joined(separator: ", "))")
            }
        case .worker(let worker):
            let d = snapshot.data
            let known =
                org.workers.contains { $0.id == worker } || d.socialWorkerEpisodes.contains { $0.workerID == worker }
                || d.supervisions.contains { $0.worker == worker }
            guard known else { throw UnknownPart(description: "no worker has the id '\(worker)'") }
        case .unallocated:
            break
        }
        return part
    }
}

extension AuthorityNumbers {
    /// The parts a page offers to choose from during `period`: the services, then the teams
    /// (each with its service), by name; keys as `Part.key`.
    public func partChoices(during period: Period, snapshot: AuthoritySnapshot) -> [(key: String, label: String)] {
        let org = organisation(snapshot)
        let names = org.names(during: period)
        var serviceOf: [String: String] = [:]
        for w in org.workers { if let s = w.service { serviceOf[w.team] = s } }
        return names.services.sorted().map { (Part.service($0).key, "Service: \($0)") }
            + names.teams.sorted().map { t in (Part.team(t).key, "Team: \(t)" + (serviceOf[t].map { " (\($0))" } ?? "")) }
    }
}

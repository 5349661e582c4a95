/// One spell of a worker in a team, as the local workers file gives it (docs/formats.md): a
/// worker who moves team has one row per team, their dates not overlapping.
public struct WorkerRecord: Hashable, Sendable, Codable {
    /// The worker's id: the same id the SSDA903 SWEpisodes and the supervision file use.
    public var id: String
    public var name: String?
    /// The job (`social worker`, `team manager`, ...), as written.
    public var role: String?
    /// Full-time equivalent (1 for full time).
    public var fte: Double?
    /// `employed` or `agency`.
    public var employment: String?
    public var team: String
    public var service: String?
    /// The first and last day in this team; a missing end: still there.
    public var start: DateField
    public var leave: DateField
    public var origin: RecordOrigin

    public init(
        id: String, name: String? = nil, role: String? = nil, fte: Double? = nil, employment: String? = nil, team: String,
        service: String? = nil, start: DateField, leave: DateField = .missing, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.id = id; self.name = name; self.role = role; self.fte = fte; self.employment = employment; self.team = team
        self.service = service; self.start = start; self.leave = leave; self.origin = origin
    }

    /// Whether the spell covers `day` (its start on or before, its end missing or on or after). A
    /// spell with no start date at all (the SSD professionals extract gives none) runs from the
    /// beginning; one with an invalid start covers no day.
    public func covers(_ day: Day) -> Bool {
        if start.isInvalid { return false }
        if let s = start.day, s > day { return false }
        guard let e = leave.day else { return true }
        return day <= e
    }
}

/// A child's allocation to a worker from one day to another (a missing end: still allocated).
public struct Allocation: Hashable, Sendable, Codable {
    public var child: ChildID
    public var worker: String
    public var from: DateField
    public var to: DateField
    public var origin: RecordOrigin

    public init(child: ChildID, worker: String, from: DateField, to: DateField = .missing, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)) {
        self.child = child; self.worker = worker; self.from = from; self.to = to; self.origin = origin
    }

    /// Whether the allocation covers `day`.
    public func covers(_ day: Day) -> Bool {
        guard let s = from.day, s <= day else { return false }
        guard let e = to.day else { return true }
        return day <= e
    }
}

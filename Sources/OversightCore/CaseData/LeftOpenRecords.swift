/// The span records an earlier return left open that a later return shows had ended before its
/// own collection period, without saying when (reading rule 2, "left open, closed before Y").
///
/// Such a record (an SSDA903 episode, a social worker episode, a CIN episode, or an assessment,
/// CIN plan or child protection plan of a CIN episode) had no end date, or an invalid one, in its
/// own return; return Y holds the child but neither restates it under its key nor holds a record
/// of the child in the same table (one level down: in the episode's copy) overlapping the part of
/// it before Y's period. It is kept, open on every day up to its *last open day* (31 March Y-1)
/// and on none after. Its end is unknown and is no event: it counts in no measure of endings
/// (`cla_ceased`, a plan ending before a repeat plan), and its invalid end date, if it had one, is
/// no longer read as invalid. A section 47 enquiry without a conference date spans its start day
/// only, so it is never left open.
///
/// Set by `CaseDataBuilder`. Keyed by the records' natural keys (child and start date; social
/// worker episodes also by worker; a CIN block also by its episode's referral date and its kind),
/// so it still applies after the records are filtered (a caseload). A key applies only to a record
/// whose end date is not a valid date: a record restated since, with an end, is never read as
/// left open.
public struct LeftOpenRecords: Sendable, Hashable {
    struct EpisodeKey: Hashable, Sendable { var child: ChildID; var start: Day }
    struct WorkerKey: Hashable, Sendable { var child: ChildID; var worker: String?; var start: Day }
    struct ReferralKey: Hashable, Sendable { var child: ChildID; var referral: DateField }
    enum BlockKind: UInt8, Hashable, Sendable { case assessment, cinPlan, protectionPlan }
    struct BlockKey: Hashable, Sendable { var child: ChildID; var referral: DateField; var kind: BlockKind; var start: Day }

    var claEpisodes: [EpisodeKey: Day] = [:]
    var socialWorkerEpisodes: [WorkerKey: Day] = [:]
    var cinEpisodes: [ReferralKey: Day] = [:]
    var cinBlocks: [BlockKey: Day] = [:]

    /// No record left open.
    public init() {}

    /// How many records (blocks included) are kept this way.
    public var count: Int { claEpisodes.count + socialWorkerEpisodes.count + cinEpisodes.count + cinBlocks.count }

    /// The last day `e` is open, when it is kept this way; nil otherwise (including when its `DEC`
    /// is a valid date).
    public func lastOpenDay(of e: CLAEpisode) -> Day? {
        guard !claEpisodes.isEmpty, e.end.day == nil, let s = e.start.day else { return nil }
        return claEpisodes[EpisodeKey(child: e.child, start: s)]
    }

    /// The last day `s` is open, when it is kept this way; nil otherwise.
    public func lastOpenDay(of s: SocialWorkerEpisode) -> Day? {
        guard !socialWorkerEpisodes.isEmpty, s.end.day == nil, let start = s.start.day else { return nil }
        return socialWorkerEpisodes[WorkerKey(child: s.child, worker: s.workerID, start: start)]
    }

    /// The last day CIN episode `e` is open, when it is kept this way; nil otherwise (including
    /// when its closure date is valid).
    public func lastOpenDay(of e: CINEpisode) -> Day? {
        guard !cinEpisodes.isEmpty, e.closureDate.day == nil else { return nil }
        return cinEpisodes[ReferralKey(child: e.child, referral: e.referralDate)]
    }

    /// The last day assessment `a` of episode `e` is open (not yet authorised), when it is kept
    /// this way; nil otherwise.
    public func lastOpenDay(of a: Assessment, in e: CINEpisode) -> Day? {
        block(.assessment, a.startDate, a.authorisationDate, e)
    }

    /// The last day CIN plan `p` of episode `e` is open, when it is kept this way; nil otherwise.
    public func lastOpenDay(of p: CINPlan, in e: CINEpisode) -> Day? {
        block(.cinPlan, p.startDate, p.endDate, e)
    }

    /// The last day protection plan `p` of episode `e` is open, when it is kept this way; nil
    /// otherwise (including when its `CPPendDate` is valid).
    public func lastOpenDay(of p: ProtectionPlan, in e: CINEpisode) -> Day? {
        block(.protectionPlan, p.startDate, p.endDate, e)
    }

    func block(_ kind: BlockKind, _ start: DateField, _ end: DateField, _ e: CINEpisode) -> Day? {
        guard !cinBlocks.isEmpty, end.day == nil, let s = start.day else { return nil }
        return cinBlocks[BlockKey(child: e.child, referral: e.referralDate, kind: kind, start: s)]
    }
}

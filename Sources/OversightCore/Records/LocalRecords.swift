import Foundation

/// A date and time of day with no time zone, as local records write them (`yyyy-mm-dd hh:mm`).
/// Stored as minutes since 1970-01-01 00:00.
public struct DayTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let minutes: Int64
    public init(minutes: Int64) { self.minutes = minutes }
    public init(day: Day, hour: Int = 0, minute: Int = 0) {
        self.minutes = Int64(day.ordinal) * 1440 + Int64(hour * 60 + minute)
    }
    public var day: Day { Day(ordinal: Int32((minutes >= 0 ? minutes : minutes - 1439) / 1440)) }
    public var hour: Int { Int((minutes - Int64(day.ordinal) * 1440) / 60) }
    public var minute: Int { Int((minutes - Int64(day.ordinal) * 1440) % 60) }
    public func adding(hours: Int) -> DayTime { DayTime(minutes: minutes + Int64(hours) * 60) }
    public static func < (a: DayTime, b: DayTime) -> Bool { a.minutes < b.minutes }
    public var iso: String { "\(day.iso) \(Day.pad(hour, 2)):\(Day.pad(minute, 2))" }
    public var description: String { iso }

    /// Parses `yyyy-mm-dd hh:mm[:ss]`, `yyyy-mm-ddThh:mm[:ss]`, `dd/mm/yyyy hh:mm[:ss]`, or a date
    /// alone (taken as 00:00).
    public static func parse(_ raw: String) -> DayTime? {
        let t = raw.trimmed
        guard !t.isEmpty else { return nil }
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        guard let d = Day.parseISO(parts[0]) ?? Day.parseUK(parts[0]) else { return nil }
        if parts.count == 1 { return DayTime(day: d) }
        let hm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2 || hm.count == 3, let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m),
            hm[0].count <= 2, hm[1].count == 2
        else { return nil }
        if hm.count == 3 { guard let s = Int(hm[2]), (0...59).contains(s) else { return nil } }
        return DayTime(day: d, hour: h, minute: m)
    }
}

/// A date-time field as read: absent, valid, or present but invalid (see `DateField`).
public enum DayTimeField: Hashable, Sendable, Codable {
    case missing
    case value(DayTime)
    case invalid(String)
    public var time: DayTime? { if case .value(let t) = self { return t } else { return nil } }
    public var isInvalid: Bool { if case .invalid = self { return true } else { return false } }
    public static func parse(_ raw: String) -> DayTimeField {
        let t = raw.trimmed
        if t.isEmpty { return .missing }
        if let v = DayTime.parse(t) { return .value(v) }
        return .invalid(t)
    }
}

/// A missing (or away) episode from the local missing-episodes file, with its return home
/// interview (RHI). Covers every child, looked after or not.
public struct MissingEpisode: Hashable, Sendable, Codable {
    public var child: ChildID
    /// `M` (missing) or `A` (away).
    public var kind: String?
    public var start: DayTimeField
    public var returned: DayTimeField
    public var rhiOffered: DayTimeField
    public var rhiAccepted: Bool?
    public var rhiCompleted: DayTimeField
    public var origin: RecordOrigin
    public init(
        child: ChildID, kind: String?, start: DayTimeField, returned: DayTimeField = .missing,
        rhiOffered: DayTimeField = .missing, rhiAccepted: Bool? = nil, rhiCompleted: DayTimeField = .missing,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.child = child; self.kind = kind; self.start = start; self.returned = returned; self.rhiOffered = rhiOffered
        self.rhiAccepted = rhiAccepted; self.rhiCompleted = rhiCompleted; self.origin = origin
    }
}

/// A supervision session of a worker (local supervision file).
public struct SupervisionSession: Hashable, Sendable, Codable {
    public var worker: String
    public var date: DateField
    /// `formal`, `case` or `group`.
    public var kind: String?
    public var reflective: Bool?
    public var child: ChildID?
    public var origin: RecordOrigin
    public init(
        worker: String, date: DateField, kind: String?, reflective: Bool? = nil, child: ChildID? = nil,
        origin: RecordOrigin = RecordOrigin(file: 0, row: 0)
    ) {
        self.worker = worker; self.date = date; self.kind = kind; self.reflective = reflective; self.child = child; self.origin = origin
    }
}

/// A social worker's visit to a child (local visits file), for the daily list's overdue visits.
public struct Visit: Hashable, Sendable, Codable {
    public var child: ChildID
    public var date: DateField
    /// The visiting worker's id, when the file gives it.
    public var worker: String?
    public var origin: RecordOrigin
    public init(child: ChildID, date: DateField, worker: String? = nil, origin: RecordOrigin = RecordOrigin(file: 0, row: 0)) {
        self.child = child; self.date = date; self.worker = worker; self.origin = origin
    }
}

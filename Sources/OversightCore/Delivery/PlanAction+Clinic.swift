import Foundation

/// Actions agreed at a performance clinic: an ordinary plan action (it appears in the action
/// plan) whose history records the clinic it was agreed at, so the next clinic of the same team,
/// service or worker shows it again.
extension PlanAction {
    /// The history field that records the clinic.
    public static let clinicField = "clinic"

    /// A new action agreed at the clinic `clinic` (`ClinicRef.key`): its history starts with its
    /// creation and the clinic.
    public init(
        agreedAt clinic: ClinicRef, ambition: Int, text: String, owner: String, due: Day?, by: String, at: Date
    ) {
        self.init(ambition: ambition, text: text, owner: owner, due: due, by: by, at: at)
        history.append(ActionChange(field: Self.clinicField, from: "", to: clinic.key, by: by, at: at))
    }

    /// The clinic the action was agreed at; nil for an action not agreed at a clinic.
    public var clinic: ClinicRef? { history.first { $0.field == Self.clinicField }.flatMap { ClinicRef(key: $0.to) } }
}

/// Which clinic: the part of the authority it was for (`team:NAME`, `service:NAME` or
/// `worker:ID`) and its period.
public struct ClinicRef: Hashable, Sendable {
    /// `team`, `service` or `worker`.
    public var kind: String
    public var name: String
    public var period: Period

    public init?(kind: String, name: String, period: Period) {
        guard ["team", "service", "worker"].contains(kind), !name.isEmpty else { return nil }
        self.kind = kind; self.name = name; self.period = period
    }

    /// `team:Assessment team 1|2025-02-01..2025-02-28`.
    public var key: String { "\(kind):\(name)|\(period.description)" }

    /// The part as a query value: `team:Assessment team 1`.
    public var part: String { "\(kind):\(name)" }

    /// Reads `key`; nil when it is not one.
    public init?(key: String) {
        guard let bar = key.lastIndex(of: "|"), let colon = key.firstIndex(of: ":"), colon < bar,
            let period = Period.parse(String(key[key.index(after: bar)...]))
        else { return nil }
        self.init(kind: String(key[..<colon]), name: String(key[key.index(after: colon)..<bar]), period: period)
    }
}

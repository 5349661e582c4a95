import FluentKit
import Foundation
import OversightCore

/// Hand-entered measure values of one authority. A value for a measure and period that already
/// has one is a correction: the earlier value is kept in `hand_entry_history`.
public struct HandEntryRepository: Sendable {
    let store: Store
    /// The local authority's code; every read and write is limited to it.
    public let authority: String
    let clock: @Sendable () -> Date

    /// Checks and records an entry, and raises the authority's revision by one, in one
    /// transaction; returns the entry it replaced, if any. Throws `HandEntryRejected` (from
    /// `OversightCore`) naming each field and reason when the entry is invalid; nothing is stored
    /// then.
    @discardableResult
    public func record(_ entry: HandEnteredEntry) async throws -> HandEnteredEntry? {
        let problems = entry.problems
        guard problems.isEmpty else { throw HandEntryRejected(measureID: entry.measureID, period: entry.period, problems: problems) }
        let la = authority, now = clock()
        return try await store.database.transaction { db in
            let existing = try await HandEntryModel.query(on: db).filter(\.$laCode == la).filter(\.$measure == entry.measureID)
                .filter(\.$periodStart == entry.period.start.iso).filter(\.$periodEnd == entry.period.end.iso).first()
            var replaced: HandEnteredEntry?
            let row: HandEntryModel
            if let existing {
                replaced = Self.entry(existing)
                let h = HandEntryHistoryModel()
                h.laCode = la; h.measure = existing.measure; h.periodStart = existing.periodStart; h.periodEnd = existing.periodEnd
                h.value = existing.value; h.numerator = existing.numerator; h.denominator = existing.denominator
                h.source = existing.source; h.enteredBy = existing.enteredBy; h.enteredAt = existing.enteredAt; h.note = existing.note
                h.replacedAt = now
                try await h.create(on: db)
                row = existing
            } else {
                row = HandEntryModel()
                row.laCode = la; row.measure = entry.measureID
                row.periodStart = entry.period.start.iso; row.periodEnd = entry.period.end.iso
            }
            row.value = entry.value; row.numerator = entry.numerator; row.denominator = entry.denominator
            row.source = entry.source; row.enteredBy = entry.enteredBy; row.enteredAt = entry.enteredAt; row.note = entry.note
            try await row.save(on: db)
            try await AuthorityRevision.bump(la, on: db)
            return replaced
        }
    }

    /// Every current entry and every replaced one.
    public func values() async throws -> HandEnteredValues {
        let db = store.database
        let current = try await HandEntryModel.query(on: db).filter(\.$laCode == authority).sort(\.$id).all().compactMap(Self.entry)
        let old = try await HandEntryHistoryModel.query(on: db).filter(\.$laCode == authority).sort(\.$id).all().compactMap(Self.entry)
        return HandEnteredValues(current: current, superseded: old)
    }

    /// The current entries whose period lies within `period`, by measure then period.
    public func entries(within period: Period) async throws -> [HandEnteredEntry] {
        try await values().current.filter { period.contains($0.period.start) && period.contains($0.period.end) }
            .sorted { ($0.measureID, $0.period.start.ordinal) < ($1.measureID, $1.period.start.ordinal) }
    }

    /// Every value a measure and period has had, oldest first, the current one last.
    public func history(measure: String, period: Period) async throws -> [HandEnteredEntry] {
        try await values().history(measure, period: period)
    }

    static func entry(_ m: HandEntryModel) -> HandEnteredEntry? {
        guard let s = Day.parseISO(m.periodStart), let e = Day.parseISO(m.periodEnd), let p = Period(start: s, end: e) else { return nil }
        return HandEnteredEntry(
            measureID: m.measure, period: p, value: m.value, numerator: m.numerator, denominator: m.denominator,
            source: m.source, enteredBy: m.enteredBy, enteredAt: m.enteredAt, note: m.note)
    }

    static func entry(_ m: HandEntryHistoryModel) -> HandEnteredEntry? {
        guard let s = Day.parseISO(m.periodStart), let e = Day.parseISO(m.periodEnd), let p = Period(start: s, end: e) else { return nil }
        return HandEnteredEntry(
            measureID: m.measure, period: p, value: m.value, numerator: m.numerator, denominator: m.denominator,
            source: m.source, enteredBy: m.enteredBy, enteredAt: m.enteredAt, note: m.note)
    }
}

/// Care leavers aged 19-21, from the SSDA903 OC3 table: young people whose 19th, 20th or 21st
/// birthday falls in the period, each with the OC3 row of the return for the collection year
/// holding that birthday (those who died or returned home left out).
extension Measures {
    /// `care_leavers_eet_pct`: those in education, employment or training (`ACTIV` F or P codes).
    public static let careLeaversEetPct = Measure(
        "care_leavers_eet_pct", .percent, .high, "Care leavers aged 19-21 in education, employment or training",
        reads: [.episodes, .oc3, .header],
        period: { e, period, p in e.careLeavers(period, p, counting: isInEducationEmploymentOrTraining) },
        series: { e, pts, _ in e.careLeaversSeries(pts, counting: isInEducationEmploymentOrTraining) })

    /// `care_leavers_suitable_accom_pct`: those in suitable accommodation (`ACCOM` ending 1).
    public static let careLeaversSuitableAccomPct = Measure(
        "care_leavers_suitable_accom_pct", .percent, .high, "Care leavers aged 19-21 in suitable accommodation",
        reads: [.episodes, .oc3, .header],
        period: { e, period, p in e.careLeavers(period, p, counting: isSuitablyAccommodated) },
        series: { e, pts, _ in e.careLeaversSeries(pts, counting: isSuitablyAccommodated) })

    /// `care_leavers_in_touch_pct`: those the authority is in touch with (`IN_TOUCH` YES).
    public static let careLeaversInTouchPct = Measure(
        "care_leavers_in_touch_pct", .percent, .high, "Care leavers aged 19-21 in touch",
        reads: [.episodes, .oc3, .header],
        period: { e, period, p in e.careLeavers(period, p, counting: isInTouch) },
        series: { e, pts, _ in e.careLeaversSeries(pts, counting: isInTouch) })

    /// The care leaver measures, in the spec's order.
    static let careLeaverMeasures: [Measure] = [careLeaversEetPct, careLeaversSuitableAccomPct, careLeaversInTouchPct]

    /// The valid `ACTIV` codes.
    static let validActivity: Set<String> = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"]
    /// The `ACCOM` codes of suitable accommodation.
    static let suitableAccommodation: Set<String> = Set("BCDEGHKRTUVWYZ".map { "\($0)1" })

    /// In education, employment or training: a valid `ACTIV` code starting F or P.
    @Sendable fileprivate static func isInEducationEmploymentOrTraining(_ row: CareLeaverRecord) -> Bool {
        let a = row.activity ?? ""
        return validActivity.contains(a) && (a.hasPrefix("F") || a.hasPrefix("P"))
    }

    /// In suitable accommodation.
    @Sendable fileprivate static func isSuitablyAccommodated(_ row: CareLeaverRecord) -> Bool {
        suitableAccommodation.contains(row.accommodation ?? "")
    }

    /// In touch: `IN_TOUCH` YES.
    @Sendable fileprivate static func isInTouch(_ row: CareLeaverRecord) -> Bool { (row.inTouch ?? "") == "YES" }
}

extension MeasureEngine {
    /// The young people with a 19th-21st birthday in the period (the latest of them), each with
    /// the OC3 row of the return for the collection year holding that birthday; those whose row
    /// `counting` takes are counted.
    fileprivate func careLeavers(_ period: Period, _ p: MeasureParameters, counting: (CareLeaverRecord) -> Bool) -> Tally {
        var t = Tally(keep: RecordKeep(p))
        var rowsByChild: [ChildID: [CareLeaverRecord]] = [:]
        var order: [ChildID] = []
        for r in data.careLeavers {
            if rowsByChild[r.child] == nil { order.append(r.child) }
            rowsByChild[r.child, default: []].append(r)
        }
        var noRow = 0, noBirthDate = 0
        for child in order.sorted() {
            let rows = rowsByChild[child]!
            guard let dob = rows.lazy.compactMap({ $0.birthDate.day }).last ?? data.claHeaders[child]?.birthDate.day else { noBirthDate += 1; continue }
            // The latest of the 19th-21st birthdays in the period.
            guard let birthday = [21, 20, 19].map({ dob.adding(years: $0) }).first(where: period.contains) else { continue }
            let year = birthday.collectionYear
            guard let row = rows.last(where: { $0.collectionYear == year }) ?? rows.last(where: { $0.collectionYear == nil }) else { noRow += 1; continue }
            let inTouch = row.inTouch ?? ""
            if inTouch == "DIED" || inTouch == "RHOM" { continue }
            t.count(counting(row), DrillRecord(child: child.rawValue, kind: "care_leaver", key: String(year), start: birthday, origin: row.origin))
        }
        t.warn(noRow, "young people with a birthday in the period have no OC3 row for that collection year and were left out")
        t.warn(noBirthDate, "care leavers with no valid date of birth were left out")
        return t
    }

    /// `careLeavers` for a series: per young person and point, the latest of the 19th-21st
    /// birthdays in the window and the OC3 row of that birthday's collection year.
    fileprivate func careLeaversSeries(_ pts: SeriesPoints, counting: (CareLeaverRecord) -> Bool) -> [Tally] {
        let n = pts.count
        var rowsByChild: [ChildID: [CareLeaverRecord]] = [:]
        for r in data.careLeavers { rowsByChild[r.child, default: []].append(r) }
        var numbers = Array(repeating: 0, count: n), bases = Array(repeating: 0, count: n), noRow = Array(repeating: 0, count: n)
        var noBirthDate = 0
        for (child, rows) in rowsByChild {
            guard let dob = rows.lazy.compactMap({ $0.birthDate.day }).last ?? data.claHeaders[child]?.birthDate.day else { noBirthDate += 1; continue }
            // 0: no OC3 row, 1: left out (died or returned home), 2: in the base, 3: also in the numerator.
            let outcomes: [(range: Range<Int>, outcome: Int)] = [21, 20, 19].map { age in
                let birthday = dob.adding(years: age)
                let k = pts.containing(birthday)
                if k.isEmpty { return (k, 0) }
                let year = birthday.collectionYear
                guard let row = rows.last(where: { $0.collectionYear == year }) ?? rows.last(where: { $0.collectionYear == nil }) else { return (k, 0) }
                let inTouch = row.inTouch ?? ""
                if inTouch == "DIED" || inTouch == "RHOM" { return (k, 1) }
                return (k, counting(row) ? 3 : 2)
            }
            let lo = outcomes.map(\.range.lowerBound).min()!, hi = outcomes.map(\.range.upperBound).max()!
            if lo >= hi { continue }
            for k in lo..<hi {
                guard let o = outcomes.first(where: { $0.range.contains(k) })?.outcome else { continue }
                switch o {
                case 0: noRow[k] += 1
                case 1: break
                default:
                    bases[k] += 1
                    if o == 3 { numbers[k] += 1 }
                }
            }
        }
        return Self.tallies(
            n, numerator: numbers, denominator: bases,
            warnings: [
                (noRow, "young people with a birthday in the period have no OC3 row for that collection year and were left out"),
                (Self.constant(noBirthDate, n), "care leavers with no valid date of birth were left out"),
            ])
    }
}

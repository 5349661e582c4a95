import OversightCore

/// The collection a return is checked against: its year and census period.
struct CINContext: Sendable {
    /// The collections whose rules Oversight knows: 2023-24 to 2025-26.
    static let supportedYears: ClosedRange<Int> = 2024...2026

    /// The collection year asked for (2025 = 2024-25).
    let year: Int
    /// `year` clamped to `supportedYears`: the rule set used.
    let ruleYear: Int
    /// 31 March of `year`: the census reference date and the period's last day.
    let referenceDate: Day
    /// 1 April of the year before: the period's first day.
    let censusStart: Day

    /// The working day before the census year starts (rule 8569Q).
    let lastWorkingDayBeforeStart: Day
    /// 44 working days before the reference date: an assessment started earlier has run more than
    /// 45 working days counting the reference date as the first (rule 8670Q).
    let assessmentOverdueBefore: Day
    /// 14 working days before the reference date, for section 47 enquiries' 15 days (rule 8675Q).
    let section47OverdueBefore: Day

    init(year: Int) {
        self.year = year
        ruleYear = min(max(year, Self.supportedYears.lowerBound), Self.supportedYears.upperBound)
        // Any year is accepted; the census period is kept to 1900-9000, well inside what `Day` can step through.
        let period = Period.reportingYear(min(max(year, 1900), 9000))
        referenceDate = period.end
        censusStart = period.start
        lastWorkingDayBeforeStart = CINWorkingDays.workingDay(1, before: period.start)
        assessmentOverdueBefore = CINWorkingDays.workingDay(44, before: period.end)
        section47OverdueBefore = CINWorkingDays.workingDay(14, before: period.end)
    }

    /// From 2024-25 the child's sex is returned as `Sex` (M, F, U); before as `GenderCurrent` (1, 2, 0, 9).
    var usesSex: Bool { ruleYear >= 2025 }

    /// Whether `day` lies in the census period (1 April to 31 March, both included).
    func inPeriod(_ day: Day) -> Bool { censusStart <= day && day <= referenceDate }
}

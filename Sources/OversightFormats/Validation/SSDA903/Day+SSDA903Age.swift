import OversightCore

extension Day {
    /// The whole years from `self` (a birth date) to `day`: the age on that day.
    func age(on day: Day) -> Int {
        let a = components, b = day.components
        var years = b.year - a.year
        if (b.month, b.day) < (a.month, a.day) { years -= 1 }
        return years
    }
}

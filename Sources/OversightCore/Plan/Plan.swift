/// An improvement plan: its ambitions, their actions and KPIs.
public struct Plan: Hashable, Sendable {
    /// A stable id (`trafford-2020`).
    public var id: String
    public var title: String
    /// When the plan was published, as the plan says it (`September 2020`).
    public var published: String
    /// The reporting years the plan covers (2021 = 2020-21); empty when the plan names none.
    public var years: [Int]
    public var ambitions: [Ambition]

    public init(id: String, title: String, published: String = "", years: [Int] = [], ambitions: [Ambition] = []) {
        self.id = id; self.title = title; self.published = published; self.years = years; self.ambitions = ambitions
    }

    /// Every KPI of every ambition, in plan order, with its ambition's number.
    public var allKPIs: [(ambition: Int, kpi: KPI)] {
        ambitions.flatMap { a in a.kpis.map { (a.number, $0) } }
    }

    /// The definition of a KPI's measure: from `MeasureCatalogue` or `HandEnteredMeasures`.
    public static func measureDefinition(_ id: String) -> MeasureDefinition? {
        MeasureCatalogue.definition(id) ?? HandEnteredMeasures.definition(id)
    }
}

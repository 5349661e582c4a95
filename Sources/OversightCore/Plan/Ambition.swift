/// One ambition of an improvement plan: what it says, who leads it, what must be done, how, what
/// has been achieved and the KPIs that measure it.
public struct Ambition: Hashable, Sendable {
    /// The ambition's number in the plan (1-based).
    public var number: Int
    /// A short title.
    public var title: String
    /// The ambition as the plan states it.
    public var statement: String
    /// Who leads it, one role or person an entry.
    public var leads: [String]
    /// "What we need to do", one action an entry.
    public var actions: [String]
    /// "Our approach".
    public var approach: String
    /// What has been achieved so far, one an entry.
    public var achievements: [String]
    public var kpis: [KPI]

    public init(
        number: Int, title: String, statement: String, leads: [String] = [], actions: [String] = [],
        approach: String = "", achievements: [String] = [], kpis: [KPI] = []
    ) {
        self.number = number; self.title = title; self.statement = statement; self.leads = leads
        self.actions = actions; self.approach = approach; self.achievements = achievements; self.kpis = kpis
    }
}

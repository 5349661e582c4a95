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
    /// Actions the plan file gives with more than their words (owner, due date, status,
    /// milestones, KPIs served), each also in `actions`; empty for a plan of words only.
    public var plannedActions: [PlannedAction] = []

    public init(
        number: Int, title: String, statement: String, leads: [String] = [], actions: [String] = [],
        approach: String = "", achievements: [String] = [], kpis: [KPI] = []
    ) {
        self.number = number; self.title = title; self.statement = statement; self.leads = leads
        self.actions = actions; self.approach = approach; self.achievements = achievements; self.kpis = kpis
    }
}

/// An action as a plan file carries it: its words and, where given, who owns it, when it is due,
/// its status, its milestones and the KPIs it serves. `oversight plan import` tracks it as given;
/// `oversight plan export` writes the tracked actions this way.
public struct PlannedAction: Hashable, Sendable {
    public var text: String
    public var owner: String?
    public var due: Day?
    public var status: ActionStatus?
    /// Measure ids of the plan's KPIs it serves.
    public var kpis: [String]
    public var milestones: [ActionMilestone]

    public init(text: String, owner: String? = nil, due: Day? = nil, status: ActionStatus? = nil, kpis: [String] = [], milestones: [ActionMilestone] = []) {
        self.text = text; self.owner = owner; self.due = due; self.status = status; self.kpis = kpis; self.milestones = milestones
    }

    /// Whether it says more than its words.
    public var hasDetails: Bool { owner != nil || due != nil || status != nil || !kpis.isEmpty || !milestones.isEmpty }
}

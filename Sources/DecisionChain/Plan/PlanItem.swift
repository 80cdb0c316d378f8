/// One proposed action of a communication plan: who, what, through which
/// channel, with which message theme, by when, and the rule and facts behind it.
public struct PlanItem: Hashable, Sendable {
    /// Stable identity: rule + deal + stakeholder (or role) + a short key, so
    /// accepting twice adds nothing and calendar UIDs stay the same.
    public var uid: String
    public var rule: String
    public var dealID: Int64
    public var dealName: String
    public var pipelineKey: String
    /// The stage the item belongs to (the deal's current stage).
    public var stageKey: String
    /// Nil for `missing-role` and for pain points nobody in particular raised.
    public var stakeholderID: Int64?
    public var stakeholderName: String?
    public var role: Role?
    public var action: String
    public var channel: Channel
    public var theme: String
    public var due: Day
    public var priority: Priority
    /// One sentence naming the facts that made the rule fire.
    public var why: String

    public init(uid: String, rule: String, dealID: Int64, dealName: String, pipelineKey: String, stageKey: String,
                stakeholderID: Int64? = nil, stakeholderName: String? = nil, role: Role? = nil, action: String,
                channel: Channel, theme: String, due: Day, priority: Priority, why: String) {
        self.uid = uid; self.rule = rule; self.dealID = dealID; self.dealName = dealName; self.pipelineKey = pipelineKey
        self.stageKey = stageKey; self.stakeholderID = stakeholderID; self.stakeholderName = stakeholderName; self.role = role
        self.action = action; self.channel = channel; self.theme = theme; self.due = due; self.priority = priority; self.why = why
    }

    /// Plan order: priority, due date, rule, deal, role (EB first), person, uid.
    public static func planOrder(_ a: PlanItem, _ b: PlanItem) -> Bool {
        func rank(_ i: PlanItem) -> Int { PlanRules.ruleIDs.firstIndex(of: i.rule) ?? Int.max }
        if a.priority != b.priority { return a.priority < b.priority }
        if a.due != b.due { return a.due < b.due }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        if a.dealID != b.dealID { return a.dealID < b.dealID }
        let ra = a.role?.rank ?? Role.allCases.count, rb = b.role?.rank ?? Role.allCases.count
        if ra != rb { return ra < rb }
        if (a.stakeholderName ?? "") != (b.stakeholderName ?? "") { return (a.stakeholderName ?? "") < (b.stakeholderName ?? "") }
        return a.uid < b.uid
    }
}

/// A communication plan for an account's open deals (or one deal), as of a day.
public struct Plan: Hashable, Sendable {
    public var account: Account
    /// The deal asked for with `--deal`; nil when the plan covers every open deal.
    public var deal: Deal?
    /// The deals the plan covers.
    public var deals: [Deal]
    /// Each planned deal's current stage, by deal id (absent when the pipeline lacks it).
    public var stages: [Int64: Stage]
    public var today: Day
    public var language: Language
    /// In plan order.
    public var items: [PlanItem]

    public init(account: Account, deal: Deal?, deals: [Deal], stages: [Int64: Stage] = [:], today: Day, language: Language,
                items: [PlanItem]) {
        self.account = account; self.deal = deal; self.deals = deals; self.stages = stages; self.today = today
        self.language = language; self.items = items
    }

    /// A deal with its current stage's name: `政务云平台 (contract negotiation)`.
    public func dealLine(_ deal: Deal) -> String {
        stages[deal.id].map { "\(deal.name) (\($0.name(language)))" } ?? deal.name
    }

    /// The deal an item belongs to.
    public func deal(of item: PlanItem) -> Deal? { deals.first { $0.id == item.dealID } }
}

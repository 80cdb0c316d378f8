/// Everything known about one account, as the builders need it: the journey
/// map, the empathy map and the plan engine all read a snapshot. The store
/// assembles it with a few queries; tests build it by hand.
public struct AccountSnapshot: Sendable {
    public var account: Account
    public var units: [OrgUnit]
    public var stakeholders: [Stakeholder]
    public var pipelines: [Pipeline]
    public var deals: [Deal]
    public var stageHistory: [StageVisit]
    /// Current buying influences (one row per deal × stakeholder × role).
    public var influences: [BuyingInfluence]
    /// Ordered by time.
    public var touchpoints: [Touchpoint]
    public var painPoints: [PainPoint]
    public var planItems: [PlanItemRecord]
    /// Day-in-the-life steps observed at the account (`dchain observe`), in time order.
    public var observations: [Observation] = []
    /// Every version of every buying influence with the day it ended (nil: current), for `asOf`.
    public var influenceHistory: [InfluencePeriod] = []
    /// When each pain point was responded to and resolved, by pain point id, for `asOf`.
    public var painDates: [Int64: PainDates] = [:]
    /// Survey answers (NPS, CSAT, CES) of the account's people, oldest first.
    public var surveys: [Survey] = []
    /// The experience targets (every pipeline's and the all-pipelines ones).
    public var metricTargets: [MetricTarget] = []

    public init(account: Account, units: [OrgUnit] = [], stakeholders: [Stakeholder] = [], pipelines: [Pipeline] = [],
                deals: [Deal] = [], stageHistory: [StageVisit] = [], influences: [BuyingInfluence] = [],
                touchpoints: [Touchpoint] = [], painPoints: [PainPoint] = [], planItems: [PlanItemRecord] = []) {
        self.account = account; self.units = units; self.stakeholders = stakeholders; self.pipelines = pipelines
        self.deals = deals; self.stageHistory = stageHistory; self.influences = influences
        self.touchpoints = touchpoints.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        self.painPoints = painPoints; self.planItems = planItems
    }

    public func stakeholder(_ id: Int64) -> Stakeholder? { stakeholders.first { $0.id == id } }
    public func pipeline(_ key: String) -> Pipeline? { pipelines.first { $0.key == key } }
    public func deal(_ id: Int64) -> Deal? { deals.first { $0.id == id } }

    /// The roles a stakeholder holds in a deal, EB first.
    public func roles(of stakeholderID: Int64, in dealID: Int64) -> [Role] {
        influences.filter { $0.dealID == dealID && $0.stakeholderID == stakeholderID }.map(\.role).sorted()
    }

    /// Stage entries of a deal, oldest first.
    public func history(of dealID: Int64) -> [StageVisit] {
        stageHistory.filter { $0.dealID == dealID }.sorted { $0.entered < $1.entered }
    }

    /// Touchpoints of a deal (or, with nil, all of the account), oldest first.
    public func touchpoints(of dealID: Int64?) -> [Touchpoint] {
        guard let dealID else { return touchpoints }
        return touchpoints.filter { $0.dealID == dealID }
    }
}

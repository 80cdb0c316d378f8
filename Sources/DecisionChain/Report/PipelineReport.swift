/// Which deals a pipeline report covers and over which period. Filters apply
/// to deals through their account (team, owner, region, kind) and pipeline.
public struct PipelineReportFilter: Hashable, Sendable {
    public var team: String?
    /// The account owner's login.
    public var owner: String?
    public var region: String?
    public var kind: AccountKind?
    /// A pipeline key.
    public var pipeline: String?
    /// First day of the period (inclusive).
    public var since: Day
    /// Last day of the period (inclusive), "today".
    public var today: Day

    /// Length of the default period, in days before today.
    public static let defaultPeriodDays = 90

    /// `since` defaults to today − 90 days.
    public init(team: String? = nil, owner: String? = nil, region: String? = nil, kind: AccountKind? = nil,
                pipeline: String? = nil, since: Day? = nil, today: Day) {
        self.team = team; self.owner = owner; self.region = region; self.kind = kind; self.pipeline = pipeline
        self.since = since ?? today.adding(days: -Self.defaultPeriodDays); self.today = today
    }
}

/// The sections of a pipeline report, in the order they are shown; raw
/// values are the JSON keys and the CSV file names.
public enum PipelineReportSection: String, CaseIterable, Codable, Sendable {
    case funnel, velocity, coverage
    case emotionHeatmap = "emotion_heatmap"
    case painPoints = "pain_points"
    case redFlags = "red_flags"
    case winLoss = "win_loss"
    /// Experience metrics: surveys by stage, by role and over time against targets; conversion, median days, renewals.
    case metrics
}

/// One stage of the funnel: open deals now, and how many deals of the period reached it.
public struct FunnelStage: Hashable, Sendable {
    public var pipelineKey: String
    public var stageKey: String
    public var position: Int
    /// The stage's weight (0…1) for the weighted amount.
    public var weight: Double
    public var openDeals: Int
    public var totalAmount: Double
    /// Sum of amount × weight over the open deals in the stage.
    public var weightedAmount: Double
    /// Deals of the period (open, or closed within it) that reached this stage or a later one.
    public var reached: Int
    /// reached ÷ reached at the previous stage; nil for the first stage or when none reached the previous one.
    public var conversion: Double?
    /// Some deal of the period reached the stage or sits in it now (else a report may fold it away).
    public var hasDeals: Bool { reached > 0 || openDeals > 0 }

    public init(pipelineKey: String, stageKey: String, position: Int, weight: Double, openDeals: Int, totalAmount: Double,
                weightedAmount: Double, reached: Int, conversion: Double?) {
        self.pipelineKey = pipelineKey; self.stageKey = stageKey; self.position = position; self.weight = weight
        self.openDeals = openDeals; self.totalAmount = totalAmount; self.weightedAmount = weightedAmount
        self.reached = reached; self.conversion = conversion
    }
}

/// An open deal's time in its current stage against the stage's expectation.
public struct DealVelocity: Hashable, Sendable {
    public var accountName: String
    public var dealID: Int64
    public var dealName: String
    public var pipelineKey: String
    public var stageKey: String
    public var daysInStage: Int?
    public var expectedDays: Int
    /// The deal's owner, else the account's.
    public var ownerLogin: String?
    /// The deal's amount in `currency` units; nil when not estimated.
    public var amount: Double?
    /// The deal's currency (ISO 4217 code).
    public var currency: String
    /// days ÷ expected; nil when the days are unknown.
    public var ratio: Double? { daysInStage.map { Double($0) / Double(expectedDays) } }
    /// More than 1.5 × expected.
    public var stalled: Bool { RedFlags.isStalled(days: daysInStage, expectedDays: expectedDays) }

    public init(accountName: String, dealID: Int64, dealName: String, pipelineKey: String, stageKey: String,
                daysInStage: Int?, expectedDays: Int, ownerLogin: String? = nil, amount: Double? = nil, currency: String = "CNY") {
        self.accountName = accountName; self.dealID = dealID; self.dealName = dealName; self.pipelineKey = pipelineKey
        self.stageKey = stageKey; self.daysInStage = daysInStage; self.expectedDays = expectedDays
        self.ownerLogin = ownerLogin; self.amount = amount; self.currency = currency
    }
}

/// The median time deals spent in a stage, over the stage visits that ended within the period.
public struct StageMedian: Hashable, Sendable {
    public var pipelineKey: String
    public var stageKey: String
    public var position: Int
    public var expectedDays: Int
    public var medianDays: Double
    /// How many completed visits the median is taken over.
    public var visits: Int
    public init(pipelineKey: String, stageKey: String, position: Int, expectedDays: Int, medianDays: Double, visits: Int) {
        self.pipelineKey = pipelineKey; self.stageKey = stageKey; self.position = position; self.expectedDays = expectedDays
        self.medianDays = medianDays; self.visits = visits
    }
}

/// The velocity section: every open deal against its stage, and the stage medians.
public struct Velocity: Hashable, Sendable {
    /// Slowest first (highest days ÷ expected), then by account and deal.
    public var deals: [DealVelocity]
    public var stageMedians: [StageMedian]
    public init(deals: [DealVelocity], stageMedians: [StageMedian]) { self.deals = deals; self.stageMedians = stageMedians }
}

/// One row of the coverage matrix: an open deal against EB, TB, UB and Coach.
public struct CoverageRow: Hashable, Sendable {
    public var accountName: String
    public var dealID: Int64
    public var dealName: String
    public var pipelineKey: String
    public var stageKey: String
    /// The deal's owner, else the account's.
    public var ownerLogin: String?
    /// EB, TB, UB, Coach, in that order.
    public var cells: [CoverageCell]
    public init(accountName: String, dealID: Int64, dealName: String, pipelineKey: String, stageKey: String, cells: [CoverageCell],
                ownerLogin: String? = nil) {
        self.accountName = accountName; self.dealID = dealID; self.dealName = dealName; self.pipelineKey = pipelineKey
        self.stageKey = stageKey; self.cells = cells; self.ownerLogin = ownerLogin
    }
}

/// One role of one deal: identified? contacted within cadence? latest emotion?
public struct CoverageCell: Hashable, Sendable {
    public var role: Role
    public var stakeholders: [String]
    public var identified: Bool { !stakeholders.isEmpty }
    public var lastContact: Day?
    public var cadenceDays: Int
    public var withinCadence: Bool
    public var latestEmotion: Emotion?
    public init(role: Role, stakeholders: [String], lastContact: Day?, cadenceDays: Int, withinCadence: Bool, latestEmotion: Emotion?) {
        self.role = role; self.stakeholders = stakeholders; self.lastContact = lastContact; self.cadenceDays = cadenceDays
        self.withinCadence = withinCadence; self.latestEmotion = latestEmotion
    }
}

/// One cell of the emotion heat map: the mean known emotion of a role's
/// participants at touchpoints of a stage within the period.
public struct HeatCell: Hashable, Sendable {
    public var pipelineKey: String
    public var stageKey: String
    public var position: Int
    public var role: Role
    public var meanEmotion: Double
    /// How many known emotions the mean is taken over.
    public var count: Int
    public init(pipelineKey: String, stageKey: String, position: Int, role: Role, meanEmotion: Double, count: Int) {
        self.pipelineKey = pipelineKey; self.stageKey = stageKey; self.position = position; self.role = role
        self.meanEmotion = meanEmotion; self.count = count
    }
}

/// Open pain points with the same text (as entered), and where they come from.
public struct PainGroup: Hashable, Sendable {
    public var text: String
    public var occurrences: Int
    /// The highest severity among them.
    public var severity: Severity
    /// Up to `PainGroup.accountLimit` accounts, those with the most occurrences first.
    public var accounts: [String]
    /// How many distinct accounts raised it.
    public var accountCount: Int
    /// Accounts listed per pain point.
    public static let accountLimit = 10
    /// Pain points listed.
    public static let limit = 10
    public init(text: String, occurrences: Int, severity: Severity, accounts: [String], accountCount: Int) {
        self.text = text; self.occurrences = occurrences; self.severity = severity; self.accounts = accounts
        self.accountCount = accountCount
    }
}

/// Closed deals of the period with one outcome, last stage and reason.
public struct WinLossRow: Hashable, Sendable {
    public var pipelineKey: String
    /// The stage the deal was in when it closed.
    public var stageKey: String
    public var position: Int
    public var status: DealStatus
    /// The close reason as entered; nil when none was given.
    public var reason: String?
    public var deals: Int
    public var amount: Double
    public init(pipelineKey: String, stageKey: String, position: Int, status: DealStatus, reason: String?, deals: Int, amount: Double) {
        self.pipelineKey = pipelineKey; self.stageKey = stageKey; self.position = position; self.status = status
        self.reason = reason; self.deals = deals; self.amount = amount
    }
}

/// What the store reads for the pipeline report: the aggregates SQL computed and
/// one `DealFacts` per deal; `PipelineReport.build` turns them into the report.
public struct PipelineReportRows: Sendable {
    public var stages: [Stage]
    public var deals: [DealFacts]
    public var funnel: [FunnelStage]
    public var stageMedians: [StageMedian]
    public var emotionHeatmap: [HeatCell]
    public var painPoints: [PainGroup]
    public var winLoss: [WinLossRow]
    /// The survey counts, renewals and targets of the metrics section.
    public var metrics: PipelineMetricsRows
    public init(stages: [Stage], deals: [DealFacts] = [], funnel: [FunnelStage] = [], stageMedians: [StageMedian] = [],
                emotionHeatmap: [HeatCell] = [], painPoints: [PainGroup] = [], winLoss: [WinLossRow] = [],
                metrics: PipelineMetricsRows = PipelineMetricsRows()) {
        self.stages = stages; self.deals = deals; self.funnel = funnel; self.stageMedians = stageMedians
        self.emotionHeatmap = emotionHeatmap; self.painPoints = painPoints; self.winLoss = winLoss; self.metrics = metrics
    }
}

/// The Monday-morning pipeline review: funnel, velocity, coverage, emotion
/// heat map, top pain points, red flags and win/loss. A finished value:
/// renderers read it, nothing in it needs the database.
public struct PipelineReport: Sendable {
    public var filter: PipelineReportFilter
    /// The stages of the pipelines in scope, in pipeline then position order (for names).
    public var stages: [Stage]
    public var funnel: [FunnelStage]
    public var velocity: Velocity
    public var coverage: [CoverageRow]
    public var emotionHeatmap: [HeatCell]
    public var painPoints: [PainGroup]
    public var redFlags: [RedFlag]
    public var winLoss: [WinLossRow]
    public var metrics: PipelineMetrics

    public init(filter: PipelineReportFilter, stages: [Stage], funnel: [FunnelStage], velocity: Velocity, coverage: [CoverageRow],
                emotionHeatmap: [HeatCell], painPoints: [PainGroup], redFlags: [RedFlag], winLoss: [WinLossRow],
                metrics: PipelineMetrics? = nil) {
        self.filter = filter; self.stages = stages; self.funnel = funnel; self.velocity = velocity; self.coverage = coverage
        self.emotionHeatmap = emotionHeatmap; self.painPoints = painPoints; self.redFlags = redFlags; self.winLoss = winLoss
        self.metrics = metrics ?? PipelineMetrics(granularity: TrendGranularity.forPeriod(since: filter.since, today: filter.today))
    }

    /// Assembles the report from the aggregates SQL computed and the per-deal
    /// facts: the velocity list, the coverage matrix and the red flags are
    /// decided here, from the facts, so their rules are testable without a database.
    public static func build(filter: PipelineReportFilter, rows: PipelineReportRows, policy: RedFlagPolicy = RedFlagPolicy()) -> PipelineReport {
        build(filter: filter, stages: rows.stages, funnel: rows.funnel, stageMedians: rows.stageMedians, deals: rows.deals,
              emotionHeatmap: rows.emotionHeatmap, painPoints: rows.painPoints, winLoss: rows.winLoss, metrics: rows.metrics, policy: policy)
    }

    /// The same from the parts (tests build them by hand).
    public static func build(filter: PipelineReportFilter, stages: [Stage], funnel: [FunnelStage], stageMedians: [StageMedian],
                             deals: [DealFacts], emotionHeatmap: [HeatCell], painPoints: [PainGroup],
                             winLoss: [WinLossRow], metrics: PipelineMetricsRows = PipelineMetricsRows(),
                             policy: RedFlagPolicy = RedFlagPolicy()) -> PipelineReport {
        let today = filter.today
        let open = deals.filter { $0.status == .open }
            .sorted { ($0.accountName, $0.dealName, $0.dealID) < ($1.accountName, $1.dealName, $1.dealID) }
        let velocity = open.map {
            DealVelocity(accountName: $0.accountName, dealID: $0.dealID, dealName: $0.dealName, pipelineKey: $0.pipelineKey,
                         stageKey: $0.stageKey, daysInStage: $0.daysInStage(today: today), expectedDays: $0.expectedDays,
                         ownerLogin: $0.ownerLogin, amount: $0.amount, currency: $0.currency)
        }
        // Slowest first; unknown days last; stable by the name order above.
        let ranked = velocity.enumerated().sorted { a, b in
            let ra = a.element.ratio ?? -1, rb = b.element.ratio ?? -1
            return ra != rb ? ra > rb : a.offset < b.offset
        }.map(\.element)
        let coverage = open.map { f in
            CoverageRow(accountName: f.accountName, dealID: f.dealID, dealName: f.dealName, pipelineKey: f.pipelineKey,
                        stageKey: f.stageKey, cells: f.roles.map { r in
                CoverageCell(role: r.role, stakeholders: r.stakeholders, lastContact: r.lastContact,
                             cadenceDays: policy.cadence(r.role), withinCadence: r.withinCadence(today: today, cadenceDays: policy.cadence(r.role)),
                             latestEmotion: r.latestEmotion)
            }, ownerLogin: f.ownerLogin)
        }
        // A pipeline nobody in scope uses is noise: keep it only when asked for by name.
        var used = Set(open.map(\.pipelineKey))
        used.formUnion(funnel.filter { $0.reached > 0 || $0.openDeals > 0 }.map(\.pipelineKey))
        used.formUnion(stageMedians.map(\.pipelineKey))
        used.formUnion(emotionHeatmap.map(\.pipelineKey))
        used.formUnion(winLoss.map(\.pipelineKey))
        used.formUnion(metrics.stages.map(\.pipelineKey))
        if let p = filter.pipeline { used.insert(p) }
        let inScope = stages.filter { used.contains($0.pipelineKey) }
        return PipelineReport(filter: filter, stages: inScope,
                              funnel: funnel.filter { used.contains($0.pipelineKey) },
                              velocity: Velocity(deals: ranked, stageMedians: stageMedians), coverage: coverage,
                              emotionHeatmap: emotionHeatmap, painPoints: painPoints,
                              redFlags: open.flatMap { RedFlags.evaluate($0, today: today, policy: policy) }, winLoss: winLoss,
                              metrics: PipelineMetrics.build(rows: metrics, stages: inScope, funnel: funnel, stageMedians: stageMedians,
                                                             filter: filter))
    }

    /// A stage of a pipeline in scope, by keys.
    public func stage(_ pipelineKey: String, _ stageKey: String) -> Stage? {
        stages.first { $0.pipelineKey == pipelineKey && $0.key == stageKey }
    }

    /// The keys of the pipelines in scope, in order.
    public var pipelineKeys: [String] {
        var seen: [String] = []
        for s in stages where !seen.contains(s.pipelineKey) { seen.append(s.pipelineKey) }
        return seen
    }
}

/// Survey answers counted by SQL for one stage of a pipeline.
public struct StageTally: Hashable, Sendable {
    public var pipelineKey: String
    public var stageKey: String
    public var position: Int
    public var tally: SurveyTally
    public init(pipelineKey: String, stageKey: String, position: Int, tally: SurveyTally) {
        self.pipelineKey = pipelineKey; self.stageKey = stageKey; self.position = position; self.tally = tally
    }
}

/// Survey answers counted by SQL for one buying role (nil: people holding no role in the deal).
public struct RoleTally: Hashable, Sendable {
    public var role: Role?
    public var tally: SurveyTally
    public init(role: Role?, tally: SurveyTally) { self.role = role; self.tally = tally }
}

/// Survey answers counted by SQL for one month or quarter (its first day).
public struct PeriodTally: Hashable, Sendable {
    public var start: Day
    public var tally: SurveyTally
    public init(start: Day, tally: SurveyTally) { self.start = start; self.tally = tally }
}

/// What the store reads for the report's metrics section.
public struct PipelineMetricsRows: Hashable, Sendable {
    public var stages: [StageTally]
    public var roles: [RoleTally]
    public var periods: [PeriodTally]
    public var renewal: RenewalRate
    public var targets: [MetricTarget]
    public init(stages: [StageTally] = [], roles: [RoleTally] = [], periods: [PeriodTally] = [],
                renewal: RenewalRate = RenewalRate(reached: 0, renewed: 0, notRenewed: 0), targets: [MetricTarget] = []) {
        self.stages = stages; self.roles = roles; self.periods = periods; self.renewal = renewal; self.targets = targets
    }
}

/// One stage in the metrics section: its survey scores against target, and
/// how deals move through it (reached, conversion into it, median days in it).
public struct StageExperience: Hashable, Sendable {
    public var pipelineKey: String
    public var stageKey: String
    public var position: Int
    public var scores: ExperienceScores
    /// Deals of the period that reached the stage (the funnel's count).
    public var reached: Int
    /// reached ÷ reached at the stage before; nil for the first stage.
    public var conversion: Double?
    /// Median days of the visits that ended within the period; nil when none did.
    public var medianDays: Double?
    public var expectedDays: Int
}

/// One buying role in the metrics section (nil role: people holding none).
public struct RoleExperience: Hashable, Sendable {
    public var role: Role?
    public var scores: ExperienceScores
}

/// One month or quarter of the metrics trend.
public struct PeriodExperience: Hashable, Sendable {
    /// `2026-03` or `2026-Q1`.
    public var period: String
    public var start: Day
    public var scores: ExperienceScores
}

/// The pipeline report's `metrics` section: survey scores by stage, by role
/// and over time against the targets, stage-to-stage conversion, median days
/// per stage, and the renewal rate of enterprise deals.
public struct PipelineMetrics: Hashable, Sendable {
    public var granularity: TrendGranularity
    /// Every survey of the period together.
    public var overall: ExperienceScores
    /// The stages of the pipelines in scope that have answers or deals, in pipeline order.
    public var byStage: [StageExperience]
    /// EB, TB, UB, Coach, then people with no role; only those with answers.
    public var byRole: [RoleExperience]
    /// Oldest first; only buckets with answers.
    public var trend: [PeriodExperience]
    public var renewal: RenewalRate
    public var targets: [MetricTarget]

    public init(granularity: TrendGranularity, overall: ExperienceScores = ExperienceScores(), byStage: [StageExperience] = [],
                byRole: [RoleExperience] = [], trend: [PeriodExperience] = [],
                renewal: RenewalRate = RenewalRate(reached: 0, renewed: 0, notRenewed: 0), targets: [MetricTarget] = []) {
        self.granularity = granularity; self.overall = overall; self.byStage = byStage; self.byRole = byRole; self.trend = trend
        self.renewal = renewal; self.targets = targets
    }

    /// Puts the section together from the counts SQL made, the funnel and the
    /// stage medians. Targets per stage are its pipeline's; for roles, the
    /// trend and overall, the filtered pipeline's (else the all-pipelines one).
    public static func build(rows: PipelineMetricsRows, stages: [Stage], funnel: [FunnelStage], stageMedians: [StageMedian],
                             filter: PipelineReportFilter) -> PipelineMetrics {
        let t = rows.targets, scope = filter.pipeline
        var byStage: [StageExperience] = []
        for st in stages {
            let tallies = rows.stages.filter { $0.pipelineKey == st.pipelineKey && $0.stageKey == st.key }.map(\.tally)
            let f = funnel.first { $0.pipelineKey == st.pipelineKey && $0.stageKey == st.key }
            let m = stageMedians.first { $0.pipelineKey == st.pipelineKey && $0.stageKey == st.key }
            guard !tallies.isEmpty || (f?.reached ?? 0) > 0 || m != nil else { continue }
            byStage.append(StageExperience(pipelineKey: st.pipelineKey, stageKey: st.key, position: st.position,
                                           scores: ExperienceScores(tallies: tallies, targets: t, pipeline: st.pipelineKey),
                                           reached: f?.reached ?? 0, conversion: f?.conversion, medianDays: m?.medianDays,
                                           expectedDays: st.expectedDays))
        }
        let roles: [Role?] = Role.allCases.map { $0 } + [nil]
        let byRole = roles.compactMap { r -> RoleExperience? in
            let tallies = rows.roles.filter { $0.role == r }.map(\.tally)
            return tallies.isEmpty ? nil : RoleExperience(role: r, scores: ExperienceScores(tallies: tallies, targets: t, pipeline: scope))
        }
        let granularity = TrendGranularity.forPeriod(since: filter.since, today: filter.today)
        let starts = Set(rows.periods.map { granularity.start(of: $0.start) }).sorted()
        let trend = starts.map { start in
            PeriodExperience(period: granularity.label(of: start), start: start,
                             scores: ExperienceScores(tallies: rows.periods.filter { granularity.start(of: $0.start) == start }.map(\.tally),
                                                      targets: t, pipeline: scope))
        }
        return PipelineMetrics(granularity: granularity,
                               overall: ExperienceScores(tallies: rows.periods.map(\.tally), targets: t, pipeline: scope),
                               byStage: byStage, byRole: byRole, trend: trend, renewal: rows.renewal, targets: t)
    }
}

/// One deal's own experience metrics, for its review sheet: per stage it
/// went through, the surveys answered there and the days spent, and every
/// survey of the deal together — each against the targets of its pipeline.
public struct DealMetrics: Hashable, Sendable {
    /// One stage of the deal's history.
    public struct StageLine: Hashable, Sendable {
        public var stageKey: String
        /// The pipeline's stage (names, expected days), when known.
        public var stage: Stage?
        public var scores: ExperienceScores
        /// Days in the stage over all visits (the current one up to today).
        public var days: Int
        public var expectedDays: Int?
        public init(stageKey: String, stage: Stage?, scores: ExperienceScores, days: Int, expectedDays: Int?) {
            self.stageKey = stageKey; self.stage = stage; self.scores = scores; self.days = days; self.expectedDays = expectedDays
        }
    }

    public var overall: ExperienceScores
    /// In the order the deal first entered them.
    public var stages: [StageLine]

    public init(overall: ExperienceScores, stages: [StageLine]) { self.overall = overall; self.stages = stages }

    /// From the account's snapshot: the deal's stage history and surveys up to `today`.
    public static func build(snapshot s: AccountSnapshot, deal: Deal, today: Day) -> DealMetrics {
        let surveys = s.surveys.filter { $0.dealID == deal.id && $0.on <= today }
        let pipeline = s.pipeline(deal.pipelineKey)
        let history = s.history(of: deal.id).filter { $0.entered <= today }
        let end = deal.closedOn.map { min($0, today) } ?? today
        var order: [String] = [], days: [String: Int] = [:]
        for v in StageFlow.visitDays(history, closedOn: end) {
            if days[v.stageKey] == nil { order.append(v.stageKey) }
            days[v.stageKey, default: 0] += v.days
        }
        for key in surveys.compactMap(\.stageKey) where days[key] == nil { order.append(key); days[key] = 0 }
        let targets = s.metricTargets
        return DealMetrics(
            overall: ExperienceScores(surveys: surveys, targets: targets, pipeline: deal.pipelineKey),
            stages: order.map { key in
                StageLine(stageKey: key, stage: pipeline?.stage(key), scores: ExperienceScores(surveys: surveys.filter { $0.stageKey == key }, targets: targets,
                                                                  pipeline: deal.pipelineKey),
                          days: days[key] ?? 0, expectedDays: pipeline?.stage(key)?.expectedDays)
            })
    }
}

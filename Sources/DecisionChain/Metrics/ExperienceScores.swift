/// The answers of one survey kind, counted: how many, their sum, and (NPS)
/// how they split into promoters, passives and detractors. SQL aggregates
/// give these counts directly; `init(kind:scores:)` counts a list.
public struct SurveyTally: Hashable, Sendable {
    public var kind: SurveyKind
    public var n: Int
    /// The sum of the scores.
    public var total: Int
    /// NPS only (0 for CSAT and CES).
    public var nps: NetPromoterScore

    public init(kind: SurveyKind, n: Int = 0, total: Int = 0, nps: NetPromoterScore = NetPromoterScore(promoters: 0, passives: 0, detractors: 0)) {
        self.kind = kind; self.n = n; self.total = total; self.nps = nps
    }

    /// Counts a list of scores of one kind.
    public init<S: Sequence>(kind: SurveyKind, scores: S) where S.Element == Int {
        let list = Array(scores)
        self.init(kind: kind, n: list.count, total: list.reduce(0, +),
                  nps: kind == .nps ? NetPromoterScore(scores: list) : NetPromoterScore(promoters: 0, passives: 0, detractors: 0))
    }

    /// The mean score, rounded to 2 decimals; nil when nobody answered.
    public var mean: Double? {
        guard n > 0 else { return nil }
        return (Double(total) * 100 / Double(n)).rounded() / 100
    }

    /// The headline number: the NPS score for NPS, the mean for CSAT and CES.
    public var value: Double? { kind == .nps ? nps.score : mean }

    /// Two tallies of the same kind together.
    public static func + (a: SurveyTally, b: SurveyTally) -> SurveyTally {
        SurveyTally(kind: a.kind, n: a.n + b.n, total: a.total + b.total,
                    nps: NetPromoterScore(promoters: a.nps.promoters + b.nps.promoters, passives: a.nps.passives + b.nps.passives,
                                          detractors: a.nps.detractors + b.nps.detractors))
    }
}

/// One survey kind's result against its target.
public struct ScoreAgainstTarget: Hashable, Sendable {
    public var tally: SurveyTally
    /// The target that applies; nil when none is set.
    public var target: Double?

    public init(tally: SurveyTally, target: Double?) { self.tally = tally; self.target = target }

    public var kind: SurveyKind { tally.kind }
    public var n: Int { tally.n }
    public var value: Double? { tally.value }

    /// At or above the target (higher is better for all three kinds); nil when
    /// there is no target or no answer.
    public var meetsTarget: Bool? {
        guard let target, let value else { return nil }
        return value >= target
    }
}

/// NPS, CSAT and CES of one slice (a stage, a role, a month, a deal), each
/// against its target.
public struct ExperienceScores: Hashable, Sendable {
    public var nps: ScoreAgainstTarget
    public var csat: ScoreAgainstTarget
    public var ces: ScoreAgainstTarget

    /// No answers and no targets.
    public init() {
        nps = ScoreAgainstTarget(tally: SurveyTally(kind: .nps), target: nil)
        csat = ScoreAgainstTarget(tally: SurveyTally(kind: .csat), target: nil)
        ces = ScoreAgainstTarget(tally: SurveyTally(kind: .ces), target: nil)
    }

    /// From tallies (several of one kind are added up) and the targets that apply to `pipeline`.
    public init(tallies: [SurveyTally], targets: [MetricTarget], pipeline: String?) {
        self.init()
        for t in tallies { self[t.kind].tally = self[t.kind].tally + t }
        for k in SurveyKind.allCases { self[k].target = targets.value(k, pipeline: pipeline) }
    }

    /// From the answers themselves.
    public init(surveys: [Survey], targets: [MetricTarget], pipeline: String?) {
        self.init(tallies: SurveyKind.allCases.map { k in SurveyTally(kind: k, scores: surveys.filter { $0.kind == k }.map(\.score)) },
                  targets: targets, pipeline: pipeline)
    }

    public subscript(kind: SurveyKind) -> ScoreAgainstTarget {
        get {
            switch kind { case .nps: nps; case .csat: csat; case .ces: ces }
        }
        set {
            switch kind { case .nps: nps = newValue; case .csat: csat = newValue; case .ces: ces = newValue }
        }
    }

    /// The kinds with at least one answer, in NPS, CSAT, CES order.
    public var answered: [ScoreAgainstTarget] { SurveyKind.allCases.map { self[$0] }.filter { $0.n > 0 } }

    /// Nobody answered any survey.
    public var isEmpty: Bool { answered.isEmpty }

    /// How many answers over all three kinds.
    public var n: Int { nps.n + csat.n + ces.n }
}

/// JSON (docs/metrics-json.md): NPS as `score`, `n`, `promoters`, `passives`,
/// `detractors`; CSAT and CES as `mean`, `n`; each with `target` and
/// `meets_target` (null when unknown).
extension ScoreAgainstTarget: Encodable {
    enum CodingKeys: String, CodingKey { case score, mean, n, promoters, passives, detractors, target, meetsTarget = "meets_target" }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if kind == .nps {
            try c.encode(tally.nps.score, forKey: .score)
            try c.encode(tally.nps.promoters, forKey: .promoters); try c.encode(tally.nps.passives, forKey: .passives)
            try c.encode(tally.nps.detractors, forKey: .detractors)
        } else {
            try c.encode(tally.mean, forKey: .mean)
        }
        try c.encode(n, forKey: .n); try c.encode(target, forKey: .target); try c.encode(meetsTarget, forKey: .meetsTarget)
    }
}

/// JSON: `{"nps": …, "csat": …, "ces": …}`.
extension ExperienceScores: Encodable {
    enum CodingKeys: String, CodingKey { case nps, csat, ces }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nps, forKey: .nps); try c.encode(csat, forKey: .csat); try c.encode(ces, forKey: .ces)
    }
}

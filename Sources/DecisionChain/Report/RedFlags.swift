/// The stable key of a red flag (the JSON `flag` value); never rename.
public enum RedFlagKind: String, CaseIterable, Codable, Sendable {
    case noEB = "no-eb"
    case ebNegative = "eb-negative"
    case noCoach = "no-coach"
    case singleThreaded = "single-threaded"
    case stalled
    case opponent
    case silent30d = "silent-30d"
}

/// A warning about one deal, with the evidence that raised it.
public struct RedFlag: Hashable, Sendable {
    public var accountID: Int64
    public var accountName: String
    public var dealID: Int64
    public var dealName: String
    /// The deal's pipeline (for the names of the stages in the evidence).
    public var pipelineKey: String
    public var evidence: Evidence

    /// Why the flag was raised: the facts a renderer turns into a sentence.
    public enum Evidence: Hashable, Sendable {
        /// No current EB on the deal.
        case noEB
        /// The EB's latest known emotion is at or below the threshold.
        case ebNegative(names: [String], emotion: Emotion, on: Day?)
        /// No current Coach on the deal.
        case noCoach
        /// At most one stakeholder took part in the deal's touchpoints within `windowDays`.
        case singleThreaded(contacted: Int, windowDays: Int)
        /// Days in stage above `factor` × expected.
        case stalled(stageKey: String, days: Int, expectedDays: Int, factor: Double)
        /// High-influence skeptics or opponents.
        case opponent([AdversePerson])
        /// No touchpoint tagged with the deal within `windowDays` (`last` nil: never).
        case silent(last: Day?, windowDays: Int)
    }

    public init(accountID: Int64, accountName: String, dealID: Int64, dealName: String, pipelineKey: String, evidence: Evidence) {
        self.accountID = accountID; self.accountName = accountName; self.dealID = dealID; self.dealName = dealName
        self.pipelineKey = pipelineKey; self.evidence = evidence
    }

    /// The flag's stable key.
    public var kind: RedFlagKind {
        switch evidence {
        case .noEB: return .noEB
        case .ebNegative: return .ebNegative
        case .noCoach: return .noCoach
        case .singleThreaded: return .singleThreaded
        case .stalled: return .stalled
        case .opponent: return .opponent
        case .silent: return .silent30d
        }
    }
}

/// The red-flag rules, decided from a deal's facts. Thresholds are named so
/// the documentation and the tests can quote them.
public enum RedFlags {
    /// A deal is stalled when its days in stage exceed this multiple of the stage's expected days.
    public static let stallFactor = 1.5
    /// The EB is negative when their latest known emotion is at or below this.
    public static let ebNegativeAt = -1
    /// Single-threaded: one stakeholder (or none) contacted within this many days.
    public static let threadWindowDays = 60
    /// Silent: no touchpoint on the deal within this many days.
    public static let silenceDays = 30

    /// True when `days` in a stage exceed 1.5 × its expected days.
    public static func isStalled(days: Int?, expectedDays: Int) -> Bool {
        guard let days else { return false }
        return Double(days) > stallFactor * Double(expectedDays)
    }

    /// Every red flag of an open deal, in the order of `RedFlagKind`. Closed deals have none.
    public static func evaluate(_ f: DealFacts, today: Day) -> [RedFlag] {
        guard f.status == .open else { return [] }
        var evidence: [RedFlag.Evidence] = []
        let eb = f.role(.eb)
        if !eb.identified {
            evidence.append(.noEB)
        } else if let e = eb.latestEmotion, e.value <= ebNegativeAt {
            evidence.append(.ebNegative(names: eb.stakeholders, emotion: e, on: eb.latestEmotionOn))
        }
        if !f.role(.coach).identified { evidence.append(.noCoach) }
        // Nobody contacted at all is as thin as one person: the chain hangs on at most one thread.
        if f.contactedLast60Days <= 1 {
            evidence.append(.singleThreaded(contacted: f.contactedLast60Days, windowDays: threadWindowDays))
        }
        let days = f.daysInStage(today: today)
        if let days, isStalled(days: days, expectedDays: f.expectedDays) {
            evidence.append(.stalled(stageKey: f.stageKey, days: days, expectedDays: f.expectedDays, factor: stallFactor))
        }
        if !f.highInfluenceAdverse.isEmpty { evidence.append(.opponent(f.highInfluenceAdverse)) }
        if f.lastDealTouchpoint.map({ $0.days(to: today) > silenceDays }) ?? true {
            evidence.append(.silent(last: f.lastDealTouchpoint, windowDays: silenceDays))
        }
        return evidence.map { RedFlag(accountID: f.accountID, accountName: f.accountName, dealID: f.dealID, dealName: f.dealName,
                                          pipelineKey: f.pipelineKey, evidence: $0) }
    }
}
